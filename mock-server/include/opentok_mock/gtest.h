#pragma once

// GoogleTest helpers: a running mock in three lines.
//
//   #include <opentok_mock/gtest.h>
//   class MyArchiveTest : public opentok_mock::MockServerTest {};
//   TEST_F(MyArchiveTest, Records) { opentok::OpenTok ot(api_key(), api_secret(), mock_url()); ... }
//
// Each test gets a fresh server (start and stop take a few milliseconds). For one server
// per test program, register MockServerEnvironment instead and reach it through
// MockServerEnvironment::server() (call service().Reset() between tests if needed).

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

#include "opentok_mock/mock_server.h"

namespace opentok_mock {

class MockServerTest : public ::testing::Test {
 protected:
  MockServerTest() : MockServerTest(MockServerOptions{}) {}
  explicit MockServerTest(MockServerOptions options) : mock_server_(std::move(options)) {}

  MockServer& mock_server() { return mock_server_; }
  // The core: clock, simulated clients (Connect/Publish), state and the request journal.
  MockService& mock() { return mock_server_.service(); }
  std::string const& mock_url() const { return mock_server_.url(); }
  std::string const& api_key() const { return mock_server_.default_project().api_key; }
  std::string const& api_secret() const { return mock_server_.default_project().api_secret; }
  // Moves mock time forward, firing every timed transition due in the interval.
  void AdvanceClock(std::chrono::milliseconds by) { mock().AdvanceClock(by); }

 private:
  MockServer mock_server_;
};

class MockServerEnvironment : public ::testing::Environment {
 public:
  explicit MockServerEnvironment(MockServerOptions options = {}) : options_(std::move(options)) {}

  void SetUp() override { Instance() = std::make_unique<MockServer>(options_); }
  void TearDown() override { Instance().reset(); }

  static MockServer& server() {
    if (!Instance()) throw std::logic_error("MockServerEnvironment is not registered or not set up");
    return *Instance();
  }

 private:
  static std::unique_ptr<MockServer>& Instance() {
    static std::unique_ptr<MockServer> instance;
    return instance;
  }
  MockServerOptions options_;
};

}  // namespace opentok_mock

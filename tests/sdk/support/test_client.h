#pragma once

#include <memory>
#include <string>

#include "opentok/opentok.h"
#include "opentok/testing/fake_clock.h"
#include "opentok/testing/fake_transport.h"
#include "opentok/testing/fixed_random.h"
#include "test_data.h"

namespace opentok::testing_util {

inline constexpr char kTestApiUrl[] = "https://api.example.test";

// An OpenTok client wired to a scripted transport, a clock stopped at kNow and a fixed
// nonce: every request and token it makes is exactly reproducible.
struct TestClient {
  std::shared_ptr<testing::FakeTransport> transport = std::make_shared<testing::FakeTransport>();
  std::shared_ptr<testing::FakeClock> clock = std::make_shared<testing::FakeClock>(kNow);
  std::shared_ptr<testing::FixedRandom> random = std::make_shared<testing::FixedRandom>(kNonce);
  OpenTok client;

  // `options` may set anything but the transport, clock and random source.
  explicit TestClient(ClientOptions options = {}) : client(kApiKey, kApiSecret, Wire(std::move(options))) {}

 private:
  ClientOptions Wire(ClientOptions options) {
    if (options.api_url == kDefaultApiUrl) options.api_url = kTestApiUrl;
    options.transport = transport;
    options.clock = clock;
    options.random = random;
    return options;
  }
};

}  // namespace opentok::testing_util

#pragma once

#include <memory>
#include <string>

#include "fakes.h"
#include "opentok/opentok.h"
#include "scripted_transport.h"
#include "test_data.h"

namespace opentok::testing_util {

inline constexpr char kTestApiUrl[] = "https://api.example.test";

// An OpenTok client wired to a scripted transport, a clock stopped at kNow and a fixed
// nonce: every request and token it makes is exactly reproducible.
struct TestClient {
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>(kNow);
  std::shared_ptr<FixedRandom> random = std::make_shared<FixedRandom>(kNonce);
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

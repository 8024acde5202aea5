#pragma once

// An in-process MockServer (frozen clock, seeded) and an httplib client with explicit
// timeouts, plus helpers for the REST and control-plane calls tests repeat.

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

#include "opentok_mock/mock_server.h"
#include "token_helpers.h"

namespace opentok_mock::testing {

inline MockServerOptions FrozenSeededOptions() {
  MockServerOptions options;
  options.service.frozen_clock = true;
  options.service.seed = 11;
  options.projects = {{"12345678", "0123456789abcdef0123456789abcdef01234567"}};
  return options;
}

inline void SetTimeouts(httplib::Client& client) {
  client.set_connection_timeout(std::chrono::seconds(5));
  client.set_read_timeout(std::chrono::seconds(10));
  client.set_write_timeout(std::chrono::seconds(10));
}

class HttpTest : public ::testing::Test {
 protected:
  explicit HttpTest(MockServerOptions options = FrozenSeededOptions())
      : server_(std::move(options)), client_(server_.url()) {
    SetTimeouts(client_);
  }

  std::string const& key() const { return server_.default_project().api_key; }
  std::string const& secret() const { return server_.default_project().api_secret; }
  std::string Project() const { return "/v2/project/" + key(); }

  // X-OPENTOK-AUTH as the Node SDK makes it, on the wall clock.
  httplib::Headers Auth() {
    return {{"X-OPENTOK-AUTH", MakeJwt(RestClaims(key(), server_.service().WallMs() / 1000), secret())}};
  }

  static nlohmann::json Json(httplib::Result const& res) {
    if (!res) return nullptr;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  // An OpenTok error answer: the status, JSON content type and {code, message, description}.
  static void ExpectError(httplib::Result const& res, int status, std::string const& message_part = {},
                          std::optional<int> code = std::nullopt) {
    ASSERT_TRUE(res) << "no response: " << httplib::to_string(res.error());
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    auto body = Json(res);
    ASSERT_TRUE(body.is_object()) << res->body;
    ASSERT_TRUE(body.contains("code") && body["code"].is_number_integer()) << res->body;
    ASSERT_TRUE(body.contains("message") && body["message"].is_string()) << res->body;
    EXPECT_EQ(body["description"], body["message"]);
    if (!message_part.empty()) {
      EXPECT_NE(body["message"].get<std::string>().find(message_part), std::string::npos) << res->body;
    }
    if (code) {
      EXPECT_EQ(body["code"].get<int>(), *code);
    }
  }

  std::string CreateSession(std::string const& form = "p2p.preference=disabled") {
    auto res = client_.Post("/session/create", WithAccept(Auth()), form, "application/x-www-form-urlencoded");
    if (!res || res->status != 200) throw std::runtime_error("session create failed");
    return Json(res)[0]["session_id"].get<std::string>();
  }

  std::string ClientToken(std::string const& session_id, std::string const& role = "publisher") {
    return MakeJwt(ClientClaims(key(), session_id, role, server_.service().NowMs() / 1000), secret());
  }

  std::string Connect(std::string const& session_id, std::string const& role = "publisher") {
    auto res = client_.Post("/_mock/sessions/" + session_id + "/connections",
                            nlohmann::json{{"token", ClientToken(session_id, role)}}.dump(), "application/json");
    if (!res || res->status != 201) throw std::runtime_error("connect failed");
    return Json(res)["connectionId"].get<std::string>();
  }

  std::string Publish(std::string const& session_id, std::string const& connection_id) {
    auto res = client_.Post("/_mock/sessions/" + session_id + "/connections/" + connection_id + "/streams", "{}",
                            "application/json");
    if (!res || res->status != 201) throw std::runtime_error("publish failed");
    return Json(res)["streamId"].get<std::string>();
  }

  httplib::Result StartArchive(nlohmann::json const& body) {
    return client_.Post(Project() + "/archive", Auth(), body.dump(), "application/json");
  }

  nlohmann::json AdvanceSeconds(double seconds) {
    return Json(client_.Post("/_mock/clock/advance", nlohmann::json{{"seconds", seconds}}.dump(), "application/json"));
  }

  static httplib::Headers WithAccept(httplib::Headers headers, std::string const& accept = "application/json") {
    headers.emplace("Accept", accept);
    return headers;
  }

  MockServer server_;
  httplib::Client client_;
};

}  // namespace opentok_mock::testing

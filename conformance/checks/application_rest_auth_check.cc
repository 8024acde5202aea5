// REST authentication of a Vonage application at the wire level, with the suite's own
// RS256 signing (rest_client.cc): the valid Authorization: Bearer JWT is accepted and
// another application's is refused. The shared failure variants (missing, malformed,
// other key, expired, HS256 keyed with the public key, alg none) run in
// error_semantics_check.cc's AuthFailureTest with either credential kind.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "conformance_test.h"

namespace opentok::conformance {
namespace {

class ApplicationRestAuthTest : public ConformanceTest {
 protected:
  void SetUp() override {
    OPENTOK_REQUIRE_CREDENTIALS(CredentialKind::kApplication, "RS256 REST auth of a Vonage application");
  }
};

TEST_F(ApplicationRestAuthTest, BearerRs256IsAccepted) {
  // Without this, every 403 below could be a suite that cannot sign at all.
  RestClient rest = target().Rest();
  HttpResponse response = rest.Get(rest.ProjectPath() + "/archive");
  EXPECT_EQ(response.status, 200) << response.body.substr(0, 200);
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  EXPECT_TRUE(body.is_object() && body.contains("count") && body.contains("items"));
}

TEST_F(ApplicationRestAuthTest, TokenOfAnotherApplicationIsForbidden) {
  OPENTOK_REQUIRE_CONTROL_PLANE("a second application");
  RestClient mine = target().Rest();
  RestClient other = target().Rest(OwnProject());
  // The other application's valid token (its id in application_id, its key) on this one's path.
  HttpResponse response = other.Get(mine.ProjectPath() + "/archive");
  EXPECT_EQ(response.status, 403);
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << "the 403 body is not a JSON object";
  EXPECT_TRUE(body.contains("message") && body["message"].is_string());
}

}  // namespace
}  // namespace opentok::conformance

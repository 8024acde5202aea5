#include "wire_expect.h"

#include <gtest/gtest.h>

#include "redaction.h"

namespace opentok::conformance {

void ExpectErrorAnswer(HttpResponse const& response, int status, std::string const& what) {
  EXPECT_EQ(response.status, status) << what << ": " << Redact(response.body);
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object()) {
    ADD_FAILURE() << what << ": the error body is not a JSON object: " << Redact(response.body);
    return;
  }
  EXPECT_TRUE(body.contains("message") && body["message"].is_string() && !body["message"].get<std::string>().empty())
      << what << ": the error body has no message: " << Redact(response.body);
}

nlohmann::json ExpectJsonAnswer(HttpResponse const& response, int status, std::string const& what) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status != status || !body.is_object()) {
    ADD_FAILURE() << what << ": expected " << status << " with a JSON object, got " << response.status << " "
                  << Redact(response.body);
    return nlohmann::json::object();
  }
  return body;
}

}  // namespace opentok::conformance

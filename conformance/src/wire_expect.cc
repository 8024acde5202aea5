#include "wire_expect.h"

#include <gtest/gtest.h>

#include "redaction.h"
#include "wire_schemas.h"

namespace opentok::conformance {

void ExpectErrorAnswer(HttpResponse const& response, int status, std::string const& what) {
  ExpectErrorBody(response, status, std::nullopt, what);
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

#include "wire_expect.h"

#include <gtest/gtest.h>

#include "wire_schemas.h"

namespace opentok::conformance {

void ExpectErrorAnswer(HttpResponse const& response, int status, std::string const& what) {
  ExpectErrorBody(response, status, std::nullopt, what);
}

nlohmann::json ExpectJsonAnswer(HttpResponse const& response, int status, std::string const& what) {
  return ExpectJsonObjectAnswer(response, status, what);
}

}  // namespace opentok::conformance

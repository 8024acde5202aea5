#include "rest_client.h"

#include <nlohmann/json.hpp>

#include <chrono>

#include "opentok_common/hmac.h"
#include "opentok_common/jwt.h"
#include "opentok_common/random.h"

namespace opentok::conformance {

RestClient::RestClient(std::shared_ptr<HttpTransport> transport, std::string base_url, Credentials credentials)
    : transport_(std::move(transport)), base_url_(std::move(base_url)), credentials_(std::move(credentials)) {}

std::string RestClient::ProjectPath() const { return "/v2/project/" + credentials_.api_key; }

std::string RestClient::AuthHeader(RestAuth auth) const {
  if (auth == RestAuth::kMalformed) return "not-a-jwt";
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  // An expired token was issued an hour ago and lapsed 55 minutes ago: far past any
  // clock-skew leeway an endpoint allows (the mock's default is 5 minutes).
  auto iat = auth == RestAuth::kExpired ? now - 3600 : now;
  nlohmann::json claims = {{"iss", credentials_.api_key}, {"ist", "project"}, {"iat", iat},
                           {"exp", iat + 300},            {"jti", common::FormatUuidV4(common::RandomBytes(16))}};
  std::string secret = auth == RestAuth::kWrongSecret ? credentials_.api_secret + "-wrong" : credentials_.api_secret;
  return common::SignJwtHs256(claims.dump(), common::HmacSigner(common::HmacAlgorithm::kSha256, secret));
}

HttpResponse RestClient::Send(HttpMethod method, std::string const& path, std::string const& body,
                              RestAuth auth) const {
  HttpRequest request;
  request.method = method;
  request.url = base_url_ + path;
  request.headers = {{"Accept", "application/json"}, {"User-Agent", "opentok-conformance"}};
  if (auth != RestAuth::kMissing) request.headers.emplace_back("X-OPENTOK-AUTH", AuthHeader(auth));
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  request.body = body;
  return transport_->Send(request);
}

}  // namespace opentok::conformance

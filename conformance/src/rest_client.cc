#include "rest_client.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <stdexcept>

#include "opentok_common/hmac.h"
#include "opentok_common/jwt.h"
#include "opentok_common/random.h"
#include "suite_rsa.h"

namespace opentok::conformance {

RestClient::RestClient(std::shared_ptr<HttpTransport> transport, std::string base_url, Credentials credentials)
    : transport_(std::move(transport)), base_url_(std::move(base_url)), credentials_(std::move(credentials)) {}

std::string RestClient::ProjectPath() const { return "/v2/project/" + credentials_.api_key; }

namespace {

std::int64_t WallClockSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// "Another application's key": generated once, as RSA key generation takes a while.
SuiteRsaKey const& OtherRsaKey() {
  static SuiteRsaKey const key = SuiteRsaKey::Generate();
  return key;
}

// The claims our SDK and the Vonage SDKs send: application_id, iat, exp = iat + 300, jti.
std::string ApplicationJwt(Credentials const& credentials, RestAuth auth, std::int64_t iat) {
  std::string why;
  auto key = SuiteRsaKey::FromPrivatePem(credentials.private_key_pem, &why);
  if (!key) throw std::runtime_error("the application's private key: " + why);
  nlohmann::json claims = {{"application_id", credentials.api_key},
                           {"iat", iat},
                           {"exp", iat + 300},
                           {"jti", common::FormatUuidV4(common::RandomBytes(16))}};
  switch (auth) {
    case RestAuth::kHs256WithPublicKey:
      return common::SignJwtHs256(claims.dump(), common::HmacSigner(common::HmacAlgorithm::kSha256, key->PublicPem()));
    case RestAuth::kAlgNone: return SuiteJwt(R"({"alg":"none","typ":"JWT"})", claims.dump(), nullptr);
    case RestAuth::kWrongSecret: return SuiteJwt(R"({"alg":"RS256","typ":"JWT"})", claims.dump(), &OtherRsaKey());
    default: return SuiteJwt(R"({"alg":"RS256","typ":"JWT"})", claims.dump(), &*key);
  }
}

std::string ProjectJwt(Credentials const& credentials, RestAuth auth, std::int64_t iat) {
  if (auth == RestAuth::kHs256WithPublicKey || auth == RestAuth::kAlgNone) {
    throw std::logic_error("RestAuth variant only exists for application credentials");
  }
  nlohmann::json claims = {{"iss", credentials.api_key}, {"ist", "project"}, {"iat", iat},
                           {"exp", iat + 300},           {"jti", common::FormatUuidV4(common::RandomBytes(16))}};
  std::string secret = auth == RestAuth::kWrongSecret ? credentials.api_secret + "-wrong" : credentials.api_secret;
  return common::SignJwtHs256(claims.dump(), common::HmacSigner(common::HmacAlgorithm::kSha256, secret));
}

}  // namespace

std::pair<std::string, std::string> RestClient::AuthHeader(RestAuth auth) const {
  bool application = credentials_.is_application();
  std::string name = application ? "Authorization" : "X-OPENTOK-AUTH";
  std::string prefix = application ? "Bearer " : "";
  if (auth == RestAuth::kMalformed) return {name, prefix + "not-a-jwt"};
  // An expired token was issued an hour ago and lapsed 55 minutes ago: far past any
  // clock-skew leeway an endpoint allows (the mock's default is 5 minutes).
  std::int64_t iat = auth == RestAuth::kExpired ? WallClockSeconds() - 3600 : WallClockSeconds();
  return {name, prefix + (application ? ApplicationJwt(credentials_, auth, iat) : ProjectJwt(credentials_, auth, iat))};
}

HttpResponse RestClient::PostForm(std::string const& path, std::string const& form,
                                  std::optional<std::string> const& accept) const {
  HttpRequest request;
  request.method = HttpMethod::kPost;
  request.url = base_url_ + path;
  request.headers = {{"User-Agent", "opentok-conformance"},
                     {"Content-Type", "application/x-www-form-urlencoded"},
                     AuthHeader(RestAuth::kValid)};
  if (accept) request.headers.emplace_back("Accept", *accept);
  request.body = form;
  return transport_->Send(request);
}

HttpResponse RestClient::Send(HttpMethod method, std::string const& path, std::string const& body,
                              RestAuth auth) const {
  HttpRequest request;
  request.method = method;
  request.url = base_url_ + path;
  request.headers = {{"Accept", "application/json"}, {"User-Agent", "opentok-conformance"}};
  if (auth != RestAuth::kMissing) request.headers.push_back(AuthHeader(auth));
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  request.body = body;
  return transport_->Send(request);
}

}  // namespace opentok::conformance

#include "application_credentials.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "redaction.h"
#include "suite_rsa.h"

namespace opentok::conformance {
namespace {

HttpResponse PostApplication(HttpTransport& transport, std::string const& base_url, nlohmann::json const& body) {
  HttpRequest request{HttpMethod::kPost,
                      base_url + "/_mock/applications",
                      {{"Accept", "application/json"}, {"Content-Type", "application/json"}},
                      body.dump()};
  return transport.Send(request);
}

std::runtime_error Unexpected(HttpResponse const& response) {
  // Redact: a 201 body that failed to parse would carry the private key.
  return std::runtime_error("control plane /_mock/applications: got " + std::to_string(response.status) + " " +
                            Redact(response.body));
}

// 8-4-4-4-12 hex digits, either case (the service's ids are lower case; input may not be).
bool IsUuid(std::string const& id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? id[i] != '-' : !std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

}  // namespace

Credentials ApplicationFromFile(std::string const& application_id, std::string const& private_key_path) {
  if (!IsUuid(application_id)) throw std::runtime_error("OPENTOK_APPLICATION_ID must be a UUID, got " + application_id);
  std::ifstream file(private_key_path);
  if (!file) throw std::runtime_error("OPENTOK_PRIVATE_KEY: cannot read the file " + private_key_path);
  std::ostringstream pem;
  pem << file.rdbuf();
  std::string why;
  if (!SuiteRsaKey::FromPrivatePem(pem.str(), &why)) {
    throw std::runtime_error("OPENTOK_PRIVATE_KEY: " + private_key_path + ": " + why);
  }
  return Credentials{.api_key = application_id, .private_key_pem = pem.str()};
}

Credentials CreateMockApplication(HttpTransport& transport, std::string const& base_url) {
  HttpResponse response = PostApplication(transport, base_url, nlohmann::json::object());
  auto json = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status != 201 || !json.is_object() || !json.contains("applicationId") ||
      !json.contains("privateKey")) {
    throw Unexpected(response);
  }
  return Credentials{.api_key = json["applicationId"].get<std::string>(),
                     .private_key_pem = json["privateKey"].get<std::string>()};
}

Credentials WithWrongCredential(Credentials const& credentials) {
  if (!credentials.is_application()) return Credentials{credentials.api_key, credentials.api_secret + "-wrong"};
  return Credentials{.api_key = credentials.api_key, .private_key_pem = SuiteRsaKey::Generate().PrivatePem()};
}

void RegisterMockApplication(HttpTransport& transport, std::string const& base_url, Credentials const& application) {
  std::string why;
  auto key = SuiteRsaKey::FromPrivatePem(application.private_key_pem, &why);
  if (!key) throw std::runtime_error("the application's private key: " + why);
  HttpResponse response = PostApplication(transport, base_url,
                                          {{"applicationId", application.api_key}, {"publicKey", key->PublicPem()}});
  if (response.status != 201 && response.status != 409) throw Unexpected(response);
}

}  // namespace opentok::conformance

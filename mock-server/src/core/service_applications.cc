// Vonage applications: owners like projects (same table, same routes), whose credential is
// an RSA public key (application_key.h).

#include <algorithm>

#include "opentok_mock/application_key.h"
#include "opentok_mock/errors.h"
#include "service_impl.h"

namespace opentok_mock {

Result<ApplicationCredentials> MockService::AddApplication(std::string application_id, std::string public_key_pem) {
  if (!application_id.empty() && !IsApplicationId(application_id)) {
    return errors::BadRequest("Invalid applicationId '" + application_id +
                              "': use a UUID (8-4-4-4-12 hexadecimal digits).");
  }
  // Key work (parsing, or generating a pair) happens before the lock: generation takes up to
  // a second and would stall every request.
  std::optional<opentok::common::RsaPrivateKey> private_key;
  std::string private_key_pem;
  std::optional<opentok::common::RsaPublicKey> public_key;
  if (public_key_pem.empty()) {
    private_key = opentok::common::RsaPrivateKey::Generate();
    private_key_pem = private_key->PrivateKeyPem();
    public_key = opentok::common::RsaPublicKey::FromPem(private_key->PublicKeyPem());
  } else {
    std::string why;
    public_key = opentok::common::RsaPublicKey::FromPem(public_key_pem, &why);
    if (!public_key) return errors::BadRequest("Invalid publicKey: " + why);
  }

  std::unique_lock lock(impl_->mutex);
  if (application_id.empty()) {
    do {
      application_id = impl_->ids.Uuid();
    } while (impl_->FindProject(application_id) != nullptr);
  }
  if (impl_->FindProject(application_id) != nullptr) {
    return errors::Conflict(-1, "Application " + application_id + " already exists.");
  }
  auto key = std::make_unique<ApplicationKey>(application_id, std::move(*public_key), std::move(private_key));
  ApplicationCredentials out{application_id, key->public_key_pem(), std::move(private_key_pem)};
  impl_->projects.emplace(std::move(application_id), std::make_unique<ProjectRecord>(std::move(key)));
  return out;
}

std::vector<ApplicationCredentials> MockService::Applications() const {
  std::shared_lock lock(impl_->mutex);
  std::vector<ApplicationCredentials> out;
  for (auto const& [id, record] : impl_->projects) {
    if (auto const* key = dynamic_cast<ApplicationKey const*>(record->credential.get())) {
      out.push_back({id, key->public_key_pem(), {}});
    }
  }
  std::sort(out.begin(), out.end(), [](auto const& a, auto const& b) { return a.application_id < b.application_id; });
  return out;
}

}  // namespace opentok_mock

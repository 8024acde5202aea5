#include "opentok_common/local_certificates.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>
#include <utility>

namespace opentok::common {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using PkeyPtr = Owned<EVP_PKEY, EVP_PKEY_free>;
using X509Ptr = Owned<X509, X509_free>;

void Check(bool ok, char const* what) {
  if (ok) return;
  ERR_clear_error();
  throw std::runtime_error(std::string("cannot generate the local TLS certificates: ") + what);
}

PkeyPtr NewKey() {
  PkeyPtr key(EVP_EC_gen("P-256"));
  Check(key != nullptr, "key generation failed");
  return key;
}

void SetName(X509_NAME* name, char const* common_name) {
  auto add = [name](char const* field, char const* value) {
    Check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC, reinterpret_cast<unsigned char const*>(value), -1, -1,
                                     0) == 1,
          "cannot set a certificate name");
  };
  add("O", "opentok-mock");
  add("CN", common_name);
}

// A random 159-bit serial number: two CAs made by two runs never share one, so a client
// that cached the first does not confuse them.
void SetRandomSerial(X509* cert) {
  Owned<BIGNUM, BN_free> serial(BN_new());
  Check(serial != nullptr && BN_rand(serial.get(), 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1,
        "cannot draw a serial number");
  Check(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) != nullptr, "cannot set a serial number");
}

// The certificate of `subject_key` named `common_name`, signed by `issuer_key` as `issuer`
// (the certificate itself when null: self-signed), with the extensions given as
// {NID, openssl.cnf-style value} pairs.
X509Ptr MakeCertificate(EVP_PKEY* subject_key, char const* common_name, X509* issuer, EVP_PKEY* issuer_key,
                        std::chrono::hours lifetime, std::initializer_list<std::pair<int, char const*>> extensions) {
  X509Ptr cert(X509_new());
  Check(cert != nullptr, "X509_new failed");
  Check(X509_set_version(cert.get(), X509_VERSION_3) == 1, "cannot set the version");
  SetRandomSerial(cert.get());
  Check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr &&
            X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(lifetime.count()) * 3600) != nullptr,
        "cannot set the validity");
  Check(X509_set_pubkey(cert.get(), subject_key) == 1, "cannot set the public key");
  SetName(X509_get_subject_name(cert.get()), common_name);
  X509* signer = issuer != nullptr ? issuer : cert.get();
  Check(X509_set_issuer_name(cert.get(), X509_get_subject_name(signer)) == 1, "cannot set the issuer");
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, signer, cert.get(), nullptr, nullptr, 0);
  for (auto const& [nid, value] : extensions) {
    Owned<X509_EXTENSION, X509_EXTENSION_free> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    Check(ext != nullptr && X509_add_ext(cert.get(), ext.get(), -1) == 1, "cannot add an extension");
  }
  Check(X509_sign(cert.get(), issuer_key, EVP_sha256()) > 0, "signing failed");
  return cert;
}

std::string PemOf(auto write) {
  Owned<BIO, BIO_free_all> bio(BIO_new(BIO_s_mem()));
  Check(bio != nullptr && write(bio.get()) == 1, "cannot encode PEM");
  char* data = nullptr;
  long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

LocalCertificates GenerateLocalCertificates(std::chrono::hours lifetime) {
  auto ca_key = NewKey();
  // The CA may sign certificates only (no server use of its own), and only end-entity ones.
  auto ca = MakeCertificate(ca_key.get(), "opentok-mock local CA", nullptr, ca_key.get(), lifetime,
                            {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                             {NID_key_usage, "critical,keyCertSign,cRLSign"},
                             {NID_subject_key_identifier, "hash"}});
  auto server_key = NewKey();
  auto server = MakeCertificate(server_key.get(), "localhost", ca.get(), ca_key.get(), lifetime,
                                {{NID_basic_constraints, "critical,CA:FALSE"},
                                 {NID_key_usage, "critical,digitalSignature"},
                                 {NID_ext_key_usage, "serverAuth"},
                                 {NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost"},
                                 {NID_subject_key_identifier, "hash"},
                                 {NID_authority_key_identifier, "keyid:always"}});
  LocalCertificates out;
  out.ca_cert_pem = PemOf([&](BIO* bio) { return PEM_write_bio_X509(bio, ca.get()); });
  out.server_cert_pem = PemOf([&](BIO* bio) { return PEM_write_bio_X509(bio, server.get()); });
  out.server_key_pem = PemOf(
      [&](BIO* bio) { return PEM_write_bio_PrivateKey(bio, server_key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
  return out;
}

}  // namespace opentok::common

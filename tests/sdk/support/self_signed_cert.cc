#include "self_signed_cert.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace opentok::testing_util {
namespace {

template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, std::integral_constant<decltype(Free), Free>>;

void Check(bool ok, char const* what) {
  if (!ok) throw std::runtime_error(std::string("SelfSignedCert: ") + what);
}

void WritePem(std::string const& path, auto write) {
  FILE* file = std::fopen(path.c_str(), "w");
  Check(file != nullptr, "cannot open a PEM file");
  bool ok = write(file) == 1;
  std::fclose(file);
  Check(ok, "cannot write a PEM file");
}

}  // namespace

SelfSignedCert::SelfSignedCert() {
  char dir[] = "/tmp/opentok-sdk-tls-XXXXXX";
  Check(::mkdtemp(dir) != nullptr, "mkdtemp failed");
  dir_ = dir;
  cert_path_ = dir_ + "/cert.pem";
  key_path_ = dir_ + "/key.pem";

  Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_EC_gen("P-256"));
  Check(key != nullptr, "key generation failed");
  Owned<X509, X509_free> cert(X509_new());
  Check(cert != nullptr, "X509_new failed");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<unsigned char const*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (auto [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1"}, std::pair{NID_basic_constraints, "CA:TRUE"}}) {
    Owned<X509_EXTENSION, X509_EXTENSION_free> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    Check(ext != nullptr && X509_add_ext(cert.get(), ext.get(), -1) == 1, "cannot add an extension");
  }
  Check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "signing failed");

  WritePem(key_path_, [&](FILE* f) {
    return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  WritePem(cert_path_, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
}

SelfSignedCert::~SelfSignedCert() {
  std::remove(cert_path_.c_str());
  std::remove(key_path_.c_str());
  ::rmdir(dir_.c_str());
}

}  // namespace opentok::testing_util

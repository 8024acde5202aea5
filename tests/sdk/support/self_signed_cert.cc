#include "self_signed_cert.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "opentok_common/local_certificates.h"

namespace opentok::testing_util {
namespace {

void WriteFile(std::string const& path, std::string const& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!(out << text) || !out.flush()) throw std::runtime_error("SelfSignedCert: cannot write " + path);
}

}  // namespace

SelfSignedCert::SelfSignedCert() {
  char dir[] = "/tmp/opentok-sdk-tls-XXXXXX";  // mode 700: the key file is private
  if (::mkdtemp(dir) == nullptr) throw std::runtime_error("SelfSignedCert: mkdtemp failed");
  dir_ = dir;
  cert_path_ = dir_ + "/cert.pem";
  key_path_ = dir_ + "/key.pem";
  ca_path_ = dir_ + "/ca.pem";
  auto generated = common::GenerateLocalCertificates(std::chrono::hours(24));
  WriteFile(cert_path_, generated.server_cert_pem + generated.ca_cert_pem);
  WriteFile(key_path_, generated.server_key_pem);
  WriteFile(ca_path_, generated.ca_cert_pem);
}

SelfSignedCert::~SelfSignedCert() {
  for (auto const* path : {&cert_path_, &key_path_, &ca_path_}) std::remove(path->c_str());
  ::rmdir(dir_.c_str());
}

}  // namespace opentok::testing_util

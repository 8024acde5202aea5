#pragma once

#include <string>

namespace opentok::testing_util {

// Throwaway loopback TLS certificates (opentok_common/local_certificates.h: a fresh CA and a
// server certificate it signs for 127.0.0.1, ::1 and localhost) written as PEM files into a
// temporary directory that is removed on destruction. Lets tests run a TLS server and check
// that verification is on (an unknown CA fails) and that ClientOptions::ca_file is honoured.
class SelfSignedCert {
 public:
  SelfSignedCert();
  ~SelfSignedCert();
  SelfSignedCert(SelfSignedCert const&) = delete;
  SelfSignedCert& operator=(SelfSignedCert const&) = delete;

  // The server certificate followed by its CA's: a server sends both, and a client given
  // this file as its CA file trusts the CA in it.
  std::string const& cert_path() const { return cert_path_; }
  std::string const& key_path() const { return key_path_; }
  // The CA certificate alone.
  std::string const& ca_path() const { return ca_path_; }

 private:
  std::string dir_;
  std::string cert_path_;
  std::string key_path_;
  std::string ca_path_;
};

}  // namespace opentok::testing_util

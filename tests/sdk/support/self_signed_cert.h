#pragma once

#include <string>

namespace opentok::testing_util {

// A throwaway self-signed certificate for 127.0.0.1 (P-256 key, SAN IP:127.0.0.1), written
// as PEM files into a temporary directory that is removed on destruction. Lets tests run
// a TLS server and check that verification is on (an unknown CA fails) and that
// ClientOptions::ca_file is honoured (trusting this certificate succeeds).
class SelfSignedCert {
 public:
  SelfSignedCert();
  ~SelfSignedCert();
  SelfSignedCert(SelfSignedCert const&) = delete;
  SelfSignedCert& operator=(SelfSignedCert const&) = delete;

  std::string const& cert_path() const { return cert_path_; }
  std::string const& key_path() const { return key_path_; }

 private:
  std::string dir_;
  std::string cert_path_;
  std::string key_path_;
};

}  // namespace opentok::testing_util

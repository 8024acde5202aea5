#pragma once

// Certificates for TLS on this machine only: a fresh certificate authority and a server
// certificate it signs for the loopback names (IP 127.0.0.1, IP ::1, DNS localhost). The mock
// server's self-signed mode serves them (clients trust the CA's PEM), and tests that need a
// throwaway TLS server use them too. Generated with OpenSSL 3's EVP interfaces; nothing is
// written to disk here.

#include <chrono>
#include <string>

namespace opentok::common {

struct LocalCertificates {
  std::string ca_cert_pem;      // the CA ("BEGIN CERTIFICATE"): what a client trusts
  std::string server_cert_pem;  // the server certificate, signed by the CA
  std::string server_key_pem;   // its private key, unencrypted PKCS#8 ("BEGIN PRIVATE KEY")
};

// P-256 keys, SHA-256 signatures, valid from an hour ago (clock skew) for `lifetime`.
// Throws std::runtime_error if OpenSSL fails.
LocalCertificates GenerateLocalCertificates(std::chrono::hours lifetime = std::chrono::hours(24 * 365));

}  // namespace opentok::common

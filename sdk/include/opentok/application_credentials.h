#pragma once

#include <string>

namespace opentok {

// The credentials of a Vonage application (the Vonage Video API's newer account model), an
// alternative to an OpenTok project's API key and secret. The client then signs every REST
// request and every client token with RS256 (the application's RSA private key), as the
// Vonage server SDKs do.
struct ApplicationCredentials {
  // The application id, a UUID such as "c8a7e8a5-0e2d-4a6e-9a4e-1f0b5e6d7c8b" (either case).
  std::string application_id;
  // The RSA private key: PEM text (PKCS#8 "BEGIN PRIVATE KEY" or PKCS#1 "BEGIN RSA PRIVATE
  // KEY", unencrypted), or the path of a file holding it. Text containing "-----BEGIN" is
  // taken as PEM, anything else as a path, like the Vonage SDKs' `privateKey` option.
  std::string private_key;
};

}  // namespace opentok

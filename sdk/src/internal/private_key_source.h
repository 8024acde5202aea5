#pragma once

#include <string>

#include "opentok_common/rsa.h"

namespace opentok::internal {

// The RSA private key of ApplicationCredentials::private_key: PEM text when it contains
// "-----BEGIN", otherwise the path of a PEM file (the Vonage SDKs' rule). Throws
// ArgumentException when the file cannot be read, the text is not a PEM private key or the
// key is not RSA. Messages never quote the text: it may be key material.
common::RsaPrivateKey LoadPrivateKey(std::string const& text_or_path);

}  // namespace opentok::internal

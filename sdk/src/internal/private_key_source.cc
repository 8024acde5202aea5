#include "internal/private_key_source.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "opentok/errors.h"

namespace opentok::internal {
namespace {

// Key files are a few kilobytes; a larger file is certainly not one (and is not read whole).
constexpr std::streamsize kMaxKeyFileSize = 64 * 1024;

std::string ReadKeyFile(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ArgumentException("private_key is neither PEM text nor the path of a readable file (" +
                            std::string(std::strerror(errno)) + ")");
  }
  std::string text(static_cast<std::size_t>(kMaxKeyFileSize) + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw ArgumentException("the private_key file could not be read");
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > static_cast<std::size_t>(kMaxKeyFileSize)) {
    throw ArgumentException("the private_key file is larger than 64 KiB, so it is not a PEM private key");
  }
  return text;
}

}  // namespace

common::RsaPrivateKey LoadPrivateKey(std::string const& text_or_path) {
  if (text_or_path.empty()) throw ArgumentException("private_key must not be empty");
  bool is_pem = text_or_path.find("-----BEGIN") != std::string::npos;
  std::string const file_text = is_pem ? std::string() : ReadKeyFile(text_or_path);
  std::string why;
  auto key = common::RsaPrivateKey::FromPem(is_pem ? text_or_path : file_text, &why);
  if (!key) throw ArgumentException(std::string(is_pem ? "private_key: " : "the private_key file: ") + why);
  return std::move(*key);
}

}  // namespace opentok::internal

#pragma once

#include <filesystem>
#include <string>

namespace opentok_mock::app {

// A PEM private key in a directory of its own under the temporary directory (mode 0700, the
// file 0600, created exclusively), both removed when this object goes. Throws
// std::runtime_error when either cannot be created or written.
class PrivateKeyFile {
 public:
  explicit PrivateKeyFile(std::string const& pem);
  ~PrivateKeyFile();
  PrivateKeyFile(PrivateKeyFile const&) = delete;
  PrivateKeyFile& operator=(PrivateKeyFile const&) = delete;

  std::filesystem::path const& path() const { return path_; }

 private:
  std::filesystem::path directory_;
  std::filesystem::path path_;
};

}  // namespace opentok_mock::app

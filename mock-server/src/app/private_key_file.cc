#include "private_key_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace opentok_mock::app {

PrivateKeyFile::PrivateKeyFile(std::string const& pem) {
  std::string pattern = (std::filesystem::temp_directory_path() / "opentok-mock-exec-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a private directory (" + pattern + "): " + std::strerror(errno));
  }
  directory_ = pattern;
  path_ = directory_ / "application-private-key.pem";
  int fd = open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  bool written = fd >= 0;
  for (std::size_t done = 0; written && done < pem.size();) {
    auto n = write(fd, pem.data() + done, pem.size() - done);
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    if (written) done += static_cast<std::size_t>(n);
  }
  int saved = errno;
  if (fd >= 0 && close(fd) != 0) written = false;
  if (!written) {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
    throw std::runtime_error("cannot write the private key file " + path_.string() + ": " + std::strerror(saved));
  }
}

PrivateKeyFile::~PrivateKeyFile() {
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

}  // namespace opentok_mock::app

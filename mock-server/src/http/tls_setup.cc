#include "tls_setup.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "opentok_common/local_certificates.h"

namespace opentok_mock::http {
namespace {

std::string ReadFile(std::string const& path, char const* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("TLS: cannot read the " + std::string(what) + " file " + path + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Written to a temporary name and renamed, so that a client waiting for the file never
// reads half of it. A certificate is public: the file gets the usual permissions.
void WriteFileAtomically(std::string const& path, std::string const& text) {
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!(out << text) || !out.flush()) {
      throw std::runtime_error("TLS: cannot write the CA file " + path + ": " + std::strerror(errno));
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw std::runtime_error("TLS: cannot write the CA file " + path);
  }
}

}  // namespace

TlsSetup MakeTlsSetup(MockTlsOptions const& options) {
  TlsSetup setup;
  if (!options.enabled()) return setup;
  if (options.cert_file.empty() != options.key_file.empty()) {
    throw std::invalid_argument("TLS: a certificate file needs its key file and a key file its certificate file");
  }
  if (!options.cert_file.empty()) {
    if (options.self_signed || !options.ca_out_file.empty()) {
      throw std::invalid_argument(
          "TLS: the self-signed mode (and its CA file) is for running without a certificate file; with " +
          options.cert_file + " the CA is whoever issued it");
    }
    setup.context = std::make_shared<serving::TlsContext const>(ReadFile(options.cert_file, "certificate"),
                                                                ReadFile(options.key_file, "private key"),
                                                                options.cert_file, options.key_file);
    return setup;
  }
  auto generated = opentok::common::GenerateLocalCertificates();
  setup.context = std::make_shared<serving::TlsContext const>(generated.server_cert_pem, generated.server_key_pem,
                                                              "the generated certificate", "the generated key");
  setup.ca_pem = std::move(generated.ca_cert_pem);
  if (!options.ca_out_file.empty()) WriteFileAtomically(options.ca_out_file, setup.ca_pem);
  return setup;
}

}  // namespace opentok_mock::http

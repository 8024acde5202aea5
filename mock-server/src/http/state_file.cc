#include "state_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace opentok_mock::http {

void LoadStateFile(MockService& service, std::string const& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  if (!file || !(text << file.rdbuf())) throw std::invalid_argument("state file " + path + ": cannot be read");
  auto imported = service.ImportState(text.str());
  if (!imported) throw std::invalid_argument("state file " + path + ": " + imported.error().message);
}

}  // namespace opentok_mock::http

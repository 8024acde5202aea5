#include "port_file.h"

#include <filesystem>
#include <fstream>

namespace opentok_mock::app {

bool WritePortFile(std::string const& path, int port) {
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    if (!(out << port << '\n')) return false;
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  return !error;
}

}  // namespace opentok_mock::app

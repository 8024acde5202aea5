#pragma once

// Reads a table of a Markdown document (docs/mock-rest-surface.md), so that tests can check
// the documented lifecycle tables against the transition tables they document.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace opentok_mock::testing {

// The cells (trimmed) of each row of the first table under the heading line `heading`
// (e.g. "### The render lifecycle"), without the header and separator rows. Empty when the
// heading or its table is missing.
inline std::vector<std::vector<std::string>> DocTable(std::string const& path, std::string const& heading) {
  std::ifstream doc(path);
  std::string line;
  while (std::getline(doc, line) && line != heading) {
  }
  std::vector<std::vector<std::string>> rows;
  bool in_table = false;
  while (std::getline(doc, line)) {
    if (line.rfind('|', 0) != 0) {
      if (in_table) break;
      if (line.rfind("#", 0) == 0) break;  // the next section: this one has no table
      continue;
    }
    in_table = true;
    std::vector<std::string> cells;
    std::stringstream cells_text(line.substr(1));
    std::string cell;
    while (std::getline(cells_text, cell, '|')) {
      auto first = cell.find_first_not_of(' ');
      cells.push_back(first == std::string::npos ? "" : cell.substr(first, cell.find_last_not_of(' ') - first + 1));
    }
    rows.push_back(std::move(cells));
  }
  if (rows.size() < 2) return {};
  rows.erase(rows.begin(), rows.begin() + 2);
  return rows;
}

}  // namespace opentok_mock::testing

// docs/mock-rest-surface.md's REST table and the HTTP layer's route table (rest_call.h)
// describe the same routes: every documented row is served, and every served route is
// documented, so the manual cannot promise a route the mock lacks or hide one it has.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "doc_table.h"
#include "rest_call.h"

namespace opentok_mock::http {
namespace {

constexpr std::string_view kProjectPrefix = "/v2/project/{}";

// Every "{name}" of a path as "{}": the manual and the route table name placeholders
// differently ("{id}", "{archiveId}").
std::string WithAnonymousPlaceholders(std::string_view path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    out += path[i];
    if (path[i] == '{') {
      i = path.find('}', i);
      if (i == std::string_view::npos) break;
      out += '}';
    }
  }
  return out;
}

struct DocumentedRoute {
  std::string method;
  std::string path;  // after the project prefix for project-scoped routes, placeholders anonymous
  bool project_scoped = false;
  std::string notes;
};

// A row's first cell starts with "`METHOD PATH[?QUERY]`"; the third cell holds the notes.
DocumentedRoute ParseRow(std::vector<std::string> const& cells) {
  DocumentedRoute route;
  std::string const& first = cells.at(0);
  auto open = first.find('`');
  auto close = first.find('`', open + 1);
  if (open == std::string::npos || close == std::string::npos) return route;
  std::string code = first.substr(open + 1, close - open - 1);
  auto space = code.find(' ');
  if (space == std::string::npos) return route;
  route.method = code.substr(0, space);
  std::string path = WithAnonymousPlaceholders(code.substr(space + 1, code.find('?') - space - 1));
  if (path.starts_with(kProjectPrefix)) {
    route.project_scoped = true;
    path.erase(0, kProjectPrefix.size());
  }
  route.path = path;
  if (cells.size() > 2) route.notes = cells[2];
  return route;
}

bool Same(DocumentedRoute const& documented, RestRoute const& served) {
  return documented.method == served.method && documented.path == WithAnonymousPlaceholders(served.path) &&
         documented.project_scoped == served.project_scoped;
}

class RestDocTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rows = opentok_mock::testing::DocTable(OPENTOK_REST_SURFACE_DOC, "## The REST surface");
    ASSERT_FALSE(rows.empty()) << "no table under '## The REST surface' in " << OPENTOK_REST_SURFACE_DOC;
    for (auto const& row : rows) documented_.push_back(ParseRow(row));
  }
  std::vector<DocumentedRoute> documented_;
  std::vector<RestRoute> served_ = RestRoutes();
};

TEST_F(RestDocTest, EveryDocumentedRouteIsServed) {
  for (auto const& documented : documented_) {
    bool found = false;
    for (auto const& served : served_) found = found || Same(documented, served);
    EXPECT_TRUE(found) << "documented but not served: " << documented.method << " "
                       << (documented.project_scoped ? "/v2/project/{key}" : "") << documented.path;
  }
}

// A route is documented by a row of its own, or, for an alias of another row (the PHP
// SDK's POST for a render's GET, its /call for /dial), by the other row's notes naming the
// alias's journal operation ("journaled as `sip.dial.call`").
TEST_F(RestDocTest, EveryServedRouteIsDocumented) {
  for (auto const& served : served_) {
    bool found = false;
    for (auto const& documented : documented_) {
      found = found || Same(documented, served) ||
              documented.notes.find("journaled as `" + std::string(served.operation) + "`") != std::string::npos;
    }
    EXPECT_TRUE(found) << "served but not documented: " << served.method << " " << served.path << " ("
                       << served.operation << ")";
  }
}

}  // namespace
}  // namespace opentok_mock::http

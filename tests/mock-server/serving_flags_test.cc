// The serving layer's flags of the binary: the connection limit and the request timeout.

#include <gtest/gtest.h>

#include "flags.h"

namespace opentok_mock::app {
namespace {

TEST(ServingFlagsTest, ConnectionLimitAndRequestTimeout) {
  AppConfig defaults;
  ASSERT_FALSE(ParseFlags({}, defaults));
  EXPECT_EQ(defaults.server.max_connections, 0u);  // automatic: from the open-file limit
  EXPECT_EQ(defaults.server.request_timeout, std::chrono::milliseconds(5000));

  AppConfig config;
  auto error = ParseFlags({"--max-connections", "50", "--request-timeout-ms=250"}, config);
  ASSERT_FALSE(error) << *error;
  EXPECT_EQ(config.server.max_connections, 50u);
  EXPECT_EQ(config.server.request_timeout, std::chrono::milliseconds(250));

  for (std::vector<std::string> const& args : std::vector<std::vector<std::string>>{
           {"--max-connections", "-1"}, {"--max-connections", "many"}, {"--request-timeout-ms", "0"},
           {"--request-timeout-ms", "1.5"}}) {
    AppConfig refused;
    EXPECT_TRUE(ParseFlags(args, refused)) << args[0] << " " << args[1];
  }
  EXPECT_NE(Usage().find("--max-connections N"), std::string::npos);
  EXPECT_NE(Usage().find("--request-timeout-ms N"), std::string::npos);
}

}  // namespace
}  // namespace opentok_mock::app

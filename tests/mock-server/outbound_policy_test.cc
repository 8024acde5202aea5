// The outbound policy: which URLs the mock may connect to on its own (callbacks, Audio
// Connector WebSockets, render page probes), and how it takes them apart.

#include <gtest/gtest.h>

#include "outbound_policy.h"

namespace opentok_mock::testing {
namespace {

using http::OutboundHostAllowed;
using http::OutboundPolicy;
using http::ParseOutboundUrl;

TEST(OutboundPolicyTest, ParsesSchemeHostPortAndTarget) {
  struct Case {
    char const* url;
    char const* scheme;
    char const* host;
    int port;  // effective
    char const* origin;
    char const* target;
  };
  Case const cases[] = {
      {"http://127.0.0.1:8080/hook?x=1#f", "http", "127.0.0.1", 8080, "http://127.0.0.1:8080", "/hook?x=1"},
      {"HTTPS://Hooks.Example.COM/Path", "https", "hooks.example.com", 443, "https://hooks.example.com", "/Path"},
      {"ws://localhost/socket", "ws", "localhost", 80, "ws://localhost", "/socket"},
      {"wss://[::1]:9443", "wss", "[::1]", 9443, "wss://[::1]:9443", "/"},
      {"http://user:pw@127.0.0.1:81?q", "http", "127.0.0.1", 81, "http://127.0.0.1:81", "/?q"},
  };
  for (auto const& c : cases) {
    auto url = ParseOutboundUrl(c.url);
    ASSERT_TRUE(url) << c.url;
    EXPECT_EQ(url->scheme, c.scheme) << c.url;
    EXPECT_EQ(url->host, c.host) << c.url;
    EXPECT_EQ(url->EffectivePort(), c.port) << c.url;
    EXPECT_EQ(url->Origin(), c.origin) << c.url;
    EXPECT_EQ(url->target, c.target) << c.url;
  }
}

TEST(OutboundPolicyTest, RefusesWhatItCannotParse) {
  for (char const* url : {"ftp://127.0.0.1/", "127.0.0.1/hook", "http://", "http://:80/", "http://[::1/",
                          "http://127.0.0.1:0/", "http://127.0.0.1:65536/", "http://127.0.0.1:/", "http://h:8a/"}) {
    EXPECT_FALSE(ParseOutboundUrl(url)) << url;
    EXPECT_FALSE(OutboundHostAllowed(std::string_view(url), OutboundPolicy{{}, true})) << url;
  }
}

TEST(OutboundPolicyTest, LoopbackAlwaysOtherHostsOnlyWhenAllowed) {
  OutboundPolicy none;
  for (char const* url : {"http://127.0.0.1:1/", "https://127.9.8.7/", "ws://LOCALHOST:5/", "wss://[::1]/"}) {
    EXPECT_TRUE(OutboundHostAllowed(std::string_view(url), none)) << url;
  }
  for (char const* url : {"http://example.com/", "http://128.0.0.1/", "http://localhost.example.com/",
                          "http://127.0.0.1.nip.io/", "http://127.0.0.1@example.com/", "ws://[::2]/",
                          "http://10.0.0.7:8080/"}) {
    EXPECT_FALSE(OutboundHostAllowed(std::string_view(url), none)) << url;
    EXPECT_TRUE(OutboundHostAllowed(std::string_view(url), OutboundPolicy{{}, true})) << url;
  }

  OutboundPolicy listed{{"Hooks.Example.com", "10.0.0.7", "fd00::1"}, false};
  EXPECT_TRUE(OutboundHostAllowed(std::string_view("https://hooks.example.com/a"), listed));
  EXPECT_TRUE(OutboundHostAllowed(std::string_view("http://10.0.0.7:9000/"), listed));  // any port
  EXPECT_TRUE(OutboundHostAllowed(std::string_view("ws://[FD00::1]:80/"), listed));
  EXPECT_FALSE(OutboundHostAllowed(std::string_view("https://other.example.com/"), listed));
  EXPECT_FALSE(OutboundHostAllowed(std::string_view("https://example.com/"), listed));  // no suffix matching
}

}  // namespace
}  // namespace opentok_mock::testing

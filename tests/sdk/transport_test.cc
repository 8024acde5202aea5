// The built-in cpp-httplib transport over loopback: http:// with a path prefix, headers
// on the wire, TLS verification and ca_file, proxy, keep-alive, and failures (refused,
// read timeout, TLS) as TransportException.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <set>

#include "independent_verify.h"
#include "loopback_server.h"
#include "opentok/default_transport.h"
#include "opentok/opentok.h"
#include "self_signed_cert.h"
#include "test_data.h"

namespace opentok {
namespace {

using testing_util::kApiKey;
using testing_util::kApiSecret;
using testing_util::kArchiveJson;
using testing_util::LoopbackServer;
using ::testing::HasSubstr;

// What the server saw of the last request.
struct Seen {
  std::mutex mu;
  std::string method, path, target, query_session, auth, user_agent, accept, content_type, body, host;
  std::set<int> client_ports;
  int requests = 0;

  void Record(httplib::Request const& req) {
    std::lock_guard lock(mu);
    method = req.method;
    path = req.path;
    target = req.target;
    query_session = req.get_param_value("sessionId");
    auth = req.get_header_value("X-OPENTOK-AUTH");
    user_agent = req.get_header_value("User-Agent");
    accept = req.get_header_value("Accept");
    content_type = req.get_header_value("Content-Type");
    host = req.get_header_value("Host");
    body = req.body;
    client_ports.insert(req.remote_port);
    ++requests;
  }
};

LoopbackServer::Routes ArchiveRoutes(Seen& seen) {
  return [&seen](httplib::Server& server) {
    auto archive = [&seen](httplib::Request const& req, httplib::Response& res) {
      seen.Record(req);
      res.set_content(kArchiveJson, "application/json");
    };
    server.Get(R"(/.*archive/[^/]+)", archive);
    server.Post(R"(/.*archive/[^/]+/stop)", archive);
    server.Post(R"((/.*)?/session/create)", [&seen](httplib::Request const& req, httplib::Response& res) {
      seen.Record(req);
      res.set_content(R"([{"session_id":"LOOPBACK-SESSION"}])", "application/json");
    });
    server.Delete(R"(/.*archive/missing)", [&seen](httplib::Request const& req, httplib::Response& res) {
      seen.Record(req);
      res.status = 404;
      res.set_content(R"({"code":-1,"message":"Not found. You passed in an invalid archive ID."})",
                      "application/json");
    });
  };
}

ClientOptions Fast(std::string url) {
  return ClientOptions{.api_url = std::move(url),
                       .connect_timeout = std::chrono::milliseconds(2000),
                       .request_timeout = std::chrono::milliseconds(5000)};
}

TEST(DefaultTransport, HttpUrlWithPathPrefixCarriesEveryHeader) {
  Seen seen;
  LoopbackServer server(ArchiveRoutes(seen));
  {
    OpenTok client(kApiKey, kApiSecret, Fast(server.url() + "/prefix/"));
    Archive archive = client.GetArchive("a b");
    EXPECT_EQ(archive.id, testing_util::kArchiveId);
  }
  std::lock_guard lock(seen.mu);
  EXPECT_EQ(seen.method, "GET");
  EXPECT_EQ(seen.target, "/prefix/v2/project/123456/archive/a%20b") << "ids are sent percent-encoded";
  auto auth = testing_util::DecodeJwt(seen.auth, kApiSecret);
  EXPECT_TRUE(auth.signature_valid);
  EXPECT_EQ(auth.payload.at("iss"), "123456");
  EXPECT_EQ(auth.payload.at("ist"), "project");
  EXPECT_EQ(auth.payload.at("exp").get<std::int64_t>() - auth.payload.at("iat").get<std::int64_t>(), 300);
  EXPECT_EQ(auth.payload.at("jti").get<std::string>().size(), 36u) << "a UUID";
  EXPECT_EQ(seen.user_agent, std::string("OpenTok-CPP-SDK/") + kSdkVersion);
  EXPECT_EQ(seen.accept, "application/json");
}

TEST(DefaultTransport, FormBodyAndQueryStringsArriveIntact) {
  Seen seen;
  LoopbackServer server([&seen](httplib::Server& s) {
    ArchiveRoutes(seen)(s);
    s.Get(R"(/v2/project/123456/archive)", [&seen](httplib::Request const& req, httplib::Response& res) {
      seen.Record(req);
      res.set_content(R"({"count":0,"items":[]})", "application/json");
    });
  });
  {
    OpenTok client(kApiKey, kApiSecret, Fast(server.url()));
    EXPECT_EQ(client.CreateSession("10.0.0.1", MediaMode::kRouted).id, "LOOPBACK-SESSION");
    {
      std::lock_guard lock(seen.mu);
      EXPECT_EQ(seen.content_type, "application/x-www-form-urlencoded");
      EXPECT_EQ(seen.body, "archiveMode=manual&p2p.preference=disabled&location=10.0.0.1");
    }
    client.ListArchives(0, 5, "1_a+b/c");
  }
  std::lock_guard lock(seen.mu);
  EXPECT_EQ(seen.query_session, "1_a+b/c");
}

TEST(DefaultTransport, ErrorStatusesBecomeExceptionsWithTheServiceMessage) {
  Seen seen;
  LoopbackServer server(ArchiveRoutes(seen));
  OpenTok client(kApiKey, kApiSecret, Fast(server.url()));
  try {
    client.DeleteArchive("missing");
    FAIL() << "expected NotFoundException";
  } catch (NotFoundException const& e) {
    EXPECT_EQ(e.http_status(), 404);
    EXPECT_EQ(e.service_message(), "Not found. You passed in an invalid archive ID.");
  }
}

TEST(DefaultTransport, KeepAliveReusesOneConnectionForSequentialCalls) {
  Seen seen;
  LoopbackServer server(ArchiveRoutes(seen));
  {
    OpenTok client(kApiKey, kApiSecret, Fast(server.url()));
    for (int i = 0; i < 10; ++i) client.GetArchive("id-" + std::to_string(i));
  }
  std::lock_guard lock(seen.mu);
  EXPECT_EQ(seen.requests, 10);
  EXPECT_EQ(seen.client_ports.size(), 1u) << "each call opened a new connection";
}

TEST(DefaultTransport, RefusedConnectionIsATransportException) {
  testing_util::RefusingPort port;
  OpenTok client(kApiKey, kApiSecret, Fast("http://127.0.0.1:" + std::to_string(port.port())));
  try {
    client.GetArchive("x");
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_THAT(e.what(), HasSubstr("could not connect"));
    EXPECT_THAT(e.what(), ::testing::Not(HasSubstr(kApiSecret)));
  }
}

TEST(DefaultTransport, SilentServerHitsTheRequestTimeout) {
  testing_util::SilentListener listener;
  auto options = Fast("http://127.0.0.1:" + std::to_string(listener.port()));
  options.request_timeout = std::chrono::milliseconds(300);
  OpenTok client(kApiKey, kApiSecret, options);
  auto start = std::chrono::steady_clock::now();
  try {
    client.GetArchive("x");
    FAIL() << "expected TransportException";
  } catch (TransportException const& e) {
    EXPECT_THAT(e.what(), HasSubstr("no response"));
  }
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_GE(elapsed, std::chrono::milliseconds(250));
  EXPECT_LT(elapsed, std::chrono::seconds(5)) << "the configured timeout was not applied";
}

TEST(DefaultTransport, HttpsVerifiesCertificatesAndHonoursCaFile) {
  testing_util::SelfSignedCert cert;
  Seen seen;
  LoopbackServer server(ArchiveRoutes(seen), 4, LoopbackServer::TlsFiles{cert.cert_path(), cert.key_path()});
  ASSERT_THAT(server.url(), ::testing::StartsWith("https://"));
  {
    OpenTok untrusting(kApiKey, kApiSecret, Fast(server.url()));
    try {
      untrusting.GetArchive("x");
      FAIL() << "a self-signed certificate must not be accepted";
    } catch (TransportException const& e) {
      EXPECT_THAT(e.what(), HasSubstr("TLS"));
    }
  }
  {
    auto options = Fast(server.url());
    options.ca_file = cert.cert_path();
    OpenTok trusting(kApiKey, kApiSecret, options);
    EXPECT_EQ(trusting.GetArchive("x").id, testing_util::kArchiveId);
  }
}

TEST(DefaultTransport, HttpsToAPlainHttpServerFailsAsTransportException) {
  Seen seen;
  LoopbackServer server(ArchiveRoutes(seen));
  OpenTok client(kApiKey, kApiSecret, Fast("https://127.0.0.1:" + std::to_string(server.port())));
  EXPECT_THROW(client.GetArchive("x"), TransportException);
}

TEST(DefaultTransport, ProxyReceivesTheRequests) {
  Seen seen;
  LoopbackServer proxy([&seen](httplib::Server& s) {
    // A stand-in proxy: whatever request target it receives, answer as the API would.
    s.set_pre_routing_handler([&seen](httplib::Request const& req, httplib::Response& res) {
      if (req.path.find("archive") == std::string::npos) return httplib::Server::HandlerResponse::Unhandled;
      seen.Record(req);
      res.set_content(kArchiveJson, "application/json");
      return httplib::Server::HandlerResponse::Handled;
    });
  });
  auto options = Fast("http://api.opentok.invalid");
  options.proxy = proxy.url();
  {
    OpenTok client(kApiKey, kApiSecret, options);
    EXPECT_EQ(client.GetArchive("via-proxy").id, testing_util::kArchiveId);
  }
  std::lock_guard lock(seen.mu);
  EXPECT_EQ(seen.requests, 1);
  EXPECT_THAT(seen.path, HasSubstr("/v2/project/123456/archive/via-proxy"));
  EXPECT_THAT(seen.host, HasSubstr("api.opentok.invalid"));
}

TEST(MakeDefaultTransport, SendsAndReturnsStatusHeadersAndBody) {
  LoopbackServer server([](httplib::Server& s) {
    s.Put("/echo", [](httplib::Request const& req, httplib::Response& res) {
      res.status = 418;
      res.set_header("X-Echo", req.get_header_value("X-In"));
      res.set_content(req.body, "text/plain");
    });
  });
  auto transport = MakeDefaultTransport(Fast(server.url()));
  HttpResponse response =
      transport->Send(HttpRequest{.method = HttpMethod::kPut,
                                  .url = server.url() + "/echo",
                                  .headers = {{"X-In", "hello"}, {"Content-Type", "text/plain"}},
                                  .body = "payload"});
  EXPECT_EQ(response.status, 418);
  EXPECT_EQ(response.body, "payload");
  bool found = false;
  for (auto const& [name, value] : response.headers) found |= name == "X-Echo" && value == "hello";
  EXPECT_TRUE(found);
  transport.reset();  // close pooled connections before the server stops
}

TEST(MakeDefaultTransport, RejectsUnusableOptions) {
  EXPECT_THROW(MakeDefaultTransport(ClientOptions{.api_url = "ftp://x"}), ArgumentException);
  EXPECT_THROW(MakeDefaultTransport(ClientOptions{.connect_timeout = std::chrono::milliseconds(0)}), ArgumentException);
  auto transport = MakeDefaultTransport(ClientOptions{});
  EXPECT_THROW(transport->Send(HttpRequest{.url = "not a url"}), TransportException);
}

}  // namespace
}  // namespace opentok

// Vonage application credentials: construction and its errors, the RS256 REST auth header on
// a request of every family (JWT decoded and verified with the public key of a key pair made
// in the test), paths with the application id, and RS256 client tokens.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "application_fixture.h"
#include "opentok/opentok.h"
#include "opentok/testing/fake_transport.h"
#include "opentok/testing/matchers.h"

namespace opentok {
namespace {

using testing_util::DecodeRs256;
using testing_util::EcPrivateKeyPem;
using testing::HasHeader;
using testing::HeaderValue;
using testing_util::kApplicationId;
using testing_util::kNow;
using testing_util::kVonageTestUrl;
using testing_util::SessionIdOf;
using testing_util::TempFile;
using testing_util::TestApplicationClient;
using testing_util::TestPrivateKeyPem;
using testing_util::TestPublicKeyPem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::int64_t kDay = 86400;
constexpr char kToken[] = "client-token";

ApplicationCredentials Credentials(std::string private_key, std::string application_id = kApplicationId) {
  return ApplicationCredentials{.application_id = std::move(application_id), .private_key = std::move(private_key)};
}

// ClientOptions that never touch the network (construction tests only).
ClientOptions Offline(std::string api_url = kDefaultApiUrl) {
  return ClientOptions{.api_url = std::move(api_url), .transport = std::make_shared<testing::FakeTransport>()};
}

// The body of a PEM block, without its BEGIN/END lines: what must never appear in a message.
std::string PemBody(std::string const& pem) {
  auto start = pem.find('\n') + 1;
  auto end = pem.find("-----END");
  return pem.substr(start, end - start);
}

// --- construction ------------------------------------------------------------------------

TEST(ApplicationConstruction, FromPemTextDefaultsToTheVonageHost) {
  OpenTok client(Credentials(TestPrivateKeyPem()));
  EXPECT_EQ(client.api_url(), kVonageApiUrl);
  EXPECT_EQ(client.application_id(), kApplicationId);
  EXPECT_EQ(client.project_id(), kApplicationId);
  EXPECT_EQ(client.api_key(), 0);
  EXPECT_EQ(client.api_secret(), "");
}

TEST(ApplicationConstruction, FromAFilePathWithAnApiUrlOrOptions) {
  TempFile key_file(TestPrivateKeyPem());
  OpenTok with_url(Credentials(key_file.path()), "http://127.0.0.1:4010/");
  EXPECT_EQ(with_url.api_url(), "http://127.0.0.1:4010");
  OpenTok with_options(Credentials(key_file.path()), Offline("https://video.example.test/base"));
  EXPECT_EQ(with_options.api_url(), "https://video.example.test/base");
  // ClientOptions' default URL is the project host; for an application it means the Vonage host.
  OpenTok defaulted(Credentials(key_file.path()), Offline());
  EXPECT_EQ(defaulted.api_url(), kVonageApiUrl);
}

TEST(ApplicationConstruction, AcceptsPkcs1KeysAndUpperCaseIds) {
  std::string pkcs1 = testing_util::TestPrivateKeyPkcs1Pem();
  ASSERT_THAT(pkcs1, HasSubstr("BEGIN RSA PRIVATE KEY"));
  auto transport = std::make_shared<testing::FakeTransport>();
  OpenTok lower(Credentials(pkcs1), ClientOptions{.api_url = kVonageTestUrl, .transport = transport});
  lower.DeleteArchive("a1");
  EXPECT_TRUE(DecodeRs256(HeaderValue(transport->single_request().headers, "Authorization").substr(7), TestPublicKeyPem())
                  .signature_valid)
      << "the PKCS#1 key signs like its PKCS#8 form";
  std::string upper_id = "C8A7E8A5-0E2D-4A6E-9A4E-1F0B5E6D7C8B";
  OpenTok upper(Credentials(pkcs1, upper_id), Offline());
  EXPECT_EQ(upper.application_id(), upper_id) << "the id is used as given";
}

TEST(ApplicationConstruction, MalformedApplicationIds) {
  for (std::string id : {"", "123456", "c8a7e8a5-0e2d-4a6e-9a4e-1f0b5e6d7c8", "c8a7e8a5-0e2d-4a6e-9a4e-1f0b5e6d7c8bb",
                         "c8a7e8a50e2d4a6e9a4e1f0b5e6d7c8b0000", "g8a7e8a5-0e2d-4a6e-9a4e-1f0b5e6d7c8b",
                         "c8a7e8a5_0e2d_4a6e_9a4e_1f0b5e6d7c8b", " c8a7e8a5-0e2d-4a6e-9a4e-1f0b5e6d7c8"}) {
    try {
      OpenTok client(Credentials(TestPrivateKeyPem(), id), Offline());
      ADD_FAILURE() << "accepted application id '" << id << "'";
    } catch (ArgumentException const& e) {
      EXPECT_THAT(e.what(), HasSubstr("application_id must be a UUID")) << id;
    }
  }
}

// The message of the ArgumentException that constructing with `private_key` throws.
std::string ConstructionError(std::string const& private_key) {
  try {
    OpenTok client(Credentials(private_key), Offline());
  } catch (ArgumentException const& e) {
    return e.what();
  }
  ADD_FAILURE() << "construction succeeded";
  return "";
}

TEST(ApplicationConstruction, BadKeysAsPemText) {
  EXPECT_THAT(ConstructionError(""), HasSubstr("private_key must not be empty"));
  std::string ec = EcPrivateKeyPem();
  std::string ec_message = ConstructionError(ec);
  EXPECT_THAT(ec_message, HasSubstr("EC, not RSA"));
  EXPECT_THAT(ec_message, Not(HasSubstr(PemBody(ec))));
  std::string not_a_key = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n";
  EXPECT_THAT(ConstructionError(not_a_key), HasSubstr("private_key: the PEM text is not a readable unencrypted private key"));
  // A public key where the private key belongs.
  std::string public_pem = TestPublicKeyPem();
  std::string public_message = ConstructionError(public_pem);
  EXPECT_THAT(public_message, HasSubstr("private_key:"));
  EXPECT_THAT(public_message, Not(HasSubstr(PemBody(public_pem))));
}

TEST(ApplicationConstruction, BadKeysAsFiles) {
  EXPECT_THAT(ConstructionError("/nonexistent/private.key"),
              HasSubstr("private_key is neither PEM text nor the path of a readable file"));
  TempFile ec_file(EcPrivateKeyPem());
  EXPECT_THAT(ConstructionError(ec_file.path()), HasSubstr("the private_key file: the private key is EC, not RSA"));
  TempFile text_file("this is not a key\n");
  std::string text_message = ConstructionError(text_file.path());
  EXPECT_THAT(text_message, HasSubstr("the private_key file: not a PEM private key"));
  EXPECT_THAT(text_message, Not(HasSubstr("this is not a key")));
  EXPECT_THAT(ConstructionError(text_file.directory()), HasSubstr("private_key"));
  TempFile empty_file("");
  EXPECT_THAT(ConstructionError(empty_file.path()), HasSubstr("the private_key file: not a PEM private key"));
}

TEST(ApplicationConstruction, TheT1DefaultFormatAndBadUrlsAreRefused) {
  ClientOptions t1 = Offline();
  t1.token_format = TokenFormat::kT1;
  EXPECT_THROW(OpenTok(Credentials(TestPrivateKeyPem()), t1), ArgumentException);
  EXPECT_THROW(OpenTok(Credentials(TestPrivateKeyPem()), "ftp://video.example.test"), ArgumentException);
}

// --- REST auth and paths -------------------------------------------------------------------

// The Authorization header of an application request: "Bearer " + an RS256 JWT signed by the
// application's key, with exactly the claims application_id, iat, exp = iat + 300 and jti.
void ExpectApplicationAuth(HttpRequest const& request, std::string const& expected_jti, std::int64_t iat = kNow) {
  EXPECT_THAT(request, Not(HasHeader("X-OPENTOK-AUTH"))) << "no project auth in application mode";
  std::string value = HeaderValue(request.headers, "Authorization");
  ASSERT_EQ(value.rfind("Bearer ", 0), 0u) << "the header is not a Bearer token";
  auto jwt = DecodeRs256(value.substr(7), TestPublicKeyPem());
  EXPECT_TRUE(jwt.signature_valid);
  EXPECT_EQ(jwt.header, nlohmann::json({{"alg", "RS256"}, {"typ", "JWT"}}));
  EXPECT_EQ(jwt.payload,
            nlohmann::json({{"application_id", kApplicationId}, {"iat", iat}, {"exp", iat + 300}, {"jti", expected_jti}}));
}

struct FamilyCall {
  std::string name;
  HttpMethod method;
  std::string path;  // after the base URL
  std::function<void(OpenTok const&)> call;
};

std::vector<FamilyCall> EveryFamily() {
  std::string const sid = SessionIdOf(kApplicationId);
  std::string const project = std::string("/v2/project/") + kApplicationId;
  std::string const session = project + "/session/" + sid;
  return {
      {"CreateSession", HttpMethod::kPost, "/session/create", [](OpenTok const& c) { c.CreateSession(); }},
      {"StartArchive", HttpMethod::kPost, project + "/archive", [sid](OpenTok const& c) { c.StartArchive(sid); }},
      {"GetArchive", HttpMethod::kGet, project + "/archive/a1", [](OpenTok const& c) { c.GetArchive("a1"); }},
      {"ListArchives", HttpMethod::kGet, project + "/archive?offset=0&count=1000", [](OpenTok const& c) { c.ListArchives(); }},
      {"DeleteArchive", HttpMethod::kDelete, project + "/archive/a1", [](OpenTok const& c) { c.DeleteArchive("a1"); }},
      {"StartBroadcast", HttpMethod::kPost, project + "/broadcast",
       [sid](OpenTok const& c) { c.StartBroadcast(sid, StartBroadcastOptions{.hls = HlsOptions{}}); }},
      {"StopBroadcast", HttpMethod::kPost, project + "/broadcast/b1/stop", [](OpenTok const& c) { c.StopBroadcast("b1"); }},
      {"SetBroadcastLayout", HttpMethod::kPut, project + "/broadcast/b1/layout",
       [](OpenTok const& c) { c.SetBroadcastLayout("b1", Layout{}); }},
      {"ListStreams", HttpMethod::kGet, session + "/stream", [sid](OpenTok const& c) { c.ListStreams(sid); }},
      {"SetStreamClassLists", HttpMethod::kPut, session + "/stream",
       [sid](OpenTok const& c) { c.SetStreamClassLists(sid, {StreamProperties{.stream_id = "s1"}}); }},
      {"Signal", HttpMethod::kPost, session + "/signal",
       [sid](OpenTok const& c) { c.Signal(sid, SignalProperties{.type = "chat", .data = "hi"}); }},
      {"ForceDisconnect", HttpMethod::kDelete, session + "/connection/c1",
       [sid](OpenTok const& c) { c.ForceDisconnect(sid, "c1"); }},
      {"ForceMuteAll", HttpMethod::kPost, session + "/mute", [sid](OpenTok const& c) { c.ForceMuteAll(sid); }},
      {"ListConnections", HttpMethod::kGet, session + "/connection", [sid](OpenTok const& c) { c.ListConnections(sid); }},
      {"Dial", HttpMethod::kPost, project + "/dial", [sid](OpenTok const& c) { c.Dial(sid, kToken, "sip:a@b.example"); }},
      {"PlayDTMF", HttpMethod::kPost, session + "/play-dtmf", [sid](OpenTok const& c) { c.PlayDTMF(sid, "12#"); }},
      {"StartLiveCaptions", HttpMethod::kPost, project + "/captions",
       [sid](OpenTok const& c) { c.StartLiveCaptions(sid, kToken); }},
      {"StopLiveCaptions", HttpMethod::kPost, project + "/captions/k1/stop",
       [](OpenTok const& c) { c.StopLiveCaptions("k1"); }},
      {"StartRender", HttpMethod::kPost, project + "/render",
       [sid](OpenTok const& c) { c.StartRender(sid, kToken, RenderOptions{.url = "https://example.test/page"}); }},
      {"GetRender", HttpMethod::kGet, project + "/render/r1", [](OpenTok const& c) { c.GetRender("r1"); }},
      {"ConnectAudioToWebSocket", HttpMethod::kPost, project + "/connect",
       [sid](OpenTok const& c) { c.ConnectAudioToWebSocket(sid, kToken, WebSocketOptions{.uri = "wss://ws.example.test"}); }},
      {"DisconnectAudioConnector", HttpMethod::kPost, project + "/connect/w1/stop",
       [](OpenTok const& c) { c.DisconnectAudioConnector("w1"); }},
  };
}

TEST(ApplicationRest, EveryFamilySignsWithRs256AndUsesTheApplicationIdInPaths) {
  for (auto const& family : EveryFamily()) {
    SCOPED_TRACE(family.name);
    TestApplicationClient t;
    // The scripted default answer ({}) does not decode as every family's resource; only the
    // request matters here, and an argument error would mean nothing was sent.
    try {
      family.call(t.client);
    } catch (InvalidResponseException const&) {
    }
    auto request = t.transport->single_request();
    EXPECT_EQ(request.method, family.method);
    EXPECT_EQ(request.url, kVonageTestUrl + family.path);
    ExpectApplicationAuth(request, "jti-1");
  }
}

TEST(ApplicationRest, EachAttemptIsSignedAfresh) {
  TestApplicationClient t;
  t.client.DeleteArchive("a1");
  t.clock->Set(kNow + 42);
  t.client.DeleteArchive("a2");
  auto requests = t.transport->requests();
  ASSERT_EQ(requests.size(), 2u);
  ExpectApplicationAuth(requests[0], "jti-1");
  ExpectApplicationAuth(requests[1], "jti-2", kNow + 42);
}

TEST(ApplicationRest, SystemRandomJtiIsAUuidV4) {
  auto transport = std::make_shared<testing::FakeTransport>();
  OpenTok client(Credentials(TestPrivateKeyPem()), ClientOptions{.transport = transport});
  client.DeleteArchive("a1");
  auto jwt = DecodeRs256(HeaderValue(transport->single_request().headers, "Authorization").substr(7), TestPublicKeyPem());
  EXPECT_TRUE(jwt.signature_valid);
  std::regex uuid_v4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  EXPECT_TRUE(std::regex_match(jwt.payload.at("jti").get<std::string>(), uuid_v4));
  EXPECT_EQ(transport->single_request().url.rfind(std::string(kVonageApiUrl) + "/v2/project/" + kApplicationId, 0), 0u);
}

// --- client tokens -------------------------------------------------------------------------

testing_util::VerifiedRs256 Verified(std::string const& token) {
  auto jwt = DecodeRs256(token, TestPublicKeyPem());
  EXPECT_TRUE(jwt.signature_valid);
  EXPECT_EQ(jwt.header, nlohmann::json({{"alg", "RS256"}, {"typ", "JWT"}}));
  return jwt;
}

TEST(ApplicationToken, DefaultClaims) {
  TestApplicationClient t;
  std::string sid = SessionIdOf(kApplicationId);
  auto jwt = Verified(t.client.GenerateToken(sid));
  EXPECT_EQ(jwt.payload, nlohmann::json({{"application_id", kApplicationId},
                                         {"iat", kNow},
                                         {"jti", "jti-1"},
                                         {"exp", kNow + kDay},
                                         {"scope", "session.connect"},
                                         {"session_id", sid},
                                         {"role", "publisher"},
                                         {"initial_layout_class_list", ""},
                                         {"sub", "video"},
                                         {"acl", {{"paths", {{"/session/**", nlohmann::json::object()}}}}}}));
  EXPECT_TRUE(t.transport->requests().empty()) << "token generation must not touch the network";
}

TEST(ApplicationToken, EveryOptionAndThePositionalOverload) {
  TestApplicationClient t;
  std::string sid = SessionIdOf(kApplicationId);
  auto jwt = Verified(t.client.GenerateToken(sid, TokenOptions{.role = Role::kModerator,
                                                               .expire_time = kNow + 3600,
                                                               .data = R"({"name":"Ann"})",
                                                               .initial_layout_class_list = {"full", "focus"}}));
  EXPECT_EQ(jwt.payload.at("role"), "moderator");
  EXPECT_EQ(jwt.payload.at("exp"), kNow + 3600);
  EXPECT_EQ(jwt.payload.at("connection_data"), R"({"name":"Ann"})");
  EXPECT_EQ(jwt.payload.at("initial_layout_class_list"), "full focus");
  EXPECT_EQ(jwt.payload.size(), 11u) << jwt.payload.dump();
  auto positional = Verified(t.client.GenerateToken(sid, Role::kSubscriber, kNow + 60, "d", {"x"}));
  EXPECT_EQ(positional.payload.at("role"), "subscriber");
  EXPECT_EQ(positional.payload.at("jti"), "jti-2") << "every token has its own jti";
  EXPECT_FALSE(Verified(t.client.GenerateToken(sid, Role::kPublisherOnly)).payload.contains("connection_data"));
}

TEST(ApplicationToken, NothingOfTheProjectTokens) {
  TestApplicationClient t;
  auto jwt = Verified(t.client.GenerateToken(SessionIdOf(kApplicationId)));
  for (char const* claim : {"iss", "ist", "nonce", "create_time", "expire_time"}) {
    EXPECT_FALSE(jwt.payload.contains(claim)) << claim;
  }
}

TEST(ApplicationToken, ASignatureByAnotherKeyDoesNotVerify) {
  TestApplicationClient t;
  std::string token = t.client.GenerateToken(SessionIdOf(kApplicationId));
  auto other = common::RsaPrivateKey::Generate(2048);
  EXPECT_FALSE(DecodeRs256(token, other.PublicKeyPem()).signature_valid);
}

TEST(ApplicationToken, ExpiryBounds) {
  TestApplicationClient t;
  std::string sid = SessionIdOf(kApplicationId);
  EXPECT_EQ(Verified(t.client.GenerateToken(sid, Role::kPublisher, kNow + 30 * kDay)).payload.at("exp"), kNow + 30 * kDay);
  EXPECT_EQ(Verified(t.client.GenerateToken(sid, Role::kPublisher, kNow + 1)).payload.at("exp"), kNow + 1);
  EXPECT_THROW(t.client.GenerateToken(sid, Role::kPublisher, kNow), ArgumentException);
  EXPECT_THROW(t.client.GenerateToken(sid, Role::kPublisher, kNow - 10), ArgumentException);
  EXPECT_THROW(t.client.GenerateToken(sid, Role::kPublisher, kNow + 30 * kDay + 1), ArgumentException);
}

TEST(ApplicationToken, T1IsRefusedBeforeAnythingIsMinted) {
  TestApplicationClient t;
  try {
    t.client.GenerateToken(SessionIdOf(kApplicationId), TokenOptions{.format = TokenFormat::kT1});
    ADD_FAILURE() << "a T1 token was minted";
  } catch (ArgumentException const& e) {
    EXPECT_THAT(e.what(), HasSubstr("T1 tokens do not exist for Vonage applications"));
  }
  EXPECT_EQ(t.random->ids_issued(), 0) << "no jti was drawn";
}

TEST(ApplicationToken, TheSessionMustBelongToTheApplication) {
  TestApplicationClient t;
  try {
    t.client.GenerateToken(SessionIdOf("d9b8f9b6-1f3e-4b7f-8b5f-2a1c6f7e8d9c"));
    ADD_FAILURE() << "a token for another application's session";
  } catch (ArgumentException const& e) {
    EXPECT_THAT(e.what(), HasSubstr("session_id belongs to a different application"));
  }
  EXPECT_THROW(t.client.GenerateToken(SessionIdOf("123456")), ArgumentException);
  EXPECT_THROW(t.client.GenerateToken("not-a-session"), ArgumentException);
  // Application ids are case-insensitive: a session id that writes the id in upper case is ours.
  EXPECT_TRUE(Verified(t.client.GenerateToken(SessionIdOf("C8A7E8A5-0E2D-4A6E-9A4E-1F0B5E6D7C8B"))).signature_valid);
}

TEST(ApplicationToken, ProjectClientsStillRefuseApplicationSessions) {
  OpenTok project(123456, "secret", Offline());
  try {
    project.GenerateToken(SessionIdOf(kApplicationId));
    ADD_FAILURE() << "a project token for an application's session";
  } catch (ArgumentException const& e) {
    EXPECT_THAT(e.what(), HasSubstr("session_id belongs to a different API key"));
  }
  EXPECT_EQ(project.project_id(), "123456");
  EXPECT_EQ(project.application_id(), "");
}

}  // namespace
}  // namespace opentok

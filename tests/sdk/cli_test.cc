// The `opentok` binary, run as a child process: --help everywhere, usage errors (exit 2),
// offline token output (decoded and verified independently), and every network
// subcommand against a loopback stub server (exit 1 with the service's message on errors).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mutex>

#include "cli_harness.h"
#include "independent_verify.h"

namespace opentok {
namespace {

using testing_util::kApiSecret;
using testing_util::kArchiveId;
using testing_util::kArchiveJson;
using testing_util::kSessionId;
using testing_util::LoopbackServer;
using testing_util::ProcessResult;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

using testing_util::Cli;
using testing_util::Credentials;
using testing_util::Stdout;

TEST(CliHelp, EverySubcommandHasHelp) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases = {
      {{"--help"}, {"session create", "archive list", "broadcast start", "stream set-class-lists", "OPENTOK_API_KEY"}},
      {{"session", "--help"}, {"session create"}},
      {{"archive", "--help"}, {"archive start", "archive stop", "archive get", "archive list", "archive delete"}},
      {{"session", "create", "--help"}, {"--routed", "--archive-mode", "--location"}},
      {{"token", "--help"}, {"SESSION_ID", "--role", "--expire-time", "--data", "--format"}},
      {{"archive", "start", "--help"}, {"--name", "--output-mode", "--resolution", "--no-audio", "--no-video"}},
      {{"archive", "stop", "--help"}, {"ARCHIVE_ID"}},
      {{"archive", "get", "--help"}, {"ARCHIVE_ID"}},
      {{"archive", "list", "--help"}, {"--offset", "--count", "--session-id"}},
      {{"archive", "delete", "--help"}, {"ARCHIVE_ID"}},
      {{"archive", "layout", "--help"}, {"ARCHIVE_ID", "--layout", "--stylesheet", "--screenshare-type"}},
      {{"archive", "add-stream", "--help"}, {"ARCHIVE_ID STREAM_ID", "--no-audio", "--no-video"}},
      {{"archive", "remove-stream", "--help"}, {"ARCHIVE_ID STREAM_ID"}},
      {{"broadcast", "--help"}, {"broadcast start", "broadcast stop", "broadcast get", "broadcast list",
                                 "broadcast layout", "broadcast add-stream", "broadcast remove-stream"}},
      {{"broadcast", "start", "--help"}, {"SESSION_ID", "--hls", "--dvr", "--low-latency", "--rtmp", "--max-duration",
                                          "--max-bitrate", "--layout", "--multi-broadcast-tag", "--stream-mode"}},
      {{"broadcast", "stop", "--help"}, {"BROADCAST_ID"}},
      {{"broadcast", "get", "--help"}, {"BROADCAST_ID"}},
      {{"broadcast", "list", "--help"}, {"--offset", "--count", "--session-id"}},
      {{"broadcast", "layout", "--help"}, {"BROADCAST_ID", "--layout", "--stylesheet"}},
      {{"broadcast", "add-stream", "--help"}, {"BROADCAST_ID STREAM_ID", "--no-audio"}},
      {{"broadcast", "remove-stream", "--help"}, {"BROADCAST_ID STREAM_ID"}},
      {{"stream", "--help"}, {"stream list", "stream get", "stream set-class-lists"}},
      {{"stream", "list", "--help"}, {"SESSION_ID"}},
      {{"stream", "get", "--help"}, {"SESSION_ID STREAM_ID"}},
      {{"stream", "set-class-lists", "--help"}, {"SESSION_ID", "--stream"}},
  };
  for (auto const& [args, expected] : cases) {
    auto r = Cli(args, {});  // no credentials needed for help
    EXPECT_EQ(r.exit_code, 0) << args.front();
    EXPECT_THAT(r.out, HasSubstr("Usage: opentok"));
    for (auto const& text : expected) EXPECT_THAT(r.out, HasSubstr(text)) << args.front();
    EXPECT_THAT(r.err, IsEmpty());
  }
}

TEST(CliUsage, MistakesExitWithTwo) {
  std::vector<std::vector<std::string>> cases = {
      {},
      {"frobnicate"},
      {"session"},
      {"archive", "explode"},
      {"session", "create", "--bogus"},
      {"session", "create", "--archive-mode", "sometimes"},
      {"session", "create", "extra-positional"},
      {"token"},
      {"token", kSessionId, "--role", "king"},
      {"token", kSessionId, "--expire-time", "soon"},
      {"token", kSessionId, "--format", "t2"},
      {"token", kSessionId, "--role"},
      {"archive", "start", kSessionId, "--no-audio=yes"},
      {"archive", "start"},
      {"archive", "stop"},
      {"archive", "get", "a", "b"},
      {"archive", "list", "--count", "many"},
      {"archive", "delete", "--force", kArchiveId},
      {"archive", "layout"},
      {"archive", "add-stream", kArchiveId},
      {"archive", "layout", kArchiveId, "--layout", "grid"},
      {"broadcast"},
      {"broadcast", "start", kSessionId},
      {"broadcast", "start", kSessionId, "--rtmp", "rtmp://only-a-url"},
      {"broadcast", "start", kSessionId, "--rtmp", "a,b,c,d"},
      {"broadcast", "start", kSessionId, "--dvr", "--low-latency"},
      {"broadcast", "start", kSessionId, "--hls", "--max-duration", "59"},
      {"broadcast", "start", kSessionId, "--hls", "--max-duration", "99999999999"},
      {"broadcast", "start", kSessionId, "--hls", "--stream-mode", "sometimes"},
      {"broadcast", "list", "--count", "0"},
      {"broadcast", "remove-stream", "b"},
      {"stream", "get", kSessionId},
      {"stream", "set-class-lists", kSessionId},
      {"stream", "set-class-lists", kSessionId, "--stream", "no-equals-sign"},
      {"stream", "set-class-lists", kSessionId, "--stream", "=full"},
  };
  for (auto const& args : cases) {
    auto r = Cli(args);
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(args);
    EXPECT_THAT(r.out, IsEmpty()) << ::testing::PrintToString(args);
    EXPECT_THAT(r.err, HasSubstr("opentok")) << ::testing::PrintToString(args);
  }
}

TEST(CliUsage, UnknownFlagIsNamed) {
  auto r = Cli({"archive", "list", "--limit", "5"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--limit"));
  EXPECT_THAT(r.err, HasSubstr("opentok archive list --help"));
}

// The parser's own diagnostics name what was wrong and point at the right --help.
TEST(CliUsage, ParseMistakesAreNamed) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases = {
      {{"frobnicate"}, {"unknown command 'frobnicate'", "opentok --help"}},
      {{"archive", "explode"}, {"unknown command 'archive explode'", "opentok archive --help"}},
      {{"archive", "get", "a", "b"}, {"unexpected argument 'b'", "opentok archive get --help"}},
      {{"archive", "stop"}, {"ARCHIVE_ID is required", "opentok archive stop --help"}},
      {{"token", kSessionId, "--role"}, {"--role: 1 required ROLE missing", "opentok token --help"}},
      {{"archive", "start", kSessionId, "--no-audio=yes"}, {"no-audio", "opentok archive start --help"}},
      {{"session"}, {"'session' needs a subcommand", "session create"}},
  };
  for (auto const& [args, expected] : cases) {
    auto r = Cli(args);
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(args);
    for (auto const& text : expected) EXPECT_THAT(r.err, HasSubstr(text)) << ::testing::PrintToString(args);
  }
}

// Help wins wherever --help or -h appears, and the credential options are taken before,
// between and after a command's own arguments.
TEST(CliUsage, HelpAnywhereAndCredentialOptionsAnywhere) {
  for (std::vector<std::string> args : {std::vector<std::string>{"archive", "list", "--count", "5", "--help"},
                                        std::vector<std::string>{"archive", "list", "-h", "--count", "5"}}) {
    auto r = Cli(args, {});
    EXPECT_EQ(r.exit_code, 0) << ::testing::PrintToString(args);
    EXPECT_THAT(r.out, HasSubstr("Usage: opentok archive list")) << ::testing::PrintToString(args);
  }
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--private-key", "/nonexistent/k.pem", "token", kSessionId, "--role", "moderator"},
        std::vector<std::string>{"token", "--private-key", "/nonexistent/k.pem", kSessionId, "--role", "moderator"},
        std::vector<std::string>{"token", kSessionId, "--private-key=/nonexistent/k.pem", "--role", "moderator"}}) {
    auto r = Cli(args, {});
    // Parsed: the CLI got as far as checking the credentials.
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(args);
    EXPECT_THAT(r.err, HasSubstr("--private-key needs --application-id ID")) << ::testing::PrintToString(args);
  }
}

TEST(CliUsage, MissingCredentials) {
  auto r = Cli({"token", kSessionId}, {});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("OPENTOK_API_KEY is not set"));
  r = Cli({"token", kSessionId}, {{"OPENTOK_API_KEY", "123456"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("OPENTOK_API_SECRET is not set"));
}

TEST(CliToken, JwtByDefaultWithEveryOption) {
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  auto out = Stdout(Cli({"token", kSessionId, "--role", "moderator", "--expire-time", std::to_string(now + 3600),
                         "--data", "name=ann", "--layout-class", "full", "--layout-class", "focus"}));
  EXPECT_EQ(out.at("format"), "jwt");
  EXPECT_EQ(out.at("role"), "moderator");
  EXPECT_EQ(out.at("session_id"), kSessionId);
  auto jwt = testing_util::DecodeJwt(out.at("token").get<std::string>(), kApiSecret);
  EXPECT_TRUE(jwt.signature_valid);
  EXPECT_EQ(jwt.payload.at("session_id"), kSessionId);
  EXPECT_EQ(jwt.payload.at("role"), "moderator");
  EXPECT_EQ(jwt.payload.at("exp"), now + 3600);
  EXPECT_EQ(jwt.payload.at("connection_data"), "name=ann");
  EXPECT_EQ(jwt.payload.at("initial_layout_class_list"), "full focus");
}

TEST(CliToken, T1Format) {
  auto out = Stdout(Cli({"token", kSessionId, "--format=t1", "--role=subscriber"}));
  EXPECT_EQ(out.at("format"), "t1");
  auto t1 = testing_util::DecodeT1(out.at("token").get<std::string>(), kApiSecret);
  EXPECT_TRUE(t1.signature_valid);
  EXPECT_EQ(t1.partner_id, "123456");
  EXPECT_EQ(t1.fields.at("role"), "subscriber");
}

TEST(CliToken, SdkValidationErrorsAreUsageErrors) {
  auto r = Cli({"token", kSessionId, "--expire-time", "1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("expire_time must be in the future"));
  r = Cli({"token", "1_bm90aWxkZXM"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("session_id is malformed"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr(kApiSecret)));
}

// A stub of the REST API that records what the CLI sent.
class CliNetworkTest : public ::testing::Test {
 protected:
  struct Seen {
    std::string method, target, body, content_type, auth;
  };

  CliNetworkTest()
      : server_([this](httplib::Server& s) {
          auto record = [this](httplib::Request const& req) {
            std::lock_guard lock(mu_);
            seen_ = {req.method, req.target, req.body, req.get_header_value("Content-Type"),
                     req.get_header_value("X-OPENTOK-AUTH")};
          };
          s.Post("/session/create", [record](httplib::Request const& req, httplib::Response& res) {
            record(req);
            res.set_content(R"([{"session_id":"CLI-SESSION"}])", "application/json");
          });
          s.Post("/v2/project/123456/archive", [record](httplib::Request const& req, httplib::Response& res) {
            record(req);
            res.set_content(kArchiveJson, "application/json");
          });
          s.Post(R"(/v2/project/123456/archive/([^/]+)/stop)", [record](httplib::Request const& req, httplib::Response& res) {
            record(req);
            if (req.matches[1] == "not-recording") {
              res.status = 409;
              res.set_content(R"({"code":15002,"message":"Conflict. You are trying to stop an archive that is not recording."})",
                              "application/json");
              return;
            }
            res.set_content(kArchiveJson, "application/json");
          });
          s.Get(R"(/v2/project/123456/archive/([^/]+))", [record](httplib::Request const& req, httplib::Response& res) {
            record(req);
            res.set_content(kArchiveJson, "application/json");
          });
          s.Get("/v2/project/123456/archive", [record](httplib::Request const& req, httplib::Response& res) {
            record(req);
            res.set_content(std::string(R"({"count":42,"items":[)") + kArchiveJson + "]}", "application/json");
          });
          s.Delete(R"(/v2/project/123456/archive/([^/]+))", [record](httplib::Request const& req, httplib::Response& res) {
            record(req);
            res.status = 204;
          });
        }) {}

  ProcessResult Run(std::vector<std::string> args) { return Cli(std::move(args), Credentials(server_.url())); }
  Seen seen() {
    std::lock_guard lock(mu_);
    return seen_;
  }

  std::mutex mu_;
  Seen seen_;
  LoopbackServer server_;
};

TEST_F(CliNetworkTest, SessionCreate) {
  auto out = Stdout(Run({"session", "create", "--routed", "--archive-mode", "always", "--location", "10.0.0.1"}));
  EXPECT_EQ(out, nlohmann::json::parse(R"({"session_id":"CLI-SESSION","media_mode":"routed","archive_mode":"always",
                                           "location":"10.0.0.1","e2ee":false})"));
  auto s = seen();
  EXPECT_EQ(s.method, "POST");
  EXPECT_EQ(s.body, "archiveMode=always&p2p.preference=disabled&location=10.0.0.1");
  EXPECT_TRUE(testing_util::DecodeJwt(s.auth, kApiSecret).signature_valid);
}

TEST_F(CliNetworkTest, SessionCreateValidationFailsBeforeAnyRequest) {
  auto r = Run({"session", "create", "--archive-mode", "always"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("routed"));
  EXPECT_EQ(seen().method, "");
}

TEST_F(CliNetworkTest, ArchiveStartWithOptions) {
  auto out = Stdout(Run({"archive", "start", kSessionId, "--name", "demo", "--resolution", "1280x720", "--no-audio",
                         "--stream-mode", "manual", "--layout", "custom", "--stylesheet", "s{}", "--max-bitrate",
                         "200000", "--multi-archive-tag", "t"}));
  EXPECT_EQ(out.at("id"), kArchiveId);
  EXPECT_EQ(out.at("status"), "started");
  EXPECT_EQ(out.at("createdAt"), 1727870434974);
  EXPECT_TRUE(out.at("url").is_null());
  auto s = seen();
  EXPECT_EQ(s.target, "/v2/project/123456/archive");
  EXPECT_EQ(s.content_type, "application/json");
  EXPECT_EQ(nlohmann::json::parse(s.body), nlohmann::json::parse(std::string(R"({"sessionId":")") + kSessionId + R"(",
      "name":"demo","hasAudio":false,"hasVideo":true,"outputMode":"composed","resolution":"1280x720",
      "streamMode":"manual","layout":{"type":"custom","stylesheet":"s{}"},"multiArchiveTag":"t","maxBitrate":200000})"));
}

TEST_F(CliNetworkTest, ArchiveStopGetDeleteList) {
  EXPECT_EQ(Stdout(Run({"archive", "stop", kArchiveId})).at("id"), kArchiveId);
  EXPECT_EQ(seen().target, std::string("/v2/project/123456/archive/") + kArchiveId + "/stop");
  EXPECT_EQ(Stdout(Run({"archive", "get", kArchiveId})).at("sessionId"), kSessionId);
  EXPECT_EQ(seen().method, "GET");
  EXPECT_EQ(Stdout(Run({"archive", "delete", kArchiveId})),
            nlohmann::json::parse(std::string(R"({"id":")") + kArchiveId + R"(","deleted":true})"));
  EXPECT_EQ(seen().method, "DELETE");
  auto list = Stdout(Run({"archive", "list", "--offset", "2", "--count", "10", "--session-id", kSessionId}));
  EXPECT_EQ(list.at("count"), 42);
  EXPECT_EQ(list.at("items").size(), 1u);
  EXPECT_EQ(seen().target, std::string("/v2/project/123456/archive?offset=2&count=10&sessionId=") + kSessionId);
  Stdout(Run({"archive", "list"}));
  EXPECT_EQ(seen().target, "/v2/project/123456/archive?offset=0&count=1000");
}

TEST_F(CliNetworkTest, ServiceErrorsExitOneWithTheServiceMessage) {
  auto r = Run({"archive", "stop", "not-recording"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(r.err, HasSubstr("409"));
  EXPECT_THAT(r.err, HasSubstr("Conflict. You are trying to stop an archive that is not recording."));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr(kApiSecret)));
}

TEST(CliNetwork, UnreachableServiceExitsOne) {
  testing_util::RefusingPort port;
  auto r = Cli({"archive", "get", "x"}, Credentials("http://127.0.0.1:" + std::to_string(port.port())));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("could not connect"));
}

}  // namespace
}  // namespace opentok

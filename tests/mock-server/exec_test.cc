// `opentok-mock exec`, the real binary as a child process: the command's exit status (0, a
// code, a signal), its environment (the project's credentials, an application's with its
// private key file), the project's own `opentok` CLI creating sessions through it, SIGTERM
// forwarded to the command, 127 for a command that does not exist, the journal's tail on
// stderr only when the command failed, and exec's --help.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "subprocess.h"

namespace {

using opentok::testing_util::ProcessResult;
using opentok::testing_util::RunProcess;

// `opentok-mock exec FLAGS -- sh -c SCRIPT`, with $CLI the `opentok` CLI. RunProcess drops
// the caller's OPENTOK_* variables and adds `env`.
ProcessResult Exec(std::vector<std::string> flags, std::string const& script,
                   std::map<std::string, std::string> env = {}) {
  std::vector<std::string> argv{OPENTOK_MOCK_BINARY, "exec"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), {"--", "/bin/sh", "-c", script});
  env.emplace("CLI", OPENTOK_CLI_BINARY);
  return RunProcess(argv, env);
}

std::vector<std::string> Lines(std::string const& text) {
  std::vector<std::string> lines;
  std::string::size_type start = 0;
  for (auto end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

TEST(ExecTest, PropagatesTheCommandsExitStatus) {
  auto success = Exec({}, "exit 0");
  EXPECT_EQ(success.exit_code, 0) << success.err;
  EXPECT_EQ(success.err, "");
  auto failure = Exec({}, "exit 3");
  EXPECT_EQ(failure.exit_code, 3);
  EXPECT_NE(failure.err.find("'/bin/sh' exited with status 3"), std::string::npos) << failure.err;
  auto killed = Exec({}, "kill -KILL $$");
  EXPECT_EQ(killed.exit_code, 128 + 9);
  EXPECT_NE(killed.err.find("was ended by signal 9"), std::string::npos) << killed.err;
}

TEST(ExecTest, ForwardsSigtermToTheCommand) {
  // The command asks its parent (the mock) to stop; only a forwarded SIGTERM ends the
  // command before its minute is up, with 128 + 15 instead of 0.
  auto result = Exec({}, "kill -TERM $PPID; exec sleep 60");
  EXPECT_EQ(result.exit_code, 128 + 15) << result.err;
}

TEST(ExecTest, GivesTheProjectsCredentialsAndReplacesTheCallers) {
  auto result = Exec({"--project", "4711:exec-test-secret"},
                     "echo \"$OPENTOK_API_URL\"; echo \"$OPENTOK_API_KEY\"; echo \"$OPENTOK_API_SECRET\";"
                     " echo \"${OPENTOK_APPLICATION_ID-none}\"; echo \"${OPENTOK_PRIVATE_KEY-none}\"",
                     {{"OPENTOK_API_KEY", "stale"}, {"OPENTOK_PRIVATE_KEY", "/stale/key.pem"}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto lines = Lines(result.out);
  ASSERT_EQ(lines.size(), 5u) << result.out;
  EXPECT_EQ(lines[0].rfind("http://127.0.0.1:", 0), 0u) << lines[0];
  EXPECT_NE(lines[0], "http://127.0.0.1:0");
  EXPECT_EQ(lines[1], "4711");
  EXPECT_EQ(lines[2], "exec-test-secret");
  EXPECT_EQ(lines[3], "none");
  EXPECT_EQ(lines[4], "none");
}

TEST(ExecTest, TheOpentokCliCreatesASessionWithTheProject) {
  auto result = Exec({}, "\"$CLI\" session create --routed");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("\"session_id\""), std::string::npos) << result.out;
  EXPECT_EQ(result.err, "");  // no journal tail after a success
}

TEST(ExecTest, GeneratedApplicationHasAPrivateKeyFileRemovedAtExit) {
  auto result = Exec({"--generate-application", "--credentials", "application"},
                     "echo \"$OPENTOK_PRIVATE_KEY\"; stat -c %a \"$OPENTOK_PRIVATE_KEY\";"
                     " stat -c %a \"$(dirname \"$OPENTOK_PRIVATE_KEY\")\"; echo \"${OPENTOK_API_KEY-none}\";"
                     " echo \"$OPENTOK_APPLICATION_ID\"; \"$CLI\" session create");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto lines = Lines(result.out);
  ASSERT_GE(lines.size(), 6u) << result.out;
  EXPECT_EQ(lines[1], "600");
  EXPECT_EQ(lines[2], "700");
  EXPECT_EQ(lines[3], "none");  // --credentials application: the CLI refuses both kinds at once
  EXPECT_EQ(lines[4].size(), 36u) << lines[4];  // a UUID
  EXPECT_NE(result.out.find("\"session_id\""), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("PRIVATE KEY"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(lines[0]));
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(lines[0]).parent_path()));

  auto both = Exec({"--generate-application"}, "test -n \"$OPENTOK_API_KEY\" && test -r \"$OPENTOK_PRIVATE_KEY\"");
  EXPECT_EQ(both.exit_code, 0) << both.err;
  auto refused = Exec({"--credentials", "application"}, "exit 0");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("needs an application"), std::string::npos) << refused.err;
}

TEST(ExecTest, CommandNotFoundIs127WithAMessage) {
  auto result = RunProcess({OPENTOK_MOCK_BINARY, "exec", "--", "opentok-mock-no-such-command", "x"});
  EXPECT_EQ(result.exit_code, 127);
  EXPECT_NE(result.err.find("command not found: 'opentok-mock-no-such-command'"), std::string::npos) << result.err;
  auto path = RunProcess({OPENTOK_MOCK_BINARY, "exec", "/nonexistent/dir/cmd"});
  EXPECT_EQ(path.exit_code, 127) << path.err;
}

TEST(ExecTest, PrintsTheJournalTailWithoutSecretsWhenTheCommandFails) {
  // 22 requests, then a failure: the last 20 are shown, oldest first.
  std::string script = "for i in $(seq 22); do \"$CLI\" session create >/dev/null || exit 9; done; exit 4";
  auto result = Exec({"--project", "4711:exec-test-secret"}, script);
  EXPECT_EQ(result.exit_code, 4);
  auto lines = Lines(result.err);
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0].find("exited with status 4; the mock's last 20 of 22 journaled REST requests:"),
            std::string::npos)
      << result.err;
  ASSERT_EQ(lines.size(), 21u) << result.err;
  EXPECT_EQ(lines[1].rfind("  #3 POST /session/create -> 200 session.create", 0), 0u) << lines[1];
  EXPECT_EQ(lines[20].rfind("  #22 POST /session/create -> 200 session.create", 0), 0u) << lines[20];
  EXPECT_EQ(result.err.find("exec-test-secret"), std::string::npos);
  EXPECT_EQ(result.err.find("X-OPENTOK-AUTH"), std::string::npos);
}

TEST(ExecTest, HelpDescribesExec) {
  auto result = RunProcess({OPENTOK_MOCK_BINARY, "exec", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  for (auto const* text : {"opentok-mock exec [flags] -- COMMAND [ARGS...]", "OPENTOK_API_URL", "--generate-application",
                           "--credentials KIND", "--project KEY:SECRET", "--seed N"}) {
    EXPECT_NE(result.out.find(text), std::string::npos) << text;
  }
  auto missing = RunProcess({OPENTOK_MOCK_BINARY, "exec"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("exec needs a command"), std::string::npos) << missing.err;
}

}  // namespace

#include "flags.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

#include "opentok_common/rsa.h"
#include "opentok_mock/application_key.h"

namespace opentok_mock::app {
namespace {

template <typename T>
bool ParseNumber(std::string const& text, T& out, T min, T max) {
  T value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) return false;
  out = value;
  return true;
}

// Plain decimal within [min, max], passed on canonically (a transform): CLI11's own
// conversion would read "010" as octal, "0x10" as hexadecimal and wrap "-1" into a huge
// unsigned value.
template <typename T>
CLI::Validator Decimal(T min, T max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        T value{};
        if (!ParseNumber(text, value, min, max)) {
          return "'" + text + "' is not an integer from " + std::to_string(min) + " to " + std::to_string(max);
        }
        text = std::to_string(value);  // canonical: CLI11's conversion sees no leading zeros
        return {};
      },
      "");
}

template <typename T>
CLI::Option* Integer(CLI::App& app, std::string const& name, T& target, T min, T max, std::string const& help,
                     std::string const& value_name = "N") {
  return app.add_option(name, target, help)->type_name(value_name)->transform(Decimal(min, max));
}

CLI::Option* Milliseconds(CLI::App& app, std::string const& name, std::chrono::milliseconds& target,
                          std::string const& help) {
  return app
      .add_option_function<std::int64_t>(
          name, [&target](std::int64_t const& ms) { target = std::chrono::milliseconds(ms); }, help)
      ->type_name("N")
      ->transform(Decimal<std::int64_t>(1, 3'600'000));
}

CLI::Option* Seconds(CLI::App& app, std::string const& name, std::int64_t& target, std::string const& help) {
  return Integer<std::int64_t>(app, name, target, 0, 10'000'000'000, help, "SECONDS");
}

// A flag that may be given more than once, one value each time (so that `exec`'s command
// after the flags is never taken as more values).
CLI::Option* Repeatable(CLI::Option* option) {
  return option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->expected(1)->allow_extra_args(false);
}

// APP_ID:PUBLIC_KEY_PEM_FILE. The key is read and checked here, so that a bad file is a flag
// error naming the file, not a start-up failure.
std::optional<std::string> ParseApplication(std::string const& value, std::vector<ApplicationCredentials>& out) {
  auto colon = value.find(':');
  if (colon == std::string::npos) return "use APP_ID:PUBLIC_KEY_PEM_FILE";
  auto id = value.substr(0, colon);
  auto path = value.substr(colon + 1);
  if (!IsApplicationId(id)) return "'" + id + "' is not an application id (a UUID, 8-4-4-4-12 hexadecimal digits)";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream pem;
  if (path.empty() || !in || !(pem << in.rdbuf())) return "cannot read the public key file '" + path + "'";
  std::string why;
  if (!opentok::common::RsaPublicKey::FromPem(pem.str(), &why)) return path + ": " + why;
  out.push_back({id, pem.str(), {}});
  return std::nullopt;
}

// KEY:SECRET, both non-empty. The refused value is not echoed: it may be a secret.
CLI::Validator const kKeyAndSecret(
    [](std::string& v) -> std::string {
      auto colon = v.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == v.size()) return "use KEY:SECRET, both non-empty";
      return {};
    },
    "");

CLI::Validator const kNonEmpty([](std::string& v) -> std::string { return v.empty() ? "needs a value" : ""; }, "");

CLI::Validator const kHttpUrl(
    [](std::string& v) -> std::string {
      if (v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0) return {};
      return "'" + v + "' is not a URL: use an http:// or https:// URL";
    },
    "");

// Every flag of the server. Registered on the top-level command and on `exec`, which serves
// the same mock. A new flag is one statement here, in its group.
void AddServerFlags(CLI::App& app, AppConfig& config) {
  auto& server = config.server;
  auto& service = server.service;
  auto& callbacks = server.callbacks;

  std::string const listening = "Listening";
  app.add_option("--host", server.host, "address to listen on (default 127.0.0.1)")
      ->type_name("HOST")
      ->check(kNonEmpty)
      ->group(listening);
  Integer(app, "--port", server.port, 0, 65535, "port; 0 picks a free one (default 0)")->group(listening);
  app.add_option("--port-file", config.port_file, "write the bound port to FILE once listening")
      ->type_name("FILE")
      ->check(kNonEmpty)
      ->group(listening);
  Integer(app, "--threads", server.threads, 1, 4096,
          "HTTP worker threads: handlers running at once (default\n96); connections waiting for a request hold none")
      ->group(listening);
  Integer<std::time_t>(app, "--keep-alive-timeout", server.keep_alive_timeout_s, 0, 3600,
                       "idle keep-alive connections close after this (default 2)", "SECONDS")
      ->group(listening);
  Integer<std::size_t>(app, "--max-connections", server.max_connections, 0, 10'000'000,
                       "connections open at once; beyond, 503 with a JSON error\nand close (default 0: the open-file "
                       "limit less 256)")
      ->group(listening);
  Milliseconds(app, "--request-timeout-ms", server.request_timeout,
               "a request not fully arrived this long after its first\nbyte gets 408 with a JSON error and close "
               "(default 5000)")
      ->group(listening);

  // TLS (docs/tls.md). --tls-ca-out alone selects the self-signed mode: the CA file is only
  // useful with a generated CA, and asking for it is asking for that mode.
  std::string const tls = "TLS";
  auto* cert = app.add_option("--tls-cert", server.tls.cert_file,
                              "serve https with this PEM certificate (then any\nintermediates); needs --tls-key")
                   ->type_name("FILE")
                   ->group(tls);
  auto* key = app.add_option("--tls-key", server.tls.key_file, "the unencrypted PEM private key of --tls-cert")
                  ->type_name("FILE")
                  ->group(tls);
  cert->needs(key);
  key->needs(cert);
  app.add_flag("--tls-self-signed", server.tls.self_signed,
               "serve https with a CA and a certificate for 127.0.0.1,\n::1 and localhost generated at start")
      ->excludes(cert)
      ->group(tls);
  app.add_option("--tls-ca-out", server.tls.ca_out_file,
                 "write the generated CA certificate (PEM) to FILE before\naccepting connections (implies "
                 "--tls-self-signed)")
      ->type_name("FILE")
      ->excludes(cert)
      ->group(tls);

  std::string const credentials = "Projects and applications";
  Repeatable(app.add_option_function<std::vector<std::string>>(
                    "--project",
                    [&server](std::vector<std::string> const& values) {
                      for (auto const& v : values) {
                        auto colon = v.find(':');
                        server.projects.push_back({v.substr(0, colon), v.substr(colon + 1)});
                      }
                    },
                    "register a project (repeatable); with none, one project\nwith generated credentials is created "
                    "and printed"))
      ->type_name("KEY:SECRET")
      ->check(kKeyAndSecret)
      ->group(credentials);
  Repeatable(app.add_option_function<std::vector<std::string>>(
                    "--application",
                    [&server](std::vector<std::string> const& values) {
                      for (auto const& v : values) {
                        if (auto error = ParseApplication(v, server.applications)) {
                          throw CLI::ValidationError("--application", *error);
                        }
                      }
                    },
                    "register a Vonage application (repeatable): its REST\nand client tokens are RS256 JWTs verified "
                    "with the RSA\npublic key in the file (PEM)"))
      ->type_name("APP_ID:PUBLIC_KEY_PEM_FILE")
      ->group(credentials);
  Seconds(app, "--auth-leeway", service.auth_leeway_s, "clock skew tolerated on REST auth exp/iat (default 300)")
      ->group(credentials);

  std::string const mock = "Mock service";
  app.add_option_function<std::uint64_t>(
         "--seed", [&service](std::uint64_t const& seed) { service.seed = seed; },
         "deterministic ids (with --frozen-clock, fully repeatable)")
      ->type_name("N")
      ->transform(Decimal<std::uint64_t>(0, UINT64_MAX))
      ->group(mock);
  app.add_flag("--frozen-clock", service.frozen_clock,
               "start with the mock clock frozen (move it with\nPOST /_mock/clock/advance)")
      ->group(mock);
  Seconds(app, "--archive-max-duration", service.archive_max_duration_s,
          "archives stop with \"maximum duration exceeded\" after this\nmuch recorded time (default 7200)")
      ->group(mock);
  Seconds(app, "--archive-processing-delay", service.archive_processing_delay_s,
          "time from stopped to available/uploaded (default 5)")
      ->group(mock);
  Integer<std::size_t>(app, "--journal-size", service.journal_capacity, 0, 10'000'000,
                       "REST requests kept in the journal (default 10000; 0: off)")
      ->group(mock);
  app.add_flag("--audio-connector-tone", service.audio_connector_tone,
               "Audio Connector WebSockets carry a 440 Hz test tone\ninstead of silence "
               "(PUT /_mock/audio-connectors/audio)")
      ->group(mock);
  app.add_option("--state", server.state_file,
                 "start from a state snapshot (GET /_mock/state): it\nreplaces the projects, sessions and all else "
                 "(docs/state-snapshots.md)")
      ->type_name("FILE")
      ->group(mock);

  std::string const delivery = "Callbacks";
  app.add_option("--callback-url", server.callback_url,
                 "the first project's callback URL for every group of\nevents (archive, broadcast, render, captions,\n"
                 "sessionMonitoring, sip); http:// or https://")
      ->type_name("URL")
      ->check(kHttpUrl)
      ->group(delivery);
  Repeatable(app.add_option("--callback-allow-host", callbacks.allowed_hosts,
                            "callbacks may also go to HOST (repeatable); loopback\nhosts are always allowed, other "
                            "hosts are refused"))
      ->type_name("HOST")
      ->check(kNonEmpty)
      ->group(delivery);
  app.add_flag("--callback-allow-any-host", callbacks.allow_any_host, "callbacks may go to any host")->group(delivery);
  Integer(app, "--callback-attempts", callbacks.max_attempts, 1, 100,
          "attempts per callback before giving up (default 4)")
      ->group(delivery);
  Milliseconds(app, "--callback-timeout-ms", callbacks.attempt_timeout,
               "per attempt, to connect and to get an answer\n(default 2000)")
      ->group(delivery);
  Milliseconds(app, "--callback-backoff-ms", callbacks.first_backoff,
               "wait before the second attempt, doubled for each\nfurther one up to 2000 or N if larger (default 100)")
      ->group(delivery);
}

void AddExecFlags(CLI::App& exec, ExecConfig& config) {
  std::string const group = "Command";
  exec.add_flag("--generate-application", config.generate_application,
                "the mock generates a Vonage application and its key pair;\nthe command gets OPENTOK_APPLICATION_ID "
                "and\nOPENTOK_PRIVATE_KEY (a 0600 file, removed at exit)")
      ->group(group);
  exec.add_option("--credentials", config.credentials,
                  "which credentials the command's environment gets (default\nall: the project's and, when there is "
                  "one, the application's)")
      ->type_name("KIND")
      ->transform(CLI::CheckedTransformer(std::map<std::string, ExecCredentials>{
          {"all", ExecCredentials::kAll},
          {"project", ExecCredentials::kProject},
          {"application", ExecCredentials::kApplication}}))
      ->group(group);
}

constexpr char const* kServeFooter = R"(
The first line on stdout is "listening on http://HOST:PORT". SIGINT or SIGTERM stop the
server cleanly. `opentok-mock exec --help`: run a command against a fresh mock.)";

constexpr char const* kExecDescription =
    R"(
Usage: opentok-mock exec [flags] -- COMMAND [ARGS...]

Starts the mock (127.0.0.1, a free port unless --port), runs COMMAND with
OPENTOK_API_URL, OPENTOK_API_KEY and OPENTOK_API_SECRET of the default project (and
OPENTOK_APPLICATION_ID, OPENTOK_PRIVATE_KEY with an application) in its environment,
stops the mock when COMMAND ends and exits with COMMAND's status (128+N after signal N,
127 when COMMAND cannot be run). SIGINT and SIGTERM go to COMMAND. When COMMAND fails,
the last 20 journal entries are printed to stderr.)";

// The command-line grammar, bound to `config`.
struct CommandLine {
  explicit CommandLine(AppConfig& config) {
    app.description(
        "A mock OpenTok (Vonage Video) REST server for tests: sessions, archives with their\nlifecycle on a mock "
        "clock, simulated clients, and a /_mock control plane.");
    app.footer(kServeFooter);
    // As before CLI11: a repeated single-value flag takes its last value, and `--flag=x` is
    // refused for flags without a value.
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)->disable_flag_override();
    app.set_help_flag("-h,--help", "print this help and exit");
    app.get_formatter()->column_width(34);
    AddServerFlags(app, config);
    exec = app.add_subcommand("exec", "run a command against a fresh mock, then stop it");
    exec->footer(kExecDescription);  // the description is the one line the top-level help lists
    // Without `--`, the first argument that is not a flag starts the command.
    exec->prefix_command();
    AddServerFlags(*exec, config);
    AddExecFlags(*exec, config.exec_config);
  }

  CLI::App app{"", "opentok-mock"};
  CLI::App* exec = nullptr;
};

}  // namespace

std::string Usage() {
  AppConfig scratch;
  return CommandLine(scratch).app.help();
}

std::string ExecUsage() {
  AppConfig scratch;
  return CommandLine(scratch).exec->help("opentok-mock");
}

std::optional<std::string> ParseFlags(std::vector<std::string> const& args, AppConfig& config) {
  config.server.threads = kDefaultThreads;
  CommandLine line(config);
  // Everything after the first `--` is exec's command, never flags (CLI11 alone would still
  // look for --help there).
  auto separator = std::find(args.begin(), args.end(), "--");
  std::vector<std::string> command(separator == args.end() ? separator : separator + 1, args.end());
  std::vector<std::string> reversed(std::make_reverse_iterator(separator), args.rend());  // CLI11 takes them reversed
  try {
    line.app.parse(reversed);
  } catch (CLI::CallForHelp const&) {
    config.help = true;
    config.exec = line.exec->parsed();
    return std::nullopt;
  } catch (CLI::ParseError const& e) {
    config.exec = line.exec->parsed();  // for the usage text that follows the error
    return std::string(e.what());
  }
  config.exec = line.exec->parsed();
  auto& callbacks = config.server.callbacks;
  callbacks.max_backoff = std::max(callbacks.max_backoff, callbacks.first_backoff);
  if (!config.exec) {
    if (separator != args.end()) return std::string("'--' and a command are only for exec");
    return std::nullopt;
  }
  auto rest = line.exec->remaining();
  if (!rest.empty() && rest.front().rfind("-", 0) == 0) return "unknown flag '" + rest.front() + "'";
  if (!rest.empty() && separator != args.end()) return "exec: '" + rest.front() + "' before '--'";
  config.exec_config.command = rest.empty() ? command : rest;
  if (config.exec_config.command.empty()) return std::string("exec needs a command: exec [flags] -- COMMAND [ARGS...]");
  return std::nullopt;
}

}  // namespace opentok_mock::app

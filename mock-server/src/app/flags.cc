#include "flags.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <functional>
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

}  // namespace

std::string Usage() {
  return R"(Usage: opentok-mock [flags]

A mock OpenTok (Vonage Video) REST server for tests: sessions, archives with their
lifecycle on a mock clock, simulated clients, and a /_mock control plane.

Flags:
  --host HOST                     address to listen on (default 127.0.0.1)
  --port N                        port; 0 picks a free one (default 0)
  --port-file FILE                write the bound port to FILE once listening
  --project KEY:SECRET            register a project (repeatable); with none, one project
                                  with generated credentials is created and printed
  --application APP_ID:PUBLIC_KEY_PEM_FILE
                                  register a Vonage application (repeatable): its REST
                                  and client tokens are RS256 JWTs verified with the RSA
                                  public key in the file (PEM)
  --callback-allow-host HOST      callbacks may also go to HOST (repeatable); loopback
                                  hosts are always allowed, other hosts are refused
  --callback-allow-any-host       callbacks may go to any host
  --callback-attempts N           attempts per callback before giving up (default 4)
  --callback-timeout-ms N         per attempt, to connect and to get an answer
                                  (default 2000)
  --callback-backoff-ms N         wait before the second attempt, doubled for each
                                  further one up to 2000 or N if larger (default 100)
  --callback-url URL              the first project's callback URL for every group of
                                  events (archive, broadcast, render, captions,
                                  sessionMonitoring, sip); http:// or https://
  --seed N                        deterministic ids (with --frozen-clock, fully repeatable)
  --threads N                     HTTP worker threads: handlers running at once (default
                                  96); connections waiting for a request hold none
  --archive-max-duration SECONDS  archives stop with "maximum duration exceeded" after this
                                  much recorded time (default 7200)
  --archive-processing-delay SECONDS
                                  time from stopped to available/uploaded (default 5)
  --auth-leeway SECONDS           clock skew tolerated on REST auth exp/iat (default 300)
  --frozen-clock                  start with the mock clock frozen (move it with
                                  POST /_mock/clock/advance)
  --journal-size N                REST requests kept in the journal (default 10000; 0: off)
  --audio-connector-tone          Audio Connector WebSockets carry a 440 Hz test tone
                                  instead of silence (PUT /_mock/audio-connectors/audio)
  --keep-alive-timeout SECONDS    idle keep-alive connections close after this (default 2)
  --max-connections N             connections open at once; beyond, 503 with a JSON error
                                  and close (default 0: the open-file limit less 256)
  --request-timeout-ms N          a request not fully arrived this long after its first
                                  byte gets 408 with a JSON error and close (default 5000)
  --help                          print this help and exit

The first line on stdout is "listening on http://HOST:PORT". SIGINT or SIGTERM stop the
server cleanly. README.md ("Mock OpenTok server") documents the REST surface and the
control plane.
)";
}

std::optional<std::string> ParseFlags(std::vector<std::string> const& args, AppConfig& config) {
  auto& server = config.server;
  auto& service = server.service;
  server.threads = kDefaultThreads;
  using Setter = std::function<bool(std::string const&)>;
  std::string detail;  // why a setter refused its value, when "invalid value" is not enough
  auto seconds = [](std::int64_t& target) {
    return [&target](std::string const& v) { return ParseNumber<std::int64_t>(v, target, 0, 10'000'000'000); };
  };
  auto milliseconds = [](std::chrono::milliseconds& target) {
    return [&target](std::string const& v) {
      std::int64_t ms = 0;
      if (!ParseNumber<std::int64_t>(v, ms, 1, 3'600'000)) return false;
      target = std::chrono::milliseconds(ms);
      return true;
    };
  };
  std::map<std::string, Setter> with_value{
      {"--host", [&](std::string const& v) { server.host = v; return !v.empty(); }},
      {"--port", [&](std::string const& v) { return ParseNumber(v, server.port, 0, 65535); }},
      {"--port-file", [&](std::string const& v) { config.port_file = v; return !v.empty(); }},
      {"--project",
       [&](std::string const& v) {
         auto colon = v.find(':');
         if (colon == std::string::npos || colon == 0 || colon + 1 == v.size()) return false;
         server.projects.push_back({v.substr(0, colon), v.substr(colon + 1)});
         return true;
       }},
      {"--application",
       [&](std::string const& v) {
         auto error = ParseApplication(v, server.applications);
         detail = error.value_or("");
         return !error;
       }},
      {"--callback-allow-host",
       [&](std::string const& v) {
         server.callbacks.allowed_hosts.push_back(v);
         return !v.empty();
       }},
      {"--callback-attempts", [&](std::string const& v) { return ParseNumber(v, server.callbacks.max_attempts, 1, 100); }},
      {"--callback-timeout-ms", milliseconds(server.callbacks.attempt_timeout)},
      {"--callback-backoff-ms",
       [&](std::string const& v) {
         if (!milliseconds(server.callbacks.first_backoff)(v)) return false;
         server.callbacks.max_backoff = std::max(server.callbacks.max_backoff, server.callbacks.first_backoff);
         return true;
       }},
      {"--callback-url",
       [&](std::string const& v) {
         auto http = v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0;
         detail = http ? "" : "use an http:// or https:// URL";
         server.callback_url = v;
         return http;
       }},
      {"--seed",
       [&](std::string const& v) {
         std::uint64_t seed = 0;
         if (!ParseNumber<std::uint64_t>(v, seed, 0, UINT64_MAX)) return false;
         service.seed = seed;
         return true;
       }},
      {"--threads", [&](std::string const& v) { return ParseNumber(v, server.threads, 1, 4096); }},
      {"--archive-max-duration", seconds(service.archive_max_duration_s)},
      {"--archive-processing-delay", seconds(service.archive_processing_delay_s)},
      {"--auth-leeway", seconds(service.auth_leeway_s)},
      {"--journal-size",
       [&](std::string const& v) { return ParseNumber<std::size_t>(v, service.journal_capacity, 0, 10'000'000); }},
      {"--max-connections",
       [&](std::string const& v) { return ParseNumber<std::size_t>(v, server.max_connections, 0, 10'000'000); }},
      {"--request-timeout-ms", milliseconds(server.request_timeout)},
      {"--keep-alive-timeout",
       [&](std::string const& v) { return ParseNumber<std::time_t>(v, server.keep_alive_timeout_s, 0, 3600); }},
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::optional<std::string> value;
    if (auto equals = flag.find('='); flag.rfind("--", 0) == 0 && equals != std::string::npos) {
      value = flag.substr(equals + 1);
      flag = flag.substr(0, equals);
    }
    if (flag == "--help" || flag == "-h") {
      config.help = true;
      continue;
    }
    if (flag == "--callback-allow-any-host" && !value) {
      server.callbacks.allow_any_host = true;
      continue;
    }
    if (flag == "--frozen-clock" && !value) {
      service.frozen_clock = true;
      continue;
    }
    if (flag == "--audio-connector-tone" && !value) {
      service.audio_connector_tone = true;
      continue;
    }
    auto setter = with_value.find(flag);
    if (setter == with_value.end()) return "unknown flag '" + flag + "'";
    if (!value) {
      if (i + 1 == args.size()) return "flag " + flag + " needs a value";
      value = args[++i];
    }
    if (!setter->second(*value)) {
      return "invalid value '" + *value + "' for " + flag + (detail.empty() ? "" : ": " + detail);
    }
  }
  return std::nullopt;
}

}  // namespace opentok_mock::app

// The mock's request handling in process: a request read from the fuzz input goes through
// the real router (Router::Dispatch over RegisterMockRoutes: the REST API, the control plane
// and the callback log), with no sockets.
//
// Input: an auth byte, then the request as text:
//   METHOD TARGET\n
//   Name: value\n      (any number of header lines)
//   \n
//   body
// auth % 4: 0 sends the request as it is; 1 adds a valid X-OPENTOK-AUTH JWT of the project,
// 2 a valid `Authorization: Bearer` RS256 JWT of the application, 3 the project's
// X-TB-PARTNER-AUTH, so the fuzzer reaches the handlers behind authentication.
// Placeholders in the target, header values and body name the live fixtures: {K} the
// project key, {A} the application id, {S} a session, {C} a connected client, {M} its
// published stream, {T} a client token for {S}, {R} a started archive, {B} a started
// broadcast.
//
// The service, its router and fixtures stay across runs (state builds up as in a real
// mock) and are built again every kRunsPerWorld runs and after POST /_mock/reset, so that
// state stays bounded. Its clock is frozen at owners.h's kNowS and its ids are seeded: a
// run depends only on the inputs since the last rebuild.
//
// Invariants: no status >= 500; an error status (>= 400) has a JSON body; a JSON body is
// valid UTF-8 JSON; any other body (the XML session answer, an HLS playlist, archive bytes)
// comes with a 2xx status and a Content-Type.

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "callback_dispatcher.h"
#include "checks.h"
#include "fuzz_input.h"
#include "opentok_common/url.h"
#include "opentok_mock/service.h"
#include "owners.h"
#include "router.h"

namespace {

namespace http = opentok_mock::http;
using opentok_fuzz::Check;
using opentok_fuzz::kNowS;

constexpr int kRunsPerWorld = 2000;

std::string Json(nlohmann::json const& value) { return value.dump(); }

// One mock without sockets and its fixtures.
struct World {
  World() : service(Options()), callbacks(CallbackOptionsForFuzzing(), RenderNothing, [] { return kNowS * 1000; }, 1) {
    auto const& owners = opentok_fuzz::Owners::Get();
    Require(service.AddProject(opentok_fuzz::kProjectKey, opentok_fuzz::kProjectSecret).ok(), "project");
    Require(service.AddApplication(opentok_fuzz::kApplicationId, owners.application_public_pem()).ok(), "application");
    opentok_mock::SessionSettings routed;
    routed.media_mode = opentok_mock::MediaMode::kRouted;
    session_id = Value(service.CreateSession(opentok_fuzz::kProjectKey, routed), "session").session_id;
    client_token = owners.SignHs256(Json({{"iss", opentok_fuzz::kProjectKey}, {"ist", "project"}, {"iat", kNowS},
                                          {"exp", kNowS + 86400}, {"scope", "session.connect"},
                                          {"session_id", session_id}, {"role", "moderator"}}));
    connection_id = Value(service.Connect(session_id, client_token), "connection").connection_id;
    stream_id = Value(service.Publish(session_id, connection_id, {}), "stream").stream_id;
    archive_id = Value(service.StartArchive(opentok_fuzz::kProjectKey, {.session_id = session_id}), "archive").id;
    opentok_mock::StartBroadcastRequest broadcast{.session_id = session_id};
    broadcast.hls.emplace();
    broadcast_id = Value(service.StartBroadcast(opentok_fuzz::kProjectKey, broadcast), "broadcast").id;
    project_auth = owners.SignHs256(Json({{"iss", opentok_fuzz::kProjectKey}, {"ist", "project"}, {"iat", kNowS},
                                          {"exp", kNowS + 300}, {"jti", "fuzz"}}));
    application_auth = "Bearer " + owners.SignRs256(Json({{"application_id", opentok_fuzz::kApplicationId},
                                                          {"iat", kNowS}, {"exp", kNowS + 300}, {"jti", "fuzz"}}));
    http::RegisterMockRoutes(router, service, callbacks, [this] { reset_requested = true; });
  }

  static opentok_mock::ServiceOptions Options() {
    opentok_mock::ServiceOptions options;
    options.seed = 1;
    options.frozen_clock = true;
    options.wall_clock = [] { return kNowS * 1000; };
    options.journal_capacity = 64;
    options.url_loadable = [](std::string const&) { return true; };  // no network: every page loads
    return options;
  }
  // The dispatcher is not subscribed to the service's events, so it never delivers: the
  // target makes no outbound connection, and a callback wait returns at once.
  static opentok_mock::CallbackOptions CallbackOptionsForFuzzing() {
    opentok_mock::CallbackOptions options;
    options.max_attempts = 1;
    options.log_capacity = 64;
    return options;
  }
  static std::string RenderNothing(opentok_mock::ServiceEvent const&) { return "{}"; }
  static void Require(bool ok, char const* what) { Check(ok, "the mock_request fixtures could not be made", what); }
  template <typename T>
  static T Value(opentok_mock::Result<T> result, char const* what) {
    Check(result.ok(), "the mock_request fixtures could not be made", what);
    return std::move(result.value());
  }

  // The placeholders of the input format, expanded.
  std::string Expand(std::string_view text) const {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}') {
        if (auto const* value = Placeholder(text[i + 1])) {
          out += *value;
          i += 2;
          continue;
        }
      }
      out.push_back(text[i]);
    }
    return out;
  }
  std::string const* Placeholder(char name) const {
    static std::string const key = opentok_fuzz::kProjectKey;
    static std::string const application = opentok_fuzz::kApplicationId;
    switch (name) {
      case 'K': return &key;
      case 'A': return &application;
      case 'S': return &session_id;
      case 'C': return &connection_id;
      case 'M': return &stream_id;
      case 'T': return &client_token;
      case 'R': return &archive_id;
      case 'B': return &broadcast_id;
      default: return nullptr;
    }
  }

  opentok_mock::MockService service;
  http::CallbackDispatcher callbacks;
  http::Router router;
  std::string session_id, client_token, connection_id, stream_id, archive_id, broadcast_id;
  std::string project_auth, application_auth;
  bool reset_requested = false;
};

// What the serving layer fills in before Dispatch: method, target, decoded path and query,
// headers, body.
httplib::Request RequestOf(opentok_fuzz::FuzzInput& input, World const& world) {
  httplib::Request req;
  auto auth = input.Byte() % 4;
  auto request_line = input.Field();
  auto space = request_line.find(' ');
  req.method = std::string(request_line.substr(0, space));
  req.target = world.Expand(space == std::string_view::npos ? std::string_view{} : request_line.substr(space + 1));
  req.version = "HTTP/1.1";
  req.remote_addr = "127.0.0.1";
  req.remote_port = 40000;
  auto question = req.target.find('?');
  auto raw_path = std::string_view(req.target).substr(0, question);
  req.path = opentok::common::PercentDecode(raw_path, false).value_or(std::string(raw_path));
  if (question != std::string::npos) {
    if (auto query = opentok::common::ParseForm(std::string_view(req.target).substr(question + 1))) {
      for (auto& [name, value] : *query) req.params.emplace(std::move(name), std::move(value));
    }
  }
  if (auth == 1) req.headers.emplace("X-OPENTOK-AUTH", world.project_auth);
  if (auth == 2) req.headers.emplace("Authorization", world.application_auth);
  if (auth == 3) {
    req.headers.emplace("X-TB-PARTNER-AUTH",
                        std::string(opentok_fuzz::kProjectKey) + ":" + opentok_fuzz::kProjectSecret);
  }
  for (auto line = input.Field(); !line.empty(); line = input.Field()) {
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    auto value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    req.headers.emplace(std::string(line.substr(0, colon)), world.Expand(value));
  }
  req.body = world.Expand(input.Rest());
  return req;
}

// Generating an RSA key pair takes about a second: requests that would (adding an
// application without a key) are not fuzzed, and the fixture adds the one application.
bool GeneratesKeys(httplib::Request const& req) {
  return req.method == "POST" && req.path.find("applications") != std::string::npos;
}

void CheckAnswer(httplib::Request const& req, httplib::Response const& res) {
  std::string what = req.method + " " + req.target;
  Check(res.status >= 100 && res.status < 500, "the mock answered a 5xx (or no status)",
        what + " -> " + std::to_string(res.status) + " " + res.body);
  auto type = res.get_header_value("Content-Type");
  bool json = type.rfind("application/json", 0) == 0;
  if (res.status >= 400) Check(json, "an error answer is not JSON", what + " -> " + type + " " + res.body);
  // A HEAD answer may come without its body (a GET route's) or with it (an error answer):
  // the response writer never sends a HEAD body, and what there is must still be JSON.
  bool may_be_empty = res.status == 204 || req.method == "HEAD";
  if (json) {
    if (!res.body.empty() || !may_be_empty) opentok_fuzz::CheckJsonBody(res.body, what);
  } else if (!res.body.empty()) {
    Check(res.status >= 200 && res.status < 300 && !type.empty(),
          "a body that is not JSON comes without a 2xx status or a Content-Type", what + " -> " + type);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  static std::unique_ptr<World> world;
  static int runs = 0;
  if (world == nullptr || world->reset_requested || ++runs % kRunsPerWorld == 0) {
    world.reset();  // the old mock goes before the new one is made: one dispatcher at a time
    world = std::make_unique<World>();
  }
  opentok_fuzz::FuzzInput input(data, size);
  auto req = RequestOf(input, *world);
  if (GeneratesKeys(req)) return 0;
  httplib::Response res;
  world->router.Dispatch(req, res);
  // OPENTOK_FUZZ_TRACE=1 prints each answer's status: to see where seeds end up.
  static bool const trace = std::getenv("OPENTOK_FUZZ_TRACE") != nullptr;
  if (trace) std::fprintf(stderr, "%d %s %s\n", res.status, req.method.c_str(), req.target.c_str());
  CheckAnswer(req, res);
  return 0;
}

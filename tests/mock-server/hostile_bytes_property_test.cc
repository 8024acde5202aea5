// The whole surface against bytes that are not UTF-8: every REST route (the route table of
// rest_call.h) and every control-plane route (Router::Routes of a router holding them), each
// with hostile bytes in each position a client controls (a path segment, a query value, a
// form field, a JSON string, a header, a client token's claims), authenticated correctly.
// Whatever the answer, it is below 500 and strict UTF-8 JSON; a refused request (4xx) leaves
// the state as it was; and the session, archives and journal still read back as JSON.

#include <httplib.h>

#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <regex>

#include "hostile_bytes.h"
#include "http_fixture.h"
#include "rest_call.h"
#include "router.h"
#include "routes.h"

namespace opentok_mock::testing {
namespace {

// A route as a path template: "{name}" marks a segment the test fills with a known id (or,
// in the path position, with hostile bytes).
struct RouteTemplate {
  std::string method;
  std::string path;
};

std::vector<RouteTemplate> RestTemplates() {
  std::vector<RouteTemplate> out;
  for (auto const& route : http::RestRoutes()) {
    std::string prefix = route.project_scoped ? "/v2/project/{key}" : "";
    out.push_back({std::string(route.method), prefix + std::string(route.path)});
  }
  return out;
}

// The router's patterns with each capture group named after the collection segment before
// it ("/_mock/sessions/([^/]+)" -> "/_mock/sessions/{sessions}"); an optional trailing group
// is left out.
std::vector<RouteTemplate> ControlTemplates() {
  MockService service;
  http::Router router;
  http::RegisterControlRoutes(router, service);
  std::vector<RouteTemplate> out;
  for (auto const& route : router.Routes()) {
    std::string path = std::regex_replace(route.pattern, std::regex(R"(\(\?:/\(\[\^/\]\+\)\)\?)"), "");
    std::string filled;
    std::size_t group;
    while ((group = path.find("([^/]+)")) != std::string::npos) {
      auto slash = path.rfind('/', group - 2);
      filled += path.substr(0, group) + "{" + path.substr(slash + 1, group - slash - 2) + "}";
      path = path.substr(group + 7);
    }
    out.push_back({route.method, filled + path});
  }
  // The delivery log's routes live on the callback dispatcher's part of the router.
  out.push_back({"GET", "/_mock/callbacks/deliveries"});
  return out;
}

// JSON string literals put in place of each string a body holds: raw ill-formed bytes and a
// lone surrogate escape (the JSON parser refuses both), and NUL, a noncharacter and astral
// characters (well-formed: taken and stored like any text).
std::vector<std::string> const& HostileJsonLiterals() {
  static std::vector<std::string> const kLiterals{"\"a\xFF\"", "\"\\ud800\"", "\"a\\u0000b\"",
                                                  "\"\xC3\xA9\\uffff\xF0\x9F\x98\x80\""};
  return kLiterals;
}

// Every string member (at any depth) of `body` in turn replaced by each hostile literal.
std::vector<std::string> HostileBodies(nlohmann::json body) {
  static constexpr char kMark[] = "@@hostile@@";
  std::vector<std::string> out{"\xFF\xFE{}"};
  std::function<void(nlohmann::json&)> visit = [&](nlohmann::json& node) {
    if (node.is_string()) {
      auto saved = node;
      node = kMark;
      auto text = body.dump();
      for (auto const& literal : HostileJsonLiterals()) {
        auto copy = text;
        copy.replace(copy.find(std::string("\"") + kMark + "\""), std::strlen(kMark) + 2, literal);
        out.push_back(std::move(copy));
      }
      node = saved;
    } else if (node.is_structured()) {
      for (auto& child : node) visit(child);
    }
  };
  visit(body);
  return out;
}

class HostileBytesPropertyTest : public HttpTest {
 protected:
  // A fresh, frozen state for each route: a routed session with a client and its stream, a
  // started archive and a started broadcast.
  void FreshState() {
    auto& service = server_.service();
    service.Reset();
    service.FreezeClock();
    SessionSettings routed;
    routed.media_mode = MediaMode::kRouted;
    ids_["key"] = ids_["projects"] = key();
    ids_["sessionId"] = ids_["sessions"] = service.CreateSession(key(), routed)->session_id;
    ids_["connectionId"] = ids_["connections"] =
        service.Connect(ids_["sessions"], ClientToken(ids_["sessions"]))->connection_id;
    ids_["streamId"] = ids_["streams"] = service.Publish(ids_["sessions"], ids_["connections"], {})->stream_id;
    StartArchiveRequest archive;
    archive.session_id = ids_["sessions"];
    ids_["archiveId"] = ids_["archives"] = service.StartArchive(key(), archive)->id;
    StartBroadcastRequest broadcast;
    broadcast.session_id = ids_["sessions"];
    broadcast.hls = HlsSettings{};
    ids_["broadcastId"] = ids_["broadcasts"] = service.StartBroadcast(key(), broadcast)->id;
  }

  std::string Fill(std::string path, std::string const& hostile_slot = {}, std::string const& hostile = {}) {
    for (std::size_t open; (open = path.find('{')) != std::string::npos;) {
      auto close = path.find('}', open);
      auto name = path.substr(open + 1, close - open - 1);
      auto known = ids_.find(name);
      std::string value = name == hostile_slot ? hostile : known != ids_.end() ? known->second : "unknown-" + name;
      path.replace(open, close - open + 1, value);
    }
    return path;
  }

  std::vector<std::string> Slots(std::string const& path) {
    std::vector<std::string> slots;
    for (auto open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1)) {
      slots.push_back(path.substr(open + 1, path.find('}', open) - open - 1));
    }
    return slots;
  }

  // A body the route takes, so that hostile strings reach its fields rather than stopping
  // at a missing one; {} for routes that read none.
  nlohmann::json BaseBody(RouteTemplate const& route) {
    auto ends = [&](std::string const& tail) { return route.path.ends_with(tail); };
    auto const token = ClientToken(ids_["sessions"]);
    auto const& session = ids_["sessions"];
    auto const& stream = ids_["streams"];
    auto const loopback = std::string("http://127.0.0.1:1/");  // refused at once: nothing waits on it
    if (ends("/archive")) {
      return {{"sessionId", session}, {"name", "n"}, {"multiArchiveTag", "t"}, {"resolution", "640x480"}};
    }
    if (ends("/broadcast")) {
      return {{"sessionId", session}, {"outputs", {{"hls", nlohmann::json::object()}}}, {"multiBroadcastTag", "t"}};
    }
    if (ends("/layout")) return {{"type", "custom"}, {"stylesheet", "s"}};
    if (ends("/streams") && route.method == "PATCH") return {{"addStream", stream}};
    if (ends("/stream") && route.method == "PUT") return {{"items", {{{"id", stream}, {"layoutClassList", {"a"}}}}}};
    if (ends("/stream/{streamId}")) return {{"layoutClassList", {"a", "b"}}};
    if (ends("/signal")) return {{"type", "t"}, {"data", "d"}};
    if (ends("/dial") || ends("/call")) {
      return {{"sessionId", session},
              {"token", token},
              {"sip", {{"uri", "sip:a@example.com"}, {"from", "f"}, {"headers", {{"X-h", "v"}}}}}};
    }
    if (ends("/play-dtmf")) return {{"digits", "1"}};
    if (ends("/captions")) return {{"sessionId", session}, {"token", token}, {"languageCode", "en-US"}};
    if (ends("/render")) {
      return {{"sessionId", session}, {"token", token}, {"url", loopback + "page"}, {"properties", {{"name", "n"}}}};
    }
    if (ends("/connect")) {
      // wss: the mock opens no TLS WebSocket, so the call never ends behind the test's back.
      return {{"sessionId", session},
              {"token", token},
              {"websocket", {{"uri", "wss://127.0.0.1:1/ws"}, {"headers", {{"h", "v"}}}}}};
    }
    if (ends("/callback")) return {{"group", "archive"}, {"event", "status"}, {"url", loopback + "cb"}};
    if (ends("/mute") && !ends("{streamId}/mute")) return {{"active", true}, {"excludedStreamIds", {stream}}};
    if (ends("/_mock/projects")) return {{"apiKey", "87654321"}, {"apiSecret", std::string(40, 'a')}};
    if (ends("/archive-storage")) return {{"type", "s3"}, {"bucket", "b"}};
    if (ends("/connections")) return {{"token", token}};
    if (ends("/connections/{connections}/streams")) return {{"name", "n"}, {"videoType", "camera"}};
    if (ends("/fail")) return {{"reason", "r"}};
    if (ends("/callbacks")) return {{"archive", loopback + "cb"}};
    return {{"name", "n"}};
  }

  // Correctly signed client tokens of the session whose claims are not UTF-8: T1 (each claim
  // percent-decoded) and HS256 (the class list URL-decoded, as the PHP SDK sends it).
  std::vector<std::string> HostileTokens() {
    std::vector<std::string> tokens;
    auto const now = server_.service().NowMs() / 1000;
    for (auto const& bad : {BadPercentEncoded().front(), BadPercentEncoded().back()}) {
      for (std::string claim : {"role", "connection_data", "initial_layout_class_list"}) {
        tokens.push_back(MakeT1(key(), secret(), T1DataWith(ids_["sessions"], now, claim, bad)));
      }
      auto claims = ClientClaims(key(), ids_["sessions"], "publisher", now);
      claims["initial_layout_class_list"] = "focus " + bad;
      tokens.push_back(MakeJwt(claims, secret()));
    }
    return tokens;
  }

  // Sends one request and checks it; a refused one must not have changed anything.
  void Check(std::string const& method, std::string const& target, std::string const& body,
             std::string const& content_type, httplib::Headers headers, std::string const& what) {
    auto sessions = std::vector<std::string>{ids_["sessions"]};
    auto before = StateFingerprint(server_.service(), key(), sessions);
    httplib::Request req;
    req.method = method;
    req.path = target;
    req.headers = std::move(headers);
    if (method != "GET" && method != "DELETE") {
      req.body = body;
      req.set_header("Content-Type", content_type);
    }
    auto res = client_.send(req);
    ExpectStrictJsonAnswer(res, what);
    ++requests_;
    if (res && res->status >= 400 && res->status < 500) {
      EXPECT_EQ(StateFingerprint(server_.service(), key(), sessions), before)
          << what << " answered " << res->status << ": " << res->body;
    }
  }

  void ReadBack(std::string const& what) {
    auto const& session = ids_["sessions"];
    std::vector<std::string> const control{"/_mock/sessions/" + session, "/_mock/requests", "/_mock/broadcasts",
                                           "/_mock/captions",           "/_mock/renders",  "/_mock/audio-connectors"};
    for (auto const& target : control) {
      ExpectStrictJsonAnswer(client_.Get(target), what + ", then GET " + target);
    }
    std::vector<std::string> const rest{"/archive", "/broadcast", "/render", "/callback",
                                        "/session/" + session + "/stream", "/session/" + session + "/connection"};
    for (auto const& list : rest) {
      ExpectStrictJsonAnswer(client_.Get(Project() + list, Auth()), what + ", then GET " + list);
    }
  }

  void Exercise(RouteTemplate const& route) {
    FreshState();
    auto const what = route.method + " " + route.path;
    bool const has_body = route.method == "POST" || route.method == "PUT" || route.method == "PATCH";
    bool const form = route.path == "/session/create";
    std::string const content_type = form ? "application/x-www-form-urlencoded" : "application/json";
    std::string const base = form ? "p2p.preference=disabled" : has_body ? BaseBody(route).dump() : "";
    auto const auth = WithAccept(Auth());

    for (auto const& slot : Slots(route.path)) {
      for (std::string bad : {"%FF", "%ED%A0%80"}) {
        Check(route.method, Fill(route.path, slot, bad), base, content_type, auth,
              what + " path {" + slot + "}=" + bad);
      }
    }
    auto const target = Fill(route.path);
    for (std::string query : {"offset=%FF", "count=%C0%AF", "sessionId=a%C3%28", "reason=%FF", "x%FF=1"}) {
      Check(route.method, target + "?" + query, base, content_type, auth, what + " ?" + query);
    }
    for (std::string header : {"User-Agent", "X-Anything", "Accept"}) {
      auto headers = auth;
      headers.emplace(header, "v\xFF\xC3\x28\xED\xA0\x80");
      Check(route.method, target, base, content_type, headers, what + " header " + header);
    }
    if (form) {
      for (std::string field :
           {"p2p.preference", "archiveMode", "location", "e2ee", "archiveName", "archiveResolution"}) {
        for (auto const& bad : BadPercentEncoded()) {
          Check(route.method, target, "p2p.preference=disabled&archiveMode=always&" + field + "=" + bad, content_type,
                auth, what + " form " + field + "=" + bad);
        }
      }
    } else if (has_body) {
      for (auto const& body : HostileBodies(BaseBody(route))) {
        Check(route.method, target, body, content_type, auth, what + " body " + body);
      }
    }
    if (route.method == "POST" && route.path.ends_with("/connections")) {
      for (auto const& token : HostileTokens()) {
        Check(route.method, target, nlohmann::json{{"token", token}}.dump(), content_type, auth,
              what + " token " + token);
      }
    }
    ReadBack(what);
  }

  std::map<std::string, std::string> ids_;
  int requests_ = 0;
};

TEST_F(HostileBytesPropertyTest, EveryRouteAnswersEveryPositionWithValidJsonBelow500) {
  auto const rest = RestTemplates();
  auto const control = ControlTemplates();
  ASSERT_GT(rest.size(), 40u);
  ASSERT_GT(control.size(), 30u);
  for (auto const& route : rest) Exercise(route);
  for (auto const& route : control) Exercise(route);
  RecordProperty("requests", requests_);
  std::cout << "[ bytes    ] " << rest.size() << " REST and " << control.size() << " control routes, " << requests_
            << " hostile requests\n";
}

}  // namespace
}  // namespace opentok_mock::testing

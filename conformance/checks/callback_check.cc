// Callbacks (webhooks): what the endpoint posts to the app, read at the wire by the suite's
// own receiver. Every callback is a POST with Content-Type application/json whose body is a
// JSON object with an `event` member. Archive status callbacks carry the archive object
// (event "archive") on every status change, in order; session monitoring callbacks carry the
// documented members (sessionId, projectId as a string, event, timestamp in epoch ms, the
// connection and stream objects, a reason on the destroyed events). The legacy registration
// routes (/v2/project/{key}/callback, still called by the Node SDK) answer the registration
// object, list it as a JSON array and delete it.
//
// On a mock the suite's receiver listens on 127.0.0.1 and the project's callback URL is set
// through the control plane. Against the live service these checks need a receiver the
// service can reach: OPENTOK_CONFORMANCE_CALLBACK_URL (a public URL that forwards to
// OPENTOK_CONFORMANCE_CALLBACK_LISTEN, HOST:PORT, where the suite listens); the archive check
// registers it through the legacy registration for its duration and needs a publisher
// (OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER). Without a receiver URL they skip with that reason.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "archive_scenario.h"
#include "archive_tracker.h"
#include "callback_receiver.h"
#include "conformance_test.h"
#include "control_session.h"
#include "json_shape.h"
#include "opentok_common/url.h"
#include "publisher_session.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

// A mock delivers within a second; the live service within minutes (archives process first).
std::chrono::milliseconds DeliveryDeadline() {
  return CurrentTarget().has_control_plane() ? std::chrono::seconds(10) : std::chrono::minutes(10);
}

std::int64_t TargetNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(CurrentTarget().Now().time_since_epoch()).count();
}

// Where a check's callbacks arrive: a path of its own on the suite's receiver, and the URL
// the endpoint posts to. Empty `skip` when the check can run.
struct CallbackInbox {
  CallbackReceiver* receiver = nullptr;
  std::string path;
  std::string url;
  std::string skip;
};

CallbackInbox InboxFor(std::string const& check) {
  CallbackInbox inbox;
  char const* public_url = std::getenv("OPENTOK_CONFORMANCE_CALLBACK_URL");
  bool live = !CurrentTarget().has_control_plane();
  if (live && (public_url == nullptr || *public_url == '\0')) {
    inbox.skip = "needs a receiver the service can reach: set OPENTOK_CONFORMANCE_CALLBACK_URL and "
                 "OPENTOK_CONFORMANCE_CALLBACK_LISTEN";
    return inbox;
  }
  inbox.receiver = SuiteReceiver(&inbox.skip);
  if (inbox.receiver == nullptr) return inbox;
  // On live the service posts to the one URL configured in the account, so the path is that
  // URL's; on a mock each check gets a path of its own.
  inbox.path = live ? "" : "/callbacks/" + check;
  inbox.url = live ? public_url : inbox.receiver->LocalUrl(inbox.path);
  return inbox;
}

// Every callback is a JSON POST with an `event` member.
void ExpectCallbackForm(ReceivedCallback const& callback) {
  EXPECT_EQ(callback.method, "POST") << callback.path;
  EXPECT_EQ(callback.content_type.substr(0, callback.content_type.find(';')), "application/json")
      << "Content-Type of a callback: " << callback.content_type;
  EXPECT_TRUE(callback.json.is_object() && callback.json.contains("event")) << "callback body: " << callback.body;
}

std::vector<nlohmann::json> BodiesWhere(std::vector<ReceivedCallback> const& received, char const* member,
                                        std::string const& value) {
  std::vector<nlohmann::json> out;
  for (auto const& callback : received) {
    if (callback.json.is_object() && callback.json.value(member, nlohmann::json()) == value) out.push_back(callback.json);
  }
  return out;
}

std::vector<std::string> Members(std::vector<nlohmann::json> const& bodies, char const* member) {
  std::vector<std::string> out;
  for (auto const& body : bodies) out.push_back(body.value(member, std::string("<none>")));
  return out;
}

// A legacy callback registration for the lifetime of a check.
class LegacyRegistration {
 public:
  LegacyRegistration(Credentials const& credentials, std::string const& group, std::string const& event,
                     std::string const& url)
      : rest_(CurrentTarget().Rest(credentials)) {
    nlohmann::json request{{"group", group}, {"event", event}, {"url", url}};
    auto answer = ExpectJsonAnswer(rest_.Send(HttpMethod::kPost, Path(), request.dump()), 200, "POST callback");
    id_ = answer.value("id", "");
  }
  ~LegacyRegistration() {
    if (!id_.empty()) rest_.Send(HttpMethod::kDelete, Path() + "/" + common::PercentEncode(id_));
  }
  LegacyRegistration(LegacyRegistration const&) = delete;
  LegacyRegistration& operator=(LegacyRegistration const&) = delete;

 private:
  std::string Path() const { return rest_.ProjectPath() + "/callback"; }
  RestClient rest_;
  std::string id_;
};

class CallbackTest : public ConformanceTest {};

TEST_F(CallbackTest, ArchiveStatusCallbacksCarryTheArchiveInOrder) {
  CallbackInbox inbox = InboxFor("archive");
  if (!inbox.skip.empty()) GTEST_SKIP() << inbox.skip;
  std::string why;
  std::optional<ControlSession> session;
  std::string session_id;
  Credentials credentials = target().has_control_plane() ? OwnProject() : target().credentials();
  if (target().has_control_plane()) {
    target().control().SetCallbackUrl(credentials.api_key, "archive", inbox.url);
    session.emplace(credentials);
    session->Publish(session->Connect());
    session_id = session->id();
  } else {
    auto live_session = LivePublisherSession(&why);
    if (!live_session) GTEST_SKIP() << why;
    session_id = *live_session;
  }
  OpenTok client = target().Client(credentials);
  // Live: the URL is registered as the Node SDK's registerCallback does (and removed again),
  // so the run needs no change to the project's settings in the account.
  std::optional<LegacyRegistration> registration;
  if (!target().has_control_plane()) registration.emplace(credentials, "archive", "status", inbox.url);
  Archive archive = client.StartArchive(session_id, "callback check");
  ArchiveTracker::Instance().Track(credentials, archive.id);
  client.StopArchive(archive.id);
  if (target().has_control_plane()) target().control().Advance(MockTimings().processing_delay.count() + 1);

  auto done = [&](std::vector<ReceivedCallback> const& received) {
    auto mine = BodiesWhere(received, "id", archive.id);
    return !mine.empty() && (mine.back().value("status", "") == "available" || mine.back().value("status", "") == "uploaded" ||
                             mine.back().value("status", "") == "failed");
  };
  auto received = inbox.receiver->WaitFor(inbox.path, done, DeliveryDeadline());
  auto mine = BodiesWhere(received, "id", archive.id);
  ASSERT_FALSE(mine.empty()) << "no archive callback for " << archive.id << " at " << inbox.url;
  for (auto const& callback : received) {
    if (callback.json.is_object() && callback.json.value("id", "") == archive.id) ExpectCallbackForm(callback);
  }
  // started, stopped, then available (or uploaded); a publisher leaving could add paused.
  auto statuses = Members(mine, "status");
  // An archive of a project with an upload target ends `uploaded` instead of `available`.
  std::string const processed = statuses.empty() || statuses.back() != "uploaded" ? "available" : "uploaded";
  std::vector<std::string> expected{"started", "stopped", processed};
  EXPECT_EQ(statuses, expected) << "archive statuses in callback order";
  std::int64_t now_ms = TargetNowMs();
  for (auto const& body : mine) {
    std::string const status = body.value("status", "");
    EXPECT_EQ(body.value("event", ""), "archive") << status;
    EXPECT_EQ(body.value("sessionId", ""), session_id) << status;
    EXPECT_EQ(body.value("name", ""), "callback check") << status;
    ExpectShape(body,
                {{"id", JsonKind::kString},
                 {"event", JsonKind::kString},
                 {"sessionId", JsonKind::kString},
                 {"status", JsonKind::kString},
                 {"createdAt", JsonKind::kEpochMs},
                 {"duration", JsonKind::kInteger},
                 {"size", JsonKind::kInteger},
                 {"outputMode", JsonKind::kString},
                 {"hasAudio", JsonKind::kBoolean},
                 {"hasVideo", JsonKind::kBoolean},
                 {"reason", JsonKind::kMaybeString, false},
                 {"url", JsonKind::kMaybeString, false}},
                now_ms, "archive callback (" + status + ")");
    bool has_url = body.contains("url") && body["url"].is_string();
    EXPECT_EQ(has_url, status == "available") << "an archive has a download url only once available: " << body.dump();
  }
}

TEST_F(CallbackTest, SessionMonitoringFollowsClientsAndStreams) {
  OPENTOK_REQUIRE_CONTROL_PLANE("simulated clients");
  CallbackInbox inbox = InboxFor("monitoring");
  if (!inbox.skip.empty()) GTEST_SKIP() << inbox.skip;
  Credentials credentials = OwnProject();
  target().control().SetCallbackUrl(credentials.api_key, "sessionMonitoring", inbox.url);
  ControlSession session(credentials);
  std::string connection = session.Connect();
  std::string stream = session.Publish(connection, "monitored");
  target().control().Unpublish(session.id(), stream);
  target().control().Disconnect(session.id(), connection);

  auto done = [&](std::vector<ReceivedCallback> const& received) {
    return !BodiesWhere(received, "event", "sessionDestroyed").empty();
  };
  auto received = inbox.receiver->WaitFor(inbox.path, done, DeliveryDeadline());
  auto mine = BodiesWhere(received, "sessionId", session.id());
  for (auto const& callback : received) ExpectCallbackForm(callback);
  // The order within a client's life is fixed; sessionCreated comes with the first client and
  // sessionDestroyed once the last one left (whether before or after the connection's own
  // event is not documented, so only their places relative to the stream are checked).
  auto events = Members(mine, "event");
  auto position = [&](char const* event) {
    auto it = std::find(events.begin(), events.end(), event);
    return it == events.end() ? -1 : static_cast<int>(it - events.begin());
  };
  for (char const* event : {"sessionCreated", "connectionCreated", "streamCreated", "streamDestroyed",
                            "connectionDestroyed", "sessionDestroyed"}) {
    EXPECT_EQ(std::count(events.begin(), events.end(), event), 1) << event << " in " << testing::PrintToString(events);
  }
  EXPECT_LT(position("connectionCreated"), position("streamCreated"));
  EXPECT_LT(position("sessionCreated"), position("streamCreated"));
  EXPECT_LT(position("streamCreated"), position("streamDestroyed"));
  EXPECT_LT(position("streamDestroyed"), position("connectionDestroyed"));
  EXPECT_LT(position("streamDestroyed"), position("sessionDestroyed"));

  std::int64_t now_ms = TargetNowMs();
  for (auto const& body : mine) {
    std::string const event = body.value("event", "");
    ExpectShape(body,
                {{"sessionId", JsonKind::kString},
                 {"projectId", JsonKind::kString},
                 {"event", JsonKind::kString},
                 {"timestamp", JsonKind::kEpochMs}},
                now_ms, event);
    if (event.starts_with("connection")) {
      ASSERT_TRUE(body.contains("connection")) << body.dump();
      ExpectShape(body["connection"],
                  {{"id", JsonKind::kString}, {"createdAt", JsonKind::kEpochMs}, {"data", JsonKind::kMaybeString}},
                  now_ms, event + ".connection");
      EXPECT_EQ(body["connection"].value("id", ""), connection);
    }
    if (event.starts_with("stream")) {
      ASSERT_TRUE(body.contains("stream")) << body.dump();
      ExpectShape(body["stream"],
                  {{"id", JsonKind::kString},
                   {"connection", JsonKind::kObject},
                   {"createdAt", JsonKind::kEpochMs},
                   {"name", JsonKind::kMaybeString},
                   {"videoType", JsonKind::kString}},
                  now_ms, event + ".stream");
      EXPECT_EQ(body["stream"].value("id", ""), stream);
      EXPECT_EQ(body["stream"].value("name", ""), "monitored");
      EXPECT_EQ(body["stream"].value("videoType", ""), "camera");
    }
    if (event.ends_with("Destroyed") && event != "sessionDestroyed") {
      EXPECT_EQ(body.value("reason", ""), "clientDisconnected") << event;
    }
  }
}

TEST_F(CallbackTest, LegacyRegistrationRoundTripsAtTheWire) {
  CallbackInbox inbox = InboxFor("registration");
  if (!inbox.skip.empty()) GTEST_SKIP() << inbox.skip;
  Credentials credentials = OwnProject();
  RestClient rest = target().Rest(credentials);
  std::string const path = rest.ProjectPath() + "/callback";
  nlohmann::json request{{"group", "archive"}, {"event", "status"}, {"url", inbox.url}};
  auto registered = ExpectJsonAnswer(rest.Send(HttpMethod::kPost, path, request.dump()), 200, "POST callback");
  std::int64_t now_ms = TargetNowMs();
  ExpectShape(registered,
              {{"id", JsonKind::kString}, {"group", JsonKind::kString}, {"event", JsonKind::kString},
               {"createdAt", JsonKind::kEpochMs}},
              now_ms, "registered callback");
  EXPECT_EQ(registered.value("group", ""), "archive");
  EXPECT_EQ(registered.value("event", ""), "status");
  // The legacy docs name the member "url"; some answers call it "uri".
  EXPECT_EQ(registered.value("url", registered.value("uri", "")), inbox.url);
  std::string id = registered.value("id", "");
  ASSERT_FALSE(id.empty());

  auto listed = rest.Get(path);
  EXPECT_EQ(listed.status, 200);
  auto list = nlohmann::json::parse(listed.body, nullptr, false);
  ASSERT_TRUE(list.is_array()) << "GET callback answers a JSON array: " << listed.body;
  EXPECT_TRUE(FindBy(list, "id", id).has_value()) << "the registration is not listed: " << listed.body;

  auto deleted = rest.Send(HttpMethod::kDelete, path + "/" + common::PercentEncode(id));
  EXPECT_GE(deleted.status, 200);
  EXPECT_LT(deleted.status, 300) << deleted.body;
  auto after = nlohmann::json::parse(rest.Get(path).body, nullptr, false);
  EXPECT_TRUE(after.is_array() && !FindBy(after, "id", id).has_value()) << "still listed after DELETE";
  ExpectErrorAnswer(rest.Send(HttpMethod::kDelete, path + "/" + common::PercentEncode(id)), 404, "a second DELETE");
}

TEST_F(CallbackTest, InvalidRegistrationIsBadRequestAndRegistersNothing) {
  Credentials credentials = OwnProject();
  RestClient rest = target().Rest(credentials);
  std::string const path = rest.ProjectPath() + "/callback";
  auto before = nlohmann::json::parse(rest.Get(path).body, nullptr, false);
  for (auto const& [what, body] : std::vector<std::pair<char const*, nlohmann::json>>{
           {"an unknown group", {{"group", "nonsense"}, {"event", "status"}, {"url", "http://127.0.0.1:9/x"}}},
           {"an unknown event", {{"group", "archive"}, {"event", "nonsense"}, {"url", "http://127.0.0.1:9/x"}}},
           {"no url", {{"group", "archive"}, {"event", "status"}}},
           {"a url that is not http", {{"group", "archive"}, {"event", "status"}, {"url", "ftp://example.com/x"}}},
       }) {
    ExpectErrorAnswer(rest.Send(HttpMethod::kPost, path, body.dump()), 400, what);
  }
  auto after = nlohmann::json::parse(rest.Get(path).body, nullptr, false);
  EXPECT_EQ(after, before) << "a refused registration changed the list";
}

}  // namespace
}  // namespace opentok::conformance

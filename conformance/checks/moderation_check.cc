// Moderation and the connection list: force-disconnect (204; the client leaves with every
// consequence: its streams go, a recording archive pauses when nobody publishes any more,
// the session view records the reason forceDisconnected), force-mute of one stream and of
// the whole session (200; mute-all spares the excluded streams, covers streams published
// while it is active, and disabling it mutes no new stream and unmutes nobody), and
// GET .../connection with the REST API's fields. Unknown sessions, connections and
// streams are 404; a malformed mute-all body is 400 and changes nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "archive_tracker.h"
#include "conformance_test.h"
#include "control_session.h"
#include "sdk_status.h"
#include "service_error.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

// Whether the session view shows `stream_id` with its audio muted (fails the check when
// the stream is not there).
bool AudioMuted(nlohmann::json const& view, std::string const& stream_id) {
  auto const stream = FindBy(view.at("streams"), "id", stream_id);
  if (!stream) {
    ADD_FAILURE() << "stream " << stream_id << " is not in the session view";
    return false;
  }
  return stream->at("audioMuted").get<bool>();
}

std::set<std::string> ConnectionIds(ConnectionList const& list) {
  std::set<std::string> ids;
  for (auto const& connection : list.items) ids.insert(connection.connection_id);
  return ids;
}

class ModerationTest : public ConformanceTest {};

TEST_F(ModerationTest, UnknownSessionConnectionOrStreamIsNotFound) {
  ControlSession session(OwnProject());
  OpenTok const& client = session.client();
  std::string unknown_session = UnknownSessionId(session.credentials().api_key);
  ExpectServiceError<NotFoundException>(404, "force-disconnect of an unknown connection",
                                        [&] { client.ForceDisconnect(session.id(), UnknownId()); });
  ExpectServiceError<NotFoundException>(404, "force-disconnect in an unknown session",
                                        [&] { client.ForceDisconnect(unknown_session, UnknownId()); });
  ExpectServiceError<NotFoundException>(404, "force-mute of an unknown stream",
                                        [&] { client.ForceMuteStream(session.id(), UnknownId()); });
  ExpectServiceError<NotFoundException>(404, "mute-all of an unknown session",
                                        [&] { client.ForceMuteAll(unknown_session); });
  ExpectServiceError<NotFoundException>(404, "disabling mute-all of an unknown session",
                                        [&] { client.DisableForceMute(unknown_session); });
  ExpectServiceError<NotFoundException>(404, "connections of an unknown session",
                                        [&] { client.ListConnections(unknown_session); });
}

TEST_F(ModerationTest, ConnectionListHasTheRestFields) {
  OPENTOK_REQUIRE_CONTROL_PLANE("simulated clients to list");
  ControlSession session(OwnProject());
  // The mock documents an empty list for a session nobody joined (the service does not say).
  EXPECT_EQ(session.client().ListConnections(session.id()).total_count, 0);
  std::set<std::string> joined{session.Connect(), session.Connect()};

  auto body = ExpectJsonAnswer(session.Rest().Get(session.Path() + "/connection"), 200, "GET connection");
  EXPECT_EQ(body.value("count", nlohmann::json()), 2) << body.dump();
  EXPECT_EQ(body.value("projectId", nlohmann::json()), session.credentials().api_key) << "projectId, as a string";
  EXPECT_EQ(body.value("sessionId", nlohmann::json()), session.id());
  auto view = session.View();
  for (auto const& item : body.value("items", nlohmann::json::array())) {
    ASSERT_TRUE(item.contains("connectionId") && item["connectionId"].is_string()) << item.dump();
    EXPECT_EQ(item.value("connectionState", nlohmann::json()), "Connected") << item.dump();
    ASSERT_TRUE(item.contains("createdAt") && item["createdAt"].is_number_integer()) << "epoch ms: " << item.dump();
    auto const simulated = FindBy(view.at("connections"), "connectionId", item["connectionId"].get<std::string>());
    ASSERT_TRUE(simulated) << "a listed connection the session does not have: " << item.dump();
    EXPECT_EQ(item["createdAt"], simulated->at("createdAt")) << "createdAt is when the client joined";
  }

  ConnectionList list = session.client().ListConnections(session.id());
  EXPECT_EQ(list.total_count, 2);
  EXPECT_EQ(list.session_id, session.id());
  EXPECT_EQ(ConnectionIds(list), joined);
  for (auto const& connection : list.items) EXPECT_EQ(connection.state, ConnectionState::kConnected);
}

TEST_F(ModerationTest, ForceDisconnectOfTheLastPublisherPausesTheArchive) {
  OPENTOK_REQUIRE_CONTROL_PLANE("simulated clients to disconnect");
  ControlSession session(OwnProject());
  std::string publisher = session.Connect();
  session.Publish(publisher);
  std::string watcher = session.Connect();
  Archive archive = session.client().StartArchive(session.id());
  ArchiveTracker::Instance().Track(session.credentials(), archive.id);
  ASSERT_EQ(session.client().GetArchive(archive.id).status, ArchiveStatus::kStarted);

  EXPECT_EQ(StatusOf([&] { session.client().ForceDisconnect(session.id(), publisher); }), 204);
  EXPECT_EQ(session.client().GetArchive(archive.id).status, ArchiveStatus::kPaused)
      << "nobody publishes after the last publisher was disconnected";
  EXPECT_EQ(ConnectionIds(session.client().ListConnections(session.id())), std::set<std::string>{watcher});
  EXPECT_EQ(session.client().ListStreams(session.id()).items.size(), 0u) << "its stream left with it";
  auto const view = session.View();
  auto const left = FindBy(view.at("leftConnections"), "connectionId", publisher);
  ASSERT_TRUE(left) << "the session view does not remember the disconnected client";
  EXPECT_EQ(left->value("reason", ""), "forceDisconnected");
  ExpectServiceError<NotFoundException>(404, "force-disconnect of a connection that left",
                                        [&] { session.client().ForceDisconnect(session.id(), publisher); });
}

TEST_F(ModerationTest, ForceMuteMutesOneStream) {
  OPENTOK_REQUIRE_CONTROL_PLANE("simulated streams whose audio state is visible");
  ControlSession session(OwnProject());
  std::string client = session.Connect();
  std::string first = session.Publish(client, "first");
  std::string second = session.Publish(client, "second");
  EXPECT_EQ(StatusOf([&] { session.client().ForceMuteStream(session.id(), first); }), 200);
  auto view = session.View();
  EXPECT_TRUE(AudioMuted(view, first));
  EXPECT_FALSE(AudioMuted(view, second)) << "force-mute of one stream muted another";
  // The answer is a JSON object ({}), which every official SDK parses; an empty body is allowed.
  ExpectJsonAnswer(session.Rest().Send(HttpMethod::kPost, session.Path() + "/stream/" + second + "/mute", "{}"), 200,
                   "POST stream mute");
  EXPECT_TRUE(AudioMuted(session.View(), second));
}

TEST_F(ModerationTest, MuteAllSparesExcludedStreamsAndCoversLaterOnes) {
  OPENTOK_REQUIRE_CONTROL_PLANE("simulated streams published over time");
  ControlSession session(OwnProject());
  std::string client = session.Connect();
  std::string presenter = session.Publish(client, "presenter");
  std::string audience = session.Publish(client, "audience");

  EXPECT_EQ(StatusOf([&] { session.client().ForceMuteAll(session.id(), {presenter}); }), 200);
  auto view = session.View();
  EXPECT_FALSE(AudioMuted(view, presenter)) << "an excluded stream was muted";
  EXPECT_TRUE(AudioMuted(view, audience));
  EXPECT_EQ(view.at("muteAll"), (nlohmann::json{{"active", true}, {"excludedStreamIds", nlohmann::json::array({presenter})}}));
  std::string late = session.Publish(client, "late");
  EXPECT_TRUE(AudioMuted(session.View(), late)) << "a stream published while mute-all is active";

  EXPECT_EQ(StatusOf([&] { session.client().DisableForceMute(session.id()); }), 200);
  std::string after = session.Publish(client, "after");
  view = session.View();
  EXPECT_EQ(view.at("muteAll").at("active"), false);
  EXPECT_FALSE(AudioMuted(view, after)) << "a stream published after mute-all was disabled";
  EXPECT_TRUE(AudioMuted(view, audience)) << "disabling mute-all unmutes nobody (clients unmute themselves)";
  EXPECT_TRUE(AudioMuted(view, late));
}

TEST_F(ModerationTest, MalformedMuteAllIsBadRequestAtTheWireAndChangesNothing) {
  OPENTOK_REQUIRE_CONTROL_PLANE("a published stream whose audio state is visible");
  ControlSession session(OwnProject());
  std::string stream = session.Publish(session.Connect());
  RestClient rest = session.Rest();
  for (std::string const& body : {std::string(R"({"active":"maybe"})"),                   // not a boolean
                                  std::string(R"({"excludedStreamIds":"all"})"),          // not an array
                                  std::string(R"({"excludedStreamIds":[42]})"),           // not stream ids
                                  std::string(R"({"excludedStreamIds":[],"excludedStreams":[]})"),  // both spellings
                                  std::string(R"({"active":true)")}) {                   // not JSON
    ExpectErrorAnswer(rest.Send(HttpMethod::kPost, session.Path() + "/mute", body), 400, "POST mute " + body);
  }
  auto view = session.View();
  EXPECT_EQ(view.at("muteAll").at("active"), false) << "a refused mute-all is in force";
  EXPECT_FALSE(AudioMuted(view, stream)) << "a refused mute-all muted a stream";
}

TEST_F(ModerationTest, SdkRejectsMissingIdsBeforeAnyRequest) {
  OpenTok client = target().Client();
  std::string session_id = UnknownSessionId(target().credentials().api_key);
  int before = target().recorder().request_count();
  EXPECT_THROW(client.ForceDisconnect(session_id, ""), ArgumentException) << "would name the session itself";
  EXPECT_THROW(client.ForceDisconnect("", UnknownId()), ArgumentException);
  EXPECT_THROW(client.ForceMuteStream(session_id, ""), ArgumentException);
  EXPECT_THROW(client.ForceMuteAll(""), ArgumentException);
  EXPECT_THROW(client.DisableForceMute(""), ArgumentException);
  EXPECT_THROW(client.ListConnections(""), ArgumentException);
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid call reached the network";
}

}  // namespace
}  // namespace opentok::conformance

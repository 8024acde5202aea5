// ParseCallback: the callback (webhook) bodies of the service's documentation and of the
// mock, typed; unknown members ignored; malformed bodies refused without quoting them.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <type_traits>
#include <variant>

#include "opentok/callbacks.h"

namespace opentok {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;

system_clock::time_point Ms(std::int64_t ms) { return system_clock::time_point(milliseconds(ms)); }

template <typename Event>
Event ParseAs(std::string const& body) {
  CallbackEvent event = ParseCallback(body);
  Event const* typed = std::get_if<Event>(&event);
  EXPECT_NE(typed, nullptr) << "alternative " << event.index() << " for " << body;
  return typed != nullptr ? *typed : Event{};
}

// The message of the InvalidCallbackException that `body` raises ("" when none).
std::string Refusal(std::string const& body) {
  try {
    ParseCallback(body);
  } catch (InvalidCallbackException const& e) {
    return e.what();
  }
  ADD_FAILURE() << "accepted: " << body;
  return {};
}

// An archive callback as the mock sends it: the archive JSON of GET .../archive/{id} (keys
// sorted), here once it became available.
constexpr char kMockArchiveAvailable[] =
    R"({"createdAt":1727870434974,"duration":42,"event":"archive","hasAudio":true,"hasVideo":false,)"
    R"("id":"30b3ebf1-ba36-4f5b-8def-6f70d9986fe9","name":"demo","outputMode":"composed","partnerId":123456,)"
    R"("password":"","projectId":123456,"reason":"user initiated","resolution":"1280x720",)"
    R"("sessionId":"1_MX4xMjM0NTZ-fjE3Mjc4NzA0MzQ5NzR-abc","sha256sum":"q1w2e3==","size":5376000,)"
    R"("status":"available","streamMode":"auto","updatedAt":1727870480000,)"
    R"("url":"http://127.0.0.1:4010/_mock/archives/30b3ebf1-ba36-4f5b-8def-6f70d9986fe9/download"})";

TEST(Callbacks, ArchiveAsTheMockSendsIt) {
  auto event = ParseAs<ArchiveStatusEvent>(kMockArchiveAvailable);
  EXPECT_EQ(event.info, (CallbackInfo{.event = "archive",
                                      .session_id = "1_MX4xMjM0NTZ-fjE3Mjc4NzA0MzQ5NzR-abc",
                                      .project_id = "123456",
                                      .application_id = "",
                                      .timestamp = Ms(1727870480000)}))
      << "a status object's time is its updatedAt";
  Archive const& archive = event.archive;
  EXPECT_EQ(archive.id, "30b3ebf1-ba36-4f5b-8def-6f70d9986fe9");
  EXPECT_EQ(archive.status, ArchiveStatus::kAvailable);
  EXPECT_EQ(archive.name, "demo");
  EXPECT_EQ(archive.reason, "user initiated");
  EXPECT_EQ(archive.project_id, 123456);
  EXPECT_EQ(archive.created_at, Ms(1727870434974));
  EXPECT_EQ(archive.duration, 42);
  EXPECT_EQ(archive.size, 5376000);
  EXPECT_FALSE(archive.has_video);
  EXPECT_EQ(archive.resolution, "1280x720");
  EXPECT_EQ(archive.sha256sum, "q1w2e3==");
  EXPECT_EQ(archive.url, "http://127.0.0.1:4010/_mock/archives/30b3ebf1-ba36-4f5b-8def-6f70d9986fe9/download");
}

// The legacy documentation's minimal archive callback: partnerId only, no updatedAt.
TEST(Callbacks, LegacyMinimalArchive) {
  auto event = ParseAs<ArchiveStatusEvent>(
      R"({"id":"b40ef09b-3811-4726-b508-e41a0f96c68f","event":"archive","createdAt":1384221380000,)"
      R"("duration":328,"name":"Foo","partnerId":123456,"reason":"","sessionId":"2_MX4xMjM0NTZ-abc",)"
      R"("size":18023312,"status":"stopped","url":null})");
  EXPECT_EQ(event.info.project_id, "123456");
  EXPECT_EQ(event.info.timestamp, Ms(1384221380000)) << "createdAt when there is no updatedAt";
  EXPECT_EQ(event.archive.status, ArchiveStatus::kStopped);
  EXPECT_FALSE(event.archive.url.has_value());
}

TEST(Callbacks, ArchiveOfAVonageApplication) {
  auto event = ParseAs<ArchiveStatusEvent>(
      R"({"applicationId":"78d335fa-323d-0114-9c3d-d6f0d48968cf","createdAt":1,"event":"archive",)"
      R"("id":"a1","projectId":"78d335fa-323d-0114-9c3d-d6f0d48968cf","sessionId":"s","status":"started",)"
      R"("updatedAt":2})");
  EXPECT_EQ(event.info.application_id, "78d335fa-323d-0114-9c3d-d6f0d48968cf");
  EXPECT_EQ(event.archive.status, ArchiveStatus::kStarted);
  EXPECT_EQ(event.archive.project_id, 0) << "an application id is not an API key";
}

TEST(Callbacks, UnknownArchiveStatusKeepsItsName) {
  auto event = ParseAs<ArchiveStatusEvent>(R"({"event":"archive","id":"a1","status":"transcoding"})");
  EXPECT_EQ(event.archive.status, ArchiveStatus::kUnknown);
  EXPECT_EQ(event.archive.status_name, "transcoding");
}

TEST(Callbacks, Broadcast) {
  auto event = ParseAs<BroadcastStatusEvent>(
      R"({"broadcastUrls":{"hls":"http://h/index.m3u8","hlsStatus":"live","rtmp":[{"id":"main",)"
      R"("serverUrl":"rtmp://r/live","status":"live","streamName":"s1"}]},"createdAt":10,"event":"broadcast",)"
      R"("hasAudio":true,"hasVideo":true,"id":"b1","maxDuration":7200,"partnerId":123456,"projectId":123456,)"
      R"("resolution":"640x480","sessionId":"s","settings":{"hls":{"dvr":false,"lowLatency":true}},)"
      R"("status":"started","streamMode":"auto","updatedAt":20})");
  EXPECT_EQ(event.info.event, "broadcast");
  EXPECT_EQ(event.info.timestamp, Ms(20));
  EXPECT_EQ(event.broadcast.id, "b1");
  EXPECT_EQ(event.broadcast.status, BroadcastStatus::kStarted);
  EXPECT_EQ(event.broadcast.max_duration, 7200);
  ASSERT_TRUE(event.broadcast.broadcast_urls.has_value());
  EXPECT_EQ(event.broadcast.broadcast_urls->hls_status, HlsStatus::kLive);
  ASSERT_EQ(event.broadcast.broadcast_urls->rtmp.size(), 1u);
  EXPECT_EQ(event.broadcast.broadcast_urls->rtmp[0].status, RtmpStatus::kLive);
  EXPECT_EQ(event.broadcast.hls_settings, (HlsOptions{.dvr = false, .low_latency = true}));
}

TEST(Callbacks, Render) {
  auto event = ParseAs<RenderStatusEvent>(
      R"({"callbackUrl":"https://example.com/cb","createdAt":100,"event":"render","id":"r1","name":"composer",)"
      R"("projectId":"123456","reason":"Max duration exceeded","resolution":"1280x720","sessionId":"s",)"
      R"("status":"stopped","streamId":"st1","updatedAt":200,"url":"https://example.com/page"})");
  EXPECT_EQ(event.info.project_id, "123456") << "renders carry the key as a string";
  EXPECT_EQ(event.info.timestamp, Ms(200));
  EXPECT_EQ(event.render.status, RenderStatus::kStopped);
  EXPECT_EQ(event.render.reason, "Max duration exceeded");
  EXPECT_EQ(event.render.stream_id, "st1");
  EXPECT_EQ(event.render.callback_url, "https://example.com/cb");
}

TEST(Callbacks, Captions) {
  auto event = ParseAs<CaptionsStatusEvent>(
      R"({"captionId":"c1","createdAt":5,"duration":300,"event":"captions","languageCode":"en-US",)"
      R"("projectId":"123456","provider":"aws-transcribe","reason":"Max duration exceeded","sessionId":"s",)"
      R"("status":"stopped","updatedAt":305000})");
  EXPECT_EQ(event.captions.id, "c1");
  EXPECT_EQ(event.captions.status, CaptionsStatus::kStopped);
  EXPECT_EQ(event.captions.duration, 300);
  EXPECT_EQ(event.captions.provider, "aws-transcribe");
  EXPECT_EQ(event.info.timestamp, Ms(305000));
}

// Session monitoring, with the fields of the public documentation.
TEST(Callbacks, SessionCreatedAndDestroyed) {
  auto created =
      ParseAs<SessionCreatedEvent>(R"({"sessionId":"2_MX4xMjM0NTZ-abc","projectId":"123456","event":"sessionCreated",)"
                                   R"("timestamp":1470257688309})");
  EXPECT_EQ(created.info, (CallbackInfo{.event = "sessionCreated",
                                        .session_id = "2_MX4xMjM0NTZ-abc",
                                        .project_id = "123456",
                                        .application_id = "",
                                        .timestamp = Ms(1470257688309)}));
  auto destroyed = ParseAs<SessionDestroyedEvent>(
      R"({"sessionId":"2_MX4xMjM0NTZ-abc","projectId":123456,"event":"sessionDestroyed","timestamp":1470257688400})");
  EXPECT_EQ(destroyed.info.project_id, "123456") << "a numeric projectId becomes its text";
  EXPECT_EQ(destroyed.info.timestamp, Ms(1470257688400));
}

constexpr char kConnection[] =
    R"({"id":"c7b7a2d5-5bd4-4a37-8b2e-a4a1e8ef1f1a","createdAt":1470257688143,"data":"name=alice"})";

TEST(Callbacks, ConnectionCreatedAndDestroyed) {
  auto created = ParseAs<ConnectionCreatedEvent>(std::string(R"({"sessionId":"s","projectId":"123456",)") +
                                                 R"("event":"connectionCreated","timestamp":1470257688309,)" +
                                                 R"("connection":)" + kConnection + "}");
  EXPECT_EQ(created.connection, (CallbackConnection{.id = "c7b7a2d5-5bd4-4a37-8b2e-a4a1e8ef1f1a",
                                                    .created_at = Ms(1470257688143),
                                                    .data = "name=alice"}));
  auto destroyed = ParseAs<ConnectionDestroyedEvent>(std::string(R"({"sessionId":"s","projectId":"123456",)") +
                                                     R"("event":"connectionDestroyed","reason":"forceDisconnected",)" +
                                                     R"("timestamp":1470257688309,"connection":)" + kConnection + "}");
  EXPECT_EQ(destroyed.connection.id, "c7b7a2d5-5bd4-4a37-8b2e-a4a1e8ef1f1a");
  EXPECT_EQ(destroyed.reason, DestroyedReason::kForceDisconnected);
  EXPECT_EQ(destroyed.reason_name, "forceDisconnected");
}

TEST(Callbacks, StreamCreatedAndDestroyed) {
  std::string const stream = std::string(R"({"id":"63245362-e00e-4834-8371-9397deb3e452","connection":)") +
                             kConnection + R"(,"createdAt":1470257688200,"name":"screen","videoType":"screen"})";
  auto created = ParseAs<StreamCreatedEvent>(R"({"sessionId":"s","projectId":"123456","event":"streamCreated",)"
                                             R"("timestamp":1470257688309,"stream":)" +
                                             stream + "}");
  EXPECT_EQ(created.stream, (CallbackStream{.id = "63245362-e00e-4834-8371-9397deb3e452",
                                            .connection = {.id = "c7b7a2d5-5bd4-4a37-8b2e-a4a1e8ef1f1a",
                                                           .created_at = Ms(1470257688143),
                                                           .data = "name=alice"},
                                            .created_at = Ms(1470257688200),
                                            .name = "screen",
                                            .video_type = VideoType::kScreen,
                                            .video_type_name = "screen"}));
  auto destroyed = ParseAs<StreamDestroyedEvent>(R"({"sessionId":"s","projectId":"123456","event":"streamDestroyed",)"
                                                 R"("reason":"mediaStopped","timestamp":1470257688309,"stream":)" +
                                                 stream + "}");
  EXPECT_EQ(destroyed.reason, DestroyedReason::kMediaStopped);
  EXPECT_EQ(destroyed.stream.video_type, VideoType::kScreen);
}

TEST(Callbacks, AudioOnlyStreamHasNoVideoType) {
  auto event = ParseAs<StreamCreatedEvent>(
      R"({"sessionId":"s","event":"streamCreated","timestamp":1,"stream":{"id":"st","createdAt":1}})");
  EXPECT_EQ(event.stream.video_type, VideoType::kUnknown);
  EXPECT_EQ(event.stream.video_type_name, "");
  EXPECT_EQ(event.stream.name, "");
}

TEST(Callbacks, EveryDocumentedReason) {
  for (auto [name, reason] : {std::pair{"clientDisconnected", DestroyedReason::kClientDisconnected},
                              std::pair{"forceDisconnected", DestroyedReason::kForceDisconnected},
                              std::pair{"forceUnpublished", DestroyedReason::kForceUnpublished},
                              std::pair{"mediaStopped", DestroyedReason::kMediaStopped},
                              std::pair{"networkDisconnected", DestroyedReason::kNetworkDisconnected}}) {
    auto event = ParseAs<StreamDestroyedEvent>(std::string(R"({"sessionId":"s","event":"streamDestroyed","reason":")") +
                                               name + R"(","stream":{"id":"st"}})");
    EXPECT_EQ(event.reason, reason) << name;
    EXPECT_EQ(event.reason_name, name);
  }
  auto odd = ParseAs<ConnectionDestroyedEvent>(
      R"({"sessionId":"s","event":"connectionDestroyed","reason":"migrated","connection":{"id":"c"}})");
  EXPECT_EQ(odd.reason, DestroyedReason::kUnknown);
  EXPECT_EQ(odd.reason_name, "migrated");
  auto none = ParseAs<ConnectionDestroyedEvent>(R"({"sessionId":"s","event":"connectionDestroyed","connection":{"id":"c"}})");
  EXPECT_EQ(none.reason, DestroyedReason::kUnknown);
  EXPECT_EQ(none.reason_name, "");
}

// SIP call progress, in the mock's format (the public documentation gives no payload).
TEST(Callbacks, SipCalls) {
  auto created = ParseAs<SipCallCreatedEvent>(
      R"({"sessionId":"s","projectId":"123456","event":"callCreated","timestamp":50,"call":{"id":"sip1",)"
      R"("connectionId":"c1","streamId":"st1","createdAt":40,"updatedAt":45,"projectId":"123456"}})");
  EXPECT_EQ(created.call, (CallbackSipCall{.id = "sip1",
                                           .connection_id = "c1",
                                           .stream_id = "st1",
                                           .created_at = Ms(40),
                                           .updated_at = Ms(45)}));
  EXPECT_EQ(created.info.timestamp, Ms(50));
  auto destroyed = ParseAs<SipCallDestroyedEvent>(
      R"({"sessionId":"s","event":"callDestroyed","reason":"forceDisconnected","call":{"id":"sip1"}})");
  EXPECT_EQ(destroyed.call.id, "sip1");
  EXPECT_EQ(destroyed.reason, DestroyedReason::kForceDisconnected);
  auto bare = ParseAs<SipCallDestroyedEvent>(R"({"event":"callDestroyed"})");
  EXPECT_EQ(bare.call, CallbackSipCall{}) << "tolerant: the payload is not documented";
}

TEST(Callbacks, UnknownMembersAreIgnored) {
  auto event = ParseAs<ConnectionCreatedEvent>(
      R"({"sessionId":"s","event":"connectionCreated","timestamp":1,"signature":{"alg":"x"},"extra":[1,2],)"
      R"("connection":{"id":"c","platform":"web","tags":{"a":1}}})");
  EXPECT_EQ(event.connection.id, "c");
  auto archive = ParseAs<ArchiveStatusEvent>(
      R"({"event":"archive","id":"a","status":"started","transcription":{"status":"requested"},"future":true})");
  EXPECT_EQ(archive.archive.id, "a");
}

TEST(Callbacks, NumbersSentAsStringsAreRead) {
  auto event = ParseAs<SessionCreatedEvent>(R"({"sessionId":"s","event":"sessionCreated","timestamp":"1470257688309"})");
  EXPECT_EQ(event.info.timestamp, Ms(1470257688309));
}

TEST(Callbacks, InfoOfEveryAlternative) {
  for (char const* body :
       {R"({"event":"archive","id":"a","sessionId":"s"})", R"({"event":"broadcast","id":"b","sessionId":"s"})",
        R"({"event":"render","id":"r","sessionId":"s"})", R"({"event":"captions","captionId":"c","sessionId":"s"})",
        R"({"event":"sessionCreated","sessionId":"s"})", R"({"event":"sessionDestroyed","sessionId":"s"})",
        R"({"event":"connectionCreated","sessionId":"s","connection":{"id":"c"}})",
        R"({"event":"connectionDestroyed","sessionId":"s","connection":{"id":"c"}})",
        R"({"event":"streamCreated","sessionId":"s","stream":{"id":"st"}})",
        R"({"event":"streamDestroyed","sessionId":"s","stream":{"id":"st"}})",
        R"({"event":"callCreated","sessionId":"s"})", R"({"event":"callDestroyed","sessionId":"s"})"}) {
    CallbackEvent event = ParseCallback(body);
    EXPECT_EQ(InfoOf(event).session_id, "s") << body;
  }
  static_assert(std::variant_size_v<CallbackEvent> == 12, "one alternative per event name");
}

TEST(Callbacks, RefusalsAreSdkExceptions) {
  static_assert(std::is_base_of_v<OpenTokException, InvalidCallbackException>);
  EXPECT_THROW(ParseCallback("{"), OpenTokException);
}

// Every cut of a real body, and every member of real bodies replaced by a value of each JSON
// type, either parses or throws InvalidCallbackException: nothing of nlohmann's escapes.
TEST(Callbacks, OnlyInvalidCallbackExceptionEscapes) {
  std::string const archive = kMockArchiveAvailable;
  for (std::size_t length = 0; length < archive.size(); ++length) {
    EXPECT_THROW(ParseCallback(archive.substr(0, length)), InvalidCallbackException) << length;
  }
  std::string const stream_destroyed =
      std::string(R"({"event":"streamDestroyed","projectId":"123456","reason":"clientDisconnected","sessionId":"s",)") +
      R"("stream":{"connection":)" + kConnection + R"(,"createdAt":1,"id":"st","name":"n","videoType":"camera"},)" +
      R"("timestamp":2})";
  std::string const call_created =
      R"({"call":{"connectionId":"c","createdAt":1,"id":"sip1","streamId":"st","updatedAt":2},"event":"callCreated",)"
      R"("projectId":"123456","sessionId":"s","timestamp":3})";
  auto const values = nlohmann::json::array({1, -1.5, "x", "", true, nullptr, nlohmann::json::array({1}),
                                             nlohmann::json::object({{"id", 1}})});
  for (std::string const& text : {archive, stream_destroyed, call_created}) {
    nlohmann::json const original = nlohmann::json::parse(text);
    for (auto const& [key, unused] : original.items()) {
      if (key == "event") continue;
      for (auto const& value : values) {
        nlohmann::json changed = original;
        changed[key] = value;
        try {
          ParseCallback(changed.dump());
        } catch (InvalidCallbackException const&) {
        } catch (std::exception const& e) {
          ADD_FAILURE() << key << " = " << value.dump() << ": " << e.what();
        }
      }
    }
  }
}

TEST(Callbacks, NotJsonIsRefusedWithoutQuotingTheBody) {
  std::string message = Refusal(R"({"event":"archive","data":"secret-connection-data" oops})");
  EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
  EXPECT_NE(message.find("byte"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos) << message;
  EXPECT_EQ(message.find("oops"), std::string::npos) << message;
  EXPECT_NE(Refusal("").find("not valid JSON"), std::string::npos);
  EXPECT_NE(Refusal("\xff\xfe").find("not valid JSON"), std::string::npos);
}

TEST(Callbacks, NotAnObjectIsRefused) {
  for (char const* body : {R"([{"event":"archive","id":"a"}])", R"("archive")", "42", "null"}) {
    EXPECT_NE(Refusal(body).find("not a JSON object"), std::string::npos) << body;
  }
}

TEST(Callbacks, MissingOrUnknownEventIsRefused) {
  EXPECT_NE(Refusal(R"({"id":"a","status":"started"})").find("no 'event'"), std::string::npos);
  EXPECT_NE(Refusal(R"({"event":null,"id":"a"})").find("no 'event'"), std::string::npos);
  EXPECT_NE(Refusal(R"({"event":7})").find("'event' is not a string"), std::string::npos);
  EXPECT_EQ(Refusal(R"({"event":"archiveDeleted"})"), "unknown callback event 'archiveDeleted'");
  std::string odd = Refusal(R"({"event":"x\"; secret=abc"})");
  EXPECT_NE(odd.find("unknown callback event"), std::string::npos) << odd;
  EXPECT_EQ(odd.find("secret"), std::string::npos) << "only plain words are quoted: " << odd;
  EXPECT_NE(Refusal(R"({"event":"Archive"})").find("unknown"), std::string::npos) << "names are case-sensitive";
}

TEST(Callbacks, WrongTypesAreRefusedNamingTheMember) {
  struct Case {
    char const* body;
    char const* expected;
  };
  for (auto const& [body, expected] : {
           Case{R"({"event":"sessionCreated","sessionId":"s","timestamp":"yesterday"})",
                "invalid 'sessionCreated' callback: field 'timestamp' is not a number"},
           Case{R"({"event":"sessionCreated","sessionId":5})",
                "invalid 'sessionCreated' callback: field 'sessionId' is not a string"},
           Case{R"({"event":"sessionCreated","sessionId":"s","projectId":[1]})",
                "invalid 'sessionCreated' callback: field 'projectId' is not a string or a number"},
           Case{R"({"event":"connectionCreated","sessionId":"s","connection":"c1"})",
                "invalid 'connectionCreated' callback: field 'connection' is not an object"},
           Case{R"({"event":"connectionCreated","sessionId":"s","connection":{"id":"c","data":{"x":1}}})",
                "invalid 'connectionCreated' callback: in 'connection': field 'data' is not a string"},
           Case{R"({"event":"streamCreated","sessionId":"s","stream":{"id":"st","connection":{"id":3}}})",
                "invalid 'streamCreated' callback: in 'stream': in 'connection': field 'id' is not a string"},
           Case{R"({"event":"callCreated","call":[]})", "invalid 'callCreated' callback: field 'call' is not an object"},
           Case{R"({"event":"archive","id":"a","status":3})", "invalid 'archive' callback: field 'status' is not a string"},
           Case{R"({"event":"archive","id":"a","url":false})", "invalid 'archive' callback: field 'url' is not a string"},
           Case{R"({"event":"broadcast","id":"b","broadcastUrls":"none"})",
                "invalid 'broadcast' callback: field 'broadcastUrls' is not an object"},
       }) {
    EXPECT_EQ(Refusal(body), expected) << body;
  }
}

TEST(Callbacks, MissingRequiredMembersAreRefused) {
  struct Case {
    char const* body;
    char const* expected;
  };
  for (auto const& [body, expected] : {
           Case{R"({"event":"archive","status":"started"})", "invalid 'archive' callback: the archive has no 'id'"},
           Case{R"({"event":"captions","status":"started"})", "invalid 'captions' callback: the answer has no 'captionsId'"},
           Case{R"({"event":"sessionCreated","timestamp":1})",
                "invalid 'sessionCreated' callback: field 'sessionId' is missing"},
           Case{R"({"event":"connectionCreated","sessionId":"s"})",
                "invalid 'connectionCreated' callback: field 'connection' is missing"},
           Case{R"({"event":"connectionDestroyed","sessionId":"s","connection":{"data":"d"}})",
                "invalid 'connectionDestroyed' callback: in 'connection': field 'id' is missing"},
           Case{R"({"event":"streamDestroyed","sessionId":"s"})",
                "invalid 'streamDestroyed' callback: field 'stream' is missing"},
       }) {
    EXPECT_EQ(Refusal(body), expected) << body;
  }
}

}  // namespace
}  // namespace opentok

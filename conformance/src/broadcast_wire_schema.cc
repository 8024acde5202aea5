#include "broadcast_wire_schema.h"

#include <gtest/gtest.h>

#include "json_shape.h"
#include "wire_schemas.h"

namespace opentok::conformance {
namespace {

// `name` of the start body, or `fallback` when it was not sent.
nlohmann::json SentOr(nlohmann::json const& sent, char const* name, nlohmann::json fallback) {
  return sent.contains(name) ? sent[name] : fallback;
}

void ExpectRtmpItem(nlohmann::json const& rtmp, std::string const& what) {
  ExpectShape(rtmp,
              {{"id", JsonKind::kString, false},
               {"serverUrl", JsonKind::kString},
               {"streamName", JsonKind::kString},
               {"status", JsonKind::kString}},
              0, what);
  ExpectOneOf(rtmp, "status", {"connecting", "live", "offline", "error"}, what);
}

void ExpectUrls(nlohmann::json const& urls, std::string const& what) {
  ExpectShape(urls, {{"rtmp", JsonKind::kArray}, {"hls", JsonKind::kString, false}, {"hlsStatus", JsonKind::kString, false}},
              0, what);
  if (!urls.is_object()) return;
  if (urls.contains("rtmp") && urls["rtmp"].is_array()) {
    for (std::size_t i = 0; i < urls["rtmp"].size(); ++i) {
      ExpectRtmpItem(urls["rtmp"][i], what + ".rtmp[" + std::to_string(i) + "]");
    }
  }
  if (!urls.contains("hls")) return;
  std::string hls = urls["hls"].is_string() ? urls["hls"].get<std::string>() : "";
  EXPECT_TRUE(hls.starts_with("http://") || hls.starts_with("https://")) << what << ": hls is not a URL: " << urls["hls"];
  EXPECT_TRUE(urls.contains("hlsStatus")) << what << ": hls without hlsStatus";
  ExpectOneOf(urls, "hlsStatus", {"connecting", "ready", "live", "ended", "error"}, what);
}

// The answer carries what the start request sent, or the documented defaults.
void ExpectAsSent(nlohmann::json const& b, nlohmann::json const& sent, std::string const& what) {
  EXPECT_EQ(b.value("sessionId", nlohmann::json()), sent.value("sessionId", nlohmann::json())) << what << ": sessionId";
  EXPECT_EQ(b.value("resolution", nlohmann::json()), SentOr(sent, "resolution", "640x480")) << what << ": resolution";
  EXPECT_EQ(b.value("hasAudio", nlohmann::json()), SentOr(sent, "hasAudio", true)) << what << ": hasAudio";
  EXPECT_EQ(b.value("hasVideo", nlohmann::json()), SentOr(sent, "hasVideo", true)) << what << ": hasVideo";
  if (sent.contains("maxDuration")) {
    EXPECT_EQ(b.value("maxDuration", nlohmann::json()), sent["maxDuration"]) << what << ": maxDuration";
  } else {
    // Unconfirmed default: 7200 (java-ot, net-ot, rb-ot recordings) or 14400 (py-ot, newer docs).
    auto duration = b.value("maxDuration", nlohmann::json());
    EXPECT_TRUE(duration == 7200 || duration == 14400) << what << ": default maxDuration " << duration
                                                       << " is neither 7200 nor 14400";
  }
  for (char const* member : {"streamMode", "multiBroadcastTag"}) {
    if (sent.contains(member)) {
      EXPECT_EQ(b.value(member, nlohmann::json()), sent[member]) << what << ": " << member;
    }
  }
  if (sent.contains("maxBitrate")) {
    // php-ot's fixtures answer maxBitRate; either spelling carries what was sent.
    auto bitrate = b.contains("maxBitrate") ? b["maxBitrate"] : b.value("maxBitRate", nlohmann::json());
    EXPECT_EQ(bitrate, sent["maxBitrate"]) << what << ": maxBitrate";
  }
  nlohmann::json outputs = sent.value("outputs", nlohmann::json::object());
  bool hls = outputs.contains("hls");
  EXPECT_EQ(b.contains("settings") && b["settings"].is_object() && b["settings"].contains("hls"), hls)
      << what << ": settings.hls " << (hls ? "missing although" : "present although no") << " HLS output was sent";
  if (hls && b.contains("settings") && b["settings"].is_object() && b["settings"].contains("hls")) {
    auto const& settings = b["settings"]["hls"];
    for (char const* member : {"lowLatency", "dvr"}) {
      if (settings.contains(member)) {
        EXPECT_EQ(settings[member], outputs["hls"].value(member, false)) << what << ": settings.hls." << member;
      }
    }
  }
  auto const& urls = b.value("broadcastUrls", nlohmann::json());
  if (!urls.is_object()) return;  // stopped: checked by the table
  EXPECT_EQ(urls.contains("hls"), hls) << what << ": broadcastUrls.hls " << (hls ? "missing" : "without an HLS output");
  nlohmann::json rtmp_sent = outputs.value("rtmp", nlohmann::json::array());
  nlohmann::json rtmp = urls.value("rtmp", nlohmann::json::array());
  if (!rtmp.is_array() || rtmp.size() != rtmp_sent.size()) {
    ADD_FAILURE() << what << ": " << rtmp_sent.size() << " RTMP outputs sent, broadcastUrls.rtmp is " << rtmp;
    return;
  }
  for (std::size_t i = 0; i < rtmp.size(); ++i) {
    for (char const* member : {"serverUrl", "streamName", "id"}) {
      if (rtmp_sent[i].contains(member)) {
        EXPECT_EQ(rtmp[i].value(member, nlohmann::json()), rtmp_sent[i][member])
            << what << ": broadcastUrls.rtmp[" << i << "]." << member;
      }
    }
  }
}

}  // namespace

void ExpectBroadcastObject(nlohmann::json const& b, std::int64_t now_ms, Credentials const& owner,
                           nlohmann::json const* sent, std::string const& what) {
  ExpectShape(b,
              {
                  {"id", JsonKind::kLowercaseUuid},
                  {"sessionId", JsonKind::kString},
                  {"createdAt", JsonKind::kEpochMs},
                  {"updatedAt", JsonKind::kEpochMs},
                  {"status", JsonKind::kString},
                  {"resolution", JsonKind::kString},
                  {"maxDuration", JsonKind::kInteger},
                  {"maxBitrate", JsonKind::kInteger, false},
                  {"maxBitRate", JsonKind::kInteger, false},
                  {"streamMode", JsonKind::kString},
                  {"hasAudio", JsonKind::kBoolean},
                  {"hasVideo", JsonKind::kBoolean},
                  {"multiBroadcastTag", JsonKind::kString, false},
                  {"streams", JsonKind::kArray, false},
                  {"settings", JsonKind::kObject, false},
                  {"event", JsonKind::kString, false},
              },
              now_ms, what);
  if (!b.is_object()) return;
  ExpectOwnerId(b, "partnerId", OwnerIdType::kInteger, true, owner, what);
  ExpectOwnerId(b, "projectId", OwnerIdType::kInteger, false, owner, what);
  ExpectNotBefore(b, "updatedAt", "createdAt", what);
  ExpectOneOf(b, "status", {"started", "stopped"}, what);
  ExpectOneOf(b, "resolution", kResolutions, what);
  ExpectOneOf(b, "streamMode", {"auto", "manual"}, what);
  ExpectOneOf(b, "event", {"broadcast"}, what);
  if (auto it = b.find("maxDuration"); it != b.end() && it->is_number_integer()) {
    auto duration = it->get<std::int64_t>();
    EXPECT_TRUE(duration >= 60 && duration <= 36000) << what << ": maxDuration " << duration << " outside 60-36000";
  }
  if (b.contains("streams") && b["streams"].is_array()) {
    for (auto const& stream : b["streams"]) {
      ExpectShape(stream,
                  {{"streamId", JsonKind::kLowercaseUuid}, {"hasAudio", JsonKind::kBoolean}, {"hasVideo", JsonKind::kBoolean}},
                  0, what + ".streams[]");
    }
  }
  if (b.contains("settings") && b["settings"].is_object() && b["settings"].contains("hls")) {
    ExpectShape(b["settings"]["hls"], {{"lowLatency", JsonKind::kBoolean, false}, {"dvr", JsonKind::kBoolean, false}}, 0,
                what + ".settings.hls");
  }
  auto urls = b.find("broadcastUrls");
  if (b.value("status", "") == "stopped") {
    EXPECT_TRUE(urls != b.end() && urls->is_null()) << what << ": a stopped broadcast's broadcastUrls is not null";
  } else if (urls == b.end() || !urls->is_object()) {
    ADD_FAILURE() << what << ": a started broadcast's broadcastUrls is not an object";
  } else {
    ExpectUrls(*urls, what + ".broadcastUrls");
  }
  if (sent != nullptr) ExpectAsSent(b, *sent, what);
}

nlohmann::json ExpectBroadcastAnswer(HttpResponse const& response, std::int64_t now_ms, Credentials const& owner,
                                     nlohmann::json const* sent, std::string const& what) {
  auto body = ExpectJsonObjectAnswer(response, 200, what);
  if (!body.empty()) ExpectBroadcastObject(body, now_ms, owner, sent, what);
  return body;
}

}  // namespace opentok::conformance

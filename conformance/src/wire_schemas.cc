#include "wire_schemas.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "json_shape.h"
#include "redaction.h"

namespace opentok::conformance {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// application/json, with or without parameters: what every official SDK but py-ot's
// session create accepts as JSON.
void ExpectJsonContentType(HttpResponse const& response, std::string const& what) {
  std::string type = Lower(HeaderValue(response, "Content-Type"));
  EXPECT_EQ(type.substr(0, type.find(';')), "application/json")
      << what << ": Content-Type is \"" << HeaderValue(response, "Content-Type") << "\"";
}

template <typename T>
void ExpectMemberEquals(nlohmann::json const& object, char const* name, std::optional<T> const& sent,
                        std::string const& what) {
  if (!sent) return;
  auto it = object.find(name);
  if (it == object.end()) {
    ADD_FAILURE() << what << ": \"" << name << "\" was sent but is not returned";
    return;
  }
  EXPECT_EQ(*it, nlohmann::json(*sent)) << what << ": \"" << name << "\" is not what was sent";
}

}  // namespace

std::string HeaderValue(HttpResponse const& response, std::string const& name) {
  for (auto const& [key, value] : response.headers) {
    if (Lower(key) == Lower(name)) return value;
  }
  return "";
}

void ExpectArchiveObject(nlohmann::json const& archive, std::int64_t now_ms, bool project, ArchiveSent const* sent,
                         std::string const& what) {
  // Spec 3.1 and 8.5; numbers are integers and never null (net-ot's non-nullable ints).
  ExpectShape(archive,
              {
                  {"id", JsonKind::kLowercaseUuid},
                  {"status", JsonKind::kString},
                  {"name", JsonKind::kMaybeString, false},
                  {"reason", JsonKind::kMaybeString, false},
                  {"sessionId", JsonKind::kString},
                  {"createdAt", JsonKind::kEpochMs},
                  {"updatedAt", JsonKind::kEpochMs, false},
                  {"size", JsonKind::kInteger},
                  {"duration", JsonKind::kInteger},
                  {"outputMode", JsonKind::kString},
                  {"streamMode", JsonKind::kString, false},
                  {"hasAudio", JsonKind::kBoolean},
                  {"hasVideo", JsonKind::kBoolean},
                  {"resolution", JsonKind::kString, false},
                  {"multiArchiveTag", JsonKind::kString, false},
                  {"maxBitrate", JsonKind::kInteger, false},
                  {"quantizationParameter", JsonKind::kInteger, false},
                  {"url", JsonKind::kMaybeString, false},
              },
              now_ms, what);
  if (project) {
    // OpenTok mode: the API key as a JSON integer (php-ot's schema, java-ot's and net-ot's int).
    ExpectShape(archive, {{"partnerId", JsonKind::kInteger}, {"projectId", JsonKind::kInteger, false}}, now_ms, what);
  } else {
    // Vonage mode: applicationId replaces them (what a service puts in partnerId then is
    // not documented, so it is not checked).
    ExpectShape(archive, {{"applicationId", JsonKind::kLowercaseUuid, false}}, now_ms, what);
  }
  ExpectOneOf(archive, "status",
              {"started", "paused", "stopped", "uploaded", "available", "expired", "failed", "deleted"}, what);
  ExpectOneOf(archive, "outputMode", {"composed", "individual"}, what);
  ExpectOneOf(archive, "streamMode", {"auto", "manual"}, what);
  for (char const* number : {"size", "duration"}) {
    if (archive.contains(number) && archive[number].is_number_integer()) {
      EXPECT_GE(archive[number].get<std::int64_t>(), 0) << what << ": negative \"" << number << "\"";
    }
  }
  // The download URL exists only while the archive is available in the cloud.
  bool available = archive.value("status", "") == "available";
  auto url = archive.find("url");
  if (available) {
    EXPECT_TRUE(url != archive.end() && url->is_string() && !url->get<std::string>().empty())
        << what << ": an available archive has no url";
  } else if (url != archive.end()) {
    EXPECT_TRUE(url->is_null()) << what << ": a " << archive.value("status", "?") << " archive has a url " << *url;
  }
  if (sent == nullptr) return;
  EXPECT_EQ(archive.value("sessionId", ""), sent->session_id) << what << ": sessionId";
  if (sent->name) {
    EXPECT_EQ(archive.value("name", nlohmann::json()), nlohmann::json(*sent->name)) << what << ": name is not as sent";
  } else if (archive.contains("name")) {
    EXPECT_TRUE(archive["name"].is_null() || archive["name"] == "") << what << ": name " << archive["name"]
                                                                     << " although none was sent";
  }
  EXPECT_EQ(archive.value("outputMode", ""), sent->output_mode) << what << ": outputMode";
  EXPECT_EQ(archive.value("hasAudio", !sent->has_audio), sent->has_audio) << what << ": hasAudio";
  EXPECT_EQ(archive.value("hasVideo", !sent->has_video), sent->has_video) << what << ": hasVideo";
  ExpectMemberEquals(archive, "resolution", sent->resolution, what);
  ExpectMemberEquals(archive, "streamMode", sent->stream_mode, what);
  ExpectMemberEquals(archive, "multiArchiveTag", sent->multi_archive_tag, what);
  ExpectMemberEquals(archive, "maxBitrate", sent->max_bitrate, what);
  ExpectMemberEquals(archive, "quantizationParameter", sent->quantization_parameter, what);
}

nlohmann::json ExpectArchiveAnswer(HttpResponse const& response, std::int64_t now_ms, bool project,
                                   ArchiveSent const* sent, std::string const& what) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status != 200 || !body.is_object()) {
    ADD_FAILURE() << what << ": expected 200 with an archive, got " << response.status << " " << Redact(response.body);
    return nlohmann::json::object();
  }
  ExpectJsonContentType(response, what);
  ExpectArchiveObject(body, now_ms, project, sent, what);
  return body;
}

std::string ExpectSessionCreateAnswer(HttpResponse const& response, std::string const& what) {
  EXPECT_EQ(response.status, 200) << what << ": " << Redact(response.body);
  // Exactly, without parameters (spec 8.2).
  EXPECT_EQ(HeaderValue(response, "Content-Type"), "application/json") << what << ": Content-Type";
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_array() || body.size() != 1) {
    ADD_FAILURE() << what << ": not a JSON array of one object: " << Redact(response.body);
    return "";
  }
  ExpectShape(body[0],
              {
                  {"session_id", JsonKind::kString},
                  {"create_dt", JsonKind::kMaybeString, false},
                  {"media_server_url", JsonKind::kMaybeString, false},
                  // vn-java parses it as a UUID: present only as one.
                  {"application_id", JsonKind::kLowercaseUuid, false},
              },
              0, what);
  return body[0].value("session_id", "");
}

void ExpectErrorBody(HttpResponse const& response, int status, std::optional<int> code, std::string const& what) {
  EXPECT_EQ(response.status, status) << what << ": " << Redact(response.body);
  ExpectJsonContentType(response, what);
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  ExpectShape(body, {{"message", JsonKind::kString}, {"code", JsonKind::kInteger, false}}, 0, what + " (error body)");
  if (code && body.is_object() && body.contains("code") && body["code"].is_number_integer()) {
    EXPECT_EQ(body["code"].get<int>(), *code) << what << ": the service's code for this error is " << *code;
  }
}

}  // namespace opentok::conformance

#include "wire_schemas.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "json_shape.h"
#include "redaction.h"
#include "token_inspector.h"
#include "xml_reader.h"

namespace opentok::conformance {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// The media type of the answer, lower case, without parameters.
std::string MediaType(HttpResponse const& response) {
  std::string type = Lower(HeaderValue(response, "Content-Type"));
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type;
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

void ExpectJsonContentType(HttpResponse const& response, std::string const& what) {
  EXPECT_EQ(MediaType(response), "application/json")
      << what << ": Content-Type is \"" << HeaderValue(response, "Content-Type") << "\"";
}

nlohmann::json ExpectJsonObjectAnswer(HttpResponse const& response, int status, std::string const& what) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status != status || !body.is_object()) {
    ADD_FAILURE() << what << ": expected " << status << " with a JSON object, got " << response.status << " "
                  << Redact(response.body);
    return nlohmann::json::object();
  }
  ExpectJsonContentType(response, what);
  return body;
}

nlohmann::json ExpectListAnswer(HttpResponse const& response, std::string const& what) {
  auto body = ExpectJsonObjectAnswer(response, 200, what);
  ExpectShape(body, {{"count", JsonKind::kInteger}, {"items", JsonKind::kArray}}, 0, what);
  if (!body.contains("items") || !body["items"].is_array()) return nlohmann::json::array();
  if (body["count"].is_number_integer()) {
    auto count = body["count"].get<std::int64_t>();
    EXPECT_GE(count, 0) << what << ": negative count";
    EXPECT_GE(count, static_cast<std::int64_t>(body["items"].size())) << what << ": fewer in count than in items";
  }
  for (auto const& item : body["items"]) {
    EXPECT_TRUE(item.is_object()) << what << ": an item is not an object: " << item.dump();
  }
  return body["items"];
}

void ExpectOwnerId(nlohmann::json const& object, char const* name, OwnerIdType type, bool required,
                   Credentials const& owner, std::string const& what) {
  if (owner.is_application()) {
    ExpectShape(object, {{"applicationId", JsonKind::kLowercaseUuid, false}}, 0, what);
    if (object.contains("applicationId")) {
      EXPECT_EQ(object["applicationId"], owner.api_key) << what << ": applicationId";
    }
    return;
  }
  auto it = object.find(name);
  if (it == object.end()) {
    EXPECT_FALSE(required) << what << ": no \"" << name << "\" (the API key)";
    return;
  }
  bool integer = it->is_number_integer() && std::to_string(it->get<std::int64_t>()) == owner.api_key;
  bool string = it->is_string() && it->get<std::string>() == owner.api_key;
  bool fits = type == OwnerIdType::kInteger ? integer : type == OwnerIdType::kString ? string : integer || string;
  char const* expected = type == OwnerIdType::kInteger  ? "the API key as a JSON integer"
                         : type == OwnerIdType::kString ? "the API key as a string"
                                                        : "the API key";
  EXPECT_TRUE(fits) << what << ": \"" << name << "\" is " << it->dump() << ", not " << expected;
}

void ExpectNotBefore(nlohmann::json const& object, char const* later, char const* earlier, std::string const& what) {
  auto a = object.find(later);
  auto b = object.find(earlier);
  if (a == object.end() || b == object.end() || !a->is_number_integer() || !b->is_number_integer()) return;
  EXPECT_GE(a->get<std::int64_t>(), b->get<std::int64_t>()) << what << ": " << later << " before " << earlier;
}

void ExpectArchiveObject(nlohmann::json const& archive, std::int64_t now_ms, bool project, ArchiveSent const* sent,
                         std::string const& what) {
  // The archive object of the REST API docs; numbers are integers and never null (net-ot's
  // non-nullable ints), ids lowercase UUIDs (php-ot's archive schema).
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
  // Exactly, without parameters: py-ot compares the header for equality and otherwise parses XML.
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

std::string ExpectSessionCreateXmlAnswer(HttpResponse const& response, Credentials const& owner,
                                         std::string const& what) {
  EXPECT_EQ(response.status, 200) << what << ": " << Redact(response.body);
  EXPECT_EQ(MediaType(response), "text/xml") << what << ": Content-Type is \"" << HeaderValue(response, "Content-Type")
                                             << "\"";
  std::string why;
  auto root = ParseXml(response.body, &why);
  if (!root) {
    ADD_FAILURE() << what << ": not a well-formed XML document (" << why << "): " << Redact(response.body);
    return "";
  }
  EXPECT_EQ(root->name, "sessions") << what << ": the root element";
  XmlElement const* session = root->Child("Session");
  XmlElement const* id = session ? session->Child("session_id") : nullptr;
  if (id == nullptr) {
    ADD_FAILURE() << what << ": no sessions/Session/session_id (php-ot and rb-ot read it there): "
                  << Redact(response.body);
    return "";
  }
  EXPECT_TRUE(id->children.empty()) << what << ": session_id has child elements";
  EXPECT_EQ(root->FirstDescendant("session_id"), id)
      << what << ": the first session_id element (net-ot's) is not sessions/Session/session_id";
  // The second '~'-separated field of the decoded id is the API key (the SDKs' decoders).
  auto payload = DecodeSessionIdPayload(id->text);
  auto tilde = payload ? payload->find('~') : std::string::npos;
  EXPECT_TRUE(tilde != std::string::npos && payload->compare(tilde + 1, owner.api_key.size() + 1, owner.api_key + "~") == 0)
      << what << ": the session id \"" << id->text << "\" does not decode to the API key";
  if (!owner.is_application()) {
    XmlElement const* partner = root->FirstDescendant("partner_id");
    EXPECT_TRUE(partner != nullptr && partner->text == owner.api_key)
        << what << ": the first partner_id element is not the API key (net-ot converts it to an integer): "
        << Redact(response.body);
  }
  return id->text;
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

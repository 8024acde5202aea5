#include "media_wire_schemas.h"

#include <gtest/gtest.h>

#include "json_shape.h"
#include "wire_schemas.h"

namespace opentok::conformance {
namespace {

void ExpectRenderOwner(nlohmann::json const& render, Credentials const& owner, std::string const& what) {
  if (!owner.is_application()) {
    ExpectOwnerId(render, "projectId", OwnerIdType::kString, true, owner, what);
    return;
  }
  bool named = render.value("applicationId", nlohmann::json()) == owner.api_key ||
               render.value("projectId", nlohmann::json()) == owner.api_key;
  EXPECT_TRUE(named) << what << ": neither applicationId nor projectId is the application's id";
}

}  // namespace

void ExpectRenderObject(nlohmann::json const& render, std::int64_t now_ms, Credentials const& owner,
                        nlohmann::json const* sent, std::string const& what) {
  ExpectShape(render,
              {
                  {"id", JsonKind::kLowercaseUuid},
                  {"sessionId", JsonKind::kString},
                  {"createdAt", JsonKind::kEpochMs},
                  {"updatedAt", JsonKind::kEpochMs},
                  {"url", JsonKind::kString},
                  {"resolution", JsonKind::kString},
                  {"status", JsonKind::kString},
                  {"streamId", JsonKind::kLowercaseUuid, false},
                  {"reason", JsonKind::kString, false},
                  {"name", JsonKind::kString, false},
                  {"callbackUrl", JsonKind::kString, false},
                  {"event", JsonKind::kString, false},
              },
              now_ms, what);
  if (!render.is_object()) return;
  ExpectRenderOwner(render, owner, what);
  ExpectNotBefore(render, "updatedAt", "createdAt", what);
  ExpectOneOf(render, "status", {"starting", "started", "stopped", "failed"}, what);
  ExpectOneOf(render, "resolution", kResolutions, what);
  ExpectOneOf(render, "event", {"render"}, what);
  std::string status = render.value("status", "");
  if (status == "started") {
    EXPECT_TRUE(render.contains("streamId")) << what << ": a started render names no streamId";
  }
  if (status == "stopped" || status == "failed") {
    EXPECT_TRUE(render.contains("reason")) << what << ": a " << status << " render gives no reason";
  }
  if (sent == nullptr) return;
  EXPECT_EQ(render.value("sessionId", nlohmann::json()), sent->value("sessionId", nlohmann::json())) << what << ": sessionId";
  EXPECT_EQ(render.value("url", nlohmann::json()), sent->value("url", nlohmann::json())) << what << ": url";
  EXPECT_EQ(render.value("resolution", nlohmann::json()), sent->value("resolution", nlohmann::json("1280x720")))
      << what << ": resolution";
  auto properties = sent->value("properties", nlohmann::json::object());
  if (properties.is_object() && properties.contains("name")) {
    EXPECT_EQ(render.value("name", nlohmann::json()), properties["name"]) << what << ": name";
  }
}

nlohmann::json ExpectRenderAnswer(HttpResponse const& response, int status, std::int64_t now_ms,
                                  Credentials const& owner, nlohmann::json const* sent, std::string const& what) {
  auto body = ExpectJsonObjectAnswer(response, status, what);
  if (!body.empty()) ExpectRenderObject(body, now_ms, owner, sent, what);
  return body;
}

std::string ExpectCaptionsStartAnswer(HttpResponse const& response, std::string const& what) {
  auto body = ExpectJsonObjectAnswer(response, 202, what);
  ExpectShape(body, {{"captionsId", JsonKind::kLowercaseUuid}}, 0, what);
  auto id = body.find("captionsId");
  return id != body.end() && id->is_string() ? id->get<std::string>() : "";
}

nlohmann::json ExpectCaptionsAnswer(HttpResponse const& response, std::int64_t now_ms, Credentials const& owner,
                                    std::string const& what) {
  auto body = ExpectJsonObjectAnswer(response, 200, what);
  ExpectShape(body,
              {
                  {"captionId", JsonKind::kLowercaseUuid},
                  {"sessionId", JsonKind::kString},
                  {"status", JsonKind::kString},
                  {"createdAt", JsonKind::kEpochMs},
                  {"updatedAt", JsonKind::kEpochMs},
                  {"duration", JsonKind::kInteger},
                  {"languageCode", JsonKind::kString},
                  {"provider", JsonKind::kString},
                  {"reason", JsonKind::kString, false},
              },
              now_ms, what);
  if (!body.is_object() || body.empty()) return body;
  ExpectOwnerId(body, "projectId", OwnerIdType::kIntegerOrString, false, owner, what);
  ExpectNotBefore(body, "updatedAt", "createdAt", what);
  ExpectOneOf(body, "status", {"started", "stopped", "paused", "failed"}, what);
  if (auto it = body.find("duration"); it != body.end() && it->is_number_integer()) {
    EXPECT_GE(it->get<std::int64_t>(), 0) << what << ": negative duration";
  }
  return body;
}

nlohmann::json ExpectSipDialAnswer(HttpResponse const& response, std::int64_t now_ms, Credentials const& owner,
                                   nlohmann::json const& sent, std::string const& what) {
  auto body = ExpectJsonObjectAnswer(response, 200, what);
  ExpectShape(body,
              {
                  {"id", JsonKind::kLowercaseUuid},
                  {"connectionId", JsonKind::kLowercaseUuid},
                  {"streamId", JsonKind::kLowercaseUuid},
                  {"sessionId", JsonKind::kString, false},
                  {"createdAt", JsonKind::kEpochMs, false},
                  {"updatedAt", JsonKind::kEpochMs, false},
              },
              now_ms, what);
  if (!body.is_object() || body.empty()) return body;
  ExpectOwnerId(body, "projectId", OwnerIdType::kString, false, owner, what);
  ExpectNotBefore(body, "updatedAt", "createdAt", what);
  if (body.contains("sessionId")) {
    EXPECT_EQ(body["sessionId"], sent.value("sessionId", nlohmann::json())) << what;
  }
  return body;
}

nlohmann::json ExpectAudioConnectorAnswer(HttpResponse const& response, std::string const& what) {
  auto body = ExpectJsonObjectAnswer(response, 200, what);
  ExpectShape(body, {{"id", JsonKind::kLowercaseUuid}, {"connectionId", JsonKind::kLowercaseUuid}}, 0, what);
  return body;
}

}  // namespace opentok::conformance

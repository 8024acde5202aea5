#pragma once

// What the bad-bytes tests share: byte sequences that are not UTF-8 (percent-encoded for
// targets and forms, raw for headers), a strict check that an answer is UTF-8 JSON, and a
// fingerprint of the service state that a refused request must leave as it was.

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "archive_json.h"
#include "broadcast_json.h"
#include "opentok_common/url.h"
#include "opentok_mock/mock_server.h"
#include "opentok_mock/utf8.h"

namespace opentok_mock::testing {

// Ill-formed UTF-8 once percent-decoded: a byte that never starts a sequence, a lead byte
// without its continuation, a surrogate, an overlong '/', a code point above U+10FFFF and a
// truncated three-byte sequence at the end.
inline std::vector<std::string> const& BadPercentEncoded() {
  static std::vector<std::string> const kBad{"%FF", "a%C3%28b", "%ED%A0%80", "%C0%AF", "%F4%90%80%80", "x%E2%82"};
  return kBad;
}

// A T1 token's data string for a publisher of `session_id`, valid for an hour from `now_s`,
// with `claim` (role, connection_data or initial_layout_class_list) set to `value` as is.
inline std::string T1DataWith(std::string const& session_id, std::int64_t now_s, std::string const& claim,
                              std::string const& value) {
  std::string data = "session_id=" + session_id + "&create_time=" + std::to_string(now_s) +
                     "&nonce=1&expire_time=" + std::to_string(now_s + 3600);
  if (claim != "role") data += "&role=publisher";
  return data + "&" + claim + "=" + value;
}

// The body must be JSON that a strict parser takes: nlohmann's parse throws on ill-formed
// UTF-8. Empty bodies (204, and 200 where the service sends none) have nothing to parse; the
// few answers that are not JSON by design (an HLS playlist, the placeholder archive file,
// XML for clients that do not ask for JSON) must still be UTF-8.
inline void ExpectStrictJsonAnswer(httplib::Result const& res, std::string const& what) {
  ASSERT_TRUE(res) << what << ": no response: " << httplib::to_string(res.error());
  EXPECT_LT(res->status, 500) << what << ": " << res->body;
  if (res->body.empty()) return;
  auto type = res->get_header_value("Content-Type");
  if (type != "application/json" && type != "text/plain") {
    EXPECT_TRUE(IsValidUtf8(res->body)) << what << ": a " << type << " answer that is not UTF-8";
    return;
  }
  try {
    auto parsed = nlohmann::json::parse(res->body);
    EXPECT_FALSE(parsed.is_discarded());
  } catch (nlohmann::json::exception const& e) {
    ADD_FAILURE() << what << ": the body is not strict UTF-8 JSON (" << e.what() << "), status " << res->status;
  }
}

// Everything the service can list, as JSON text (ill-formed bytes would make dump throw,
// which fails the test that takes the fingerprint). The journal is left out: it records
// refused requests too.
inline std::string StateFingerprint(MockService& service, std::string const& api_key,
                                    std::vector<std::string> const& session_ids) {
  auto const dump = [](nlohmann::json const& json) { return json.dump(); };
  std::string out;
  for (auto const& id : session_ids) {
    if (auto snapshot = service.GetSession(id)) out += dump(http::SessionSnapshotToJson(*snapshot));
    if (auto calls = service.SipCalls(id)) out += std::to_string(calls->size());
  }
  if (auto archives = service.ListArchives(api_key, ListQuery{0, 1000, {}})) {
    for (auto const& archive : archives->items) out += http::ArchiveJsonText(archive);
  }
  for (auto const& broadcast : service.AllBroadcasts()) out += http::BroadcastJsonText(broadcast);
  out += std::to_string(service.AllCaptions().size()) + "/" + std::to_string(service.AllRenders().size()) + "/" +
         std::to_string(service.AllAudioConnectors().size()) + "/" + std::to_string(service.Projects().size()) + "/" +
         std::to_string(service.Applications().size()) + "/" + std::to_string(service.PendingTimers());
  if (auto callbacks = service.ListCallbacks(api_key)) out += "/" + std::to_string(callbacks->size());
  if (auto urls = service.CallbackUrls(api_key)) out += "/" + std::to_string(urls->size());
  if (auto target = service.ArchiveUploadTarget(api_key); target && *target) out += **target;
  return out;
}

}  // namespace opentok_mock::testing

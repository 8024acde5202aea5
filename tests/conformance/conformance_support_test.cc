// The conformance suite's own building blocks: if these were wrong, its verdicts (and its
// promise never to print credentials) would mean nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "archive_transitions.h"
#include "broadcast_transitions.h"
#include "media_tracker.h"
#include "redaction.h"
#include "token_inspector.h"
#include "transition_matrix.h"
#include "xml_reader.h"

namespace opentok::conformance {
namespace {

TEST(Redaction, RemovesClientTokensAndSecretFields) {
  std::string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoicHVibGlzaGVyIn0.c2lnbmF0dXJl";
  std::string text = R"({"token":"T1==cGFydG5lcl9pZD0x+/=","apiSecret" : "s3cr3t","note":"keep"} auth )" + jwt + " end";
  std::string redacted = Redact(text);
  EXPECT_EQ(redacted.find("cGFydG5lcl9pZD0x"), std::string::npos);
  EXPECT_EQ(redacted.find("s3cr3t"), std::string::npos);
  EXPECT_EQ(redacted.find("c2lnbmF0dXJl"), std::string::npos);
  EXPECT_NE(redacted.find(R"("note":"keep")"), std::string::npos) << redacted;
  EXPECT_NE(redacted.find(" end"), std::string::npos);
  EXPECT_EQ(Redact("T1==abc and more"), "[redacted] and more");
  EXPECT_EQ(Redact(jwt), "[redacted]");
}

TEST(Redaction, LeavesOrdinaryTextAlone) {
  EXPECT_EQ(Redact("GET /v2/project/123/archive?count=5"), "GET /v2/project/123/archive?count=5");
  EXPECT_EQ(Redact("eyJ alone is not a token"), "eyJ alone is not a token");
  EXPECT_EQ(Redact(R"({"tokenFormat":"jwt"})"), R"({"tokenFormat":"jwt"})");
}

TEST(Redaction, SecretHeadersAreRecognisedInAnyCase) {
  EXPECT_TRUE(IsSecretHeader("X-OPENTOK-AUTH"));
  EXPECT_TRUE(IsSecretHeader("x-opentok-auth"));
  EXPECT_TRUE(IsSecretHeader("Authorization"));
  EXPECT_FALSE(IsSecretHeader("Content-Type"));
}

TEST(TokenInspector, ParsesTheReferenceT1Vector) {
  // The known-answer vector of the opentok-token npm package's tests.
  std::string data =
      "session_id=1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4&create_time=1424221013"
      "&nonce=0.3942609881050885&role=moderator&expire_time=1424307413"
      "&connection_data=%7B%22name%22%3A%22value%22%7D";
  std::string secret = "1234567890abcdef1234567890abcdef1234567890";
  EXPECT_EQ(HmacSha1Hex(secret, data), "df94a64559acc061d7a3752a6fc69493e938c191");
  // "T1==" + base64("partner_id=123456&sig=<sig>:<data>"), encoded by coreutils' base64.
  std::string token =
      "T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPWRmOTRhNjQ1NTlhY2MwNjFkN2EzNzUyYTZmYzY5NDkzZTkzOGMxOTE6c2Vzc2lvbl9pZD0xX01YNH"
      "hNak0wTlRaLWZsTmhkQ0JOWVhJZ01UVWdNVFE2TkRJNk1qTWdVRVJVSURJd01UUi1NQzQwT1RBeE16QXlOWDQmY3JlYXRlX3RpbWU9MTQyNDIy"
      "MTAxMyZub25jZT0wLjM5NDI2MDk4ODEwNTA4ODUmcm9sZT1tb2RlcmF0b3ImZXhwaXJlX3RpbWU9MTQyNDMwNzQxMyZjb25uZWN0aW9uX2Rh"
      "dGE9JTdCJTIybmFtZSUyMiUzQSUyMnZhbHVlJTIyJTdE";
  std::string why;
  auto t1 = ParseT1Token(token, &why);
  ASSERT_TRUE(t1.has_value()) << why;
  EXPECT_EQ(t1->partner_id, "123456");
  EXPECT_EQ(t1->sig, "df94a64559acc061d7a3752a6fc69493e938c191");
  EXPECT_EQ(t1->data, data);
  EXPECT_EQ(t1->fields["role"], "moderator");
  EXPECT_EQ(t1->fields["connection_data"], R"({"name":"value"})");
  EXPECT_EQ(t1->sig, HmacSha1Hex(secret, t1->data));
}

TEST(TokenInspector, RejectsMalformedTokens) {
  std::string why;
  EXPECT_FALSE(ParseT1Token("T2==abc", &why).has_value());
  EXPECT_FALSE(ParseT1Token("T1==!!!", &why).has_value());
  EXPECT_FALSE(ParseJwt("a.b", &why).has_value());
  EXPECT_FALSE(ParseJwt("e30.e30.x.y", &why).has_value());
  EXPECT_FALSE(ParseJwt("e30.W10.c2ln", &why).has_value()) << "claims must be an object";
}

TEST(TokenInspector, VerifiesAnHs256TokenSignedByTheOpensslTool) {
  // {"alg":"HS256","typ":"JWT"} . {"iss":"123456"}, signed with the key "secret" by the
  // openssl tool: printf '%s' "$header.$claims" | openssl dgst -sha256 -hmac secret -binary
  std::string token =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMjM0NTYifQ.PWjLpYcfJfll-QyVWbXYJa5MQw8Siyit_GnRy-AXg6o";
  std::string why;
  auto jwt = ParseJwt(token, &why);
  ASSERT_TRUE(jwt.has_value()) << why;
  EXPECT_EQ(jwt->claims.value("iss", ""), "123456");
  EXPECT_TRUE(JwtSignatureValid(*jwt, "secret"));
  EXPECT_FALSE(JwtSignatureValid(*jwt, "secreT"));
}

TEST(TokenInspector, DecodesBase64InBothAlphabets) {
  EXPECT_EQ(DecodeBase64("Zm9vYmE").value(), "fooba");
  EXPECT_EQ(DecodeBase64("Zm9vYmE=").value(), "fooba");
  EXPECT_EQ(DecodeBase64("-_8").value(), "\xfb\xff");
  EXPECT_FALSE(DecodeBase64("Zm9v!").has_value());
}

// The XML reader decides whether the session create XML answer is one the official SDKs
// can read: it must find what they find and refuse what their parsers refuse.
TEST(XmlReader, ReadsTheServiceSessionCreateAnswer) {
  std::string why;
  auto root = ParseXml(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sessions><Session><session_id>1_MX4x</session_id>)"
      R"(<partner_id>123456</partner_id><create_dt>Sun Sep 15 21:56:28 PDT 2024</create_dt></Session></sessions>)",
      &why);
  ASSERT_TRUE(root) << why;
  EXPECT_EQ(root->name, "sessions");
  ASSERT_TRUE(root->Child("Session") && root->Child("Session")->Child("session_id"));
  EXPECT_EQ(root->Child("Session")->Child("session_id")->text, "1_MX4x");
  EXPECT_EQ(root->FirstDescendant("session_id"), root->Child("Session")->Child("session_id"));
  EXPECT_EQ(root->FirstDescendant("partner_id")->text, "123456");
  EXPECT_EQ(root->FirstDescendant("nothing"), nullptr);
}

TEST(XmlReader, DecodesEntitiesCdataAndAttributes) {
  std::string why;
  auto root = ParseXml("<!-- c --><a x='1' y=\"&lt;&#x41;&#66;\">t&amp;<![CDATA[<raw>]]><b/><?pi x?></a>\n", &why);
  ASSERT_TRUE(root) << why;
  EXPECT_EQ(root->text, "t&<raw>");
  ASSERT_EQ(root->attributes.size(), 2u);
  EXPECT_EQ(root->attributes[1].second, "<AB");
  ASSERT_EQ(root->children.size(), 1u);
  EXPECT_EQ(root->children[0].name, "b");
}

TEST(XmlReader, RefusesDocumentsTheSdkParsersRefuse) {
  for (char const* document : {"", "text", "<a>", "<a></b>", "<a><b></a></b>", "<a/><b/>", "<a>&unknown;</a>",
                               "<a>& </a>", "<a x=1/>", "<a x='1' x='2'/>", "<!DOCTYPE a><a/>", "<a><!-- open</a>",
                               "<a>&#0;</a>", "<a></a>trailing"}) {
    std::string why;
    EXPECT_FALSE(ParseXml(document, &why)) << document;
    EXPECT_FALSE(why.empty()) << document;
  }
}

TEST(TransitionTable, EveryCellIsUniqueAndWellFormed) {
  std::set<std::string> ids;
  for (auto const& cell : ArchiveTransitionTable()) {
    EXPECT_TRUE(ids.insert(CellId(cell)).second) << "duplicate cell " << CellId(cell);
    EXPECT_EQ(cell.status.has_value(), IsRestOperation(cell.operation)) << CellId(cell);
  }
  // Every state has every REST and client operation.
  for (auto state : AllArchiveStates()) {
    for (auto op : {ArchiveOperation::kStart, ArchiveOperation::kStop, ArchiveOperation::kGet, ArchiveOperation::kList,
                    ArchiveOperation::kDelete, ArchiveOperation::kPublish, ArchiveOperation::kUnpublish}) {
      TransitionCell probe{state, op, std::nullopt, state, ""};
      EXPECT_TRUE(ids.count(CellId(probe))) << "missing cell " << CellId(probe);
    }
  }
}

TEST(BroadcastTransitionTable, EveryCellIsUniqueAndWellFormed) {
  std::set<std::string> ids;
  for (auto const& cell : BroadcastTransitionTable()) {
    EXPECT_TRUE(ids.insert(CellId(cell)).second) << "duplicate cell " << CellId(cell);
    EXPECT_EQ(cell.status.has_value(), IsRestOperation(cell.operation)) << CellId(cell);
    // Output statuses exist only while a broadcast runs.
    if (cell.outputs != OutputStatus::kUnchecked) {
      EXPECT_EQ(Name(cell.to), Name(BroadcastState::kStarted)) << CellId(cell);
    }
  }
}

TEST(BroadcastTransitionTable, EveryStateAndOperationPairIsDecided) {
  auto table = BroadcastTransitionTable();
  EXPECT_EQ(table.size(), AllBroadcastStates().size() * AllBroadcastOperations().size());
  for (auto state : AllBroadcastStates()) {
    for (auto operation : AllBroadcastOperations()) {
      auto matches = std::count_if(table.begin(), table.end(), [&](BroadcastCell const& cell) {
        return cell.from == state && cell.operation == operation;
      });
      EXPECT_EQ(matches, 1) << Name(state) << " × " << Name(operation);
    }
  }
}

TEST(BroadcastTransitionTable, OnlyTheDocumentedStatusesAndTransitions) {
  for (auto const& cell : BroadcastTransitionTable()) {
    // Nothing brings a broadcast back or makes one up: none stays none (only a start
    // makes a new broadcast, whose state the none row shows), stopped stays stopped.
    bool starts = cell.operation == BroadcastOperation::kStart || cell.operation == BroadcastOperation::kStartTagged;
    if (cell.from == BroadcastState::kStopped || (cell.from == BroadcastState::kNone && !starts)) {
      EXPECT_EQ(Name(cell.to), Name(cell.from)) << CellId(cell);
    }
    if (cell.status) {
      EXPECT_TRUE(*cell.status == 200 || *cell.status == 204 || *cell.status == 404 || *cell.status == 409)
          << CellId(cell);
    }
    // 404 only where no broadcast exists, or for stopping one that has already stopped.
    if (cell.status == 404) {
      EXPECT_TRUE(cell.from == BroadcastState::kNone || cell.operation == BroadcastOperation::kStop) << CellId(cell);
    }
  }
}

TEST(TransitionMatrix, MarksVerdictsAndAbsentCells) {
  std::map<std::string, Verdict> verdicts{
      {std::string(kTransitionSuite) + ".Cell/started_stop", Verdict::kPass},
      {std::string(kTransitionSuite) + ".Cell/started_start", Verdict::kFail},
      {std::string(kTransitionSuite) + ".Cell/paused_get", Verdict::kSkip},
  };
  std::string matrix = FormatTransitionMatrix(verdicts, "test target");
  EXPECT_NE(matrix.find("200 → stopped (user initiated) ✅"), std::string::npos);
  EXPECT_NE(matrix.find("409 → started ❌"), std::string::npos);
  EXPECT_NE(matrix.find("200 → paused ⏭️"), std::string::npos);
  EXPECT_NE(matrix.find("404 → none (not run)"), std::string::npos);
  EXPECT_NE(matrix.find("| — |"), std::string::npos);
  EXPECT_NE(matrix.find("Verdicts against: test target."), std::string::npos);
}

}  // namespace
}  // namespace opentok::conformance

namespace opentok::conformance {
namespace {

TEST(BroadcastMatrix, HasEveryCellWithItsVerdict) {
  std::map<std::string, Verdict> verdicts{
      {std::string(kBroadcastTransitionSuite) + ".Cell/started_unpublish", Verdict::kPass},
      {std::string(kBroadcastTransitionSuite) + ".Cell/started_start", Verdict::kFail},
  };
  std::string matrix = FormatBroadcastMatrix(verdicts, "test target");
  EXPECT_NE(matrix.find("| state \\ operation | start | start-tagged | stop |"), std::string::npos) << matrix;
  EXPECT_NE(matrix.find("→ started (outputs offline/ready) ✅"), std::string::npos) << matrix;
  EXPECT_NE(matrix.find("409 → started ❌"), std::string::npos);
  EXPECT_NE(matrix.find("404 → stopped (not run)"), std::string::npos) << "stopped_stop";
  EXPECT_EQ(matrix.find("| — |"), std::string::npos) << "every pair is decided";
}

TEST(ReadmeMatrices, BothMatricesBetweenTheirMarkers) {
  std::string text = FormatReadmeMatrices({}, "t");
  auto archive_begin = text.find("<!-- transition-matrix:begin -->\n| state");
  auto archive_end = text.find("<!-- transition-matrix:end -->\n");
  auto broadcast_begin = text.find("<!-- broadcast-matrix:begin -->\n| state");
  auto broadcast_end = text.find("<!-- broadcast-matrix:end -->\n");
  ASSERT_NE(archive_begin, std::string::npos);
  ASSERT_NE(broadcast_end, std::string::npos);
  EXPECT_LT(archive_begin, archive_end);
  EXPECT_LT(archive_end, broadcast_begin);
  EXPECT_LT(broadcast_begin, broadcast_end);
  EXPECT_NE(text.find("start-tagged"), std::string::npos);
  EXPECT_NE(text.find("72h-expiry"), std::string::npos);
}

// The clean-up after each check must cost one request per thing started, not a re-read of
// everything: an ended entry is never asked for again; one that could not be ended is
// retried and, if it still cannot be ended, reported with the reason.
TEST(MediaTracker, EndsEachEntryOnceAndRetriesOnlyFailures) {
  MediaTracker tracker;
  tracker.Track({MediaKind::kCaptions, {}, "s", "captions-1"});
  tracker.Track({MediaKind::kRender, {}, "s", "render-1"});
  tracker.Track({MediaKind::kSipCall, {}, "s", "connection-1"});
  std::map<std::string, int> calls;
  auto end = [&](MediaEntry const& entry) -> std::string {
    ++calls[entry.id];
    return entry.kind == MediaKind::kRender ? "503 from the service" : "";
  };
  tracker.EndPending(end);
  EXPECT_EQ(tracker.pending(), 1u);
  tracker.Track({MediaKind::kAudioConnector, {}, "s", "call-1"});
  tracker.EndPending(end);
  EXPECT_EQ(calls, (std::map<std::string, int>{{"captions-1", 1}, {"render-1", 2}, {"connection-1", 1}, {"call-1", 1}}));
  auto left = tracker.CleanUpAll(end);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_NE(left[0].find("render render-1"), std::string::npos) << left[0];
  EXPECT_NE(left[0].find("503 from the service"), std::string::npos) << left[0];
  EXPECT_EQ(tracker.CleanUpAll([](MediaEntry const&) { return std::string(); }), std::vector<std::string>{});
  EXPECT_EQ(tracker.pending(), 0u);
}

}  // namespace
}  // namespace opentok::conformance

// Known-answer tests for the shared encoding and crypto primitives.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include <thread>
#include <vector>

#include "opentok_common/api_rules.h"
#include "opentok_common/base64.h"
#include "opentok_common/hmac.h"
#include "opentok_common/json_text.h"
#include "opentok_common/jwt.h"
#include "opentok_common/random.h"
#include "opentok_common/session_id.h"
#include "opentok_common/url.h"

namespace opentok::common {
namespace {

TEST(ApiRules, Ipv4LiteralsOnly) {
  for (auto text : {"0.0.0.0", "10.1.200.30", "255.255.255.255", "127.0.0.1"}) EXPECT_TRUE(rules::IsIpv4(text)) << text;
  for (auto text : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", "a.b.c.d", "1..2.3", "::1",
                    "1.2.3.4/8", "1234.1.1.1"}) {
    EXPECT_FALSE(rules::IsIpv4(text)) << text;
  }
}

TEST(ApiRules, LayoutRuleNamesTheFirstProblem) {
  using rules::LayoutProblem;
  EXPECT_EQ(rules::CheckLayout("bestFit", false, ""), LayoutProblem::kNone);
  EXPECT_EQ(rules::CheckLayout("custom", true, ""), LayoutProblem::kNone);
  EXPECT_EQ(rules::CheckLayout("bestFit", false, "pip"), LayoutProblem::kNone);
  EXPECT_EQ(rules::CheckLayout("BestFit", false, ""), LayoutProblem::kBadType);
  EXPECT_EQ(rules::CheckLayout("custom", false, ""), LayoutProblem::kStylesheetMismatch);
  EXPECT_EQ(rules::CheckLayout("pip", true, ""), LayoutProblem::kStylesheetMismatch);
  EXPECT_EQ(rules::CheckLayout("pip", false, "bestFit"), LayoutProblem::kScreenshareNeedsBestFit);
  EXPECT_EQ(rules::CheckLayout("bestFit", false, "custom"), LayoutProblem::kBadScreenshareType);
}

TEST(ApiRules, RangesAreInclusive) {
  EXPECT_TRUE(rules::kBitrate.Contains(100'000));
  EXPECT_TRUE(rules::kBitrate.Contains(6'000'000));
  EXPECT_FALSE(rules::kBitrate.Contains(99'999));
  EXPECT_FALSE(rules::kBitrate.Contains(6'000'001));
  EXPECT_TRUE(rules::kBroadcastMaxDuration.Contains(rules::kDefaultBroadcastMaxDuration));
  EXPECT_TRUE(rules::IsResolution(rules::kDefaultResolution));
  EXPECT_FALSE(rules::IsResolution("640X480"));
}

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
}

TEST(Base64, DecodesBothAlphabetsWithOrWithoutPadding) {
  EXPECT_EQ(Base64Decode("Zm9vYmE=").value(), "fooba");
  EXPECT_EQ(Base64Decode("Zm9vYmE").value(), "fooba");
  EXPECT_EQ(Base64Decode("-_8").value(), "\xfb\xff");
  EXPECT_EQ(Base64Decode("+/8=").value(), "\xfb\xff");
  EXPECT_FALSE(Base64Decode("Zm9v!").has_value());
  EXPECT_FALSE(Base64Decode("Z").has_value());
}

TEST(Base64, RoundTripsEveryLengthAndByte) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) bytes.push_back(static_cast<char>((i * 37 + 11) & 0xff));
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    std::string input = bytes.substr(0, n);
    std::string standard = Base64Encode(input);
    EXPECT_EQ(standard.size(), (n + 2) / 3 * 4);
    EXPECT_EQ(Base64Decode(standard).value(), input) << n;
    std::string url = Base64UrlEncode(input);
    EXPECT_EQ(url.find_first_of("+/="), std::string::npos);
    EXPECT_EQ(Base64Decode(url).value(), input) << n;
  }
}

// The encoder takes 8-byte steps and the decoder 4-character groups: compare with OpenSSL
// at every length and offset so that both the fast paths and the tails are covered.
TEST(Base64, MatchesOpenSslAtEveryLength) {
  std::string bytes;
  for (int i = 0; i < 300; ++i) bytes.push_back(static_cast<char>((i * 101 + 7) & 0xff));
  for (std::size_t n = 0; n <= bytes.size(); ++n) {
    std::string input = bytes.substr(bytes.size() - n);
    std::string expected(4 * ((n + 2) / 3) + 1, '\0');
    int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(expected.data()),
                                 reinterpret_cast<unsigned char const*>(input.data()), static_cast<int>(n));
    expected.resize(static_cast<std::size_t>(length));
    EXPECT_EQ(Base64Encode(input), expected) << n;
    std::string appended = "T1==";
    AppendBase64(appended, input);
    EXPECT_EQ(appended, "T1==" + expected) << n;
  }
}

TEST(Base64, RejectsABadCharacterAnywhere) {
  std::string text = Base64Encode(std::string(90, 'x'));
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string bad = text;
    bad[i] = '*';
    EXPECT_FALSE(Base64Decode(bad).has_value()) << i;
  }
}

TEST(JsonText, EscapesLikeNlohmannDump) {
  std::string text = "plain \"quoted\" back\\slash \xc3\xa9 ";
  for (int c = 0; c < 0x20; ++c) text.push_back(static_cast<char>(c));
  text += "\x7f end";
  std::string out;
  AppendJsonString(out, text);
  EXPECT_EQ(out, nlohmann::json(text).dump());
  out.clear();
  AppendJsonString(out, "");
  EXPECT_EQ(out, "\"\"");
}

TEST(Hmac, Rfc4231Sha256Case2) {
  HmacSigner signer(HmacAlgorithm::kSha256, "Jefe");
  EXPECT_EQ(signer.SignHex("what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Hmac, Rfc2202Sha1Case2) {
  HmacSigner signer(HmacAlgorithm::kSha1, "Jefe");
  EXPECT_EQ(signer.SignHex("what do ya want for nothing?"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

TEST(Hmac, OpenTokT1KnownAnswer) {
  // The known-answer vector of the opentok-token npm package's tests.
  HmacSigner signer(HmacAlgorithm::kSha1, "1234567890abcdef1234567890abcdef1234567890");
  EXPECT_EQ(signer.SignHex("session_id=1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4"
                           "&create_time=1424221013&nonce=0.3942609881050885&role=moderator&expire_time=1424307413"
                           "&connection_data=%7B%22name%22%3A%22value%22%7D"),
            "df94a64559acc061d7a3752a6fc69493e938c191");
}

TEST(Hmac, RecycledContextsGiveTheSameMacFromManyThreads) {
  // Signers recycle OpenSSL contexts; every signature must still start from the key state.
  HmacSigner signer(HmacAlgorithm::kSha256, "Jefe");
  std::string const expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        if (signer.SignHex("noise " + std::to_string(i)).size() != 64) ++mismatches[t];
        if (signer.SignHex("what do ya want for nothing?") != expected) ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(Hmac, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
}

TEST(Jwt, SignsAndVerifiesRfc7515Shape) {
  HmacSigner signer(HmacAlgorithm::kSha256, "secret");
  std::string token = SignJwtHs256(R"({"iss":"123"})", signer);
  EXPECT_EQ(token.substr(0, token.find('.')), "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
  std::string why;
  auto decoded = DecodeJwt(token, &why);
  ASSERT_TRUE(decoded.has_value()) << why;
  EXPECT_EQ(decoded->payload.at("iss").get<std::string>(), "123");
  EXPECT_TRUE(VerifyHs256(*decoded, signer));
  EXPECT_FALSE(VerifyHs256(*decoded, HmacSigner(HmacAlgorithm::kSha256, "other")));
}

// DecodeJwt reads flat segments itself and leaves everything else to nlohmann: either way
// the result must be what nlohmann::json::parse gives, member types included.
TEST(Jwt, SegmentsDecodeLikeNlohmann) {
  std::vector<std::string> const payloads = {
      R"({"iss":"12345678","ist":"project","iat":1700000000,"exp":1700000300,"jti":"a-b"})",
      R"({ "iss" : 12345678 , "neg" : -42, "zero": 0, "minus_zero": -0, "t": true, "f": false, "n": null })",
      R"({})",
      R"({"dup":1,"dup":"last"})",
      R"({"float":1.5,"exp":1e3,"big":123456789012345678901})",
      R"({"escaped":"a\"b","unicode":"\u00e9","utf8":"Ã©"})",
      R"({"acl":{"paths":{"/session/**":{}}},"list":["a","b"]})",
      R"({"tab":"a	b"})",
  };
  for (auto const& payload : payloads) {
    auto expected = nlohmann::json::parse(payload, nullptr, false);
    std::string token = Base64UrlEncode(R"({"alg":"HS256"})") + "." + Base64UrlEncode(payload) + ".c2ln";
    auto decoded = DecodeJwt(token);
    if (expected.is_discarded()) {
      EXPECT_FALSE(decoded.has_value()) << payload;
      continue;
    }
    ASSERT_TRUE(decoded.has_value()) << payload;
    EXPECT_EQ(decoded->payload, expected) << payload;
    for (auto const& [key, value] : expected.items()) {
      EXPECT_EQ(decoded->payload[key].type(), value.type()) << payload << " " << key;
    }
  }
  for (std::string bad : {"{", R"({"a":})", R"({"a":1,})", R"({"a":01})", R"({"a":1} x)", "[1]", R"({"a":-})"}) {
    EXPECT_FALSE(DecodeJwt(Base64UrlEncode("{}") + "." + Base64UrlEncode(bad) + ".c2ln").has_value()) << bad;
  }
}

TEST(Jwt, RejectsMalformedTokens) {
  std::string why;
  EXPECT_FALSE(DecodeJwt("abc", &why).has_value());
  EXPECT_FALSE(why.empty());
  EXPECT_FALSE(DecodeJwt("a.b", &why).has_value());
  EXPECT_FALSE(DecodeJwt("a.b.c.d", &why).has_value());
  EXPECT_FALSE(DecodeJwt("e30.!!!.c2ln", &why).has_value());
}

TEST(Jwt, TamperedPayloadFailsVerification) {
  HmacSigner signer(HmacAlgorithm::kSha256, "secret");
  std::string token = SignJwtHs256(R"({"role":"subscriber"})", signer);
  auto first = token.find('.');
  auto second = token.find('.', first + 1);
  std::string forged = token.substr(0, first + 1) + Base64UrlEncode(R"({"role":"moderator"})") + token.substr(second);
  auto decoded = DecodeJwt(forged);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_FALSE(VerifyHs256(*decoded, signer));
}

TEST(Url, PercentEncodingRoundTrip) {
  EXPECT_EQ(PercentEncode("a b&c=d/é~"), "a%20b%26c%3Dd%2F%C3%A9~");
  EXPECT_EQ(PercentDecode("a+b%20c", true).value(), "a b c");
  EXPECT_EQ(PercentDecode("a+b", false).value(), "a+b");
  EXPECT_FALSE(PercentDecode("%4", true).has_value());
  EXPECT_FALSE(PercentDecode("%zz", true).has_value());
}

TEST(Url, FormParsing) {
  auto fields = ParseForm("p2p.preference=disabled&&archiveMode=always&location=&flag");
  ASSERT_TRUE(fields.has_value());
  ASSERT_EQ(fields->size(), 4u);
  EXPECT_EQ((*fields)[0], (std::pair<std::string, std::string>{"p2p.preference", "disabled"}));
  EXPECT_EQ((*fields)[2].second, "");
  EXPECT_EQ((*fields)[3].first, "flag");
  EXPECT_EQ(FormEncode({{"a", "1 2"}, {"b", "x&y"}}), "a=1%202&b=x%26y");
  EXPECT_FALSE(ParseForm("a=%G1").has_value());
}

TEST(SessionId, DecodesRealFixtureIds) {
  // node-ot fixture: "1~100~127.0.0.1~Tue Jan 28 15:48:40 PST 2014~0.7602962~"
  auto sid = EncodeSessionId({"100", "127.0.0.1", "Tue Jan 28 15:48:40 PST 2014", "0.7602962"});
  auto parts = DecodeSessionId(sid);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->project_id, "100");
  EXPECT_EQ(parts->location, "127.0.0.1");
  // ot-token vector session id (2014 form, '-' for '+')
  auto old = DecodeSessionId("1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4");
  ASSERT_TRUE(old.has_value());
  EXPECT_EQ(old->project_id, "123456");
  EXPECT_FALSE(DecodeSessionId("1_").has_value());
  EXPECT_FALSE(DecodeSessionId("garbage!").has_value());
}

TEST(SessionId, ProjectIdAgreesWithDecodeSessionId) {
  std::vector<std::string> ids = {
      EncodeSessionId({"123456", "", "1726462588647", "11xLa1bbhzPeGQGmXsmgxI0k"}),
      EncodeSessionId({"100", "127.0.0.1", "Tue Jan 28 15:48:40 PST 2014", "0.7602962"}),
      "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4",
      "1_" + Base64UrlEncode("1~~x~"),      // empty project field
      "1_" + Base64UrlEncode("1~123456"),   // only two fields
      "1_" + Base64UrlEncode("1~123456~"),  // three fields, the last empty
      "1_" + Base64UrlEncode("no tildes"), "1_", "", "x", "1_!!!!", "1_Z"};
  for (auto const& id : ids) {
    auto decoded = DecodeSessionId(id);
    auto project = SessionIdProjectId(id);
    ASSERT_EQ(decoded.has_value(), project.has_value()) << id;
    if (decoded) {
      EXPECT_EQ(decoded->project_id, *project) << id;
    }
  }
  EXPECT_EQ(SessionIdProjectId(ids[0]), "123456");
}

TEST(SessionId, PortabilityCheck) {
  EXPECT_TRUE(IsPortableSessionId("1_MX4xMjM0NTZ-fjE3"));
  EXPECT_FALSE(IsPortableSessionId("1_MX4x_MjM0"));
}

TEST(Random, UuidV4Format) {
  std::string uuid = FormatUuidV4(RandomBytes(16));
  ASSERT_EQ(uuid.size(), 36u);
  EXPECT_EQ(uuid[14], '4');
  EXPECT_NE(std::string("89ab").find(uuid[19]), std::string::npos);
  EXPECT_NE(FormatUuidV4(RandomBytes(16)), uuid);
  EXPECT_EQ(FormatUuidV4(std::string(16, '\0')), "00000000-0000-4000-8000-000000000000");
}

}  // namespace
}  // namespace opentok::common

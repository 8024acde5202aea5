// The request parser on its own: framing (no length, Content-Length, chunked), limits and
// malformed input, over byte buffers (no sockets).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "serving/request_parser.h"

namespace opentok_mock::http::serving {
namespace {

ParseResult Parse(std::string const& bytes, ParserLimits limits = {}) { return ParseRequest(bytes, limits); }

void ExpectError(std::string const& bytes, int status, ParserLimits limits = {}) {
  auto result = Parse(bytes, limits);
  ASSERT_TRUE(result.error()) << bytes.substr(0, 200);
  EXPECT_EQ(result.status, status) << result.message;
  EXPECT_FALSE(result.message.empty());
}

// Every strict prefix is incomplete and the whole is complete: the parser never answers
// early, whatever pieces the bytes arrive in.
void ExpectCompleteOnlyAtEnd(std::string const& bytes) {
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto partial = Parse(bytes.substr(0, n));
    ASSERT_EQ(partial.kind, ParseResult::Kind::kIncomplete) << "prefix of " << n << " bytes";
  }
  auto whole = Parse(bytes);
  ASSERT_TRUE(whole.complete());
  EXPECT_EQ(whole.consumed, bytes.size());
}

TEST(ServingParserTest, SimpleGetWithDecodedPathAndQuery) {
  std::string bytes = "GET /v2/project/12%2034/archive?sessionId=a%2Bb&count=5&x=a+b HTTP/1.1\r\nHost: h\r\nX-Two:  v  \r\n\r\n";
  ExpectCompleteOnlyAtEnd(bytes);
  auto result = Parse(bytes);
  auto const& req = result.request;
  EXPECT_EQ(req.method, "GET");
  EXPECT_EQ(req.version, "HTTP/1.1");
  EXPECT_EQ(req.target, "/v2/project/12%2034/archive?sessionId=a%2Bb&count=5&x=a+b");
  EXPECT_EQ(req.path, "/v2/project/12 34/archive");
  EXPECT_EQ(req.get_param_value("sessionId"), "a+b");
  EXPECT_EQ(req.get_param_value("count"), "5");
  EXPECT_EQ(req.get_param_value("x"), "a b");
  EXPECT_EQ(req.get_header_value("x-two"), "v");  // names case-insensitive, value trimmed
  EXPECT_TRUE(req.body.empty());
}

TEST(ServingParserTest, PostWithoutLengthHasAnEmptyBodyAtOnce) {
  // What `curl -X POST URL` sends: neither Content-Length nor Transfer-Encoding.
  auto result = Parse("POST /_mock/clock/freeze HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n");
  ASSERT_TRUE(result.complete());
  EXPECT_EQ(result.request.method, "POST");
  EXPECT_TRUE(result.request.body.empty());
}

TEST(ServingParserTest, ContentLengthBodyAndPipelinedRequests) {
  std::string first = "POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello";
  std::string second = "GET /b HTTP/1.1\r\n\r\n";
  ExpectCompleteOnlyAtEnd(first);
  auto result = Parse(first + second);
  ASSERT_TRUE(result.complete());
  EXPECT_EQ(result.request.body, "hello");
  EXPECT_EQ(result.consumed, first.size());
  auto next = Parse((first + second).substr(result.consumed));
  ASSERT_TRUE(next.complete());
  EXPECT_EQ(next.request.path, "/b");
  // Blank lines between requests are skipped and counted as consumed.
  auto blank = Parse("\r\n\r\n" + second);
  ASSERT_TRUE(blank.complete());
  EXPECT_EQ(blank.consumed, 4 + second.size());
}

TEST(ServingParserTest, ChunkedBodiesAreDecoded) {
  std::string bytes =
      "POST /c HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n"
      "5;name=value\r\nhello\r\n"
      "1A\r\nabcdefghijklmnopqrstuvwxyz\r\n"
      "0\r\nTrailer-Field: x\r\n\r\n";
  ExpectCompleteOnlyAtEnd(bytes);
  auto result = Parse(bytes + "GET /next HTTP/1.1\r\n\r\n");
  ASSERT_TRUE(result.complete());
  EXPECT_EQ(result.request.body, "helloabcdefghijklmnopqrstuvwxyz");
  EXPECT_EQ(result.consumed, bytes.size());
  auto empty = Parse("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  ASSERT_TRUE(empty.complete());
  EXPECT_TRUE(empty.request.body.empty());
}

TEST(ServingParserTest, ExpectContinueIsReportedOnceHeadersAreComplete) {
  std::string head = "POST /a HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-Continue\r\n\r\n";
  auto waiting = Parse(head);
  ASSERT_EQ(waiting.kind, ParseResult::Kind::kIncomplete);
  EXPECT_TRUE(waiting.headers_complete);
  EXPECT_TRUE(waiting.expects_continue);
  EXPECT_EQ(waiting.request.path, "/a");
  auto partial_head = Parse(head.substr(0, head.size() - 2));
  EXPECT_FALSE(partial_head.headers_complete);
  EXPECT_FALSE(partial_head.expects_continue);
  auto done = Parse(head + "body");
  ASSERT_TRUE(done.complete());
  EXPECT_EQ(done.request.body, "body");
}

TEST(ServingParserTest, LimitsAnswer413And414And431) {
  ParserLimits limits;
  limits.max_request_line = 64;
  limits.max_header_bytes = 256;
  limits.max_header_count = 4;
  limits.max_body_bytes = 10;
  // A request line that is too long, complete or still arriving.
  ExpectError("GET /" + std::string(100, 'a') + " HTTP/1.1\r\n\r\n", 414, limits);
  ExpectError("GET /" + std::string(100, 'a'), 414, limits);
  // Too many header fields, or too many bytes of them (complete or still arriving).
  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 5; ++i) many += "H" + std::to_string(i) + ": v\r\n";
  ExpectError(many + "\r\n", 431, limits);
  ExpectError("GET / HTTP/1.1\r\nBig: " + std::string(300, 'v') + "\r\n\r\n", 431, limits);
  ExpectError("GET / HTTP/1.1\r\nBig: " + std::string(300, 'v'), 431, limits);
  // A body that is too large: declared (answered before it arrives) or decoded.
  ExpectError("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", 413, limits);
  ExpectError("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n", 413, limits);
  ExpectError("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffffffff\r\n", 413, limits);
  // A request line at the limit whose LF has not arrived yet is still arriving, not too long.
  std::string at_limit = "GET /" + std::string(64 - 14, 'a') + " HTTP/1.1";
  ASSERT_EQ(at_limit.size(), 64u);
  EXPECT_EQ(Parse(at_limit + "\r", limits).kind, ParseResult::Kind::kIncomplete);
  EXPECT_TRUE(Parse(at_limit + "\r\n\r\n", limits).complete());
  // At the limits everything passes.
  auto ok = Parse("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789", limits);
  EXPECT_TRUE(ok.complete());
}

TEST(ServingParserTest, MalformedRequestsAre400Or501Or505) {
  for (std::string const& bytes : std::vector<std::string>{"GET\r\n\r\n", "GET /\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n",
                            "GET / FTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nNo colon\r\n\r\n",
                            "GET / HTTP/1.1\r\nBad Name: v\r\n\r\n", "GET / HTTP/1.1\r\n: v\r\n\r\n",
                            "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
                            "POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n",
                            "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                            "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                            "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n",
                            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n;ext\r\n",
                            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n0\r\n\r\n",
                            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + std::string(2000, '1')}) {
    SCOPED_TRACE(bytes.substr(0, 80));
    ExpectError(bytes, 400);
  }
  ExpectError(std::string("GET / HTTP/1.1\r\nA: b\0c\r\n\r\n", 26), 400);
  ExpectError("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501);
  ExpectError("GET / HTTP/2.0\r\n\r\n", 505);
  // Agreeing repeated lengths are one length.
  auto same = Parse("POST / HTTP/1.1\r\nContent-Length: 2, 2\r\n\r\nab");
  ASSERT_TRUE(same.complete());
  EXPECT_EQ(same.request.body, "ab");
  // A bare LF ends lines too.
  auto lf = Parse("GET /lf HTTP/1.1\nHost: h\n\n");
  ASSERT_TRUE(lf.complete());
  EXPECT_EQ(lf.request.path, "/lf");
}

TEST(ServingParserTest, KeepAliveFollowsVersionAndConnectionHeader) {
  auto keep = [](std::string const& bytes) { return WantsKeepAlive(Parse(bytes).request); };
  EXPECT_TRUE(keep("GET / HTTP/1.1\r\n\r\n"));
  EXPECT_FALSE(keep("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n"));
  EXPECT_FALSE(keep("GET / HTTP/1.0\r\n\r\n"));
  EXPECT_TRUE(keep("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
}

}  // namespace
}  // namespace opentok_mock::http::serving

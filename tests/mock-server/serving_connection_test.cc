// The mock's own HTTP/1.1 server over raw loopback sockets: framing cpp-httplib's server
// got wrong (a bodyless POST, pipelining), idle and slow connections that hold no worker,
// the timeouts and limits with their JSON answers, and the paths SDKs send.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "http_fixture.h"
#include "router.h"
#include "serving/connection_server.h"

namespace opentok_mock::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct RawResponse {
  int status = 0;
  httplib::Headers headers;
  std::string body;
};

// A client socket that writes bytes exactly as given and reads answers with poll()
// deadlines, never sleeps.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(RawConnection const&) = delete;
  RawConnection& operator=(RawConnection const&) = delete;

  bool connected() const { return connected_; }

  bool Send(std::string const& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Reads until `count` answers are complete, the peer closes or `timeout` passes. `head`:
  // the answers are to HEAD requests (a Content-Length but no body).
  std::vector<RawResponse> Read(std::size_t count, milliseconds timeout = milliseconds(5000), bool head = false) {
    std::vector<RawResponse> answers;
    auto deadline = Clock::now() + timeout;
    while (true) {
      while (answers.size() < count) {
        auto answer = TakeOne(head);
        if (!answer) break;
        answers.push_back(std::move(*answer));
      }
      if (answers.size() >= count || !Fill(deadline)) return answers;
    }
  }

  // True when the server closes the connection within `timeout` (bytes before the close
  // are kept for Read).
  bool ClosedByPeer(milliseconds timeout = milliseconds(5000)) {
    auto deadline = Clock::now() + timeout;
    while (Fill(deadline)) {
    }
    return eof_;
  }

  std::string const& buffered() const { return buffer_; }

 private:
  // Waits for bytes until the deadline; false on timeout or EOF.
  bool Fill(Clock::time_point deadline) {
    if (eof_) return false;
    auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
    char chunk[16 * 1024];
    auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  std::optional<RawResponse> TakeOne(bool head) {
    auto end = buffer_.find("\r\n\r\n");
    if (end == std::string::npos) return std::nullopt;
    RawResponse answer;
    std::istringstream lines(buffer_.substr(0, end));
    std::string line;
    std::getline(lines, line);
    answer.status = std::stoi(line.substr(9, 3));
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      auto colon = line.find(':');
      answer.headers.emplace(line.substr(0, colon), line.substr(colon + 2));
    }
    std::size_t length = 0;
    if (!head && answer.status >= 200 && answer.headers.count("Content-Length")) {
      length = std::stoul(answer.headers.find("Content-Length")->second);
    }
    if (buffer_.size() < end + 4 + length) return std::nullopt;
    answer.body = buffer_.substr(end + 4, length);
    buffer_.erase(0, end + 4 + length);
    return answer;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool eof_ = false;
  std::string buffer_;
};

std::string Get(std::string const& path) { return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"; }

nlohmann::json Body(RawResponse const& answer) { return nlohmann::json::parse(answer.body); }

TEST(ServingConnectionTest, BodylessPostIsAnsweredAtOnce) {
  MockServer server;
  RawConnection conn(server.port());
  auto begin = Clock::now();
  // What `curl -X POST URL` sends: no Content-Length, no Transfer-Encoding.
  ASSERT_TRUE(conn.Send("POST /_mock/clock/freeze HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n"));
  auto answers = conn.Read(1);
  auto elapsed = Clock::now() - begin;
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].status, 200);
  EXPECT_EQ(Body(answers[0])["frozen"], true);
  EXPECT_LT(elapsed, milliseconds(1000));
  // What the official SDKs saw from cpp-httplib's server: the keep-alive header, typed length.
  EXPECT_EQ(answers[0].headers.find("Keep-Alive")->second, "timeout=2, max=100000");
  EXPECT_EQ(answers[0].headers.find("Content-Type")->second, "application/json");
  EXPECT_EQ(answers[0].headers.find("Content-Length")->second, std::to_string(answers[0].body.size()));
}

TEST(ServingConnectionTest, PipelinedRequestsAreAnsweredInOrder) {
  MockServer server;
  RawConnection conn(server.port());
  ASSERT_TRUE(conn.Send(Get("/_mock/health") + Get("/v2/project/1/no-such-route") +
                        "POST /_mock/clock/advance HTTP/1.1\r\nContent-Length: 13\r\n\r\n{\"seconds\":7}" +
                        "HEAD /_mock/clock HTTP/1.1\r\n\r\n"));
  auto answers = conn.Read(3);
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].status, 200);
  EXPECT_EQ(Body(answers[0])["status"], "ok");
  EXPECT_EQ(answers[1].status, 404);
  EXPECT_TRUE(Body(answers[1])["message"].is_string());
  EXPECT_EQ(answers[2].status, 200);
  EXPECT_TRUE(Body(answers[2]).contains("now"));
  // HEAD: the GET answer's length, no body.
  auto head = conn.Read(1, milliseconds(5000), true);
  ASSERT_EQ(head.size(), 1u);
  EXPECT_EQ(head[0].status, 200);
  EXPECT_GT(std::stoul(head[0].headers.find("Content-Length")->second), 0u);
  ASSERT_TRUE(conn.Send(Get("/_mock/health")));
  auto after = conn.Read(1);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(Body(after[0])["status"], "ok");  // nothing of the HEAD body was left on the wire
}

TEST(ServingConnectionTest, ChunkedBodiesAndExpectContinue) {
  MockServer server;
  RawConnection conn(server.port());
  ASSERT_TRUE(conn.Send("POST /_mock/clock/freeze HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
  ASSERT_EQ(conn.Read(1).size(), 1u);
  ASSERT_TRUE(conn.Send("POST /_mock/clock/advance HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "5\r\n{\"sec\r\n8\r\nonds\":2}\r\n0\r\n\r\n"));
  auto chunked = conn.Read(1);
  ASSERT_EQ(chunked.size(), 1u);
  EXPECT_EQ(chunked[0].status, 200) << chunked[0].body;
  auto now = Body(chunked[0])["now"].get<std::int64_t>();

  ASSERT_TRUE(conn.Send("POST /_mock/clock/advance HTTP/1.1\r\nContent-Length: 13\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = conn.Read(1);
  ASSERT_EQ(interim.size(), 1u);
  EXPECT_EQ(interim[0].status, 100);
  ASSERT_TRUE(conn.Send("{\"seconds\":3}"));
  auto final_answer = conn.Read(1);
  ASSERT_EQ(final_answer.size(), 1u);
  EXPECT_EQ(final_answer[0].status, 200);
  EXPECT_EQ(Body(final_answer[0])["now"].get<std::int64_t>(), now + 3000);
}

TEST_F(HttpTest, RepeatedSlashesInThePathAreOneSlash) {
  // A base URL with a trailing slash (the Python SDK's, for one) makes `//session/create`.
  auto res = client_.Post("//session/create", WithAccept(Auth()), "p2p.preference=disabled",
                          "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(client_.Get("//_mock//health")->status, 200);
  EXPECT_EQ(client_.Get("/_mock/health//")->status, 404);  // not a trailing-slash route
}

TEST(ServingConnectionTest, MalformedAndOversizedRequestsGetJsonThenClose) {
  MockServerOptions options;
  options.payload_max_bytes = 1000;
  MockServer server(options);
  struct Case {
    std::string bytes;
    int status;
  };
  for (auto const& [bytes, status] : std::vector<Case>{
           {"GET /_mock/health HTTP/1.1\r\nBig: " + std::string(70 * 1024, 'x') + "\r\n\r\n", 431},
           {"GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n", 414},
           {"POST /_mock/projects HTTP/1.1\r\nContent-Length: 5000\r\n\r\n", 413},
           {"GET /_mock/health HTTP/1.1\r\nno colon here\r\n\r\n", 400},
           {"BREW /_mock/health HTTP/1.1\r\n\r\n", 405},
       }) {
    SCOPED_TRACE(status);
    RawConnection conn(server.port());
    ASSERT_TRUE(conn.Send(bytes));
    auto answers = conn.Read(1);
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].status, status);
    EXPECT_TRUE(Body(answers[0])["message"].is_string());
    if (status != 405) {
      EXPECT_EQ(answers[0].headers.find("Connection")->second, "close");
      EXPECT_TRUE(conn.ClosedByPeer());
    }
  }
  // The 413 of a REST path is journaled as rejected, as before.
  RawConnection rest(server.port());
  ASSERT_TRUE(rest.Send("POST /v2/project/1/archive HTTP/1.1\r\nContent-Length: 5000\r\n\r\n"));
  ASSERT_EQ(rest.Read(1).size(), 1u);
  httplib::Client client(server.url());
  auto items = nlohmann::json::parse(client.Get("/_mock/requests")->body)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["operation"], "rejected");
  EXPECT_EQ(items[0]["status"], 413);
}

TEST(ServingConnectionTest, HeadersThatDoNotArriveInTimeGet408ThenClose) {
  MockServerOptions options;
  options.request_timeout = milliseconds(200);
  MockServer server(options);
  RawConnection slow(server.port());
  auto begin = Clock::now();
  ASSERT_TRUE(slow.Send("GET /_mock/health HTTP/1.1\r\nHost: 127.0."));
  auto answers = slow.Read(1);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].status, 408);
  EXPECT_GE(Clock::now() - begin, milliseconds(200));
  EXPECT_NE(Body(answers[0])["message"].get<std::string>().find("timeout"), std::string::npos);
  EXPECT_EQ(answers[0].headers.find("Connection")->second, "close");
  EXPECT_TRUE(slow.ClosedByPeer());
}

TEST(ServingConnectionTest, IdleConnectionsCloseSilentlyAfterTheKeepAliveTimeout) {
  MockServerOptions options;
  options.keep_alive_timeout_s = 1;
  MockServer server(options);
  RawConnection idle(server.port());
  EXPECT_TRUE(idle.ClosedByPeer(milliseconds(5000)));
  EXPECT_TRUE(idle.buffered().empty());
}

TEST(ServingConnectionTest, ConnectionsBeyondTheLimitGet503) {
  MockServerOptions options;
  options.max_connections = 3;
  MockServer server(options);
  std::vector<std::unique_ptr<RawConnection>> open;
  for (int i = 0; i < 3; ++i) {
    open.push_back(std::make_unique<RawConnection>(server.port()));
    ASSERT_TRUE(open.back()->Send(Get("/_mock/health")));
    ASSERT_EQ(open.back()->Read(1).size(), 1u);  // accepted and served
  }
  RawConnection extra(server.port());
  ASSERT_TRUE(extra.Send(Get("/_mock/health")));
  auto refused = extra.Read(1);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].status, 503);
  EXPECT_NE(Body(refused[0])["message"].get<std::string>().find("--max-connections"), std::string::npos);
  EXPECT_TRUE(extra.ClosedByPeer());
  // The connections within the limit still work.
  ASSERT_TRUE(open[0]->Send(Get("/_mock/health")));
  EXPECT_EQ(open[0]->Read(1).at(0).status, 200);
}

// 500 connections that hold nothing (250 idle, 250 with half their headers sent) on a server
// with 2 workers: a normal client is still answered, and no worker is busy meanwhile.
TEST(ServingConnectionTest, IdleAndSlowConnectionsHoldNoWorker) {
  http::Router router;
  router.Get("/ping", [](httplib::Request const&, httplib::Response& res) { res.set_content("pong", "text/plain"); });
  http::serving::ConnectionServerOptions options;
  options.threads = 2;
  options.max_connections = 1000;
  http::serving::ConnectionServer server(options, router);
  int port = server.Listen("127.0.0.1", 0);
  server.Start();
  std::vector<std::unique_ptr<RawConnection>> holders;
  for (int i = 0; i < 500; ++i) {
    holders.push_back(std::make_unique<RawConnection>(port));
    ASSERT_TRUE(holders.back()->connected());
    if (i % 2 == 1) {
      ASSERT_TRUE(holders.back()->Send("GET /ping HTTP/1.1\r\nHost: 12"));
    }
  }
  RawConnection normal(port);
  ASSERT_TRUE(normal.Send(Get("/ping")));
  auto answers = normal.Read(1);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].body, "pong");
  // Accepted in order: the normal connection came last, so all 500 were open meanwhile.
  EXPECT_EQ(server.OpenConnections(), 501u);
  EXPECT_EQ(server.BusyWorkers(), 0);
  server.Stop();
  EXPECT_EQ(server.OpenConnections(), 0u);
}

// A callback receiver that accepts connections (the kernel does) and never answers.
class SilentReceiver {
 public:
  SilentReceiver() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 16);
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~SilentReceiver() { ::close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

SilentReceiver& Receiver() {
  static SilentReceiver receiver;
  return receiver;
}

// A long handler (POST /_mock/callbacks/wait while a callback hangs) holds one worker; the
// other serves meanwhile.
class LongHandlerTest : public HttpTest {
 protected:
  LongHandlerTest() : HttpTest(Options()) {}
  static MockServerOptions Options() {
    auto options = FrozenSeededOptions();
    options.threads = 2;
    options.callback_url = "http://127.0.0.1:" + std::to_string(Receiver().port()) + "/cb";
    options.callbacks.attempt_timeout = milliseconds(1000);
    options.callbacks.max_attempts = 1;
    return options;
  }
};

TEST_F(LongHandlerTest, AWaitHoldsOneWorkerWhileTheOtherServes) {
  Connect(CreateSession());  // connectionCreated: a callback the receiver never answers
  RawConnection waiter(server_.port());
  ASSERT_TRUE(waiter.Send("POST /_mock/callbacks/wait?timeoutMs=600 HTTP/1.1\r\n\r\n"));
  auto health = client_.Get("/_mock/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_TRUE(waiter.Read(1, milliseconds(1)).empty());  // still waiting
  auto waited = waiter.Read(1);
  ASSERT_EQ(waited.size(), 1u);
  EXPECT_EQ(waited[0].status, 504);
  EXPECT_GE(Body(waited[0])["pending"].get<int>(), 1);
}

// The same at the mock's default options, timed (the figure goes to the test's output).
TEST(ServingConnectionTest, MockAnswersWhile500IdleAndSlowConnectionsAreOpen) {
  MockServer server;
  std::vector<std::unique_ptr<RawConnection>> holders;
  for (int i = 0; i < 500; ++i) {
    holders.push_back(std::make_unique<RawConnection>(server.port()));
    if (i % 2 == 1) {
      ASSERT_TRUE(holders.back()->Send("POST /_mock/reset HTTP/1.1\r\nHost: 12"));
    }
  }
  auto begin = Clock::now();
  RawConnection normal(server.port());
  ASSERT_TRUE(normal.Send(Get("/_mock/health")));
  auto answers = normal.Read(1);
  auto ms = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].status, 200);
  std::cout << "[ measured ] GET /_mock/health with 500 idle/slow connections open: " << ms << " ms\n";
  RecordProperty("latency_with_500_open_ms", std::to_string(ms));
}

}  // namespace
}  // namespace opentok_mock::testing

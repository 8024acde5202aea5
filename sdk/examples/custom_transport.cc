// The transport seam: test code that uses OpenTok without a network, and a decorator
// around the built-in transport. Runs offline.
#include <opentok/default_transport.h>
#include <opentok/opentok.h>

#include <iostream>
#include <memory>
#include <mutex>
#include <vector>

//! [fake-transport]
// Answers every request with a canned response and remembers what was sent.
class FakeTransport : public opentok::HttpTransport {
 public:
  opentok::HttpResponse Send(opentok::HttpRequest const& request) override {
    std::lock_guard lock(mu_);  // Send() may be called from many threads
    sent.push_back(request);
    return opentok::HttpResponse{.status = 200,
                                 .headers = {{"Content-Type", "application/json"}},
                                 .body = R"({"id":"7c1d1d0e-0000-4000-8000-000000000000","status":"started"})"};
  }
  std::vector<opentok::HttpRequest> sent;

 private:
  std::mutex mu_;
};
//! [fake-transport]

//! [logging-decorator]
// Wraps the built-in cpp-httplib transport and logs method, URL and status. (Never log
// request headers: X-OPENTOK-AUTH is a credential.)
class LoggingTransport : public opentok::HttpTransport {
 public:
  explicit LoggingTransport(std::shared_ptr<opentok::HttpTransport> inner) : inner_(std::move(inner)) {}
  opentok::HttpResponse Send(opentok::HttpRequest const& request) override {
    opentok::HttpResponse response = inner_->Send(request);
    std::clog << request.url << " -> " << response.status << "\n";
    return response;
  }

 private:
  std::shared_ptr<opentok::HttpTransport> inner_;
};
//! [logging-decorator]

int main() {
  //! [inject-transport]
  auto fake = std::make_shared<FakeTransport>();
  opentok::OpenTok opentok(123456, "secret", opentok::ClientOptions{.transport = fake});
  opentok::Archive archive = opentok.GetArchive("7c1d1d0e-0000-4000-8000-000000000000");
  // fake->sent[0].url == "https://api.opentok.com/v2/project/123456/archive/7c1d1d0e-..."
  //! [inject-transport]

  //! [wrap-default-transport]
  opentok::ClientOptions options{.api_url = "http://127.0.0.1:8080"};
  options.transport = std::make_shared<LoggingTransport>(opentok::MakeDefaultTransport(options));
  opentok::OpenTok logged(123456, "secret", options);
  //! [wrap-default-transport]

  bool ok = archive.status == opentok::ArchiveStatus::kStarted && fake->sent.size() == 1 &&
            fake->sent[0].url == "https://api.opentok.com/v2/project/123456/archive/7c1d1d0e-0000-4000-8000-000000000000";
  std::cout << (ok ? "ok" : "unexpected") << "\n";
  return ok ? 0 : 1;
}

// Links the installed SDK and checks that it works without a network: version header,
// token generation and a call through an injected transport.
#include <opentok/opentok.h>
#include <opentok/version.h>

#include <iostream>
#include <memory>

namespace {

class CannedTransport : public opentok::HttpTransport {
 public:
  opentok::HttpResponse Send(opentok::HttpRequest const&) override {
    return {.status = 200, .headers = {{"Content-Type", "application/json"}}, .body = R"([{"session_id":"S1"}])"};
  }
};

}  // namespace

int main() {
  opentok::OpenTok client(123456, "0123456789abcdef", opentok::ClientOptions{.transport = std::make_shared<CannedTransport>()});
  std::string token =
      client.GenerateToken("1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4");
  std::string session = client.CreateSession().id;
  bool ok = token.rfind("eyJ", 0) == 0 && session == "S1";
  std::cout << "opentok " << opentok::kSdkVersion << (ok ? " ok" : " FAILED") << "\n";
  return ok ? 0 : 1;
}

// Client options and token options. Runs offline: it only generates tokens.
#include <opentok/opentok.h>

#include <chrono>
#include <iostream>

int main() {
  //! [client-options]
  opentok::ClientOptions options;
  options.api_url = "https://api.opentok.com";           // or http://127.0.0.1:PORT for the mock
  options.connect_timeout = std::chrono::seconds(5);     // explicit; default 10 s
  options.request_timeout = std::chrono::seconds(20);    // per read/write wait; default 30 s
  options.proxy = "";                                     // e.g. "http://proxy.internal:3128"
  options.ca_file = "";                                   // PEM bundle; empty = system store
  options.user_agent_suffix = "my-app/2.1";              // User-Agent: OpenTok-CPP-SDK/x.y.z my-app/2.1
  options.token_format = opentok::TokenFormat::kJwt;     // default for GenerateToken
  opentok::OpenTok opentok(123456, "0123456789abcdef0123456789abcdef01234567", options);
  //! [client-options]

  // A session id of API key 123456 (session ids encode the key they belong to).
  std::string session_id = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";

  //! [token-options]
  auto in_one_hour = std::chrono::system_clock::now() + std::chrono::hours(1);
  std::string jwt = opentok.GenerateToken(
      session_id, opentok::TokenOptions{
                      .role = opentok::Role::kPublisher,
                      .expire_time = std::chrono::duration_cast<std::chrono::seconds>(in_one_hour.time_since_epoch()).count(),
                      .data = R"({"name":"Ann"})",
                      .initial_layout_class_list = {"focus"}});
  // The legacy format, for clients that still expect "T1==" tokens.
  std::string t1 = opentok.GenerateToken(session_id, opentok::TokenOptions{.format = opentok::TokenFormat::kT1});
  //! [token-options]

  std::cout << jwt.substr(0, 3) << " " << t1.substr(0, 4) << "\n";  // "eyJ T1=="
  return jwt.rfind("eyJ", 0) == 0 && t1.rfind("T1==", 0) == 0 ? 0 : 1;
}

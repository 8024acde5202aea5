// Quick start: create a session and a client token for it.
//
//   OPENTOK_API_KEY=... OPENTOK_API_SECRET=... [OPENTOK_API_URL=http://127.0.0.1:PORT] ./example_quickstart
#include <cstdlib>
#include <iostream>
#include <string>

//! [include]
#include <opentok/opentok.h>
//! [include]

int main() {
  char const* key = std::getenv("OPENTOK_API_KEY");
  char const* secret = std::getenv("OPENTOK_API_SECRET");
  char const* url = std::getenv("OPENTOK_API_URL");
  if (key == nullptr || secret == nullptr) {
    std::cerr << "set OPENTOK_API_KEY and OPENTOK_API_SECRET (and OPENTOK_API_URL for the mock server)\n";
    return 2;
  }
  try {
    //! [create-client]
    // The key is numeric like the .NET SDK's; the string_view overload parses it.
    opentok::OpenTok opentok(std::string_view(key), secret, url ? url : opentok::kDefaultApiUrl);
    //! [create-client]

    //! [create-session]
    // A routed session (through the OpenTok Media Router), so it can be archived.
    opentok::Session session = opentok.CreateSession("", opentok::MediaMode::kRouted);
    std::cout << "session: " << session.id << "\n";
    //! [create-session]

    //! [session-options]
    opentok::Session relayed = opentok.CreateSession();                                // peer to peer
    opentok::Session routed = opentok.CreateSession("", opentok::MediaMode::kRouted);  // Media Router
    opentok::Session archived = opentok.CreateSession(opentok::SessionOptions{
        .location = "10.1.200.30",                      // IPv4 location hint
        .media_mode = opentok::MediaMode::kRouted,
        .archive_mode = opentok::ArchiveMode::kAlways,  // archive automatically
        .archive_name = "daily standup",
        .archive_resolution = "1280x720"});
    //! [session-options]
    std::cout << relayed.id.size() + routed.id.size() + archived.id.size() << " characters of session ids\n";

    //! [generate-token]
    // No network call: a signed JWT that a client passes to session.connect().
    std::string token = opentok.GenerateToken(session.id, opentok::Role::kModerator);
    std::cout << "token: " << token << "\n";
    //! [generate-token]
  } catch (opentok::OpenTokException const& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}

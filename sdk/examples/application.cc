// A Vonage application's credentials (application id and RSA private key) instead of an
// OpenTok project's API key and secret. Needs OPENTOK_APPLICATION_ID and OPENTOK_PRIVATE_KEY
// (the path of the key's PEM file); OPENTOK_API_URL points it elsewhere, e.g. at the mock.
#include <opentok/opentok.h>

#include <cstdlib>
#include <iostream>

int main() {
  char const* application_id = std::getenv("OPENTOK_APPLICATION_ID");
  char const* private_key = std::getenv("OPENTOK_PRIVATE_KEY");
  char const* url = std::getenv("OPENTOK_API_URL");
  if (application_id == nullptr || private_key == nullptr) {
    std::cerr << "set OPENTOK_APPLICATION_ID and OPENTOK_PRIVATE_KEY (a PEM file)\n";
    return 2;
  }
  try {
    //! [create-application-client]
    // The private key is the path of a PEM file or the PEM text itself; the default URL is
    // https://video.api.vonage.com (opentok::kVonageApiUrl).
    opentok::OpenTok opentok(opentok::ApplicationCredentials{.application_id = application_id, .private_key = private_key},
                             url ? url : opentok::kVonageApiUrl);
    //! [create-application-client]

    //! [application-calls]
    // Every call works as with a project; requests are signed with RS256 and paths carry the
    // application id (/v2/project/{application id}/...).
    opentok::Session session = opentok.CreateSession("", opentok::MediaMode::kRouted);
    // An RS256 JWT; TokenFormat::kT1 is an ArgumentException for applications.
    std::string token = opentok.GenerateToken(session.id, opentok::Role::kModerator);
    //! [application-calls]
    std::cout << "session: " << session.id << "\ntoken: " << token.substr(0, 3) << "...\n";
  } catch (opentok::ArgumentException const& e) {
    std::cerr << "bad credentials or argument (nothing was sent): " << e.what() << "\n";
    return 2;
  } catch (opentok::OpenTokException const& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}

// Session control and media services: list a session's connections, send signals, mute
// streams, call a SIP endpoint and play DTMF digits into the call, caption the session,
// render a web page into it (Experience Composer), send its audio to a WebSocket server
// (Audio Connector) and force a client out. The session must be routed and have a
// connected client.
//
//   OPENTOK_API_KEY=... OPENTOK_API_SECRET=... OPENTOK_API_URL=... ./example_session_control SESSION_ID
#include <opentok/opentok.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

void Run(opentok::OpenTok const& opentok, std::string const& session_id) {
  //! [list-connections]
  opentok::ConnectionList connections = opentok.ListConnections(session_id);
  for (opentok::Connection const& connection : connections.items) {
    std::cout << connection.connection_id << " " << opentok::ToString(connection.state) << "\n";
  }
  //! [list-connections]
  if (connections.items.empty()) return;
  std::string const connection_id = connections.items.front().connection_id;

  //! [signal]
  // To every client of the session, then to one connection. type: at most 128 bytes,
  // data: at most 8192 bytes.
  opentok.Signal(session_id, opentok::SignalProperties{.type = "chat", .data = "Hello, everyone"});
  opentok.Signal(session_id, opentok::SignalProperties{.type = "chat", .data = "Hello, you"}, connection_id);
  //! [signal]

  //! [force-mute]
  opentok::StreamList streams = opentok.ListStreams(session_id);
  if (!streams.items.empty()) {
    std::string const& presenter = streams.items.front().id;
    // Everyone but the presenter, including streams published from now on ...
    opentok.ForceMuteAll(session_id, /*excluded_stream_ids=*/{presenter});
    // ... until DisableForceMute; muted streams stay muted until their clients unmute.
    opentok.DisableForceMute(session_id);
    opentok.ForceMuteStream(session_id, presenter);
  }
  //! [force-mute]

  //! [sip-dial]
  // The SIP participant joins with a client token of the session and publishes the call's audio.
  opentok::SipCall call = opentok.Dial(session_id, opentok.GenerateToken(session_id), "sip:+15551234567@sip.example.com",
                                       opentok::DialOptions{.from = "+15557654321",
                                                            .headers = {{"X-Conference-Id", "standup"}},
                                                            .auth = opentok::SipAuth{.username = "user", .password = "pass"},
                                                            .secure = true});
  // Dial an extension once the callee answers: 'p' pauses for 500 ms.
  opentok.PlayDTMF(session_id, "pp1234#", call.connection_id);
  // Hang up by disconnecting the SIP participant.
  opentok.ForceDisconnect(session_id, call.connection_id);
  //! [sip-dial]

  //! [captions]
  std::string captions_id =
      opentok.StartLiveCaptions(session_id, opentok.GenerateToken(session_id, opentok::Role::kModerator),
                                opentok::LiveCaptionsOptions{.language_code = "en-US", .max_duration = 1800});
  opentok::LiveCaptions captions = opentok.GetLiveCaptions(captions_id);
  std::cout << "captions " << captions.id << " are " << captions.status_name << "\n";
  opentok.StopLiveCaptions(captions_id);
  //! [captions]

  //! [render]
  // Experience Composer: a web page rendered and published into the session as a stream.
  opentok::Render render = opentok.StartRender(
      session_id, opentok.GenerateToken(session_id),
      opentok::RenderOptions{.url = "https://example.com/scoreboard", .max_duration = 1800, .name = "Scoreboard"});
  std::cout << "render " << render.id << " is " << opentok::ToString(render.status) << "\n";  // starting
  opentok::RenderList renders = opentok.ListRenders();
  std::cout << renders.total_count << " renders\n";
  opentok.StopRender(render.id);
  //! [render]

  //! [audio-connector]
  // The session's audio, as 16 kHz PCM, to a WebSocket server of your own.
  opentok::AudioConnector connector = opentok.ConnectAudioToWebSocket(
      session_id, opentok.GenerateToken(session_id),
      opentok::WebSocketOptions{.uri = "wss://transcriber.example.com/audio",
                                .headers = {{"Authorization", "Bearer my-service-key"}},
                                .audio_rate = 16000});
  opentok.DisconnectAudioConnector(connector.id);
  //! [audio-connector]

  //! [force-disconnect]
  opentok.ForceDisconnect(session_id, connection_id);
  //! [force-disconnect]
}

}  // namespace

int main(int argc, char** argv) {
  char const* key = std::getenv("OPENTOK_API_KEY");
  char const* secret = std::getenv("OPENTOK_API_SECRET");
  char const* url = std::getenv("OPENTOK_API_URL");
  if (key == nullptr || secret == nullptr || argc != 2) {
    std::cerr << "usage: example_session_control SESSION_ID (with OPENTOK_API_KEY, OPENTOK_API_SECRET, OPENTOK_API_URL)\n";
    return 2;
  }
  try {
    Run(opentok::OpenTok(std::string_view(key), secret, url ? url : opentok::kDefaultApiUrl), argv[1]);
  } catch (opentok::ArgumentException const& e) {
    std::cerr << "bad argument (nothing was sent): " << e.what() << "\n";
    return 2;
  } catch (opentok::NotFoundException const& e) {
    // 404: e.g. nobody is connected to the session (signals), or the stream has gone.
    std::cerr << "not found: " << e.service_message() << "\n";
    return 1;
  } catch (opentok::ConflictException const& e) {
    // 409: the session is relayed (SIP, captions, renders and the Audio Connector need a
    // routed session), or it already has live captions.
    std::cerr << "HTTP " << e.http_status() << ": " << e.service_message() << "\n";
    return 1;
  } catch (opentok::OpenTokException const& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}

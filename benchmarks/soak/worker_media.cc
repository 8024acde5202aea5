// The worker's steps for what joins a session as a participant of its own: SIP calls,
// live captions, Experience Composer renders and Audio Connector calls.
#include "worker.h"

namespace opentok_soak {

using opentok::OpenTok;

// A SIP call with DTMF to everybody and to the call alone, checked through the control
// plane's DTMF log of the call, then hung up.
void Worker::SipStep() {
  opentok::DialOptions options{.from = "soak@example.com", .headers = {{"X-Soak", "1"}}, .observe_force_mute = true};
  auto call = clients_.Sdk("sip.dial", [&](OpenTok const& ot) {
    return ot.Dial(session_.id, session_.publisher_token, "sip:soak@sip.example.com", options);
  });
  if (!call.ok()) return;
  run_.ledger.NewId("sip call", call.value->id);
  run_.ledger.NewId("connection", call.value->connection_id);
  auto const& connection = call.value->connection_id;
  int sent = 0;
  sent += clients_.Sdk("sip.dtmf", [&](OpenTok const& ot) { ot.PlayDTMF(session_.id, "1234#"); }).ok();
  sent += clients_.Sdk("sip.dtmf", [&](OpenTok const& ot) { ot.PlayDTMF(session_.id, "5p6", connection); }).ok();
  auto log = clients_.Control("control.dtmf", "GET", "/_mock/sessions/" + session_.id + "/connections/" + connection + "/dtmf");
  if (log.ok() && log.Json().value("count", -1) != sent) {
    run_.ledger.Violation("SIP connection " + connection + " logged " + std::to_string(log.Json().value("count", -1)) +
                          " DTMF plays, " + std::to_string(sent) + " were sent");
  }
  clients_.Sdk("connection.disconnect", [&](OpenTok const& ot) { ot.ForceDisconnect(session_.id, connection); });
}

// Live captions: started on one visit (one at a time per session), read and stopped on the
// next.
void Worker::CaptionsStep() {
  if (!session_.captions) {
    auto id = clients_.Sdk("captions.start", [&](OpenTok const& ot) {
      return ot.StartLiveCaptions(session_.id, session_.moderator_token);
    });
    if (!id.ok()) return;
    run_.ledger.NewId("captions", *id.value);
    Tracked captions{.id = *id.value, .table = &CaptionsTransitions()};
    auto status = ReadStatus(captions, "captions");
    if (status.empty()) return;
    Observe(captions, status, "get after start", true);
    session_.captions = std::move(captions);
    return;
  }
  auto& captions = *session_.captions;
  auto stopped = clients_.Sdk("captions.stop", [&](OpenTok const& ot) { ot.StopLiveCaptions(captions.id); }, {404, 409});
  if (stopped.ok()) {
    auto status = ReadStatus(captions, "captions");
    if (!status.empty()) Observe(captions, status, "get after stop");
    if (!status.empty() && status != "stopped") {
      run_.ledger.Violation("captions " + captions.id + " read '" + status + "' after their stop");
    }
  } else {
    ConfirmEnded(captions, "captions", {"stopped", "failed"});
  }
  session_.captions.reset();
}

// Renders: started, moved past their page load (a clock move when the budget allows),
// read, stopped after a couple of visits whatever their status.
void Worker::RenderStep(EpochGate::Step& step) {
  if (!session_.render) {
    opentok::RenderOptions options{.url = "https://example.com/soak/composer", .max_duration = 36000, .name = "soak"};
    auto started = clients_.Sdk("render.start", [&](OpenTok const& ot) {
      return ot.StartRender(session_.id, session_.publisher_token, options);
    });
    if (!started.ok()) return;
    Tracked render{.id = started.value->id, .table = &RenderTransitions()};
    run_.ledger.NewId("render", render.id);
    step.Tally([](EpochTallies& t) { ++t.renders_started; });
    Observe(render, started.value->status_name, "start answer", true);
    session_.render = std::move(render);
    return;
  }
  auto& render = *session_.render;
  // The page loads 2 s of mock time after the start.
  if (++render.visits == 1 && render.status == "starting") AdvanceClock(2);
  auto status = ReadStatus(render, "render");
  if (!status.empty()) Observe(render, status, "get");
  if (render.visits < 2 && render.status != "stopped" && render.status != "failed") return;
  auto stopped = clients_.Sdk("render.stop", [&](OpenTok const& ot) { ot.StopRender(render.id); }, {404, 409});
  if (stopped.ok()) {
    status = ReadStatus(render, "render");
    if (!status.empty()) Observe(render, status, "get after stop");
  } else {
    ConfirmEnded(render, "render", {"stopped", "failed"});
  }
  session_.render.reset();
}

// An Audio Connector call to a wss:// URI (the mock never contacts it: ws:// only), seen
// by the control plane, then stopped.
void Worker::AudioConnectorStep() {
  opentok::WebSocketOptions options{.uri = "wss://example.com/soak-audio", .audio_rate = 16000};
  auto call = clients_.Sdk("audio.connect", [&](OpenTok const& ot) {
    return ot.ConnectAudioToWebSocket(session_.id, session_.publisher_token, options);
  });
  if (!call.ok()) return;
  run_.ledger.NewId("audio connector", call.value->id);
  run_.ledger.NewId("connection", call.value->connection_id);
  clients_.Control("control.audio", "GET", "/_mock/audio-connectors/" + call.value->id);
  clients_.Sdk("audio.disconnect", [&](OpenTok const& ot) { ot.DisconnectAudioConnector(call.value->id); });
}

}  // namespace opentok_soak

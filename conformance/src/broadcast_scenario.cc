#include "broadcast_scenario.h"

#include <stdexcept>

#include "archive_scenario.h"
#include "broadcast_tracker.h"
#include "opentok_common/random.h"
#include "sdk_status.h"
#include "target.h"

namespace opentok::conformance {
namespace {

// How long a built `started` broadcast runs before the cell's operation: long enough for
// its outputs to have connected (the HLS stream is usable 15-20 s after the start).
constexpr std::chrono::seconds kWarmUp{30};

BroadcastState StateOf(Broadcast const& broadcast) {
  switch (broadcast.status) {
    case BroadcastStatus::kStarted: return BroadcastState::kStarted;
    case BroadcastStatus::kStopped: return BroadcastState::kStopped;
    case BroadcastStatus::kUnknown: break;
  }
  throw std::runtime_error("broadcast has status '" + broadcast.status_name + "', outside the lifecycle table");
}

std::string UnknownId() { return common::FormatUuidV4(common::RandomBytes(16)); }

// Moves the mock clock just past `seconds` (timers due at exactly that instant fire).
void AdvancePast(std::chrono::seconds seconds) { CurrentTarget().control().Advance(seconds.count() + 1); }

}  // namespace

std::string BroadcastScenario::StartTracked(std::string const& tag) const {
  StartBroadcastOptions options = SuiteBroadcastOptions(StreamMode::kManual);
  options.max_duration = static_cast<int>(kMaxDuration.count());
  options.multi_broadcast_tag = tag;
  return StartTrackedBroadcast(*client_, session_.credentials, session_.session_id, options).id;
}

std::string BroadcastScenario::Build(BroadcastState state) {
  if (std::string why = OpenPublishingSession(1, session_); !why.empty()) return why;
  client_.emplace(CurrentTarget().Client(session_.credentials));
  if (state == BroadcastState::kNone) {
    broadcast_id_ = UnknownId();
    return "";
  }
  broadcast_id_ = StartTracked("");
  client_->AddStreamToBroadcast(broadcast_id_, stream_id());
  if (state == BroadcastState::kStarted) {
    // On live the service takes its own time; only the output cells look at it, and they
    // run on a mock.
    if (CurrentTarget().has_control_plane()) CurrentTarget().control().Advance(kWarmUp.count());
  } else {
    client_->StopBroadcast(broadcast_id_);
  }
  BroadcastState reached = Observe(broadcast_id_);
  if (reached != state) {
    throw std::runtime_error("could not bring a broadcast to '" + std::string(Name(state)) + "': it is '" +
                             std::string(Name(reached)) + "'");
  }
  return "";
}

std::string BroadcastScenario::Apply(BroadcastOperation operation, Outcome& outcome) {
  using Op = BroadcastOperation;
  auto start = [&](std::string const& tag) {
    outcome.status = StatusOf([&] { outcome.started_broadcast_id = StartTracked(tag); });
  };
  switch (operation) {
    case Op::kStart: start(""); return "";
    case Op::kStartTagged: start("conformance-" + UnknownId()); return "";
    case Op::kStop: outcome.status = StatusOf([&] { client_->StopBroadcast(broadcast_id_); }); return "";
    case Op::kGet: outcome.status = StatusOf([&] { client_->GetBroadcast(broadcast_id_); }); return "";
    case Op::kList:
      outcome.status = StatusOf([&] { client_->ListBroadcasts(0, 1000, session_.session_id); });
      return "";
    case Op::kLayout:
      outcome.status = StatusOf([&] { client_->SetBroadcastLayout(broadcast_id_, Layout{.type = "pip"}); });
      return "";
    case Op::kAddStream:
      outcome.status = StatusOf([&] {
        client_->AddStreamToBroadcast(broadcast_id_, stream_id(), /*has_audio=*/false, /*has_video=*/true);
      });
      return "";
    case Op::kRemoveStream:
      outcome.status = StatusOf([&] { client_->RemoveStreamFromBroadcast(broadcast_id_, stream_id()); });
      return "";
    default: return ApplyEvent(operation);
  }
}

std::string BroadcastScenario::ApplyEvent(BroadcastOperation operation) {
  using Op = BroadcastOperation;
  if (!CurrentTarget().has_control_plane()) {
    bool clock = operation == Op::kMaxDuration || operation == Op::kLastClientLeaves;
    return clock ? "needs the mock clock to trigger a timed transition"
                 : "needs the mock's control plane to drive a simulated client";
  }
  ControlPlane const& control = CurrentTarget().control();
  switch (operation) {
    case Op::kPublish:
      session_.stream_ids.push_back(control.Publish(session_.session_id, session_.connection_id));
      break;
    case Op::kUnpublish:
      for (auto const& stream : session_.stream_ids) control.Unpublish(session_.session_id, stream);
      break;
    case Op::kMaxDuration: AdvancePast(kMaxDuration); break;
    case Op::kLastClientLeaves:
      control.Disconnect(session_.session_id, session_.connection_id);
      AdvancePast(MockTimings().last_client_grace);
      break;
    default: throw std::logic_error("not an event: " + std::string(Name(operation)));
  }
  return "";
}

BroadcastState BroadcastScenario::Observe(std::string const& id, Broadcast* broadcast) const {
  try {
    Broadcast current = client_->GetBroadcast(id);
    if (broadcast != nullptr) *broadcast = current;
    return StateOf(current);
  } catch (NotFoundException const&) {
    return BroadcastState::kNone;
  }
}

std::optional<BroadcastState> BroadcastScenario::ObserveInList(std::string const& id) const {
  for (Broadcast const& broadcast : client_->ListBroadcasts(0, 1000, session_.session_id).items) {
    if (broadcast.id == id) return StateOf(broadcast);
  }
  return std::nullopt;
}

}  // namespace opentok::conformance

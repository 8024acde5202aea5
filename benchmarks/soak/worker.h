// One soak worker: its own SDK client and control-plane client, its own sessions (so that
// the per-session invariants are exact), and a seeded random mix of steps over every REST
// family and the control plane. Each step runs inside the epoch gate; after a reset the
// worker starts over in a new session.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "clients.h"
#include "clock_budget.h"
#include "epoch_gate.h"
#include "ledger.h"
#include "transitions.h"

namespace opentok_soak {

struct SharedRun {
  std::string url;
  std::int64_t api_key = 0;
  std::string api_secret;
  Ledger& ledger;
  EpochGate& gate;
  ClockBudget& clock;
  std::atomic<bool>& stop;
};

// An object whose status the soak follows.
struct Tracked {
  std::string id;
  TransitionTable const* table = nullptr;
  std::string status;  // the last one observed
  int visits = 0;      // steps that touched it
  bool manual = false;
  bool keep = false;   // archives: left available at the end of their lifecycle, never deleted
};

class Worker {
 public:
  Worker(SharedRun& run, int index, std::uint64_t seed);
  void Run();

 private:
  struct SessionState {
    std::uint64_t epoch = 0;
    std::string id;
    std::string publisher_token, moderator_token;
    std::string connection_id, stream_id;  // the client that stays connected and publishing
    std::uint64_t signals_to_client = 0;
    std::uint64_t archives_started = 0, archives_deleted = 0, broadcasts_started = 0;
    std::vector<Tracked> archives, broadcasts;
    std::optional<Tracked> captions, render;
  };

  bool Setup(EpochGate::Step& step);
  void OneStep(EpochGate::Step& step);

  void ArchiveStep(EpochGate::Step& step);
  void StartArchive(EpochGate::Step& step);
  bool AdvanceArchive(EpochGate::Step& step, Tracked& archive);  // false: no longer followed
  void ListStep();
  void BroadcastStep(EpochGate::Step& step);
  void SignalStep();
  void ModerationStep();
  void SipStep();
  void CaptionsStep();
  void RenderStep(EpochGate::Step& step);
  void AudioConnectorStep();
  void StreamsStep();
  void SessionStep();
  void ClockStep();

  // Records a status read for `object`; a status outside its table or not reachable from
  // the last one is a violation. `first`: the object's first status (an initial one).
  void Observe(Tracked& object, std::string const& status, char const* where, bool first = false);
  // After a tolerated 4xx: the object's status read now must be one of `ended`.
  void ConfirmEnded(Tracked& object, std::string const& family, std::initializer_list<char const*> ended);
  std::string ReadStatus(Tracked const& object, std::string const& family);
  bool AdvanceClock(double seconds);
  std::string Tag(char const* kind);
  std::string Connect(std::string const& token);  // a control-plane client; empty on failure

  SharedRun& run_;
  int index_;
  std::mt19937_64 random_;
  Clients clients_;
  SessionState session_;
  std::uint64_t tags_ = 0;
  std::int64_t last_clock_ms_ = 0;
};

}  // namespace opentok_soak

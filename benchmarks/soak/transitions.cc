#include "transitions.h"

#include <vector>

namespace opentok_soak {

TransitionTable::TransitionTable(std::string name, std::set<std::string> initial,
                                 std::multimap<std::string, std::string> edges)
    : name_(std::move(name)), initial_(std::move(initial)) {
  std::set<std::string> statuses(initial_);
  for (auto const& [from, to] : edges) {
    statuses.insert(from);
    statuses.insert(to);
  }
  for (auto const& start : statuses) {
    auto& seen = reachable_[start];
    std::vector<std::string> todo{start};
    while (!todo.empty()) {
      auto status = todo.back();
      todo.pop_back();
      if (!seen.insert(status).second) continue;
      auto [begin, end] = edges.equal_range(status);
      for (auto it = begin; it != end; ++it) todo.push_back(it->second);
    }
  }
}

bool TransitionTable::IsKnown(std::string_view status) const { return reachable_.find(status) != reachable_.end(); }

bool TransitionTable::IsInitial(std::string_view status) const { return initial_.count(std::string(status)) > 0; }

bool TransitionTable::IsReachable(std::string_view from, std::string_view to) const {
  auto it = reachable_.find(from);
  return it != reachable_.end() && it->second.count(std::string(to)) > 0;
}

TransitionTable const& ArchiveTransitions() {
  static TransitionTable const table("archive", {"started"},
                                     {{"started", "paused"},
                                      {"paused", "started"},
                                      {"started", "stopped"},
                                      {"paused", "stopped"},
                                      {"started", "failed"},
                                      {"paused", "failed"},
                                      {"stopped", "failed"},
                                      {"stopped", "available"},
                                      {"stopped", "uploaded"},
                                      {"available", "expired"},
                                      {"available", "deleted"},
                                      {"uploaded", "deleted"}});
  return table;
}

TransitionTable const& BroadcastTransitions() {
  static TransitionTable const table("broadcast", {"started"}, {{"started", "stopped"}});
  return table;
}

TransitionTable const& CaptionsTransitions() {
  static TransitionTable const table("captions", {"started"},
                                     {{"started", "paused"},
                                      {"paused", "started"},
                                      {"started", "stopped"},
                                      {"paused", "stopped"},
                                      {"started", "failed"},
                                      {"paused", "failed"}});
  return table;
}

TransitionTable const& RenderTransitions() {
  static TransitionTable const table("render", {"starting"},
                                     {{"starting", "started"},
                                      {"starting", "stopped"},
                                      {"starting", "failed"},
                                      {"started", "stopped"},
                                      {"started", "failed"}});
  return table;
}

}  // namespace opentok_soak

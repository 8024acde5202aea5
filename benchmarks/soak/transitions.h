// The status transitions the soak accepts, written from the public OpenTok REST
// documentation (archive, broadcast, live captions and Experience Composer status
// values), not from the mock's own tables: a soak that shared the mock's tables could not
// catch them drifting.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace opentok_soak {

// A directed graph of statuses. Statuses are observed by polling, so an observation may
// skip states: the next status must be reachable from the last one seen (or equal it).
class TransitionTable {
 public:
  TransitionTable(std::string name, std::set<std::string> initial,
                  std::multimap<std::string, std::string> edges);

  std::string const& name() const { return name_; }
  bool IsKnown(std::string_view status) const;
  bool IsInitial(std::string_view status) const;
  bool IsReachable(std::string_view from, std::string_view to) const;

 private:
  std::string name_;
  std::set<std::string> initial_;
  std::map<std::string, std::set<std::string>, std::less<>> reachable_;  // transitive closure
};

// started <-> paused -> stopped -> (uploaded | available -> expired), failed from any
// in-progress status, available/uploaded -> deleted by DELETE (deleting again is allowed).
TransitionTable const& ArchiveTransitions();
// started -> stopped (user stop, maximum duration, session ended).
TransitionTable const& BroadcastTransitions();
// started <-> paused -> stopped | failed.
TransitionTable const& CaptionsTransitions();
// starting -> started | stopped | failed; started -> stopped | failed.
TransitionTable const& RenderTransitions();

}  // namespace opentok_soak

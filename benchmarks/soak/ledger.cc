#include "ledger.h"

namespace opentok_soak {
namespace {
constexpr std::size_t kMaxKept = 50;
}

void Ledger::Count(std::string const& family, Outcome outcome) {
  std::lock_guard lock(mutex_);
  auto& counts = families_[family];
  switch (outcome) {
    case Outcome::kOk: ++counts.ok; break;
    case Outcome::kExpected: ++counts.expected; break;
    case Outcome::kClientError: ++counts.client_errors; break;
    case Outcome::kServerError: ++counts.server_errors; break;
    case Outcome::kDropped: ++counts.dropped; break;
  }
}

void Ledger::Violation(std::string message) {
  std::lock_guard lock(mutex_);
  ++violation_count_;
  if (violations_.size() < kMaxKept) violations_.push_back(std::move(message));
}

void Ledger::NewId(std::string const& kind, std::string const& id) {
  bool fresh;
  {
    std::lock_guard lock(mutex_);
    fresh = ids_.insert(id).second;
  }
  if (!fresh) Violation(kind + " id " + id + " was handed out twice");
}

std::map<std::string, Ledger::FamilyCounts> Ledger::Families() const {
  std::lock_guard lock(mutex_);
  return families_;
}

std::vector<std::string> Ledger::Violations() const {
  std::lock_guard lock(mutex_);
  return violations_;
}

std::uint64_t Ledger::ViolationCount() const {
  std::lock_guard lock(mutex_);
  return violation_count_;
}

std::uint64_t Ledger::TotalRequests() const {
  std::lock_guard lock(mutex_);
  std::uint64_t total = 0;
  for (auto const& [family, counts] : families_) total += counts.Total();
  return total;
}

}  // namespace opentok_soak

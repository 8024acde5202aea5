#include "opentok_mock/faults.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <random>
#include <regex>
#include <set>

#include "opentok_mock/errors.h"

namespace opentok_mock {
namespace {

constexpr std::int64_t kMaxDelayMs = 30'000;
constexpr std::size_t kMaxIdLength = 64;

// SplitMix64: a fixed, documented generator, so that a seed gives the same draws with every
// standard library (std::uniform_real_distribution's output is implementation-defined).
std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

bool ValidId(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](unsigned char c) {
           return std::isalnum(c) || c == '.' || c == '_' || c == '-';
         });
}

// RFC 9110 token characters.
bool ValidHeaderName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
           return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
         });
}

bool ValidHeaderValue(std::string_view value) {
  return std::none_of(value.begin(), value.end(), [](unsigned char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

Error Bad(std::string message) { return errors::BadRequest("Bad request. " + std::move(message)); }

std::optional<Error> CheckAction(FaultAction const& action) {
  switch (action.type) {
    case FaultType::kError:
      if (action.status < 400 || action.status > 599) return Bad("'action.status' must be an integer from 400 to 599.");
      for (auto const& [name, value] : action.headers) {
        if (!ValidHeaderName(name) || !ValidHeaderValue(value)) {
          return Bad("'action.headers' must map header names to values without CR, LF or NUL.");
        }
        for (char const* framing : {"Content-Length", "Transfer-Encoding", "Connection"}) {
          if (SameName(name, framing)) {
            return Bad("'action.headers' cannot set " + std::string(framing) + ": the mock frames its answers itself.");
          }
        }
      }
      return std::nullopt;
    case FaultType::kDelay:
      if (action.delay.count() < 0 || action.delay.count() > kMaxDelayMs) {
        return Bad("'action.ms' must be an integer from 0 to " + std::to_string(kMaxDelayMs) + ".");
      }
      return std::nullopt;
    case FaultType::kPartial:
      if (action.status != 0 && (action.status < 100 || action.status > 599)) {
        return Bad("'action.status' must be an integer from 100 to 599.");
      }
      return std::nullopt;
    case FaultType::kClose:
      return std::nullopt;
  }
  return Bad("'action.type' must be error, delay, close or partial.");
}

struct StoredScript {
  FaultScript script;
  std::shared_ptr<std::regex const> path;  // null: any path
  std::uint64_t random_state = 0;

  bool Matches(FaultRequest const& request) const {
    auto const& s = script;
    if (!s.operation.empty() && s.operation != request.operation) return false;
    if (!s.method.empty() && s.method != request.method) return false;
    if (!s.project.empty() && s.project != request.project) return false;
    return !path || std::regex_match(request.path.begin(), request.path.end(), *path);
  }

  // Whether the script applies to this matching request; a probability draws once.
  bool Fires() {
    if (script.probability) {
      double draw = static_cast<double>(SplitMix64(random_state) >> 11) * 0x1.0p-53;  // [0, 1)
      return draw < *script.probability;
    }
    return script.remaining.value_or(0) > 0;
  }
};

struct LimitState {
  RateLimit limit;
  bool started = false;
  std::int64_t window_start = 0;
  std::int64_t used = 0;
};

}  // namespace

std::string_view FaultTypeName(FaultType type) {
  switch (type) {
    case FaultType::kError: return "error";
    case FaultType::kDelay: return "delay";
    case FaultType::kClose: return "close";
    case FaultType::kPartial: return "partial";
  }
  return "error";
}

std::optional<FaultType> ParseFaultType(std::string_view name) {
  for (auto type : {FaultType::kError, FaultType::kDelay, FaultType::kClose, FaultType::kPartial}) {
    if (FaultTypeName(type) == name) return type;
  }
  return std::nullopt;
}

std::string AppliedFault::JournalName() const { return id + ":" + std::string(FaultTypeName(action.type)); }

struct FaultInjector::Impl {
  explicit Impl(FaultInjectorOptions opts)
      : seed(opts.seed ? *opts.seed : std::random_device{}()),
        now_ms(std::move(opts.now_ms)),
        operations(opts.operations.begin(), opts.operations.end()) {}

  std::uint64_t const seed;
  std::function<std::int64_t()> const now_ms;
  std::set<std::string, std::less<>> const operations;

  mutable std::mutex mutex;
  std::vector<StoredScript> scripts;
  std::uint64_t next_generated = 1;
  std::map<std::string, LimitState, std::less<>> limits;

  StoredScript* Find(std::string_view id) {
    auto it = std::find_if(scripts.begin(), scripts.end(), [&](auto const& s) { return s.script.id == id; });
    return it == scripts.end() ? nullptr : &*it;
  }

  // The filters and counts, checked; the path compiled. Locked.
  Result<StoredScript> Prepare(FaultScript script) {
    if (script.id.empty()) {
      do {
        script.id = "fault-" + std::to_string(next_generated++);
      } while (Find(script.id) != nullptr);
    } else if (!ValidId(script.id)) {
      return Bad("'id' must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'.");
    } else if (Find(script.id) != nullptr) {
      return errors::Conflict(-1, "Conflict. A fault script with id '" + script.id + "' already exists.");
    }
    if (!script.operation.empty() && !operations.empty() && !operations.contains(script.operation)) {
      return Bad("'operation' names no REST operation of the mock: '" + script.operation + "'.");
    }
    std::transform(script.method.begin(), script.method.end(), script.method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (!script.method.empty() && script.method != "GET" && script.method != "POST" && script.method != "PUT" &&
        script.method != "PATCH" && script.method != "DELETE" && script.method != "HEAD") {
      return Bad("'method' must be GET, POST, PUT, PATCH, DELETE or HEAD.");
    }
    StoredScript stored;
    if (!script.path.empty()) {
      try {
        stored.path = std::make_shared<std::regex const>(script.path, std::regex::ECMAScript);
      } catch (std::regex_error const&) {
        return Bad("'path' is not a valid ECMAScript regular expression.");
      }
    }
    if (auto error = CheckAction(script.action)) return *error;
    if (script.times && script.probability) return Bad("'probability' and 'times' cannot both be given.");
    if (script.times && *script.times < 1) return Bad("'times' must be a positive integer.");
    if (script.probability && !(*script.probability >= 0.0 && *script.probability <= 1.0)) {
      return Bad("'probability' must be a number from 0 to 1.");
    }
    if (!script.probability && !script.times) script.times = 1;
    script.remaining = script.probability ? std::nullopt : script.times;
    script.applied = 0;
    // Each script draws from its own generator, so that one script's sequence does not
    // depend on how many requests other scripts saw.
    stored.random_state = seed ^ Fnv1a(script.id);
    stored.script = std::move(script);
    return stored;
  }
};

FaultInjector::FaultInjector(FaultInjectorOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
FaultInjector::~FaultInjector() = default;

Result<FaultScript> FaultInjector::Add(FaultScript script) {
  std::lock_guard lock(impl_->mutex);
  auto stored = impl_->Prepare(std::move(script));
  if (!stored) return stored.error();
  impl_->scripts.push_back(std::move(*stored));
  return impl_->scripts.back().script;
}

std::vector<FaultScript> FaultInjector::List() const {
  std::lock_guard lock(impl_->mutex);
  std::vector<FaultScript> all;
  all.reserve(impl_->scripts.size());
  for (auto const& stored : impl_->scripts) all.push_back(stored.script);
  return all;
}

bool FaultInjector::Remove(std::string_view id) {
  std::lock_guard lock(impl_->mutex);
  auto& scripts = impl_->scripts;
  auto it = std::find_if(scripts.begin(), scripts.end(), [&](auto const& s) { return s.script.id == id; });
  if (it == scripts.end()) return false;
  scripts.erase(it);
  return true;
}

void FaultInjector::ClearScripts() {
  std::lock_guard lock(impl_->mutex);
  impl_->scripts.clear();
  impl_->next_generated = 1;
}

Result<RateLimit> FaultInjector::SetRateLimit(RateLimit limit) {
  if (limit.project.empty()) return Bad("'project' is required.");
  if (limit.requests < 1) return Bad("'requests' must be a positive integer.");
  if (limit.window_ms < 1) return Bad("'window_ms' must be a positive integer.");
  std::lock_guard lock(impl_->mutex);
  if (!limit.operation.empty() && !impl_->operations.empty() && !impl_->operations.contains(limit.operation)) {
    return Bad("'operation' names no REST operation of the mock: '" + limit.operation + "'.");
  }
  impl_->limits.insert_or_assign(limit.project, LimitState{limit});
  return limit;
}

bool FaultInjector::ClearRateLimit(std::string_view project) {
  std::lock_guard lock(impl_->mutex);
  auto it = impl_->limits.find(project);
  if (it == impl_->limits.end()) return false;
  impl_->limits.erase(it);
  return true;
}

std::vector<RateLimit> FaultInjector::RateLimits() const {
  std::lock_guard lock(impl_->mutex);
  std::vector<RateLimit> all;
  for (auto const& [project, state] : impl_->limits) all.push_back(state.limit);
  return all;
}

void FaultInjector::Clear() {
  std::lock_guard lock(impl_->mutex);
  impl_->scripts.clear();
  impl_->next_generated = 1;
  impl_->limits.clear();
}

std::optional<AppliedFault> FaultInjector::Decide(FaultRequest const& request) {
  std::lock_guard lock(impl_->mutex);
  auto apply = [](StoredScript& stored) -> std::optional<AppliedFault> {
    auto& script = stored.script;
    ++script.applied;
    if (script.remaining) --*script.remaining;
    return AppliedFault{script.id, script.action};
  };
  if (!request.fault_id.empty()) {
    // The header selects one script, header_only or not; its filters still apply.
    auto* stored = impl_->Find(request.fault_id);
    if (stored && stored->Matches(request) && stored->Fires()) return apply(*stored);
    return std::nullopt;
  }
  for (auto& stored : impl_->scripts) {
    if (stored.script.header_only || !stored.Matches(request)) continue;
    if (stored.Fires()) return apply(stored);
  }
  return std::nullopt;
}

std::optional<RateLimited> FaultInjector::Admit(std::string_view project, std::string_view operation) {
  std::lock_guard lock(impl_->mutex);
  auto it = impl_->limits.find(project);
  if (it == impl_->limits.end()) return std::nullopt;
  auto& state = it->second;
  auto const& limit = state.limit;
  if (!limit.operation.empty() && limit.operation != operation) return std::nullopt;
  auto now = impl_->now_ms ? impl_->now_ms() : 0;
  if (!state.started || now >= state.window_start + limit.window_ms || now < state.window_start) {
    state.started = true;
    state.window_start = now;
    state.used = 0;
  }
  if (state.used < limit.requests) {
    ++state.used;
    return std::nullopt;
  }
  std::int64_t left_ms = state.window_start + limit.window_ms - now;
  RateLimited refused;
  refused.retry_after_s = std::max<std::int64_t>(1, (left_ms + 999) / 1000);
  refused.message = "Too many requests. The mock's rate limit for " + limit.project + " allows " +
                    std::to_string(limit.requests) + " request" + (limit.requests == 1 ? "" : "s") +
                    (limit.operation.empty() ? "" : " of " + limit.operation) + " per " +
                    std::to_string(limit.window_ms) + " ms of mock time.";
  return refused;
}

}  // namespace opentok_mock

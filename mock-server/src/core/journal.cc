#include "opentok_mock/journal.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "opentok_mock/utf8.h"

namespace opentok_mock {
bool IsSecretName(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kMarkers{"token", "secret", "auth", "sig", "password", "jwt"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::any_of(kMarkers.begin(), kMarkers.end(),
                     [&](std::string_view marker) { return lower.find(marker) != std::string::npos; });
}

std::string RedactQuery(std::string_view query) {
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    auto end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    auto pair = query.substr(start, end - start);
    auto equals = pair.find('=');
    if (!out.empty() || start > 0) out.push_back('&');
    if (equals != std::string_view::npos && IsSecretName(pair.substr(0, equals))) {
      out.append(pair.substr(0, equals + 1)).append("[redacted]");
    } else {
      out.append(pair);
    }
    start = end + 1;
  }
  return out;
}

void RequestJournal::Record(JournalEntry entry) {
  if (capacity_ == 0) return;
  // Free text the mock only records (the User-Agent, an API key from a refused auth header,
  // the raw query) is kept, with ill-formed UTF-8 replaced by U+FFFD: the journal is served
  // as JSON and read in process, and one bad header must not make it unreadable.
  for (auto* text : {&entry.method, &entry.path, &entry.query, &entry.operation, &entry.auth_verdict,
                     &entry.auth_message, &entry.api_key, &entry.credential, &entry.auth_header, &entry.user_agent}) {
    if (!IsValidUtf8(*text)) *text = ToValidUtf8(*text);
  }
  std::lock_guard lock(mutex_);
  entry.sequence = next_sequence_++;
  if (entries_.size() == capacity_) entries_.pop_front();
  entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> RequestJournal::Snapshot() const {
  std::lock_guard lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

void RequestJournal::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace opentok_mock

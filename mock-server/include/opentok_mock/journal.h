#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace opentok_mock {

// One REST request as the mock saw it. Never holds headers or bodies, so auth headers,
// client tokens and secrets cannot leak through it; the query string is redacted too.
struct JournalEntry {
  std::uint64_t sequence = 0;
  std::int64_t time_ms = 0;  // mock clock
  std::string method;
  std::string path;   // as received (percent-decoded), without the query
  std::string query;  // redacted: values of token/secret/auth/signature-like keys replaced
  int status = 0;
  std::string operation;     // e.g. "archive.start"; "unmatched" for unknown routes
  std::string auth_verdict;  // "ok", "rejected" or "none" (request never reached auth)
  std::string auth_message;  // why it was rejected
  std::string api_key;       // the project the request authenticated as (or addressed)
  std::string credential;    // the owner kind its token named: "project", "application" or ""
  std::string auth_header;   // where the credential came: "X-OPENTOK-AUTH", "Authorization"...
  std::string user_agent;
  // The fault injection that shaped the answer (faults.h): "<script id>:<action type>"
  // ("fault-1:error"), "rate-limit" for a 429 by a rate limit, empty when none.
  std::string fault;
};

// True for names that suggest a secret value (token, secret, auth, sig, password, jwt).
bool IsSecretName(std::string_view name);

// Replaces the value of every query parameter whose name looks secret-bearing with
// "[redacted]".
std::string RedactQuery(std::string_view query);

// A bounded, thread-safe log of REST requests (oldest entries drop first). It has its own
// lock so that journaling never contends with the service state.
class RequestJournal {
 public:
  explicit RequestJournal(std::size_t capacity = 10'000) : capacity_(capacity) {}

  void Record(JournalEntry entry);
  std::vector<JournalEntry> Snapshot() const;
  void Clear();
  std::size_t capacity() const { return capacity_; }

 private:
  std::size_t const capacity_;
  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;
  std::uint64_t next_sequence_ = 1;
};

}  // namespace opentok_mock

#pragma once

// Callback (webhook) delivery. The service's event subscriber hands each event to Enqueue,
// which only queues it (it runs under the service's write lock). A dispatch thread then, in
// event order, renders the body, runs the in-process sinks and queues one delivery per
// callback URL (a URL whose host the outbound policy refuses is logged and dropped). Delivery
// workers POST them: the deliveries of one URL one at a time in event order (a receiver sees
// its events in the order they happened), different URLs in parallel. A failed attempt
// (no connection, no answer within the attempt timeout, or a status other than 2xx) is tried
// again after a backoff that doubles each time, until max_attempts, then given up. Every
// attempt, refusal and give-up goes to a bounded log.
//
// Nothing here touches the service: a slow or dead receiver delays only the later deliveries
// to the same URL, never the REST API or the mock clock.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "opentok_mock/callbacks.h"
#include "opentok_mock/service_events.h"
#include "outbound_policy.h"

namespace httplib {
class Client;
}

namespace opentok_mock::http {

class CallbackDispatcher {
 public:
  // The body POSTed for an event (CallbackBody in the mock server; tests pass their own).
  using Render = std::function<std::string(ServiceEvent const&)>;
  // Wall-clock milliseconds for the log's attempted_at_ms (the service's wall source).
  using WallMs = std::function<std::int64_t()>;

  // Starts the dispatch thread and `workers` delivery threads (at least one). Throws
  // std::invalid_argument for max_attempts < 1 or a timeout or backoff below 1 ms.
  CallbackDispatcher(CallbackOptions options, Render render, WallMs wall_ms, int workers = 4);
  // Drops what is pending and joins the threads; an attempt in flight ends first (at most
  // the attempt timeout).
  ~CallbackDispatcher();
  CallbackDispatcher(CallbackDispatcher const&) = delete;
  CallbackDispatcher& operator=(CallbackDispatcher const&) = delete;

  // The service event subscriber: queues the event and returns (no rendering, no I/O). An
  // event with no callback URL is skipped while there is no sink.
  void Enqueue(ServiceEvent const& event);

  // Sinks see every event queued after they were added, in order, on the dispatch thread,
  // with the rendered body; a sink that throws is skipped for that event.
  void AddSink(CallbackSink sink);

  // Blocks until every event queued before the call has been through the sinks and each of
  // its deliveries has been delivered, given up or refused; false if `timeout` passed first.
  bool WaitUntilDrained(std::chrono::milliseconds timeout);
  // Events waiting for the dispatch thread plus deliveries not yet finished.
  std::size_t Pending() const;

  // Oldest first, at most options.log_capacity entries. URLs are shown with their userinfo
  // and secret-looking query values ("token", "secret", "sig"...) redacted.
  std::vector<CallbackAttempt> Log() const;

  // Drops the log, the queued events and the pending deliveries. An attempt in flight
  // finishes but is neither logged nor tried again; later deliveries to its URL wait for it,
  // so that order per URL holds across a reset too.
  void Reset();

  CallbackOptions const& options() const { return options_; }

  // Deliveries waiting for one URL at most (a receiver that is down while events keep coming
  // must not grow the queue without bound); more are logged as failed without an attempt.
  static constexpr std::size_t kMaxPendingPerUrl = 10'000;

 private:
  // An event's rendered body, shared by its deliveries.
  struct Message {
    std::uint64_t ticket = 0;  // the dispatcher's own number for the event (see unfinished_)
    std::uint64_t sequence = 0;
    std::string event;
    std::string api_key;
    std::int64_t event_at_ms = 0;
    std::string body;
  };
  struct Delivery {
    std::shared_ptr<Message const> message;
    OutboundUrl target;
    std::string url;
    std::string logged_url;  // with secrets redacted
    int attempts = 0;        // made so far
  };
  // The deliveries to one URL, in event order. `busy` while a worker holds the head.
  struct UrlQueue {
    std::deque<Delivery> deliveries;
    bool busy = false;
    std::chrono::steady_clock::time_point ready_at{};  // the head's next attempt
  };
  struct Outcome {
    std::string outcome;
    std::optional<int> status;
    std::string error;
  };

  void DispatchLoop();
  void WorkerLoop();
  // Renders, runs the sinks and queues the deliveries of one event (dispatch thread).
  void Dispatch(std::uint64_t ticket, ServiceEvent const& event);
  // A worker's connection, kept for back-to-back callbacks to one origin (see Attempt).
  struct Connection {
    std::string origin;
    std::unique_ptr<httplib::Client> client;
    std::chrono::steady_clock::time_point last_used{};
  };
  Outcome Attempt(Delivery const& delivery, Connection& connection) const;
  // Records the end of one unit of work (a dispatched event, a finished delivery) of the
  // event with `ticket`; wakes waiters when the event is complete. Called with mutex_ held.
  void FinishUnit(std::uint64_t ticket);
  void Record(CallbackAttempt attempt);  // mutex_ held
  std::chrono::milliseconds Backoff(int failed_attempts) const;

  CallbackOptions const options_;
  OutboundPolicy const policy_;
  Render const render_;
  WallMs const wall_ms_;

  mutable std::mutex mutex_;
  std::condition_variable inbox_cv_;    // dispatch thread: events queued, stop
  std::condition_variable workers_cv_;  // workers: deliveries queued or ready, stop
  std::condition_variable drained_cv_;  // waiters: an event completed
  bool stopping_ = false;
  std::uint64_t generation_ = 0;  // Reset increments it; older work is dropped
  std::deque<std::pair<std::uint64_t, ServiceEvent>> inbox_;  // {ticket, event}
  std::map<std::string, UrlQueue> queues_;
  // Units of work not yet finished per event ticket (1 while queued for dispatch, then one
  // per pending delivery), and the last ticket given out, for WaitUntilDrained. Tickets
  // rather than the service's sequence numbers, which the dispatcher does not rely on.
  std::map<std::uint64_t, std::size_t> unfinished_;
  std::size_t pending_units_ = 0;
  std::uint64_t last_queued_ = 0;
  std::deque<CallbackAttempt> log_;
  // Copied on write so that the dispatch thread runs them without holding a lock.
  std::shared_ptr<std::vector<CallbackSink> const> sinks_ = std::make_shared<std::vector<CallbackSink> const>();

  std::thread dispatcher_;
  std::vector<std::thread> workers_;
};

}  // namespace opentok_mock::http

#include "callback_dispatcher.h"

#include <httplib.h>

#include <algorithm>
#include <stdexcept>

#include "opentok_mock/journal.h"

namespace opentok_mock::http {
namespace {

using SteadyClock = std::chrono::steady_clock;

OutboundPolicy PolicyOf(CallbackOptions const& options) { return {options.allowed_hosts, options.allow_any_host}; }

CallbackOptions Checked(CallbackOptions options) {
  using std::chrono::milliseconds;
  if (options.max_attempts < 1) throw std::invalid_argument("callbacks: max_attempts must be at least 1");
  if (options.attempt_timeout < milliseconds(1) || options.first_backoff < milliseconds(1) ||
      options.max_backoff < milliseconds(1)) {
    throw std::invalid_argument("callbacks: the attempt timeout and the backoffs must be at least 1 ms");
  }
  return options;
}

// Why an attempt got no answer, in words a log reader can act on.
std::string DescribeError(httplib::Error error, SteadyClock::duration took, std::chrono::milliseconds timeout) {
  auto ms = std::to_string(timeout.count());
  switch (error) {
    case httplib::Error::Connection:
      return "could not connect";
    case httplib::Error::ConnectionTimeout:
      return "no connection within " + ms + " ms";
    case httplib::Error::Read:
      return took >= timeout ? "no answer within " + ms + " ms" : "connection closed before an answer";
    case httplib::Error::Write:
      return "could not send the request";
    default:
      return httplib::to_string(error);
  }
}

// The URL as the log shows it: secrets are never logged, so userinfo and the values of
// secret-looking query parameters (a receiver's ?token=...) are redacted.
std::string LoggedUrl(std::string const& url) {
  std::string out = url;
  if (auto scheme_end = out.find("://"); scheme_end != std::string::npos) {
    auto host_start = scheme_end + 3;
    auto authority = out.substr(host_start, out.find_first_of("/?#", host_start) - host_start);
    if (auto at = authority.rfind('@'); at != std::string::npos) out.replace(host_start, at, "[redacted]");
  }
  if (auto question = out.find('?'); question != std::string::npos) {
    auto hash = out.find('#', question);
    auto query_length = (hash == std::string::npos ? out.size() : hash) - question - 1;
    out.replace(question + 1, query_length, RedactQuery(std::string_view(out).substr(question + 1, query_length)));
  }
  return out;
}

}  // namespace

CallbackDispatcher::CallbackDispatcher(CallbackOptions options, Render render, WallMs wall_ms, int workers)
    : options_(Checked(std::move(options))),
      policy_(PolicyOf(options_)),
      render_(std::move(render)),
      wall_ms_(std::move(wall_ms)) {
  dispatcher_ = std::thread([this] { DispatchLoop(); });
  for (int i = 0; i < std::max(1, workers); ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

CallbackDispatcher::~CallbackDispatcher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  inbox_cv_.notify_all();
  workers_cv_.notify_all();
  drained_cv_.notify_all();
  dispatcher_.join();
  for (auto& worker : workers_) worker.join();
}

void CallbackDispatcher::Enqueue(ServiceEvent const& event) {
  // This runs under the service's write lock, which every REST call wants: keep it short.
  // The dispatch thread sleeps only on an empty inbox, so only the first event after that
  // needs to wake it, and it is woken after our lock is released (it would block on it).
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || (event.callback_urls.empty() && sinks_->empty())) return;
    auto ticket = ++last_queued_;
    wake = inbox_.empty();
    inbox_.emplace_back(ticket, event);
    unfinished_.emplace_hint(unfinished_.end(), ticket, 1);
    ++pending_units_;
  }
  if (wake) inbox_cv_.notify_one();
}

void CallbackDispatcher::AddSink(CallbackSink sink) {
  std::lock_guard lock(mutex_);
  auto sinks = std::make_shared<std::vector<CallbackSink>>(*sinks_);
  sinks->push_back(std::move(sink));
  sinks_ = std::move(sinks);
}

bool CallbackDispatcher::WaitUntilDrained(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  auto const target = last_queued_;
  return drained_cv_.wait_for(lock, timeout, [&] { return unfinished_.empty() || unfinished_.begin()->first > target; });
}

std::size_t CallbackDispatcher::Pending() const {
  std::lock_guard lock(mutex_);
  return pending_units_;
}

std::vector<CallbackAttempt> CallbackDispatcher::Log() const {
  std::lock_guard lock(mutex_);
  return {log_.begin(), log_.end()};
}

void CallbackDispatcher::Reset() {
  std::lock_guard lock(mutex_);
  ++generation_;
  inbox_.clear();
  for (auto it = queues_.begin(); it != queues_.end();) {
    it->second.deliveries.clear();
    it = it->second.busy ? std::next(it) : queues_.erase(it);
  }
  unfinished_.clear();
  pending_units_ = 0;
  log_.clear();
  drained_cv_.notify_all();
}

void CallbackDispatcher::DispatchLoop() {
  std::unique_lock lock(mutex_);
  while (true) {
    inbox_cv_.wait(lock, [&] { return stopping_ || !inbox_.empty(); });
    if (stopping_) return;
    auto [ticket, event] = std::move(inbox_.front());
    inbox_.pop_front();
    lock.unlock();
    Dispatch(ticket, event);
    lock.lock();
  }
}

void CallbackDispatcher::Dispatch(std::uint64_t ticket, ServiceEvent const& event) {
  std::shared_ptr<std::vector<CallbackSink> const> sinks;
  {
    std::lock_guard lock(mutex_);
    sinks = sinks_;
  }
  auto message = std::make_shared<Message>();
  message->ticket = ticket;
  message->sequence = event.sequence;
  message->event = std::string(EventName(event));
  message->api_key = event.api_key;
  message->event_at_ms = event.at_ms;
  message->body = render_(event);
  for (auto const& sink : *sinks) {
    try {
      sink(CallbackMessage{event, message->body});
    } catch (...) {
      // A test's sink failing must not stop the deliveries nor the other sinks.
    }
  }

  std::lock_guard lock(mutex_);
  if (!unfinished_.contains(ticket)) return;  // Reset dropped it while it was being rendered
  int queued = 0;
  for (auto const& url : event.callback_urls) {
    auto target = ParseOutboundUrl(url);
    bool http = target && (target->scheme == "http" || target->scheme == "https");
    bool allowed = http && OutboundHostAllowed(*target, policy_);
    auto& queue = queues_[url];
    if (allowed && queue.deliveries.size() < kMaxPendingPerUrl) {
      queue.deliveries.push_back({message, std::move(*target), url, LoggedUrl(url), 0});
      ++unfinished_[ticket];
      ++pending_units_;
      ++queued;
      continue;
    }
    if (queue.deliveries.empty() && !queue.busy) queues_.erase(url);
    CallbackAttempt skipped;
    skipped.event_sequence = message->sequence;
    skipped.event = message->event;
    skipped.api_key = message->api_key;
    skipped.url = LoggedUrl(url);
    skipped.outcome = allowed ? "failed" : "refused";
    skipped.error = !http     ? "not an http(s) URL"
                    : allowed ? "dropped: " + std::to_string(kMaxPendingPerUrl) + " callbacks already pending for this URL"
                              : "host not allowed (loopback only, unless allowed)";
    skipped.event_at_ms = message->event_at_ms;
    skipped.attempted_at_ms = wall_ms_();
    Record(std::move(skipped));
  }
  FinishUnit(ticket);
  // One idle worker per URL that got work (a worker that finishes an attempt looks again by
  // itself): waking them all for every event would cost a thundering herd under load.
  if (queued == 1) workers_cv_.notify_one();
  if (queued > 1) workers_cv_.notify_all();
}

void CallbackDispatcher::WorkerLoop() {
  Connection connection;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    // The first URL whose head is ready; otherwise wait for the earliest backoff to end.
    auto now = SteadyClock::now();
    auto earliest = SteadyClock::time_point::max();
    auto chosen = queues_.end();
    for (auto it = queues_.begin(); it != queues_.end(); ++it) {
      auto const& queue = it->second;
      if (queue.busy || queue.deliveries.empty()) continue;
      if (queue.ready_at <= now) {
        chosen = it;
        break;
      }
      earliest = std::min(earliest, queue.ready_at);
    }
    if (chosen == queues_.end()) {
      if (connection.client) {
        // Idle: close the connection rather than hold it (and a receiver's thread) open.
        lock.unlock();
        connection = {};
        lock.lock();
        continue;
      }
      if (earliest == SteadyClock::time_point::max()) {
        workers_cv_.wait(lock);
      } else {
        workers_cv_.wait_until(lock, earliest);
      }
      continue;
    }

    chosen->second.busy = true;
    auto delivery = std::move(chosen->second.deliveries.front());
    chosen->second.deliveries.pop_front();
    auto const generation = generation_;
    lock.unlock();
    ++delivery.attempts;
    auto attempted_at = wall_ms_();
    auto result = Attempt(delivery, connection);
    lock.lock();

    auto queue = queues_.find(delivery.url);  // kept while busy, even across Reset
    queue->second.busy = false;
    if (generation == generation_) {
      bool done = result.outcome == "delivered" || delivery.attempts >= options_.max_attempts;
      if (!done) result.outcome = "retrying";
      auto const& message = *delivery.message;
      Record({message.sequence, message.event, message.api_key, delivery.logged_url, delivery.attempts, result.outcome,
              result.status, result.error, message.event_at_ms, attempted_at});
      if (done) {
        FinishUnit(message.ticket);
      } else {
        queue->second.ready_at = SteadyClock::now() + Backoff(delivery.attempts);
        queue->second.deliveries.push_front(std::move(delivery));
        workers_cv_.notify_one();  // an idle worker waits for the retry if this one gets busy
      }
    }
    if (queue->second.deliveries.empty()) queues_.erase(queue);
  }
}

CallbackDispatcher::Outcome CallbackDispatcher::Attempt(Delivery const& delivery, Connection& connection) const {
  auto const timeout = options_.attempt_timeout;
  auto const origin = delivery.target.Origin();
  auto started = SteadyClock::now();
  // A connection is reused only for the next callback to the same origin within a second,
  // while the worker has work (a burst of events; an idle worker closes it): cpp-httplib
  // 0.11.4 does not notice that a receiver closed an idle keep-alive connection, so an older
  // one could turn the receiver's idle timeout (5 s in cpp-httplib and Node.js) into a
  // failed attempt.
  if (connection.origin != origin || started - connection.last_used > std::chrono::seconds(1)) {
    connection.origin = origin;
    connection.client = std::make_unique<httplib::Client>(origin);
    auto& client = *connection.client;
    client.set_connection_timeout(timeout);
    client.set_read_timeout(timeout);
    client.set_write_timeout(timeout);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);  // headers and body are two writes: no Nagle wait for an ACK between them
    client.set_follow_location(false);
    // Loopback receivers in tests use self-signed certificates; other hosts are verified.
    client.enable_server_certificate_verification(!IsLoopbackHost(delivery.target.host));
  }
  httplib::Headers headers{{"User-Agent", "opentok-mock-callbacks"}};
  auto res = connection.client->Post(delivery.target.target, headers, delivery.message->body, "application/json");
  auto const finished = SteadyClock::now();
  if (!res) {
    connection = {};  // the next attempt starts afresh
    return {"failed", std::nullopt, DescribeError(res.error(), finished - started, timeout)};
  }
  connection.last_used = finished;
  bool ok = res->status >= 200 && res->status < 300;
  return {ok ? "delivered" : "failed", res->status, {}};
}

void CallbackDispatcher::FinishUnit(std::uint64_t ticket) {
  auto it = unfinished_.find(ticket);
  if (it == unfinished_.end()) return;
  --pending_units_;
  if (--it->second == 0) {
    unfinished_.erase(it);
    drained_cv_.notify_all();
  }
}

void CallbackDispatcher::Record(CallbackAttempt attempt) {
  log_.push_back(std::move(attempt));
  while (log_.size() > options_.log_capacity) log_.pop_front();
}

std::chrono::milliseconds CallbackDispatcher::Backoff(int failed_attempts) const {
  auto backoff = options_.first_backoff;
  for (int i = 1; i < failed_attempts && backoff < options_.max_backoff; ++i) backoff *= 2;
  return std::min(backoff, options_.max_backoff);
}

}  // namespace opentok_mock::http

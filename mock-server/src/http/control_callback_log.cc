// The /_mock/callbacks part of the control plane: the callback delivery log, and a wait for
// the deliveries in progress (so that a test in another language can POST, wait, then read
// its receiver without sleeping).

#include <nlohmann/json.hpp>

#include <charconv>
#include <string>

#include "callback_dispatcher.h"
#include "control_util.h"
#include "opentok_mock/errors.h"
#include "routes.h"

namespace opentok_mock::http {
namespace {

constexpr std::int64_t kDefaultWaitMs = 10'000;
constexpr std::int64_t kMaxWaitMs = 300'000;

nlohmann::json AttemptToJson(CallbackAttempt const& attempt) {
  return {{"eventSequence", attempt.event_sequence},
          {"event", attempt.event},
          {"apiKey", attempt.api_key},
          {"url", attempt.url},
          {"attempt", attempt.attempt},
          {"outcome", attempt.outcome},
          {"status", attempt.status ? nlohmann::json(*attempt.status) : nlohmann::json(nullptr)},
          {"error", attempt.error},
          {"eventAt", attempt.event_at_ms},
          {"attemptedAt", attempt.attempted_at_ms}};
}

// ?event=, ?url= and ?outcome= keep the entries whose field equals the value.
void ListDeliveries(httplib::Request const& req, httplib::Response& res, CallbackDispatcher& dispatcher) {
  auto query = ParseQuery(req);
  if (!query) return SendError(res, query.error());
  auto event = FindField(*query, "event");
  auto url = FindField(*query, "url");
  auto outcome = FindField(*query, "outcome");
  auto items = nlohmann::json::array();
  for (auto const& attempt : dispatcher.Log()) {
    if ((event && attempt.event != *event) || (url && attempt.url != *url) || (outcome && attempt.outcome != *outcome)) {
      continue;
    }
    items.push_back(AttemptToJson(attempt));
  }
  SendJson(res, 200, {{"count", items.size()}, {"items", std::move(items)}});
}

void Wait(httplib::Request const& req, httplib::Response& res, CallbackDispatcher& dispatcher) {
  auto query = ParseQuery(req);
  if (!query) return SendError(res, query.error());
  std::int64_t timeout_ms = kDefaultWaitMs;
  if (auto text = FindField(*query, "timeoutMs")) {
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), timeout_ms);
    if (error != std::errc() || end != text->data() + text->size() || timeout_ms < 0 || timeout_ms > kMaxWaitMs) {
      return SendError(res, errors::BadRequest("Bad request. 'timeoutMs' must be an integer from 0 to 300000."));
    }
  }
  if (dispatcher.WaitUntilDrained(std::chrono::milliseconds(timeout_ms))) {
    return SendJson(res, 200, {{"pending", 0}});
  }
  SendJson(res, 504,
           {{"pending", dispatcher.Pending()},
            {"message", "Callback deliveries still pending after " + std::to_string(timeout_ms) + " ms."}});
}

}  // namespace

void RegisterCallbackLogRoutes(Router& server, CallbackDispatcher& dispatcher) {
  auto bind = [&dispatcher](auto handler) {
    return [&dispatcher, handler](httplib::Request const& req, httplib::Response& res) { handler(req, res, dispatcher); };
  };
  server.Get("/_mock/callbacks/deliveries", bind(ListDeliveries));
  server.Post("/_mock/callbacks/wait", bind(Wait));
}

}  // namespace opentok_mock::http

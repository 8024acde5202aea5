#include "publisher_session.h"

#include <nlohmann/json.hpp>

#include <iostream>

#include "live_poll.h"
#include "opentok_common/url.h"
#include "target.h"

namespace opentok::conformance {
namespace {

struct State {
  std::optional<std::string> session_id;
  std::string why;
};

bool SessionHasStream(std::string const& session_id) {
  RestClient rest = CurrentTarget().Rest();
  HttpResponse response = rest.Get(rest.ProjectPath() + "/session/" + common::PercentEncode(session_id) + "/stream");
  if (response.status != 200) return false;
  auto json = nlohmann::json::parse(response.body, nullptr, false);
  return json.is_object() && json.contains("items") && json["items"].is_array() && !json["items"].empty();
}

State Create() {
  Target const& target = CurrentTarget();
  if (!target.wait_for_publisher()) {
    return {std::nullopt,
            "needs a publishing client on the live service: set OPENTOK_CONFORMANCE_WAIT_FOR_PUBLISHER=SECONDS"};
  }
  OpenTok client = target.Client();
  Session session = client.CreateSession("", MediaMode::kRouted);
  std::string token = client.GenerateToken(session.id, Role::kPublisher);
  std::cout << "[conformance] publish a stream into session " << session.id << " within "
            << target.wait_for_publisher()->count() << " s, e.g. with OpenTok.js and this token:\n"
            << kPublisherLinePrefix << " session_id=" << session.id << " token=" << token << std::endl;
  if (!PollUntil([&] { return SessionHasStream(session.id); }, *target.wait_for_publisher())) {
    return {std::nullopt, "no stream was published in session " + session.id + " in time"};
  }
  std::cout << "[conformance] publisher present; running the live archive checks" << std::endl;
  return {session.id, ""};
}

}  // namespace

std::optional<std::string> LivePublisherSession(std::string* why) {
  static State state = Create();
  if (!state.session_id) *why = state.why;
  return state.session_id;
}

}  // namespace opentok::conformance

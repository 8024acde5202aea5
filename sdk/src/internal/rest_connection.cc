#include "internal/rest_connection.h"

#include <optional>
#include <utility>

#include "internal/error_mapping.h"
#include "opentok/errors.h"
#include "opentok/version.h"

namespace opentok::internal {
namespace {

// One attempt. A TransportException comes out with the transport's own message; anything
// else a custom transport throws that is not an SDK exception becomes one, keeping the
// promise that only SDK exceptions escape.
HttpResponse SendOnce(HttpTransport& transport, HttpRequest const& request) {
  try {
    return transport.Send(request);
  } catch (OpenTokException const&) {
    throw;
  } catch (std::exception const& e) {
    throw TransportException(std::string("the HTTP transport failed: ") + e.what());
  }
}

// The operation's name in messages; a call that took several attempts says so.
std::string Label(std::string_view operation, int attempts) {
  std::string label(operation);
  if (attempts > 1) label += " (" + std::to_string(attempts) + " attempts)";
  return label;
}

}  // namespace

RestConnection::RestConnection(std::string api_url, std::shared_ptr<Credentials const> credentials,
                               std::string user_agent, std::shared_ptr<HttpTransport> transport, RetrySettings retry)
    : api_url_(std::move(api_url)),
      credentials_(std::move(credentials)),
      user_agent_(std::move(user_agent)),
      transport_(std::move(transport)),
      retry_(std::move(retry)) {}

HttpResponse RestConnection::Send(std::string_view operation, HttpMethod method, std::string_view path,
                                  std::string body, std::string_view content_type) const {
  HttpRequest request;
  request.method = method;
  request.url.reserve(api_url_.size() + path.size());
  request.url.append(api_url_).append(path);
  request.headers.reserve(4);
  request.headers.emplace_back();  // the auth header, signed per attempt below
  request.headers.emplace_back("User-Agent", user_agent_);
  request.headers.emplace_back("Accept", "application/json");
  if (!content_type.empty()) request.headers.emplace_back("Content-Type", std::string(content_type));
  request.body = std::move(body);

  RetrySchedule schedule(retry_, operation);
  for (;;) {
    // Signed per attempt, so the token's iat/exp are always fresh (a retry after a long
    // Retry-After must not send an expired token).
    request.headers.front() = credentials_->SignRequest();
    std::optional<std::chrono::milliseconds> wait;
    try {
      HttpResponse response = SendOnce(*transport_, request);
      if (IsSuccess(response.status)) return response;
      wait = schedule.NextWait(AttemptFailure{.status = response.status,
                                              .request_may_have_been_sent = true,
                                              .retry_after = FindHeader(response.headers, "Retry-After")});
      if (!wait) ThrowForStatus(Label(operation, schedule.attempts()), response);
    } catch (TransportException const& e) {
      bool const maybe_sent = e.request_may_have_been_sent();
      wait = schedule.NextWait(AttemptFailure{.status = 0, .request_may_have_been_sent = maybe_sent});
      if (!wait) throw TransportException(Label(operation, schedule.attempts()) + " failed: " + e.what(), maybe_sent);
    }
    retry_.sleeper->SleepFor(*wait);
  }
}

std::string RestConnection::ProjectPath(std::string_view suffix) const {
  std::string path = "/v2/project/";
  path.append(credentials_->project_id()).append(suffix);
  return path;
}

std::string MakeUserAgent(std::string_view suffix) {
  std::string agent = "OpenTok-CPP-SDK/";
  agent += kSdkVersion;
  if (!suffix.empty()) {
    agent += ' ';
    agent += suffix;
  }
  return agent;
}

}  // namespace opentok::internal

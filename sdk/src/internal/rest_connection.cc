#include "internal/rest_connection.h"

#include <utility>

#include "internal/error_mapping.h"
#include "opentok/errors.h"
#include "opentok/version.h"

namespace opentok::internal {

RestConnection::RestConnection(std::string api_url, std::shared_ptr<Credentials const> credentials,
                               std::string user_agent, std::shared_ptr<HttpTransport> transport)
    : api_url_(std::move(api_url)),
      credentials_(std::move(credentials)),
      user_agent_(std::move(user_agent)),
      transport_(std::move(transport)) {}

HttpResponse RestConnection::Send(std::string_view operation, HttpMethod method, std::string_view path,
                                  std::string body, std::string_view content_type) const {
  HttpRequest request;
  request.method = method;
  request.url.reserve(api_url_.size() + path.size());
  request.url.append(api_url_).append(path);
  request.headers.reserve(4);
  // Signed here, per attempt, so the token's iat/exp are always fresh.
  request.headers.push_back(credentials_->SignRequest());
  request.headers.emplace_back("User-Agent", user_agent_);
  request.headers.emplace_back("Accept", "application/json");
  if (!content_type.empty()) request.headers.emplace_back("Content-Type", std::string(content_type));
  request.body = std::move(body);

  HttpResponse response;
  try {
    response = transport_->Send(request);
  } catch (TransportException const& e) {
    throw TransportException(std::string(operation) + " failed: " + e.what());
  } catch (OpenTokException const&) {
    throw;
  } catch (std::exception const& e) {
    // A custom transport broke the contract; keep the promise that only SDK exceptions escape.
    throw TransportException(std::string(operation) + ": the HTTP transport failed: " + e.what());
  }
  if (!IsSuccess(response.status)) ThrowForStatus(operation, response);
  return response;
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

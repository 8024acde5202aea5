#include "scripted_transport.h"

#include <gtest/gtest.h>
#include <strings.h>

namespace opentok::testing_util {

void ScriptedTransport::Enqueue(HttpResponse response) {
  std::lock_guard lock(mu_);
  script_.emplace_back(std::move(response));
}

void ScriptedTransport::EnqueueFailure(std::exception_ptr failure) {
  std::lock_guard lock(mu_);
  script_.emplace_back(std::move(failure));
}

HttpResponse ScriptedTransport::Send(HttpRequest const& request) {
  std::unique_lock lock(mu_);
  requests_.push_back(request);
  if (next_ >= script_.size()) return JsonResponse(200, "{}");
  auto step = script_[next_++];
  lock.unlock();
  if (auto* failure = std::get_if<std::exception_ptr>(&step)) std::rethrow_exception(*failure);
  return std::get<HttpResponse>(step);
}

std::vector<HttpRequest> ScriptedTransport::requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

HttpRequest ScriptedTransport::single_request() const {
  auto all = requests();
  EXPECT_EQ(all.size(), 1u) << "expected exactly one request";
  return all.empty() ? HttpRequest{} : all.front();
}

HttpResponse JsonResponse(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "application/json"}};
  response.body = std::move(body);
  return response;
}

std::string HeaderValue(HttpHeaders const& headers, std::string const& name) {
  for (auto const& [key, value] : headers) {
    if (strcasecmp(key.c_str(), name.c_str()) == 0) return value;
  }
  return {};
}

bool HasHeader(HttpHeaders const& headers, std::string const& name) {
  for (auto const& [key, value] : headers) {
    if (strcasecmp(key.c_str(), name.c_str()) == 0) return true;
  }
  return false;
}

}  // namespace opentok::testing_util

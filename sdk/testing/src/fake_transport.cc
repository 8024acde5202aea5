#include "opentok/testing/fake_transport.h"

#include <stdexcept>

#include "header_names.h"

namespace opentok::testing {

FakeTransport::FakeTransport() : fallback_(JsonResponse(200, "{}")) {}

void FakeTransport::Enqueue(HttpResponse response) {
  std::lock_guard lock(mu_);
  script_.emplace_back(std::move(response));
}

void FakeTransport::Enqueue(int status, std::string json_body, HttpHeaders extra_headers) {
  Enqueue(JsonResponse(status, std::move(json_body), std::move(extra_headers)));
}

void FakeTransport::EnqueueFailure(std::exception_ptr failure) {
  if (!failure) throw std::invalid_argument("FakeTransport::EnqueueFailure: a null exception_ptr");
  std::lock_guard lock(mu_);
  script_.emplace_back(std::move(failure));
}

void FakeTransport::SetFallback(HttpResponse response) {
  std::lock_guard lock(mu_);
  fallback_ = std::move(response);
}

HttpResponse FakeTransport::Send(HttpRequest const& request) {
  std::unique_lock lock(mu_);
  requests_.push_back(request);
  Step step = next_ < script_.size() ? script_[next_++] : Step(fallback_);
  // Answered outside the lock: a throwing step must not leave the mutex held, and the
  // copy keeps the answer valid if the test enqueues concurrently.
  lock.unlock();
  if (auto* failure = std::get_if<std::exception_ptr>(&step)) std::rethrow_exception(*failure);
  return std::get<HttpResponse>(std::move(step));
}

std::vector<HttpRequest> FakeTransport::requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

std::size_t FakeTransport::request_count() const {
  std::lock_guard lock(mu_);
  return requests_.size();
}

HttpRequest FakeTransport::single_request() const {
  std::lock_guard lock(mu_);
  if (requests_.size() != 1) {
    throw std::logic_error("FakeTransport: expected exactly one request, received " +
                           std::to_string(requests_.size()));
  }
  return requests_.front();
}

std::size_t FakeTransport::pending() const {
  std::lock_guard lock(mu_);
  return script_.size() - next_;
}

HttpResponse JsonResponse(int status, std::string body, HttpHeaders extra_headers) {
  HttpResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "application/json"}};
  response.headers.insert(response.headers.end(), std::make_move_iterator(extra_headers.begin()),
                          std::make_move_iterator(extra_headers.end()));
  response.body = std::move(body);
  return response;
}

std::string HeaderValue(HttpHeaders const& headers, std::string_view name) {
  for (auto const& [key, value] : headers) {
    if (SameHeaderName(key, name)) return value;
  }
  return {};
}

}  // namespace opentok::testing

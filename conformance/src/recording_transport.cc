#include "recording_transport.h"

#include <sstream>

#include "opentok/errors.h"
#include "redaction.h"

namespace opentok::conformance {
namespace {

constexpr std::size_t kKeptExchanges = 20;

void FormatHeaders(std::ostream& os, HttpHeaders const& headers) {
  for (auto const& [name, value] : headers) {
    os << "    " << name << ": " << (IsSecretHeader(name) ? "[redacted]" : Redact(value)) << "\n";
  }
}

// A mock's control plane lives under /_mock/ on the REST API's origin.
bool IsControlPlane(std::string const& url) {
  auto scheme = url.find("://");
  auto path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return path != std::string::npos && url.compare(path, 7, "/_mock/") == 0;
}

}  // namespace

RecordingTransport::RecordingTransport(std::shared_ptr<HttpTransport> inner) : inner_(std::move(inner)) {}

HttpResponse RecordingTransport::Send(HttpRequest const& request) {
  Exchange exchange{request, {}, {}};
  {
    std::lock_guard lock(mu_);
    ++request_count_;
    if (!IsControlPlane(request.url)) ++rest_request_count_;
  }
  try {
    exchange.response = inner_->Send(request);
  } catch (TransportException const& e) {
    exchange.transport_error = e.what();
    Remember(std::move(exchange));
    throw;
  }
  HttpResponse response = exchange.response;
  Remember(std::move(exchange));
  return response;
}

void RecordingTransport::Remember(Exchange exchange) {
  std::lock_guard lock(mu_);
  exchanges_.push_back(std::move(exchange));
  if (exchanges_.size() > kKeptExchanges) exchanges_.erase(exchanges_.begin());
}

int RecordingTransport::request_count() const {
  std::lock_guard lock(mu_);
  return request_count_;
}

int RecordingTransport::rest_request_count() const {
  std::lock_guard lock(mu_);
  return rest_request_count_;
}

int RecordingTransport::last_status() const {
  std::lock_guard lock(mu_);
  return exchanges_.empty() ? 0 : exchanges_.back().response.status;
}

void RecordingTransport::Clear() {
  std::lock_guard lock(mu_);
  exchanges_.clear();
}

std::string RecordingTransport::Format() const {
  std::lock_guard lock(mu_);
  std::ostringstream os;
  for (auto const& e : exchanges_) {
    os << "  > " << ToString(e.request.method) << " " << Redact(e.request.url) << "\n";
    FormatHeaders(os, e.request.headers);
    if (!e.request.body.empty()) os << "    " << Redact(e.request.body) << "\n";
    if (!e.transport_error.empty()) {
      os << "  < no response: " << Redact(e.transport_error) << "\n";
      continue;
    }
    os << "  < " << e.response.status << "\n";
    FormatHeaders(os, e.response.headers);
    if (!e.response.body.empty()) os << "    " << Redact(e.response.body) << "\n";
  }
  return os.str();
}

}  // namespace opentok::conformance

#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace opentok {

// Root of every exception the SDK throws; one `catch (opentok::OpenTokException const&)`
// covers the whole SDK. No exception from the HTTP or JSON libraries escapes the SDK.
// Messages never contain the API secret, client tokens or auth headers.
class OpenTokException : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An argument was rejected before any network I/O (.NET: OpenTokArgumentException).
class ArgumentException : public OpenTokException {
 public:
  using OpenTokException::OpenTokException;
};

// No HTTP response was received: connection refused, DNS failure, timeout, TLS failure.
class TransportException : public OpenTokException {
 public:
  // `request_may_have_been_sent` is false only when the request surely never left the
  // client (connection refused, DNS failure, connect timeout, TLS handshake failure); a
  // custom transport that cannot tell leaves it true, the safe answer.
  explicit TransportException(std::string const& what, bool request_may_have_been_sent = true)
      : OpenTokException(what), request_may_have_been_sent_(request_may_have_been_sent) {}

  // Whether the service may have received (and acted on) the request. When false, even a
  // request that is not safe to repeat (starting an archive, a SIP dial, ...) can be retried.
  bool request_may_have_been_sent() const noexcept { return request_may_have_been_sent_; }

 private:
  bool request_may_have_been_sent_;
};

// The service answered with an error status, or with a success status whose body could
// not be understood. Carries the HTTP status, the service's numeric `code` and `message`
// (from its JSON error body, when there is one) and the raw response body.
class RequestException : public OpenTokException {
 public:
  RequestException(std::string const& what, int http_status, int error_code, std::string service_message,
                   std::string body)
      : OpenTokException(what),
        http_status_(http_status),
        error_code_(error_code),
        service_message_(std::move(service_message)),
        body_(std::move(body)) {}

  int http_status() const noexcept { return http_status_; }
  // The `code` field of the service's error body; 0 when absent.
  int error_code() const noexcept { return error_code_; }
  // The `message` field of the service's error body; empty when absent.
  std::string const& service_message() const noexcept { return service_message_; }
  // The raw response body, as received.
  std::string const& body() const noexcept { return body_; }

 private:
  int http_status_;
  int error_code_;
  std::string service_message_;
  std::string body_;
};

// 401 or 403: the API key or secret is wrong, or the auth token was rejected.
class AuthenticationException : public RequestException {
 public:
  using RequestException::RequestException;
};

// 404: the session, archive or other resource does not exist.
class NotFoundException : public RequestException {
 public:
  using RequestException::RequestException;
};

// 409: the resource is in the wrong state for the operation (e.g. the session is relayed,
// is already being archived or broadcast, or the archive is not recording). Also 405,
// which the service answers to Add/RemoveStreamTo/From{Archive,Broadcast} while the
// archive's or broadcast's stream mode is auto (http_status() tells the two apart).
class ConflictException : public RequestException {
 public:
  using RequestException::RequestException;
};

// A 2xx response whose body is not what the API documents (garbage, empty, wrong shape).
class InvalidResponseException : public RequestException {
 public:
  using RequestException::RequestException;
};

}  // namespace opentok

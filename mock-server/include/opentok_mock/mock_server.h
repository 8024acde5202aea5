#pragma once

#include <chrono>
#include <cstddef>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "opentok_mock/callbacks.h"
#include "opentok_mock/faults.h"
#include "opentok_mock/model.h"
#include "opentok_mock/service.h"

namespace opentok_mock {

// HTTPS instead of HTTP (docs/tls.md). Off unless cert_file, self_signed or ca_out_file is set.
struct MockTlsOptions {
  // PEM files: the server certificate (with any intermediate certificates after it) and its
  // unencrypted private key. Both or neither; an unreadable or mismatched file is
  // std::invalid_argument naming the file.
  std::string cert_file;
  std::string key_file;
  // Without cert_file: a CA and a server certificate it signs for IP 127.0.0.1, IP ::1 and
  // DNS localhost are generated at startup; MockServer::ca_pem() is the CA to trust.
  bool self_signed = false;
  // The generated CA certificate (PEM) is also written to this file before the server
  // accepts connections. Implies self_signed; with cert_file it is std::invalid_argument
  // (the mock has no CA then: the certificate's issuer is whoever made it).
  std::string ca_out_file;

  bool enabled() const { return self_signed || !cert_file.empty() || !ca_out_file.empty(); }
};

struct MockServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: an ephemeral port
  // Worker threads: how many handlers run at once. Connections waiting for a request hold
  // none (one I/O thread watches them), but a long POST /_mock/callbacks/wait holds one for
  // its timeout. Workers start as requests need them; the binary's default is 96.
  int threads = 16;
  // Projects to register; with none, one project with generated credentials is created.
  std::vector<ProjectCredentials> projects;
  // Vonage applications to register ({id, public key PEM}; `private_key_pem` is ignored). An
  // empty id or key is generated, and a generated key pair's private key is in
  // MockServer::applications().
  std::vector<ApplicationCredentials> applications;
  // The default project's callback URL for every group (archive, broadcast, render,
  // captions, sessionMonitoring, sip); empty: none. An invalid URL is std::invalid_argument.
  std::string callback_url;
  // A state snapshot (GET /_mock/state, MockService::ExportState) to load at start; it
  // replaces everything the options above registered (docs/state-snapshots.md). Then
  // default_project() is the snapshot's first project by key and applications() lists its
  // applications without private keys. Unreadable or refused: std::invalid_argument.
  std::string state_file;
  ServiceOptions service;
  // Callback (webhook) delivery: attempts, timeouts, backoff, the hosts allowed besides
  // loopback, the delivery log's size (callbacks.h).
  CallbackOptions callbacks;
  // An Audio Connector WebSocket whose opening handshake has not completed by then fails and
  // its call ends (the service's limit is 6 s; tests shorten it).
  std::chrono::milliseconds audio_connector_handshake_timeout{6000};
  std::size_t payload_max_bytes = 1 << 20;  // larger bodies get 413
  std::time_t keep_alive_timeout_s = 2;     // idle keep-alive connections close after this
  std::size_t keep_alive_max_count = 100'000;
  // Open connections served at once; beyond, a connection gets 503 with a JSON error and is
  // closed. 0: what the file-descriptor limit allows (RLIMIT_NOFILE less 256).
  std::size_t max_connections = 0;
  // A request whose headers and body have not all arrived this long after its first byte
  // is answered 408 with a JSON error and its connection closed.
  std::chrono::milliseconds request_timeout{5000};
  // HTTPS: a TLS handshake not done within request_timeout closes the connection.
  MockTlsOptions tls;
};

// The mock OpenTok service on a loopback HTTP port, for the duration of a scope:
//
//   opentok_mock::MockServer server;                 // 127.0.0.1, ephemeral port, one project
//   opentok::OpenTok ot(server.default_project().api_key, server.default_project().api_secret,
//                       server.url());
//   server.service().AdvanceClock(std::chrono::seconds(10));
//
// The constructor returns once the server accepts requests and throws std::runtime_error
// if it cannot bind, std::invalid_argument for a bad project or application. The destructor stops the
// server and joins its threads (in-flight requests finish first).
class MockServer {
 public:
  MockServer();
  explicit MockServer(MockServerOptions options);
  ~MockServer();
  MockServer(MockServer const&) = delete;
  MockServer& operator=(MockServer const&) = delete;

  // "http://127.0.0.1:PORT", or "https://127.0.0.1:PORT" with TLS (archive download and HLS
  // URLs the mock makes start with it too).
  std::string const& url() const;
  // With TLS in the self-signed mode: the CA certificate (PEM) a client trusts
  // (opentok::ClientOptions::ca_file wants it in a file: MockTlsOptions::ca_out_file).
  // Empty otherwise.
  std::string const& ca_pem() const;
  int port() const;
  std::string const& host() const;
  // The first configured project (or the generated one).
  ProjectCredentials const& default_project() const;
  // The configured applications as registered (with the private keys the mock generated).
  std::vector<ApplicationCredentials> const& applications() const;
  // The core: clock, simulated clients, state, journal.
  MockService& service();
  // Fault scripts and rate limits for the REST routes (faults.h, docs/fault-injection.md);
  // the same injector as /_mock/faults and /_mock/rate-limits.
  FaultInjector& faults();

  // Callbacks. Every service event goes, in order, to each sink (on the dispatcher's thread,
  // with the JSON body its callback would carry, whether or not it has a callback URL).
  void AddCallbackSink(CallbackSink sink);
  // Blocks until every event emitted so far has been through the sinks and its callbacks
  // have been delivered, given up or refused; false if `timeout` passed first.
  bool WaitForCallbacks(std::chrono::milliseconds timeout);
  // The delivery log, oldest first (POST /_mock/reset clears it).
  std::vector<CallbackAttempt> CallbackLog() const;

  // Stops serving; idempotent (the destructor calls it).
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace opentok_mock

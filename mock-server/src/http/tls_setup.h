#pragma once

// MockTlsOptions (opentok_mock/mock_server.h) made into the serving layer's TLS context:
// the PEM files read, or the self-signed mode's certificates generated and its CA written.

#include <memory>
#include <string>

#include "opentok_mock/mock_server.h"
#include "serving/tls.h"

namespace opentok_mock::http {

struct TlsSetup {
  std::shared_ptr<serving::TlsContext const> context;  // null: TLS is off
  std::string ca_pem;                                   // the self-signed mode's CA
};

// Throws std::invalid_argument for contradictory options or a bad file (named; its content
// never), std::runtime_error when the CA file cannot be written.
TlsSetup MakeTlsSetup(MockTlsOptions const& options);

}  // namespace opentok_mock::http

#pragma once

#include <string>

#include "opentok/http_transport.h"
#include "rest_client.h"

namespace opentok::conformance {

// Vonage application credentials for the suite: read from the environment, or made by a
// mock's control plane. (ControlPlane covers projects; applications live here so the two
// can evolve apart.)

// Reads OPENTOK_PRIVATE_KEY's file and checks it holds an RSA private key. Throws
// std::runtime_error naming the variable and what is wrong (never the key itself).
Credentials ApplicationFromFile(std::string const& application_id, std::string const& private_key_path);

// POST /_mock/applications {}: the mock generates the key pair and hands out the private
// key, a fresh application nobody else uses. Throws std::runtime_error unless 201.
Credentials CreateMockApplication(HttpTransport& transport, std::string const& base_url);

// POST /_mock/applications {applicationId, publicKey}: makes the mock know an application
// the suite was given. 409 (already known, e.g. from --application) is fine; anything
// else but 201 throws.
void RegisterMockApplication(HttpTransport& transport, std::string const& base_url, Credentials const& application);

// The same id with a credential that is not its own: the secret with a suffix, or a fresh
// RSA private key. What the endpoint must refuse as "signed by someone else".
Credentials WithWrongCredential(Credentials const& credentials);

}  // namespace opentok::conformance

// OpenTok facade: construction (argument checks, the credentials, defaults for the injected
// clock, random source and transport) and accessors. The operations live in one .cc per
// family: sessions.cc, tokens.cc, archives.cc, broadcasts.cc, streams.cc, ...
#include "opentok/opentok.h"

#include <charconv>

#include "internal/application_key.h"
#include "internal/httplib_transport.h"
#include "internal/opentok_impl.h"
#include "internal/private_key_source.h"
#include "internal/project_secret.h"
#include "internal/system_sources.h"
#include "internal/url.h"

namespace opentok {
namespace {

std::int64_t ParseApiKey(std::string_view text) {
  std::int64_t key = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), key);
  bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits_only || ec != std::errc{} || end != text.data() + text.size()) {
    throw ArgumentException("api_key must be a positive decimal number");
  }
  return key;
}

// The injected clock and random source, or the system ones.
struct Sources {
  std::shared_ptr<Clock> clock;
  std::shared_ptr<RandomSource> random;
};

Sources MakeSources(ClientOptions const& options) {
  return {options.clock ? options.clock : internal::MakeSystemClock(),
          options.random ? options.random : internal::MakeSystemRandom()};
}

// Everything but the credentials is the same for projects and applications.
internal::ClientState MakeClientState(std::shared_ptr<internal::Credentials const> credentials,
                                      Sources const& sources, ClientOptions const& options) {
  auto api_url = internal::NormalizeApiUrl(options.api_url);
  if (!api_url) throw ArgumentException("api_url must be an http:// or https:// URL without query or fragment");
  std::shared_ptr<HttpTransport> transport = options.transport;
  if (!transport) transport = std::make_shared<internal::HttplibTransport>(internal::MakeTransportSettings(options));
  return internal::ClientState{
      .api_key = 0,
      .api_secret = {},
      .application_id = {},
      .credentials = credentials,
      .api_url = *api_url,
      .token_format = options.token_format,
      .tokens = internal::TokenGenerator(credentials, sources.clock),
      .rest = internal::RestConnection(
          *api_url, credentials, internal::MakeUserAgent(options.user_agent_suffix), std::move(transport),
          internal::MakeRetrySettings(options.retry, sources.clock, sources.random, options.sleeper)),
  };
}

internal::ClientState MakeProjectState(std::int64_t api_key, std::string api_secret, ClientOptions const& options) {
  if (api_key <= 0) throw ArgumentException("api_key must be a positive number");
  if (api_secret.empty()) throw ArgumentException("api_secret must not be empty");
  Sources sources = MakeSources(options);
  auto credentials =
      std::make_shared<internal::ProjectSecret const>(std::to_string(api_key), api_secret, sources.clock, sources.random);
  internal::ClientState state = MakeClientState(std::move(credentials), sources, options);
  state.api_key = api_key;
  state.api_secret = std::move(api_secret);
  return state;
}

internal::ClientState MakeApplicationState(ApplicationCredentials credentials, ClientOptions options) {
  if (!internal::IsApplicationId(credentials.application_id)) {
    throw ArgumentException("application_id must be a UUID (8-4-4-4-12 hexadecimal digits)");
  }
  if (options.token_format == TokenFormat::kT1) {
    throw ArgumentException("token_format kT1 is not available with application credentials (JWT only)");
  }
  // The project default is not an application's host; an explicitly chosen URL is kept.
  if (options.api_url == kDefaultApiUrl) options.api_url = kVonageApiUrl;
  Sources sources = MakeSources(options);
  auto key = std::make_shared<internal::ApplicationKey const>(
      credentials.application_id, internal::LoadPrivateKey(credentials.private_key), sources.clock, sources.random);
  internal::ClientState state = MakeClientState(std::move(key), sources, options);
  state.application_id = std::move(credentials.application_id);
  return state;
}

ClientOptions WithUrl(std::string api_url) {
  ClientOptions options;
  options.api_url = std::move(api_url);
  return options;
}

}  // namespace

OpenTok::OpenTok(std::int64_t api_key, std::string api_secret)
    : OpenTok(api_key, std::move(api_secret), ClientOptions{}) {}

OpenTok::OpenTok(std::int64_t api_key, std::string api_secret, std::string api_url)
    : OpenTok(api_key, std::move(api_secret), WithUrl(std::move(api_url))) {}

OpenTok::OpenTok(std::int64_t api_key, std::string api_secret, ClientOptions options)
    : impl_(std::make_shared<Impl const>(Impl{MakeProjectState(api_key, std::move(api_secret), options)})) {}

OpenTok::OpenTok(std::string_view api_key, std::string api_secret)
    : OpenTok(ParseApiKey(api_key), std::move(api_secret), ClientOptions{}) {}

OpenTok::OpenTok(std::string_view api_key, std::string api_secret, std::string api_url)
    : OpenTok(ParseApiKey(api_key), std::move(api_secret), WithUrl(std::move(api_url))) {}

OpenTok::OpenTok(std::string_view api_key, std::string api_secret, ClientOptions options)
    : OpenTok(ParseApiKey(api_key), std::move(api_secret), std::move(options)) {}

OpenTok::OpenTok(ApplicationCredentials credentials) : OpenTok(std::move(credentials), ClientOptions{}) {}

OpenTok::OpenTok(ApplicationCredentials credentials, std::string api_url)
    : OpenTok(std::move(credentials), WithUrl(std::move(api_url))) {}

OpenTok::OpenTok(ApplicationCredentials credentials, ClientOptions options)
    : impl_(std::make_shared<Impl const>(Impl{MakeApplicationState(std::move(credentials), std::move(options))})) {}

OpenTok::~OpenTok() = default;
OpenTok::OpenTok(OpenTok const&) = default;
OpenTok& OpenTok::operator=(OpenTok const&) = default;
// Moves share instead of stealing (a shared_ptr copy cannot throw), so a moved-from
// OpenTok stays fully usable rather than holding a null state.
OpenTok::OpenTok(OpenTok&& other) noexcept : impl_(other.impl_) {}
OpenTok& OpenTok::operator=(OpenTok&& other) noexcept {
  impl_ = other.impl_;
  return *this;
}

std::int64_t OpenTok::api_key() const noexcept { return impl_->api_key; }
std::string const& OpenTok::api_secret() const noexcept { return impl_->api_secret; }
std::string const& OpenTok::application_id() const noexcept { return impl_->application_id; }
std::string const& OpenTok::project_id() const noexcept { return impl_->credentials->project_id(); }
std::string const& OpenTok::api_url() const noexcept { return impl_->api_url; }

}  // namespace opentok

// OpenTok facade: construction (argument checks, defaults for the injected clock, random
// source and transport) and accessors. The operations live in one .cc per family:
// sessions.cc, tokens.cc, archives.cc, broadcasts.cc, streams.cc.
#include "opentok/opentok.h"

#include <charconv>

#include "internal/httplib_transport.h"
#include "internal/opentok_impl.h"
#include "internal/system_sources.h"
#include "internal/url.h"
#include "opentok_common/hmac.h"

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

internal::ClientState MakeClientState(std::int64_t api_key, std::string api_secret, ClientOptions options) {
  if (api_key <= 0) throw ArgumentException("api_key must be a positive number");
  if (api_secret.empty()) throw ArgumentException("api_secret must not be empty");
  auto api_url = internal::NormalizeApiUrl(options.api_url);
  if (!api_url) throw ArgumentException("api_url must be an http:// or https:// URL without query or fragment");

  std::shared_ptr<Clock> clock = options.clock ? options.clock : internal::MakeSystemClock();
  std::shared_ptr<RandomSource> random = options.random ? options.random : internal::MakeSystemRandom();
  std::shared_ptr<HttpTransport> transport = options.transport;
  if (!transport) transport = std::make_shared<internal::HttplibTransport>(internal::MakeTransportSettings(options));

  std::string key_text = std::to_string(api_key);
  // One keyed HMAC-SHA256 serves both JWT client tokens and the REST auth header.
  auto hs256 = std::make_shared<common::HmacSigner const>(common::HmacAlgorithm::kSha256, api_secret);
  internal::RestAuth auth(key_text, hs256, clock, random);
  return internal::ClientState{
      .api_key = api_key,
      .api_secret = api_secret,
      .api_url = *api_url,
      .token_format = options.token_format,
      .tokens = internal::TokenGenerator(key_text, hs256, api_secret, clock, random),
      .rest = internal::RestConnection(*api_url, key_text, internal::MakeUserAgent(options.user_agent_suffix),
                                       std::move(auth), std::move(transport)),
  };
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
    : impl_(std::make_shared<Impl const>(Impl{MakeClientState(api_key, std::move(api_secret), std::move(options))})) {}

OpenTok::OpenTok(std::string_view api_key, std::string api_secret)
    : OpenTok(ParseApiKey(api_key), std::move(api_secret), ClientOptions{}) {}

OpenTok::OpenTok(std::string_view api_key, std::string api_secret, std::string api_url)
    : OpenTok(ParseApiKey(api_key), std::move(api_secret), WithUrl(std::move(api_url))) {}

OpenTok::OpenTok(std::string_view api_key, std::string api_secret, ClientOptions options)
    : OpenTok(ParseApiKey(api_key), std::move(api_secret), std::move(options)) {}

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
std::string const& OpenTok::api_url() const noexcept { return impl_->api_url; }

}  // namespace opentok

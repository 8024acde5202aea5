// OpenTok::GenerateToken: client tokens, no network.
#include "internal/opentok_impl.h"
#include "opentok/opentok.h"

namespace opentok {

std::string OpenTok::GenerateToken(std::string const& session_id, Role role, std::int64_t expire_time,
                                   std::string const& data,
                                   std::vector<std::string> const& initial_layout_class_list) const {
  return impl_->tokens.Generate(session_id, role, expire_time, data, initial_layout_class_list, impl_->token_format);
}

std::string OpenTok::GenerateToken(std::string const& session_id, TokenOptions const& options) const {
  return impl_->tokens.Generate(session_id, options.role, options.expire_time, options.data,
                                options.initial_layout_class_list, options.format.value_or(impl_->token_format));
}

}  // namespace opentok

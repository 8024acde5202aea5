// Live captions: one per session, `started` from the start on, stopped by the user or at
// their maxDuration on the mock clock, failed by the control plane (kCaptionsTransitions).
// The mock transcribes nothing; the status is what a test can watch.

#include <algorithm>

#include "opentok_common/api_rules.h"
#include "opentok_mock/errors.h"
#include "request_rules.h"
#include "service_impl.h"

namespace opentok_mock {
namespace {

namespace rules = opentok::common::rules;

// A BCP-47 tag's shape: a 2-3 letter language, then subtags of 2-8 letters or digits
// ("en-US", "pt-BR", "zh-Hant-TW"). Which languages the service supports is its business.
bool IsLanguageTag(std::string_view tag) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  while (i < tag.size() && alpha(tag[i])) ++i;
  if (i < 2 || i > 3) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    std::size_t start = ++i;
    while (i < tag.size() && (alpha(tag[i]) || digit(tag[i]))) ++i;
    if (i - start < 2 || i - start > 8) return false;
  }
  return true;
}

std::optional<Error> ValidateStart(StartCaptionsRequest const& request) {
  if (request.session_id.empty()) return errors::BadRequest("Bad request. The sessionId is missing.");
  if (request.token.empty()) return errors::TokenMissing();
  if (!request.language_code.empty() && !IsLanguageTag(request.language_code)) {
    return errors::BadRequest("Bad request. Invalid languageCode '" + request.language_code +
                              "': use a language tag such as en-US.");
  }
  if (request.max_duration_s && !rules::kCaptionsMaxDuration.Contains(*request.max_duration_s)) {
    return errors::BadRequest("Bad request. maxDuration must be between " +
                              std::to_string(rules::kCaptionsMaxDuration.min) + " and " +
                              std::to_string(rules::kCaptionsMaxDuration.max) + " seconds.");
  }
  return ValidateStatusCallbackUrl(request.status_callback_url);
}

std::int64_t RoundedSeconds(std::int64_t ms) { return (ms + 500) / 1000; }

}  // namespace

// ---------------------------------------------------------------------------------------
// The lifecycle engine

bool MockService::Impl::Apply(CaptionsRecord& captions, CaptionsEvent event, std::int64_t at_ms) {
  auto transition = FindCaptionsTransition(captions.view.status, event);
  if (!transition) return false;
  auto& view = captions.view;
  bool const was_started = view.status == CaptionsStatus::kStarted;
  view.status = transition->to;
  view.reason = std::string(transition->reason);
  view.updated_at_ms = at_ms;
  ++captions.epoch;
  if (was_started && view.status != CaptionsStatus::kStarted) {
    view.duration_s = RoundedSeconds(at_ms - view.created_at_ms);
    if (captions.session->captioning == &captions) captions.session->captioning = nullptr;
  }
  EmitServiceEvent(view.api_key, at_ms, View(captions, at_ms), {view.status_callback_url});
  return true;
}

void MockService::Impl::HandleCaptionsTimer(Timer const& timer) {
  auto it = captions.find(timer.target);
  if (it == captions.end() || it->second->epoch != timer.epoch) return;
  Apply(*it->second, CaptionsEvent::kMaxDuration, timer.due_ms);
}

Captions MockService::Impl::View(CaptionsRecord const& record, std::int64_t now_ms) const {
  Captions view = record.view;
  if (view.status == CaptionsStatus::kStarted) view.duration_s = RoundedSeconds(now_ms - view.created_at_ms);
  return view;
}

// ---------------------------------------------------------------------------------------
// Public captions operations

Result<Captions> MockService::StartCaptions(std::string_view api_key, StartCaptionsRequest const& request) {
  if (auto error = ValidateStart(request)) return *error;
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  if (impl_->FindProject(api_key) == nullptr) return errors::ProjectNotFound();
  auto session = impl_->SessionForStart(api_key, request.session_id);
  if (!session) return session.error();
  auto claims = impl_->VerifyTokenFor(**session, request.token, now);
  if (!claims) return claims.error();
  if ((*session)->view.settings.media_mode != MediaMode::kRouted) return errors::RelayedSessionCaptions();
  if ((*session)->captioning != nullptr) return errors::CaptionsAlreadyEnabled();

  auto record = std::make_unique<CaptionsRecord>();
  record->sequence = ++impl_->media_sequence;
  record->session = *session;
  auto& view = record->view;
  view.id = impl_->ids.Uuid();
  view.session_id = request.session_id;
  view.api_key = std::string(api_key);
  view.status = CaptionsStatus::kStarted;
  view.created_at_ms = view.updated_at_ms = now;
  view.language_code =
      request.language_code.empty() ? std::string(rules::kDefaultCaptionsLanguageCode) : request.language_code;
  view.max_duration_s = request.max_duration_s.value_or(rules::kDefaultCaptionsMaxDuration);
  view.partial_captions = request.partial_captions;
  view.status_callback_url = request.status_callback_url;

  CaptionsRecord& captions = *record;
  impl_->captions.emplace(view.id, std::move(record));
  (*session)->captioning = &captions;
  impl_->Schedule(TimerKind::kCaptionsMaxDuration, view.id, captions.epoch, now + view.max_duration_s * 1000);
  impl_->EmitServiceEvent(view.api_key, now, impl_->View(captions, now), {view.status_callback_url});
  return impl_->View(captions, now);
}

Status MockService::StopCaptions(std::string_view api_key, std::string_view captions_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto it = impl_->captions.find(captions_id);
  if (it == impl_->captions.end() || it->second->view.api_key != api_key ||
      !impl_->Apply(*it->second, CaptionsEvent::kUserStop, now)) {
    return errors::CaptionsNotFoundOrStopped();
  }
  return Ok{};
}

Result<Captions> MockService::GetCaptions(std::string_view api_key, std::string_view captions_id) {
  auto lock = impl_->ReadLock();
  auto it = impl_->captions.find(captions_id);
  if (it == impl_->captions.end() || it->second->view.api_key != api_key) return errors::CaptionsNotFound();
  return impl_->View(*it->second, impl_->clock.NowMs());
}

std::vector<Captions> MockService::AllCaptions(std::string_view api_key) {
  auto lock = impl_->ReadLock();
  std::vector<CaptionsRecord const*> records;
  for (auto const& [id, captions] : impl_->captions) {
    if (api_key.empty() || captions->view.api_key == api_key) records.push_back(captions.get());
  }
  std::sort(records.begin(), records.end(), [](auto const* a, auto const* b) { return a->sequence > b->sequence; });
  std::vector<Captions> out;
  out.reserve(records.size());
  auto now = impl_->clock.NowMs();
  for (auto const* captions : records) out.push_back(impl_->View(*captions, now));
  return out;
}

Result<Captions> MockService::FindCaptions(std::string_view captions_id) {
  auto lock = impl_->ReadLock();
  auto it = impl_->captions.find(captions_id);
  if (it == impl_->captions.end()) return errors::CaptionsNotFound();
  return impl_->View(*it->second, impl_->clock.NowMs());
}

Result<Captions> MockService::FailCaptions(std::string_view captions_id) {
  std::int64_t now = 0;
  auto lock = impl_->WriteLock(now);
  auto it = impl_->captions.find(captions_id);
  if (it == impl_->captions.end()) return errors::CaptionsNotFound();
  if (!impl_->Apply(*it->second, CaptionsEvent::kSystemFailure, now)) {
    return errors::Conflict(-1, "Conflict. Only started captions can fail.");
  }
  return impl_->View(*it->second, now);
}

}  // namespace opentok_mock

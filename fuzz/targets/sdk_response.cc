// The SDK's response decoding: every family's decoder (sessions, archives, broadcasts,
// streams, connections, SIP, renders, captions, Audio Connector), the error-body reader
// behind the status exceptions, and ParseCallback for webhook bodies.
//
// Input: a decoder byte, a status byte, a Content-Type byte, then the body.
// Invariant: a decoder returns or throws an opentok::OpenTokException (the SDK's documented
// failures); any other exception escapes and aborts the run.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.h"
#include "internal/audio_connector_codec.h"
#include "internal/broadcast_codec.h"
#include "internal/captions_codec.h"
#include "internal/error_mapping.h"
#include "internal/json_codec.h"
#include "internal/moderation_codec.h"
#include "internal/render_codec.h"
#include "internal/sip_codec.h"
#include "internal/stream_codec.h"
#include "opentok/callbacks.h"
#include "opentok/errors.h"

namespace {

namespace internal = opentok::internal;

// Mostly 200 (the decoders are the larger part); the rest spread over other answers.
constexpr int kStatuses[] = {201, 204, 400, 403, 404, 405, 409, 500};
constexpr char const* kContentTypes[] = {"application/json", "application/json; charset=utf-8", "text/xml",
                                         "application/xml", nullptr};

opentok::HttpResponse ResponseOf(opentok_fuzz::FuzzInput& input) {
  opentok::HttpResponse response;
  auto status = input.Byte();
  response.status = status < 160 ? 200 : kStatuses[status % std::size(kStatuses)];
  if (auto const* type = kContentTypes[input.Byte() % std::size(kContentTypes)]) {
    response.headers.emplace_back("Content-Type", type);
  }
  response.body = input.Rest();
  return response;
}

void Decode(std::uint8_t decoder, opentok::HttpResponse const& response) {
  constexpr std::string_view op = "fuzz";
  // An error status goes where the SDK sends it: the status exceptions, which read the body.
  if (!internal::IsSuccess(response.status)) {
    (void)internal::ParseServiceError(response);
    internal::ThrowForStatus(op, response);
  }
  switch (decoder % 17) {
    case 0: (void)internal::DecodeCreatedSessionId(op, response); break;
    case 1: (void)internal::DecodeArchive(op, response); break;
    case 2: (void)internal::DecodeArchiveList(op, response); break;
    case 3: (void)internal::DecodeBroadcast(op, response); break;
    case 4: (void)internal::DecodeBroadcastList(op, response); break;
    case 5: (void)internal::DecodeStream(op, response); break;
    case 6: (void)internal::DecodeStreamList(op, response); break;
    case 7: (void)internal::DecodeConnectionList(op, response); break;
    case 8: (void)internal::DecodeSipCall(op, response); break;
    case 9: (void)internal::DecodeRender(op, response); break;
    case 10: (void)internal::DecodeRenderList(op, response); break;
    case 11: (void)internal::DecodeCaptionsId(op, response); break;
    case 12: (void)internal::DecodeLiveCaptions(op, response); break;
    case 13: (void)internal::DecodeAudioConnector(op, response); break;
    case 14: (void)opentok::ParseCallback(response.body); break;
    case 15: (void)internal::ParseServiceError(response); break;
    default: (void)internal::ExtractXmlElement(response.body, "session_id"); break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  opentok_fuzz::FuzzInput input(data, size);
  auto decoder = input.Byte();
  auto response = ResponseOf(input);
  try {
    Decode(decoder, response);
  } catch (opentok::OpenTokException const&) {
    // The documented outcome for a body the SDK cannot read, or an error status.
  }
  return 0;
}

// The mock's request body and query readers (src/http/request_parsers.*, http_util's
// ParseJsonObject/JsonFields/ParseQuery) and the form and percent-encoding codec under them
// (opentok_common/url.h).
//
// Input: a reader byte, then the body (or the query string, or the text).
// Invariants: a reader either accepts or answers a 4xx whose error body (SendError, what the
// mock serves) is valid UTF-8 JSON; nothing throws; the form and percent codecs round-trip;
// HasBadPercentEncoding is exactly PercentDecode's failure.

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "checks.h"
#include "fuzz_input.h"
#include "http_util.h"
#include "opentok_common/url.h"
#include "request_parsers.h"

namespace {

namespace http = opentok_mock::http;
using opentok_fuzz::Check;

template <typename T>
void CheckAnswer(opentok_mock::Result<T> const& result, std::string_view input) {
  if (result) return;
  auto const& error = result.error();
  Check(error.http_status >= 400 && error.http_status < 500, "a reader failed with a status that is not 4xx", input);
  httplib::Response res;
  http::SendError(res, error);
  opentok_fuzz::CheckJsonBody(res.body, "the error body of a reader");
}

// Reads every member of `object` with the typed getter `selector` picks, as route handlers
// do, then Finish() (the unknown-member check).
void ReadFields(nlohmann::json const& object, std::uint8_t selector, std::string_view input) {
  http::JsonFields fields(object, "item.");
  unsigned pick = selector;
  for (auto const& [key, value] : object.items()) {
    (void)value;
    auto const* name = key.c_str();
    switch (pick++ % 9) {
      case 0: (void)fields.String(name); break;
      case 1: (void)fields.StringOrInteger(name); break;
      case 2: (void)fields.Bool(name); break;
      case 3: (void)fields.BoolOrString(name); break;
      case 4: (void)fields.Integer(name); break;
      case 5: (void)fields.Number(name); break;
      case 6: (void)fields.Object(name); break;
      case 7: (void)fields.Array(name); break;
      default: (void)fields.IntegerAnyOf({name, "maxDuration"}); break;
    }
  }
  (void)fields.StringAnyOf({"screenshareType", "screensharetype"});
  if (auto error = fields.Finish()) CheckAnswer(opentok_mock::Result<int>(*error), input);
}

void ReadJson(std::string const& body, std::uint8_t selector) {
  auto json = http::ParseJsonObject(body, selector & 1);
  CheckAnswer(json, body);
  if (!json) return;
  Check(json->is_object(), "ParseJsonObject accepted something that is not an object", body);
  ReadFields(*json, selector >> 1, body);
  CheckAnswer(http::ParseLayout(*json, "layout."), body);
  for (auto const& [key, value] : json->items()) {
    (void)key;
    CheckAnswer(http::ParseClassList(value, "items[0]."), body);
  }
}

void ReadQuery(std::string_view query) {
  httplib::Request req;
  req.target = "/v2/project/1/archive?" + std::string(query);
  CheckAnswer(http::ParseQuery(req), query);
  auto list = http::ParseListQuery(req);
  CheckAnswer(list, query);
  if (list) Check(list->offset >= 0 && list->count >= 0, "a list query read a negative offset or count", query);
}

void RoundTripForm(std::string_view body) {
  auto fields = opentok::common::ParseForm(body);
  if (!fields) return;
  auto again = opentok::common::ParseForm(opentok::common::FormEncode(*fields));
  Check(again.has_value(), "an encoded form does not parse", body);
  Check(*again == *fields, "a form does not round-trip", body);
}

void RoundTripPercent(std::string_view text) {
  for (bool plus_is_space : {false, true}) {
    auto decoded = opentok::common::PercentDecode(text, plus_is_space);
    Check(decoded.has_value() == !http::HasBadPercentEncoding(text),
          "HasBadPercentEncoding disagrees with PercentDecode", text);
  }
  auto encoded = opentok::common::PercentEncode(text);
  auto decoded = opentok::common::PercentDecode(encoded, false);
  Check(decoded && *decoded == text, "percent-encoding does not round-trip", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  opentok_fuzz::FuzzInput input(data, size);
  auto reader = input.Byte();
  std::string text(input.Rest());
  switch (reader % 6) {
    case 0: CheckAnswer(http::ParseLayoutBody(text), text); break;
    case 1: CheckAnswer(http::ParseSelectionChangeBody(text), text); break;
    case 2: ReadJson(text, reader / 6); break;
    case 3: ReadQuery(text); break;
    case 4: RoundTripForm(text); break;
    default: RoundTripPercent(text); break;
  }
  return 0;
}

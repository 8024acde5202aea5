#pragma once

// GoogleMock matchers for what code under test sends through a FakeTransport and for the
// exceptions the SDK throws. Only this header of opentok::testing needs GoogleTest.
//
//   EXPECT_THAT(transport->single_request(),
//               AllOf(HasMethodAndPath(HttpMethod::kPost, "/v2/project/123456/archive"),
//                     HasJsonBodyField("/name", R"("weekly")")));
//   EXPECT_THAT([&] { client.GetArchive("x"); },
//               ::testing::Throws<opentok::NotFoundException>(IsRequestException(404, 15204)));
//
// Inside namespace opentok, `testing::` names this namespace; name GoogleTest's as
// `::testing::`.

#include <gmock/gmock.h>

#include <ostream>
#include <string>

#include "opentok/errors.h"
#include "opentok/http_transport.h"

namespace opentok {

// Prints a request readably in GoogleTest messages ("POST https://... headers {...} body
// ..."); the X-OPENTOK-AUTH and Authorization values are elided, as the SDK never shows
// credentials. Found by argument-dependent lookup wherever this header is included.
void PrintTo(HttpRequest const& request, std::ostream* os);

namespace testing {

using RequestMatcher = ::testing::Matcher<HttpRequest const&>;

// The method and the URL's path: what follows the scheme and host, without the query,
// e.g. HasMethodAndPath(HttpMethod::kGet, "/v2/project/123456/archive").
RequestMatcher HasMethodAndPath(HttpMethod method, std::string path);
// The method and the whole URL, query included.
RequestMatcher HasMethodAndUrl(HttpMethod method, std::string url);

// A header named `name` (case-insensitive), optionally with a value that `value` matches.
RequestMatcher HasHeader(std::string name);
RequestMatcher HasHeader(std::string name, ::testing::Matcher<std::string const&> value);

// The body is JSON equal to `expected_json` as a value (member order and whitespace do
// not matter).
RequestMatcher HasJsonBody(std::string expected_json);
// The body is a JSON object with `field` equal to the JSON value `expected_json`, e.g.
// HasJsonBodyField("/hasVideo", "false"), HasJsonBodyField("/layout/type", R"("bestFit")").
// `field` is a JSON pointer ("/a/b/0") or, without a leading '/', a top-level member name.
RequestMatcher HasJsonBodyField(std::string field, std::string expected_json);
// As above, for a string member whose text `value` matches, e.g. HasSubstr("demo").
RequestMatcher HasJsonBodyString(std::string field, ::testing::Matcher<std::string const&> value);
// The body is JSON without `field` (the SDK leaves unset options out).
RequestMatcher LacksJsonBodyField(std::string field);
// No body at all (GET, DELETE and bodiless POSTs).
RequestMatcher HasEmptyBody();

// An opentok::RequestException (or a subclass: NotFoundException, ConflictException, ...)
// with this HTTP status and, when given, this service error code (the `code` of the JSON
// error body; 0 when the body had none). Use it with ::testing::Throws<E>(...) or on a
// caught exception.
::testing::Matcher<RequestException const&> IsRequestException(int http_status);
::testing::Matcher<RequestException const&> IsRequestException(int http_status, int error_code);

}  // namespace testing
}  // namespace opentok

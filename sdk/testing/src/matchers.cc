#include "opentok/testing/matchers.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "header_names.h"

namespace opentok {

void PrintTo(HttpRequest const& request, std::ostream* os) {
  *os << ToString(request.method) << ' ' << request.url << " headers {";
  char const* separator = "";
  for (auto const& [name, value] : request.headers) {
    bool const secret = testing::SameHeaderName(name, "X-OPENTOK-AUTH") || testing::SameHeaderName(name, "Authorization");
    *os << separator << name << ": " << (secret ? "<elided>" : value);
    separator = ", ";
  }
  *os << "} body " << (request.body.empty() ? "(empty)" : request.body);
}

namespace testing {
namespace {

using ::testing::MatchResultListener;
using Json = nlohmann::json;

// Every request matcher here is a predicate plus its two descriptions; one class carries
// them instead of a MatcherInterface subclass per matcher.
class RequestPredicate final : public ::testing::MatcherInterface<HttpRequest const&> {
 public:
  using Check = std::function<bool(HttpRequest const&, MatchResultListener*)>;

  RequestPredicate(std::string description, std::string negation, Check check)
      : description_(std::move(description)), negation_(std::move(negation)), check_(std::move(check)) {}

  bool MatchAndExplain(HttpRequest const& request, MatchResultListener* listener) const override {
    return check_(request, listener);
  }
  void DescribeTo(std::ostream* os) const override { *os << description_; }
  void DescribeNegationTo(std::ostream* os) const override { *os << negation_; }

 private:
  std::string description_;
  std::string negation_;
  Check check_;
};

RequestMatcher MakeRequestMatcher(std::string description, std::string negation, RequestPredicate::Check check) {
  return ::testing::MakeMatcher(new RequestPredicate(std::move(description), std::move(negation), std::move(check)));
}

std::string Describe(::testing::Matcher<std::string const&> const& matcher) {
  std::ostringstream os;
  matcher.DescribeTo(&os);
  return os.str();
}

// The path of an absolute URL: from the first '/' after "scheme://host" to the query.
std::string PathOf(std::string const& url) {
  auto const authority = url.find("://");
  auto const path_start = url.find('/', authority == std::string::npos ? 0 : authority + 3);
  if (path_start == std::string::npos) return "/";
  return url.substr(path_start, url.find_first_of("?#", path_start) - path_start);
}

std::optional<Json> ParseJson(std::string const& text) {
  auto json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return std::nullopt;
  return json;
}

Json::json_pointer PointerOf(std::string const& field) {
  try {
    // A member name may contain '/' or '~'; appending it as a token escapes them.
    return field.starts_with('/') ? Json::json_pointer(field) : Json::json_pointer() / field;
  } catch (Json::exception const&) {
    throw std::invalid_argument("not a JSON pointer: " + field);
  }
}

// The value at `pointer` in the request's JSON body, or nullopt with the reason told to
// the listener.
std::optional<Json> BodyField(HttpRequest const& request, Json::json_pointer const& pointer,
                              MatchResultListener* listener) {
  auto body = ParseJson(request.body);
  if (!body) {
    *listener << "whose body is not JSON: " << request.body;
    return std::nullopt;
  }
  if (!body->contains(pointer)) {
    *listener << "whose body has no " << pointer.to_string() << ": " << body->dump();
    return std::nullopt;
  }
  return body->at(pointer);
}

Json ExpectedJson(std::string const& text) {
  auto json = ParseJson(text);
  if (!json) throw std::invalid_argument("the expected value is not JSON: " + text);
  return *json;
}

}  // namespace

RequestMatcher HasMethodAndPath(HttpMethod method, std::string path) {
  std::string what = std::string(ToString(method)) + " to path " + path;
  return MakeRequestMatcher("is a " + what, "is not a " + what,
                            [method, path](HttpRequest const& request, MatchResultListener* listener) {
                              auto actual = PathOf(request.url);
                              *listener << "which is a " << ToString(request.method) << " to path " << actual;
                              return request.method == method && actual == path;
                            });
}

RequestMatcher HasMethodAndUrl(HttpMethod method, std::string url) {
  std::string what = std::string(ToString(method)) + " to " + url;
  return MakeRequestMatcher("is a " + what, "is not a " + what,
                            [method, url](HttpRequest const& request, MatchResultListener* listener) {
                              *listener << "which is a " << ToString(request.method) << " to " << request.url;
                              return request.method == method && request.url == url;
                            });
}

RequestMatcher HasHeader(std::string name) {
  return MakeRequestMatcher("has header " + name, "has no header " + name,
                            [name](HttpRequest const& request, MatchResultListener*) {
                              for (auto const& header : request.headers) {
                                if (SameHeaderName(header.first, name)) return true;
                              }
                              return false;
                            });
}

RequestMatcher HasHeader(std::string name, ::testing::Matcher<std::string const&> value) {
  std::string what = "header " + name + " that " + Describe(value);
  return MakeRequestMatcher("has " + what, "has no " + what,
                            [name, value](HttpRequest const& request, MatchResultListener* listener) {
                              for (auto const& header : request.headers) {
                                if (!SameHeaderName(header.first, name)) continue;
                                *listener << "whose " << name << " is \"" << header.second << "\"";
                                return value.MatchAndExplain(header.second, listener);
                              }
                              *listener << "which has no " << name;
                              return false;
                            });
}

RequestMatcher HasJsonBody(std::string expected_json) {
  auto expected = ExpectedJson(expected_json);
  return MakeRequestMatcher("has a JSON body equal to " + expected.dump(),
                            "has no JSON body equal to " + expected.dump(),
                            [expected](HttpRequest const& request, MatchResultListener* listener) {
                              auto body = ParseJson(request.body);
                              if (!body) {
                                *listener << "whose body is not JSON: " << request.body;
                                return false;
                              }
                              *listener << "whose body is " << body->dump();
                              return *body == expected;
                            });
}

RequestMatcher HasJsonBodyField(std::string field, std::string expected_json) {
  auto pointer = PointerOf(field);
  auto expected = ExpectedJson(expected_json);
  std::string what = "JSON body field " + pointer.to_string() + " equal to " + expected.dump();
  return MakeRequestMatcher("has a " + what, "has no " + what,
                            [pointer, expected](HttpRequest const& request, MatchResultListener* listener) {
                              auto actual = BodyField(request, pointer, listener);
                              if (!actual) return false;
                              *listener << "whose " << pointer.to_string() << " is " << actual->dump();
                              return *actual == expected;
                            });
}

RequestMatcher HasJsonBodyString(std::string field, ::testing::Matcher<std::string const&> value) {
  auto pointer = PointerOf(field);
  std::string what = "JSON body string " + pointer.to_string() + " that " + Describe(value);
  return MakeRequestMatcher("has a " + what, "has no " + what,
                            [pointer, value](HttpRequest const& request, MatchResultListener* listener) {
                              auto actual = BodyField(request, pointer, listener);
                              if (!actual) return false;
                              *listener << "whose " << pointer.to_string() << " is " << actual->dump();
                              if (!actual->is_string()) return false;
                              return value.MatchAndExplain(actual->get<std::string>(), listener);
                            });
}

RequestMatcher LacksJsonBodyField(std::string field) {
  auto pointer = PointerOf(field);
  return MakeRequestMatcher("has a JSON body without " + pointer.to_string(),
                            "has a JSON body with " + pointer.to_string(),
                            [pointer](HttpRequest const& request, MatchResultListener* listener) {
                              auto body = ParseJson(request.body);
                              if (!body) {
                                *listener << "whose body is not JSON: " << request.body;
                                return false;
                              }
                              if (!body->contains(pointer)) return true;
                              *listener << "whose " << pointer.to_string() << " is " << body->at(pointer).dump();
                              return false;
                            });
}

RequestMatcher HasEmptyBody() {
  return MakeRequestMatcher("has an empty body", "has a body",
                            [](HttpRequest const& request, MatchResultListener* listener) {
                              if (!request.body.empty()) *listener << "whose body is " << request.body;
                              return request.body.empty();
                            });
}

::testing::Matcher<RequestException const&> IsRequestException(int http_status) {
  return ::testing::Property("http_status", &RequestException::http_status, http_status);
}

::testing::Matcher<RequestException const&> IsRequestException(int http_status, int error_code) {
  return ::testing::AllOf(IsRequestException(http_status),
                          ::testing::Property("error_code", &RequestException::error_code, error_code));
}

}  // namespace testing
}  // namespace opentok

#include "fault_json.h"

#include <nlohmann/json.hpp>

#include "http_util.h"
#include "opentok_mock/errors.h"
#include "router.h"

namespace opentok_mock::http {
namespace {

// A status outside any HTTP range stays invalid instead of wrapping into one when narrowed.
int Status(std::optional<std::int64_t> value, int absent) {
  if (!value) return absent;
  return *value >= 0 && *value < 1000 ? static_cast<int>(*value) : -1;
}

std::optional<Error> ReadAction(nlohmann::json const& object, FaultAction& action) {
  auto type_member = object.find("type");
  if (type_member == object.end() || !type_member->is_string()) {
    return errors::BadRequest("Bad request. 'action.type' (error, delay, close or partial) is required.");
  }
  auto type = ParseFaultType(type_member->get<std::string>());
  if (!type) return errors::BadRequest("Bad request. 'action.type' must be error, delay, close or partial.");
  action.type = *type;
  JsonFields fields(object, "in action, ");
  fields.Ignore("type");
  switch (action.type) {
    case FaultType::kError: {
      action.status = Status(fields.Integer("status"), 503);
      fields.Ignore("body");
      if (auto body = object.find("body"); body != object.end() && !body->is_null()) {
        action.body = body->is_string() ? body->get<std::string>() : DumpJson(*body);
        action.content_type = body->is_string() ? "text/plain" : kJson;
      }
      if (auto const* headers = fields.Object("headers")) {
        for (auto const& [name, value] : headers->items()) {
          if (!value.is_string()) return errors::BadRequest("Bad request. 'action.headers' values must be strings.");
          action.headers.emplace_back(name, value.get<std::string>());
        }
      }
      break;
    }
    case FaultType::kDelay:
      if (!object.contains("ms")) return errors::BadRequest("Bad request. 'action.ms' (an integer) is required.");
      action.delay = std::chrono::milliseconds(fields.Integer("ms").value_or(0));
      break;
    case FaultType::kPartial:
      action.status = Status(fields.Integer("status"), 0);
      break;
    case FaultType::kClose:
      break;
  }
  return fields.Finish();
}

}  // namespace

Result<FaultScript> FaultScriptFromJson(nlohmann::json const& object) {
  FaultScript script;
  JsonFields fields(object, "");
  script.id = fields.String("id").value_or("");
  script.operation = fields.String("operation").value_or("");
  script.method = fields.String("method").value_or("");
  script.path = fields.String("path").value_or("");
  script.project = fields.StringOrInteger("project").value_or("");
  script.times = fields.Integer("times");
  script.probability = fields.Number("probability");
  script.header_only = fields.Bool("header_only").value_or(false);
  auto const* action = fields.Object("action");
  if (auto error = fields.Finish()) return *error;
  if (action == nullptr) return errors::BadRequest("Bad request. 'action' (an object with a 'type') is required.");
  if (auto error = ReadAction(*action, script.action)) return *error;
  return script;
}

nlohmann::json FaultScriptToJson(FaultScript const& script) {
  auto optional = [](std::string const& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); };
  auto const& a = script.action;
  nlohmann::json action = {{"type", FaultTypeName(a.type)}};
  switch (a.type) {
    case FaultType::kError: {
      action["status"] = a.status;
      if (!a.body) {
        action["body"] = nullptr;
      } else if (a.content_type == kJson) {
        action["body"] = nlohmann::json::parse(*a.body, nullptr, false);
      } else {
        action["body"] = *a.body;
      }
      nlohmann::json headers = nlohmann::json::object();
      for (auto const& [name, value] : a.headers) headers[name] = value;
      action["headers"] = std::move(headers);
      break;
    }
    case FaultType::kDelay: action["ms"] = a.delay.count(); break;
    case FaultType::kPartial: action["status"] = a.status == 0 ? nlohmann::json(nullptr) : nlohmann::json(a.status); break;
    case FaultType::kClose: break;
  }
  return {{"id", script.id},
          {"operation", optional(script.operation)},
          {"method", optional(script.method)},
          {"path", optional(script.path)},
          {"project", optional(script.project)},
          {"action", std::move(action)},
          {"times", script.times ? nlohmann::json(*script.times) : nlohmann::json(nullptr)},
          {"probability", script.probability ? nlohmann::json(*script.probability) : nlohmann::json(nullptr)},
          {"header_only", script.header_only},
          {"remaining", script.remaining ? nlohmann::json(*script.remaining) : nlohmann::json(nullptr)},
          {"applied", script.applied}};
}

Result<RateLimit> RateLimitFromJson(std::string project, nlohmann::json const& object) {
  RateLimit limit;
  limit.project = std::move(project);
  JsonFields fields(object, "");
  auto requests = fields.Integer("requests");
  auto window = fields.Integer("window_ms");
  limit.operation = fields.String("operation").value_or("");
  if (auto error = fields.Finish()) return *error;
  if (!requests) return errors::BadRequest("Bad request. 'requests' (a positive integer) is required.");
  if (!window) return errors::BadRequest("Bad request. 'window_ms' (a positive integer) is required.");
  limit.requests = *requests;
  limit.window_ms = *window;
  return limit;
}

nlohmann::json RateLimitToJson(RateLimit const& limit) {
  return {{"project", limit.project},
          {"requests", limit.requests},
          {"window_ms", limit.window_ms},
          {"operation", limit.operation.empty() ? nlohmann::json(nullptr) : nlohmann::json(limit.operation)}};
}

void SendFaultError(httplib::Response& res, FaultAction const& action) {
  if (action.body) {
    res.status = action.status;
    res.set_content(*action.body, action.content_type);
  } else {
    // The code is the status, as in the 429 of a rate limit: a fault stands for no
    // particular OpenTok error.
    SendError(res, Error{action.status, action.status, DefaultErrorMessage(action.status)});
  }
  for (auto const& [name, value] : action.headers) {
    res.headers.erase(name);
    res.set_header(name, value);
  }
}

}  // namespace opentok_mock::http

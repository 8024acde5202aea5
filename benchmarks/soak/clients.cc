#include "clients.h"

#include <algorithm>

namespace opentok_soak {

Clients::Clients(std::string const& url, std::int64_t api_key, std::string const& api_secret, Ledger& ledger)
    : ledger_(ledger), sdk_(api_key, api_secret, url), control_(url) {
  control_.set_keep_alive(true);
  control_.set_connection_timeout(std::chrono::seconds(10));
  control_.set_read_timeout(std::chrono::seconds(30));
}

Answer Clients::Control(std::string const& family, std::string const& method, std::string const& path,
                        std::string const& body, std::initializer_list<int> tolerated) {
  // One request in 50 asks the server to close the connection after its answer, as a
  // client that is done would: the server's close path and the client's reconnect are part
  // of the soak, and no request may be lost to them.
  httplib::Headers headers;
  if (++control_requests_ % 50 == 0) headers.emplace("Connection", "close");
  httplib::Result result{nullptr, httplib::Error::Unknown};
  if (method == "GET") {
    result = control_.Get(path, headers);
  } else if (method == "POST") {
    result = control_.Post(path, headers, body, "application/json");
  } else if (method == "PUT") {
    result = control_.Put(path, headers, body, "application/json");
  } else {
    result = control_.Delete(path, headers);
  }
  Answer answer;
  std::string error;
  if (result) {
    answer.status = result->status;
    answer.body = result->body;
    if (!answer.ok()) error = answer.body.substr(0, 300);
  } else {
    error = httplib::to_string(result.error());
  }
  Record(family, answer.status, tolerated, method + " " + path.substr(0, path.find('?')) + ": " + error);
  return answer;
}

int Clients::Classify(std::exception_ptr error, std::string& message) {
  try {
    std::rethrow_exception(error);
  } catch (opentok::InvalidResponseException const& e) {
    message = std::string("unreadable answer: ") + e.what();
    return -1;
  } catch (opentok::RequestException const& e) {
    message = e.what();
    return e.http_status();
  } catch (opentok::TransportException const& e) {
    message = e.what();
    return 0;
  } catch (std::exception const& e) {
    message = std::string("call refused or failed in the SDK: ") + e.what();
    return -1;
  }
}

void Clients::Record(std::string const& family, int status, std::initializer_list<int> tolerated,
                     std::string const& error) {
  Outcome outcome;
  if (status / 100 == 2) {
    outcome = Outcome::kOk;
  } else if (status == 0) {
    outcome = Outcome::kDropped;
  } else if (status >= 500) {
    outcome = Outcome::kServerError;
  } else if (std::find(tolerated.begin(), tolerated.end(), status) != tolerated.end()) {
    outcome = Outcome::kExpected;
  } else {
    outcome = Outcome::kClientError;
  }
  ledger_.Count(family, outcome);
  if (outcome == Outcome::kOk || outcome == Outcome::kExpected) return;
  ledger_.Violation(family + ": " + (status == 0 ? std::string("no answer") : "status " + std::to_string(status)) +
                    " (" + error + ")");
}

}  // namespace opentok_soak

// GET and PUT /_mock/state, MockServerOptions::state_file, and client tokens stamped with
// the wall clock after the mock clock moved, over HTTP.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>

#include "http_fixture.h"

namespace opentok_mock::testing {
namespace {

constexpr char kJsonType[] = "application/json";
constexpr std::int64_t kWallStartMs = 1'760'000'000'000;

// A frozen, seeded server whose "real" time the test moves (several servers may share it).
MockServerOptions OnWall(std::shared_ptr<std::atomic<std::int64_t>> const& wall) {
  auto options = FrozenSeededOptions();
  options.service.wall_clock = [wall] { return wall->load(); };
  return options;
}

class StateHttpTest : public HttpTest {
 protected:
  StateHttpTest() : StateHttpTest(std::make_shared<std::atomic<std::int64_t>>(kWallStartMs)) {}
  explicit StateHttpTest(std::shared_ptr<std::atomic<std::int64_t>> wall) : HttpTest(OnWall(wall)), wall_(wall) {}

  std::string State(httplib::Client& client) {
    auto res = client.Get("/_mock/state");
    if (!res || res->status != 200) throw std::runtime_error("GET /_mock/state failed");
    EXPECT_EQ(res->get_header_value("Content-Type"), kJsonType);
    return res->body;
  }

  // A client token as an SDK mints it: stamped with the (test's) wall clock, valid an hour.
  std::string WallToken(std::string const& session_id) {
    return MakeJwt(ClientClaims(key(), session_id, "publisher", wall_->load() / 1000), secret());
  }

  httplib::Result ConnectWith(std::string const& session_id, std::string const& token) {
    return client_.Post("/_mock/sessions/" + session_id + "/connections", nlohmann::json{{"token", token}}.dump(),
                        kJsonType);
  }

  std::shared_ptr<std::atomic<std::int64_t>> wall_;
};

TEST_F(StateHttpTest, PutLoadsWhatGetExportedIntoAnotherServer) {
  auto session = CreateSession();
  Publish(session, Connect(session));
  auto archive = Json(StartArchive({{"sessionId", session}}))["id"].get<std::string>();
  AdvanceSeconds(90);
  auto exported = State(client_);
  EXPECT_EQ(nlohmann::json::parse(exported)["version"], 1);

  MockServer other(OnWall(wall_));
  httplib::Client other_client(other.url());
  SetTimeouts(other_client);
  auto put = other_client.Put("/_mock/state", exported, kJsonType);
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 204);
  EXPECT_EQ(State(other_client), exported);
  // The same answers from both, and the same after the same advance.
  for (auto* client : {&client_, &other_client}) {
    client->Post("/_mock/clock/advance", R"({"seconds": 30})", kJsonType);
  }
  auto path = Project() + "/archive/" + archive;
  auto here = client_.Get(path, Auth());
  auto there = other_client.Get(path, Auth());
  ASSERT_TRUE(here && there);
  EXPECT_EQ(here->status, 200);
  EXPECT_EQ(Json(there), Json(here));
  EXPECT_EQ(State(other_client), State(client_));
}

TEST_F(StateHttpTest, ABadDocumentIs400NamingTheMemberAndChangesNothing) {
  auto session = CreateSession();
  Connect(session);
  auto before = State(client_);
  ExpectError(client_.Put("/_mock/state", "not json", kJsonType), 400, "not JSON");
  auto document = nlohmann::json::parse(before);
  document["sessions"][0]["connections"][0]["kind"] = "robot";
  ExpectError(client_.Put("/_mock/state", document.dump(), kJsonType), 400,
              "sessions[0].connections[0].kind: unknown value 'robot'");
  document = nlohmann::json::parse(before);
  document.erase("timers");
  ExpectError(client_.Put("/_mock/state", document.dump(), kJsonType), 400, "state.timers: is missing");
  EXPECT_EQ(State(client_), before);
}

TEST_F(StateHttpTest, AServerStartsFromAStateFile) {
  auto session = CreateSession();
  Connect(session);
  auto exported = State(client_);
  auto path = std::filesystem::path(::testing::TempDir()) / "opentok-mock-state-test.json";
  std::ofstream(path) << exported;

  auto options = OnWall(wall_);
  options.projects = {{"11112222", "a-project-the-state-replaces"}};
  options.state_file = path.string();
  MockServer restored(options);
  EXPECT_EQ(restored.default_project().api_key, key());
  EXPECT_EQ(restored.default_project().api_secret, secret());
  EXPECT_TRUE(restored.service().GetSession(session));

  std::ofstream(path) << R"({"version": 7})";
  EXPECT_THROW(MockServer{options}, std::invalid_argument);
  options.state_file = (std::filesystem::path(::testing::TempDir()) / "no-such-state.json").string();
  EXPECT_THROW(MockServer{options}, std::invalid_argument);
  std::filesystem::remove(path);
}

TEST_F(StateHttpTest, ATokenAnSdkMintsAfterAnAdvanceOfDaysConnects) {
  auto session = CreateSession();
  auto before = WallToken(session);  // valid an hour
  wall_->fetch_add(1500);
  AdvanceSeconds(3 * 24 * 3600);
  wall_->fetch_add(1500);
  auto after = ConnectWith(session, WallToken(session));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 201) << after->body;
  ExpectError(ConnectWith(session, before), 403, "the token has expired");
}

}  // namespace
}  // namespace opentok_mock::testing

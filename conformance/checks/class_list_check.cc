// Stream layout class lists (PUT .../session/{sid}/stream): set for several streams at
// once and read back through GetStream and ListStreams; a request naming a stream the
// session does not have, or a malformed one, is 400 and changes no stream.
#include <gtest/gtest.h>

#include <map>

#include "conformance_test.h"
#include "opentok_common/random.h"
#include "opentok_common/url.h"
#include "publishing_session.h"
#include "sdk_status.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

using ClassList = std::vector<std::string>;

class ClassListTest : public ConformanceTest {
 protected:
  bool Open(int streams) {
    if (std::string why = OpenPublishingSession(streams, session_); !why.empty()) {
      skip_reason_ = why;
      return false;
    }
    client_.emplace(target().Client(session_.credentials));
    return true;
  }

  int Set(std::vector<StreamProperties> const& streams) const {
    return StatusOf([&] { client_->SetStreamClassLists(session_.session_id, streams); });
  }
  ClassList Read(std::string const& stream_id) const {
    return client_->GetStream(session_.session_id, stream_id).layout_class_list;
  }
  // Class lists by stream id as ListStreams reports them.
  std::map<std::string, ClassList> ReadAll() const {
    std::map<std::string, ClassList> lists;
    for (auto const& stream : client_->ListStreams(session_.session_id).items) lists[stream.id] = stream.layout_class_list;
    return lists;
  }

  PublishingSession session_;
  std::optional<OpenTok> client_;
  std::string skip_reason_;
};

TEST_F(ClassListTest, SetForSeveralStreamsAndReadBack) {
  if (!Open(3)) GTEST_SKIP() << skip_reason_;
  auto const& ids = session_.stream_ids;
  EXPECT_EQ(Set({{ids[0], {"full", "focus"}}, {ids[1], {"sidebar"}}}), 200);
  EXPECT_EQ(Read(ids[0]), (ClassList{"full", "focus"}));
  EXPECT_EQ(Read(ids[1]), (ClassList{"sidebar"}));
  EXPECT_EQ(Read(ids[2]), ClassList{}) << "a stream the request did not name";
  EXPECT_EQ(ReadAll(), (std::map<std::string, ClassList>{{ids[0], {"full", "focus"}}, {ids[1], {"sidebar"}}, {ids[2], {}}}));
  // A later request replaces the named streams' lists only; an empty list clears one.
  EXPECT_EQ(Set({{ids[1], {}}, {ids[2], {"focus"}}}), 200);
  EXPECT_EQ(ReadAll(), (std::map<std::string, ClassList>{{ids[0], {"full", "focus"}}, {ids[1], {}}, {ids[2], {"focus"}}}));
}

TEST_F(ClassListTest, StreamsKeepTheirOtherProperties) {
  OPENTOK_REQUIRE_CONTROL_PLANE("streams published with known names and video types");
  if (!Open(1)) GTEST_SKIP() << skip_reason_;
  EXPECT_EQ(Set({{session_.stream_ids[0], {"focus"}}}), 200);
  Stream stream = client_->GetStream(session_.session_id, session_.stream_ids[0]);
  EXPECT_EQ(stream.id, session_.stream_ids[0]);
  EXPECT_EQ(stream.name, "conformance 0");
  EXPECT_EQ(stream.video_type_name, "camera");
}

TEST_F(ClassListTest, UnknownStreamIsBadRequestAndChangesNothing) {
  if (!Open(1)) GTEST_SKIP() << skip_reason_;
  std::string const& known = session_.stream_ids[0];
  ASSERT_EQ(Set({{known, {"before"}}}), 200);
  std::string unknown = common::FormatUuidV4(common::RandomBytes(16));
  try {
    client_->SetStreamClassLists(session_.session_id, {{known, {"after"}}, {unknown, {"after"}}});
    ADD_FAILURE() << "a class list for a stream the session does not have was accepted";
  } catch (RequestException const& e) {
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_FALSE(e.service_message().empty());
  }
  EXPECT_EQ(Read(known), ClassList{"before"}) << "a refused request changed a stream it named";
}

TEST_F(ClassListTest, MalformedRequestIsBadRequestAtTheWireAndChangesNothing) {
  if (!Open(1)) GTEST_SKIP() << skip_reason_;
  std::string const& known = session_.stream_ids[0];
  ASSERT_EQ(Set({{known, {"before"}}}), 200);
  RestClient rest = target().Rest(session_.credentials);
  std::string path = rest.ProjectPath() + "/session/" + common::PercentEncode(session_.session_id) + "/stream";
  std::string item = R"({"id":")" + known + R"(","layoutClassList":["after"]})";
  for (std::string const& body : {
           std::string(R"({"items":{}})"),                                            // items is an array
           R"({"items":[)" + item + R"(,"focus"]})",                                 // an item is an object
           std::string(R"({"items":[{"layoutClassList":["after"]}]})"),                // the id is required
           R"({"items":[{"id":")" + known + R"(","layoutClassList":"after"}]})",      // the list is an array
           R"({"items":[{"id":")" + known + R"(","layoutClassList":[1]}]})",          // of strings
           R"({"items":[)" + item,                                                   // not JSON
       }) {
    ExpectErrorAnswer(rest.Send(HttpMethod::kPut, path, body), 400, "PUT stream " + body);
  }
  EXPECT_EQ(Read(known), ClassList{"before"}) << "a refused request changed a stream";
}

}  // namespace
}  // namespace opentok::conformance

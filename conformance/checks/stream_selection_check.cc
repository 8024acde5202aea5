// Stream selection (PATCH .../streams) of archives and broadcasts: in manual stream mode
// the `streams` member holds exactly the streams added, with their hasAudio/hasVideo;
// adding a selected stream again changes them; removing drops it. In auto mode the call
// is 405. Unknown streams are 404, a finished archive or broadcast 409, a body with
// neither or both of addStream/removeStream 400.
#include <gtest/gtest.h>

#include <algorithm>

#include "composition.h"
#include "conformance_test.h"
#include "opentok_common/random.h"
#include "sdk_status.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

class StreamSelectionTest : public ConformanceTest, public ::testing::WithParamInterface<CompositionKind> {
 protected:
  // Returns whether the check can go on (else it is skipped).
  bool Open(int streams, StreamMode mode) {
    if (std::string why = OpenPublishingSession(streams, session_); !why.empty()) {
      skip_reason_ = why;
      return false;
    }
    composition_.emplace(GetParam(), session_, mode);
    return true;
  }

  // The selection, ordered by stream id so that comparisons ignore the answer's order.
  std::vector<SelectedStream> Selection() const {
    auto streams = composition_->Streams();
    std::sort(streams.begin(), streams.end(),
              [](SelectedStream const& a, SelectedStream const& b) { return a.stream_id < b.stream_id; });
    return streams;
  }

  int Add(std::string const& stream_id, bool has_audio = true, bool has_video = true) const {
    return StatusOf([&] { composition_->AddStream(stream_id, has_audio, has_video); });
  }
  int Remove(std::string const& stream_id) const {
    return StatusOf([&] { composition_->RemoveStream(stream_id); });
  }

  PublishingSession session_;
  std::optional<Composition> composition_;
  std::string skip_reason_;
};

std::string UnknownStreamId() { return common::FormatUuidV4(common::RandomBytes(16)); }

TEST_P(StreamSelectionTest, ManualModeAddToggleRemove) {
  if (!Open(1, StreamMode::kManual)) GTEST_SKIP() << skip_reason_;
  std::string const& stream = session_.stream_ids[0];
  EXPECT_TRUE(Selection().empty()) << "a manual-mode " << Name(GetParam()) << " starts with no stream selected";
  EXPECT_EQ(Add(stream), 204);
  EXPECT_EQ(Selection(), (std::vector<SelectedStream>{{stream, true, true}}));
  EXPECT_EQ(Add(stream, /*has_audio=*/false, /*has_video=*/true), 204) << "adding a selected stream again";
  EXPECT_EQ(Selection(), (std::vector<SelectedStream>{{stream, false, true}}));
  EXPECT_EQ(Add(stream, /*has_audio=*/true, /*has_video=*/false), 204);
  EXPECT_EQ(Selection(), (std::vector<SelectedStream>{{stream, true, false}}));
  EXPECT_EQ(Remove(stream), 204);
  EXPECT_TRUE(Selection().empty());
}

TEST_P(StreamSelectionTest, SelectionHoldsSeveralStreams) {
  if (!Open(3, StreamMode::kManual)) GTEST_SKIP() << skip_reason_;
  std::vector<std::string> ids = session_.stream_ids;
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(Add(ids[0]), 204);
  EXPECT_EQ(Add(ids[1], /*has_audio=*/false, /*has_video=*/true), 204);
  EXPECT_EQ(Add(ids[2], /*has_audio=*/true, /*has_video=*/false), 204);
  EXPECT_EQ(Selection(), (std::vector<SelectedStream>{{ids[0], true, true}, {ids[1], false, true}, {ids[2], true, false}}));
  EXPECT_EQ(Remove(ids[1]), 204);
  EXPECT_EQ(Selection(), (std::vector<SelectedStream>{{ids[0], true, true}, {ids[2], true, false}}));
}

TEST_P(StreamSelectionTest, AutoModeIsMethodNotAllowed) {
  if (!Open(1, StreamMode::kAuto)) GTEST_SKIP() << skip_reason_;
  EXPECT_EQ(Add(session_.stream_ids[0]), 405);
  EXPECT_EQ(Remove(session_.stream_ids[0]), 405);
}

TEST_P(StreamSelectionTest, UnknownStreamIsNotFound) {
  if (!Open(1, StreamMode::kManual)) GTEST_SKIP() << skip_reason_;
  EXPECT_EQ(Add(UnknownStreamId()), 404);
  EXPECT_EQ(Remove(UnknownStreamId()), 404);
  EXPECT_TRUE(Selection().empty());
}

TEST_P(StreamSelectionTest, FinishedCompositionIsConflict) {
  if (!Open(1, StreamMode::kManual)) GTEST_SKIP() << skip_reason_;
  composition_->Stop();
  EXPECT_EQ(Add(session_.stream_ids[0]), 409) << "a stopped " << Name(GetParam());
  EXPECT_EQ(Remove(session_.stream_ids[0]), 409) << "a stopped " << Name(GetParam());
}

TEST_P(StreamSelectionTest, MalformedChangeIsBadRequestAtTheWire) {
  if (!Open(1, StreamMode::kManual)) GTEST_SKIP() << skip_reason_;
  std::string const& stream = session_.stream_ids[0];
  RestClient rest = composition_->Rest();
  std::string path = composition_->ResourcePath() + "/streams";
  for (std::string const& body : {std::string(R"({})"),                                          // neither
                                  R"({"addStream":")" + stream + R"(","removeStream":")" + stream + R"("})",  // both
                                  std::string(R"({"addStream":42})"),                            // not a string
                                  R"({"addStream":")" + stream + R"(","hasAudio":"loud"})",       // not a boolean
                                  std::string(R"({"addStream":)")}) {                            // not JSON
    ExpectErrorAnswer(rest.Send(HttpMethod::kPatch, path, body), 400, "PATCH streams " + body);
  }
  EXPECT_TRUE(Selection().empty()) << "a refused change selected a stream";
}

INSTANTIATE_TEST_SUITE_P(Kinds, StreamSelectionTest,
                         ::testing::Values(CompositionKind::kArchive, CompositionKind::kBroadcast),
                         [](auto const& info) { return std::string(Name(info.param)); });

}  // namespace
}  // namespace opentok::conformance

// Archive layouts, archive stream selection and stream class lists in the core. No sockets.

#include <gtest/gtest.h>

#include "core_fixture.h"

namespace opentok_mock::testing {
namespace {

using Kind = StreamSelectionChange::Kind;

class StreamsTest : public CoreTest {
 protected:
  Archive StartWith(std::string const& session_id, OutputMode output, StreamMode streams, std::string tag = {}) {
    StartArchiveRequest request;
    request.session_id = session_id;
    request.output_mode = output;
    request.stream_mode = streams;
    request.multi_archive_tag = std::move(tag);
    return Must(service_.StartArchive(kKey, request));
  }
};

TEST_F(StreamsTest, ComposedArchivesShowAndChangeTheirLayoutWhileInProgress) {
  auto session = RoutedSession();
  auto connection = Connect(session);
  auto stream = Publish(session, connection);
  auto archive = StartWith(session, OutputMode::kComposed, StreamMode::kAuto);
  ASSERT_TRUE(archive.layout.has_value());
  EXPECT_EQ(archive.layout->type, "bestFit");  // the default, shown
  auto changed = Must(service_.SetArchiveLayout(kKey, archive.id, {"verticalPresentation", "", ""}));
  EXPECT_EQ(changed.layout->type, "verticalPresentation");
  EXPECT_EQ(Must(service_.GetArchiveLayout(kKey, archive.id)).type, "verticalPresentation");
  Must(service_.Unpublish(session, stream));  // paused is still in progress
  EXPECT_EQ(Get(archive.id).status, ArchiveStatus::kPaused);
  Must(service_.SetArchiveLayout(kKey, archive.id, {"custom", "s {}", ""}));

  auto bad = service_.SetArchiveLayout(kKey, archive.id, {"custom", "", ""}).error();
  EXPECT_EQ(bad.http_status, 400);
  EXPECT_NE(bad.message.find("stylesheet"), std::string::npos);
  EXPECT_EQ(Get(archive.id).layout->stylesheet, "s {}");  // unchanged
  EXPECT_EQ(service_.SetArchiveLayout(kKey, "unknown", {}).error().http_status, 404);
  EXPECT_EQ(service_.GetArchiveLayout(kKey, "unknown").error().http_status, 404);
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(service_.SetArchiveLayout("22222222", archive.id, {}).error().http_status, 404);

  Must(service_.StopArchive(kKey, archive.id));
  EXPECT_EQ(service_.SetArchiveLayout(kKey, archive.id, {}).error().http_status, 409);
  EXPECT_EQ(Must(service_.GetArchiveLayout(kKey, archive.id)).type, "custom");

  auto individual = StartWith(session, OutputMode::kIndividual, StreamMode::kAuto, "i");
  EXPECT_FALSE(individual.layout.has_value());
  auto error = service_.SetArchiveLayout(kKey, individual.id, {}).error();
  EXPECT_EQ(error.http_status, 400);
  EXPECT_NE(error.message.find("composed"), std::string::npos);
  EXPECT_EQ(service_.GetArchiveLayout(kKey, individual.id).error().http_status, 404);
}

TEST_F(StreamsTest, ManualArchivesHoldExactlyTheStreamsAdded) {
  auto session = RoutedSession();
  auto connection = Connect(session);
  auto first = Publish(session, connection);
  auto second = Publish(session, connection);
  auto archive = StartWith(session, OutputMode::kComposed, StreamMode::kManual);
  auto change = [&](Kind kind, std::string const& stream, bool audio = true, bool video = true) {
    return service_.ChangeArchiveStreams(kKey, archive.id, {kind, stream, audio, video});
  };
  EXPECT_TRUE(Get(archive.id).streams.empty());
  Must(change(Kind::kAdd, first, false, true));
  Must(change(Kind::kAdd, second));
  auto streams = Get(archive.id).streams;
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_EQ(streams[0].stream_id, first);
  EXPECT_FALSE(streams[0].has_audio);
  Must(change(Kind::kAdd, first));  // again: toggles the flags back
  EXPECT_TRUE(Get(archive.id).streams[0].has_audio);
  Must(change(Kind::kRemove, second));
  ASSERT_EQ(Get(archive.id).streams.size(), 1u);

  EXPECT_EQ(change(Kind::kRemove, second).error().http_status, 404);
  EXPECT_EQ(change(Kind::kAdd, "not-in-the-session").error().http_status, 404);
  EXPECT_EQ(service_.ChangeArchiveStreams(kKey, "unknown", {Kind::kAdd, first}).error().http_status, 404);
  Must(service_.Unpublish(session, first));  // an unpublished stream leaves the selection
  EXPECT_TRUE(Get(archive.id).streams.empty());

  Must(service_.StopArchive(kKey, archive.id));
  EXPECT_EQ(change(Kind::kAdd, second).error().http_status, 409);
  EXPECT_TRUE(Get(archive.id).streams.empty());

  auto automatic = StartWith(session, OutputMode::kComposed, StreamMode::kAuto, "auto");
  EXPECT_EQ(service_.ChangeArchiveStreams(kKey, automatic.id, {Kind::kAdd, second}).error().http_status, 405);
}

TEST_F(StreamsTest, ClassListsAreAllOrNothingAndNameTheItem) {
  auto session = RoutedSession();
  auto connection = Connect(session);
  auto a = Publish(session, connection);
  auto b = Publish(session, connection);
  Must(service_.SetStreamClassLists(kKey, session, {{a, {"full", "focus"}}, {b, {"top"}}}));
  EXPECT_EQ(Must(service_.GetStream(kKey, session, a)).layout_class_list, (std::vector<std::string>{"full", "focus"}));
  EXPECT_EQ(Must(service_.ListStreams(kKey, session))[1].layout_class_list, std::vector<std::string>{"top"});

  auto error = service_.SetStreamClassLists(kKey, session, {{a, {}}, {"ghost", {"x"}}, {b, {}}}).error();
  EXPECT_EQ(error.http_status, 400);
  EXPECT_NE(error.message.find("items[1]"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("ghost"), std::string::npos) << error.message;
  EXPECT_EQ(Must(service_.GetStream(kKey, session, a)).layout_class_list.size(), 2u);  // unchanged
  EXPECT_EQ(service_.SetStreamClassLists(kKey, session, {{"", {}}}).error().message.find("items[0]") !=
                std::string::npos,
            true);
  EXPECT_EQ(service_.SetStreamClassLists(kKey, session, {}).error().http_status, 400);
  EXPECT_EQ(service_.SetStreamClassLists(kKey, "unknown", {{a, {}}}).error().http_status, 404);
  Must(service_.AddProject("22222222", "other"));
  EXPECT_EQ(service_.SetStreamClassLists("22222222", session, {{a, {}}}).error().http_status, 404);

  Must(service_.SetStreamClassLists(kKey, session, {{a, {}}}));  // an empty list clears
  EXPECT_TRUE(Must(service_.GetStream(kKey, session, a)).layout_class_list.empty());

  Must(service_.SetStreamClassList(kKey, session, b, {"solo"}));
  EXPECT_EQ(Must(service_.GetStream(kKey, session, b)).layout_class_list, std::vector<std::string>{"solo"});
  EXPECT_EQ(service_.SetStreamClassList(kKey, session, "ghost", {}).error().http_status, 404);
  EXPECT_EQ(service_.SetStreamClassList(kKey, "unknown", b, {}).error().http_status, 404);
}

}  // namespace
}  // namespace opentok_mock::testing

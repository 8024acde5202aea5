// Layouts of composed archives and broadcasts: every valid layout is accepted (200) and,
// on a mock, visible afterwards; invalid ones are refused with 400 by the server itself
// (sent at the wire level, because the SDK stops them before any request) and change
// nothing; the SDK refuses them before any request.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "composition.h"
#include "conformance_test.h"
#include "sdk_status.h"
#include "wire_expect.h"

namespace opentok::conformance {
namespace {

class LayoutTest : public ConformanceTest, public ::testing::WithParamInterface<CompositionKind> {
 protected:
  void SetUp() override {
    if (std::string why = OpenPublishingSession(1, session_); !why.empty()) GTEST_SKIP() << why;
    composition_.emplace(GetParam(), session_, StreamMode::kAuto);
  }

  // The layout the endpoint reports after a change, or nullopt on live: reading a layout
  // back (GET .../layout, as the PHP SDK's getLayout does, and the `layout` member of the
  // archive or broadcast) is what this project's mock offers; the service documents
  // neither, so live checks stop at the 200.
  std::optional<nlohmann::json> VisibleLayout() const {
    if (!target().has_control_plane()) return std::nullopt;
    RestClient rest = composition_->Rest();
    auto layout = ExpectJsonAnswer(rest.Get(composition_->ResourcePath() + "/layout"), 200, "GET layout");
    auto resource = ExpectJsonAnswer(rest.Get(composition_->ResourcePath()), 200, "GET");
    EXPECT_EQ(resource.value("layout", nlohmann::json()), layout) << "the `layout` member disagrees with GET layout";
    return layout;
  }

  void ExpectVisible(Layout const& expected) const {
    auto layout = VisibleLayout();
    if (!layout) return;
    // An absent member and null both mean "not set".
    auto text = [&](char const* key) {
      auto it = layout->find(key);
      return it == layout->end() || it->is_null() ? std::string() : it->dump();
    };
    auto quoted = [](std::string const& s) { return s.empty() ? s : nlohmann::json(s).dump(); };
    EXPECT_EQ(text("type"), quoted(expected.type));
    EXPECT_EQ(text("stylesheet"), quoted(expected.stylesheet)) << "type " << expected.type;
    EXPECT_EQ(text("screenshareType"), quoted(expected.screenshare_type)) << "type " << expected.type;
  }

  PublishingSession session_;
  std::optional<Composition> composition_;
};

TEST_P(LayoutTest, ValidLayoutsAreAcceptedAndVisible) {
  for (Layout const& layout : {Layout{.type = "pip"}, Layout{.type = "verticalPresentation"},
                               Layout{.type = "horizontalPresentation"},
                               Layout{.type = "custom", .stylesheet = "stream.focus { width: 100%; height: 100%; }"},
                               Layout{.type = "bestFit", .screenshare_type = "pip"}, Layout{.type = "bestFit"}}) {
    EXPECT_EQ(StatusOf([&] { composition_->SetLayout(layout); }), 200) << "layout type " << layout.type;
    ExpectVisible(layout);
  }
}

// Spellings some official SDKs send: the .NET SDK's `screensharetype` and explicit
// `"stylesheet": null`, the Ruby SDK's `screenshare_type`.
TEST_P(LayoutTest, SdkSpellingsAreAcceptedAtTheWire) {
  RestClient rest = composition_->Rest();
  std::string path = composition_->ResourcePath() + "/layout";
  EXPECT_EQ(rest.Send(HttpMethod::kPut, path, R"({"type":"bestFit","screensharetype":"pip"})").status, 200);
  ExpectVisible(Layout{.type = "bestFit", .screenshare_type = "pip"});
  EXPECT_EQ(rest.Send(HttpMethod::kPut, path, R"({"type":"bestFit","screenshare_type":"verticalPresentation"})").status,
            200);
  ExpectVisible(Layout{.type = "bestFit", .screenshare_type = "verticalPresentation"});
  EXPECT_EQ(rest.Send(HttpMethod::kPut, path, R"({"type":"pip","stylesheet":null})").status, 200);
  ExpectVisible(Layout{.type = "pip"});
}

TEST_P(LayoutTest, InvalidLayoutsAreBadRequestAtTheWireAndChangeNothing) {
  Layout const before{.type = "pip"};
  composition_->SetLayout(before);
  RestClient rest = composition_->Rest();
  std::string path = composition_->ResourcePath() + "/layout";
  for (char const* body : {
           R"({"type":"mosaic"})",                                  // not a layout type
           R"({"type":"custom"})",                                  // custom needs a stylesheet
           R"({"type":"pip","stylesheet":"stream { width: 1px; }"})",  // a stylesheet only with custom
           R"({"type":"pip","screenshareType":"bestFit"})",         // screenshareType needs type bestFit
           R"({"type":"bestFit","screenshareType":"custom"})",      // and is a predefined type
           R"({"type":42})",                                        // type is a string
           R"({})",                                                 // type is required
           R"({"type":"pip")",                                      // not JSON
       }) {
    ExpectErrorAnswer(rest.Send(HttpMethod::kPut, path, body), 400, std::string("PUT layout ") + body);
  }
  ExpectVisible(before);
}

TEST_P(LayoutTest, SdkRejectsInvalidLayoutsBeforeAnyRequest) {
  int before = target().recorder().request_count();
  for (Layout const& layout : {Layout{.type = "mosaic"}, Layout{.type = "custom"},
                               Layout{.type = "pip", .screenshare_type = "bestFit"},
                               Layout{.type = "bestFit", .screenshare_type = "custom"}}) {
    EXPECT_THROW(composition_->SetLayout(layout), ArgumentException) << "type " << layout.type;
  }
  EXPECT_EQ(target().recorder().request_count(), before) << "an invalid layout reached the network";
}

INSTANTIATE_TEST_SUITE_P(Kinds, LayoutTest, ::testing::Values(CompositionKind::kArchive, CompositionKind::kBroadcast),
                         [](auto const& info) { return std::string(Name(info.param)); });

}  // namespace
}  // namespace opentok::conformance

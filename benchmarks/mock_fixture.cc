#include "mock_fixture.h"

#include "opentok/opentok.h"

namespace opentok::bench {

std::string PublishingSession(opentok_mock::MockService& service, opentok_mock::ProjectCredentials const& project) {
  opentok_mock::SessionSettings settings;
  settings.media_mode = opentok_mock::MediaMode::kRouted;
  std::string session_id = Must(service.CreateSession(project.api_key, settings)).session_id;
  opentok::OpenTok ot(project.api_key, project.api_secret);
  auto connection = Must(service.Connect(session_id, ot.GenerateToken(session_id)));
  Must(service.Publish(session_id, connection.connection_id, {}));
  return session_id;
}

std::string StoreArchives(opentok_mock::MockService& service, std::string const& api_key,
                          std::string const& session_id, std::size_t count) {
  opentok_mock::StartArchiveRequest request;
  request.session_id = session_id;
  request.name = "stored";
  std::string id;
  for (std::size_t i = 0; i < count; ++i) {
    id = Must(service.StartArchive(api_key, request)).id;
    Must(service.StopArchive(api_key, id));
  }
  auto delay = std::chrono::seconds(service.options().archive_processing_delay_s + 1);
  Must(service.AdvanceClock(std::chrono::duration_cast<std::chrono::milliseconds>(delay)));
  return id;
}

}  // namespace opentok::bench

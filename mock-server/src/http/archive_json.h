#pragma once

// Wire forms of the core's records.

#include <nlohmann/json.hpp>

#include "opentok_mock/journal.h"
#include "opentok_mock/model.h"

namespace opentok_mock::http {

// Every field of reference 3.1; numbers are never null (omitted instead), partnerId and
// projectId are integers.
nlohmann::json ArchiveToJson(Archive const& archive);
nlohmann::json StreamToJson(Stream const& stream);
nlohmann::json ConnectionToJson(Connection const& connection);
nlohmann::json SessionSnapshotToJson(SessionSnapshot const& snapshot);
nlohmann::json JournalEntryToJson(JournalEntry const& entry);

}  // namespace opentok_mock::http

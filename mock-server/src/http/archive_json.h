#pragma once

// Wire forms of the core's records.

#include <nlohmann/json_fwd.hpp>

#include <string>

#include "opentok_mock/journal.h"
#include "opentok_mock/model.h"

namespace opentok_mock::http {

// Every field the official SDKs read; numbers are never null (omitted instead), partnerId and
// projectId are integers. Archives are the body of the busiest routes (get, list), so they
// are written as text directly, byte for byte what nlohmann::json::dump gives for the same
// object (keys in sorted order, compact), at a fraction of the cost.
void AppendArchiveJson(std::string& out, Archive const& archive);
std::string ArchiveJsonText(Archive const& archive);
nlohmann::json StreamToJson(Stream const& stream);
nlohmann::json ConnectionToJson(Connection const& connection);
nlohmann::json SessionSnapshotToJson(SessionSnapshot const& snapshot);
nlohmann::json JournalEntryToJson(JournalEntry const& entry);

}  // namespace opentok_mock::http

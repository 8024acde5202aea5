#pragma once

// An archive as the mock's GET /v2/project/{key}/archive/{id} answers it (an available
// composed archive, keys in the mock's order), and a list page of such archives. The
// decoding benchmark parses them; the bare server answers with the single archive, so its
// responses are the size of the mock's.

#include <cstddef>
#include <string>

namespace opentok::bench {

std::string ArchiveJson();
// {"count": n, "items": [n archives]}, each with its own id.
std::string ArchiveListJson(std::size_t n);

}  // namespace opentok::bench

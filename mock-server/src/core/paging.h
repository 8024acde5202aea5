#pragma once

#include <cstdint>
#include <vector>

#include "opentok_mock/model.h"

namespace opentok_mock {

// One page of a creation-ordered index, newest first: walks the index backwards from
// `offset`, so a page costs the same whatever the total. Returns the total (every record of
// the index, not just this page). The query is validated by the caller.
template <typename Record, typename Item, typename ViewFn>
std::int64_t NewestFirstPage(std::vector<Record*> const& index, ListQuery const& query, std::vector<Item>& items,
                             ViewFn const& view) {
  auto total = static_cast<std::int64_t>(index.size());
  for (std::int64_t i = total - 1 - query.offset; i >= 0 && static_cast<std::int64_t>(items.size()) < query.count;
       --i) {
    items.push_back(view(*index[static_cast<std::size_t>(i)]));
  }
  return total;
}

}  // namespace opentok_mock

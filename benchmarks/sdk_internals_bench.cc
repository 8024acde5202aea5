// SDK internals on the request path (linked through the SDK's private headers, not
// copied): the REST auth JWT signed for every request, and decoding the archive JSON of a
// GET (one archive) and of a full list (1000 archives).

#include <benchmark/benchmark.h>

#include <memory>

#include "archive_fixture.h"
#include "internal/json_codec.h"
#include "internal/rest_auth.h"
#include "internal/system_sources.h"
#include "opentok_common/hmac.h"
#include "token_inputs.h"

namespace {

using opentok::HttpResponse;

void BM_RestAuthToken(benchmark::State& state) {
  auto signer = std::make_shared<opentok::common::HmacSigner const>(opentok::common::HmacAlgorithm::kSha256,
                                                                     opentok::bench::kApiSecret);
  opentok::internal::RestAuth auth(std::to_string(opentok::bench::kApiKey), signer,
                                   opentok::internal::MakeSystemClock(), opentok::internal::MakeSystemRandom());
  for (auto _ : state) benchmark::DoNotOptimize(auth.MakeToken());
}
BENCHMARK(BM_RestAuthToken);

HttpResponse JsonResponse(std::string body) {
  HttpResponse response;
  response.status = 200;
  response.headers = {{"Content-Type", "application/json"}};
  response.body = std::move(body);
  return response;
}

void BM_DecodeArchive(benchmark::State& state) {
  auto const response = JsonResponse(opentok::bench::ArchiveJson());
  for (auto _ : state) benchmark::DoNotOptimize(opentok::internal::DecodeArchive("get archive", response));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * response.body.size()));
}
BENCHMARK(BM_DecodeArchive);

void BM_DecodeArchiveList(benchmark::State& state) {
  auto const response = JsonResponse(opentok::bench::ArchiveListJson(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(opentok::internal::DecodeArchiveList("list archives", response));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * response.body.size()));
}
BENCHMARK(BM_DecodeArchiveList)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace

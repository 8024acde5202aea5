// Client token generation through the public API (OpenTok::GenerateToken): JWT and T1, for
// every role, with and without connection data; and the RS256 token of a Vonage application
// next to a bare OpenSSL EVP_DigestSign (SHA-256, the same RSA-2048 key) of the same signing
// input, its baseline. `--print-inputs` prints the shared inputs as JSON for the Node SDK
// comparison (benchmarks/peers) and exits.

#include <benchmark/benchmark.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include "opentok/opentok.h"
#include "opentok_common/rsa.h"
#include "opentok_common/session_id.h"
#include "token_inputs.h"

namespace {

using opentok::Role;
using opentok::TokenFormat;

void BM_GenerateToken(benchmark::State& state, TokenFormat format, Role role, bool with_data) {
  opentok::OpenTok ot(opentok::bench::kApiKey, opentok::bench::kApiSecret);
  std::string const session_id = opentok::bench::BenchSessionId();
  opentok::TokenOptions options;
  options.format = format;
  options.role = role;
  if (with_data) options.data = opentok::bench::kConnectionData;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ot.GenerateToken(session_id, options));
  }
}

// A benchmark-only application: a key pair made per run (nothing secret is checked in).
constexpr char kApplicationId[] = "5c2b8e7a-9d41-4f6e-8a3b-1e0f7d6c5b4a";

std::string const& ApplicationKeyPem() {
  static std::string const pem = opentok::common::RsaPrivateKey::Generate(2048).PrivateKeyPem();
  return pem;
}

std::string ApplicationSessionId() {
  return opentok::common::EncodeSessionId({kApplicationId, "", "1700000000000", "Xq3Zt7Lp0WmB9sKd2FhR8vNc"});
}

opentok::OpenTok ApplicationClient() {
  return opentok::OpenTok(opentok::ApplicationCredentials{.application_id = kApplicationId,
                                                          .private_key = ApplicationKeyPem()});
}

// An RS256 client token (publisher, no data): claims, UUID jti, RSA-2048 signature, base64url.
void BM_GenerateTokenRs256(benchmark::State& state) {
  opentok::OpenTok ot = ApplicationClient();
  std::string const session_id = ApplicationSessionId();
  for (auto _ : state) {
    benchmark::DoNotOptimize(ot.GenerateToken(session_id));
  }
}

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// The baseline: the RSA signature alone, straight through OpenSSL (a context per signature,
// SHA-256 fetched once), over the signing input ("header.payload") of a token that
// BM_GenerateTokenRs256 mints, with the same key.
void BM_BareEvpDigestSignRs256(benchmark::State& state) {
  std::string const token = ApplicationClient().GenerateToken(ApplicationSessionId());
  std::string const signing_input = token.substr(0, token.rfind('.'));
  std::string const& pem = ApplicationKeyPem();
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  std::unique_ptr<EVP_PKEY, PkeyFree> key(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
  BIO_free(bio);
  std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr), EVP_MD_free);
  if (!key || !sha256) {
    state.SkipWithError("could not load the benchmark key");
    return;
  }
  std::string signature(static_cast<std::size_t>(EVP_PKEY_get_size(key.get())), '\0');
  for (auto _ : state) {
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    std::size_t length = signature.size();
    if (EVP_DigestSignInit(ctx.get(), nullptr, sha256.get(), nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<unsigned char const*>(signing_input.data()), signing_input.size()) != 1) {
      state.SkipWithError("EVP_DigestSign failed");
      return;
    }
    benchmark::DoNotOptimize(signature.data());
  }
}

void RegisterAll() {
  for (auto format : {TokenFormat::kJwt, TokenFormat::kT1}) {
    for (auto role : {Role::kPublisher, Role::kSubscriber, Role::kModerator, Role::kPublisherOnly}) {
      for (bool with_data : {false, true}) {
        // e.g. "BM_GenerateToken/jwt/publisher/data": the names benchmarks/run looks up.
        std::string name = "BM_GenerateToken/" + std::string(opentok::ToString(format)) + "/" +
                           std::string(opentok::ToString(role)) + (with_data ? "/data" : "/nodata");
        benchmark::RegisterBenchmark(name.c_str(), BM_GenerateToken, format, role, with_data);
      }
    }
  }
  // Names outside "BM_GenerateToken/": benchmarks/run's JWT and T1 rows and the Node SDK
  // comparison select that prefix.
  benchmark::RegisterBenchmark("BM_GenerateTokenRs256", BM_GenerateTokenRs256);
  benchmark::RegisterBenchmark("BM_BareEvpDigestSignRs256", BM_BareEvpDigestSignRs256);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "--print-inputs") == 0) {
    std::cout << R"({"apiKey":")" << opentok::bench::kApiKey << R"(","apiSecret":")" << opentok::bench::kApiSecret
              << R"(","sessionId":")" << opentok::bench::BenchSessionId() << R"(","data":")"
              << opentok::bench::kConnectionData << "\"}\n";
    return 0;
  }
  RegisterAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

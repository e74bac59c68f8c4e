// Throughput of the validators (Google Benchmark). Run: npm run bench
// (scripts/bench.sh writes the table to docs/benchmarks.md). Inputs double in
// size so that linear time shows as a constant bytes/second.
#include <benchmark/benchmark.h>

#include <string>

#include "mtasts/mtasts.hpp"

namespace {

std::string policy_of(std::size_t mx_lines) {
  std::string s = "version: STSv1\r\nmode: enforce\r\n";
  for (std::size_t i = 0; i < mx_lines; ++i) s += "mx: mx" + std::to_string(i) + ".example.com\r\n";
  s += "max_age: 604800\r\n";
  return s;
}

void BM_Policy(benchmark::State& state) {
  const std::string p = policy_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(mtasts::validate_policy(p));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * p.size()));
}
BENCHMARK(BM_Policy)->RangeMultiplier(8)->Range(2, 8192);

void BM_StsRecord(benchmark::State& state) {
  std::string r = "v=STSv1; id=20240115120000";
  for (int64_t i = 0; i < state.range(0); ++i) r += "; ext" + std::to_string(i) + "=value";
  for (auto _ : state) benchmark::DoNotOptimize(mtasts::validate_sts_record(r));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * r.size()));
}
BENCHMARK(BM_StsRecord)->RangeMultiplier(8)->Range(1, 4096);

void BM_TlsRpt(benchmark::State& state) {
  std::string r = "v=TLSRPTv1; rua=mailto:tls@example.com";
  for (int64_t i = 0; i < state.range(0); ++i) r += ",https://r" + std::to_string(i) + ".example.com/v1";
  for (auto _ : state) benchmark::DoNotOptimize(mtasts::validate_tlsrpt_record(r));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * r.size()));
}
BENCHMARK(BM_TlsRpt)->RangeMultiplier(8)->Range(1, 4096);

void BM_Dmarc(benchmark::State& state) {
  std::string r = "v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; fo=1; rua=mailto:d@example.com";
  for (int64_t i = 0; i < state.range(0); ++i) r += ",mailto:d" + std::to_string(i) + "@example.com";
  for (auto _ : state) benchmark::DoNotOptimize(mtasts::validate_dmarc_record(r));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * r.size()));
}
BENCHMARK(BM_Dmarc)->RangeMultiplier(8)->Range(1, 4096);

void BM_MxMatch(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(
        mtasts::mx_pattern_matches("*.mail.protection.outlook.com", "contoso-com.mail.protection.outlook.com."));
}
BENCHMARK(BM_MxMatch);

}  // namespace

BENCHMARK_MAIN();

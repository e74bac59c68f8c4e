// mtasts_cli <format> <file> — prints the JSON result for one input file,
// with the same mapping as the golden corpus (format: sts-record, policy,
// tls-rpt, dmarc, dmarc-rfc9989; a file ending in .rrset.json is an RRset).
// mtasts_cli detect <file> — prints the detected format.
#include <cstdio>
#include <string>

#include "corpus.hpp"
#include "mtasts/mtasts.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s <format|detect> <file>\n", argv[0]);
    return 2;
  }
  const std::string format = argv[1];
  const std::string path = argv[2];
  const auto input = mtasts::testing::read_file(path);
  if (!input) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 2;
  }
  if (format == "detect") {
    std::printf("%s\n", std::string(mtasts::to_string(mtasts::detect_format(*input))).c_str());
    return 0;
  }
  const bool rrset = path.size() > 11 && path.compare(path.size() - 11, 11, ".rrset.json") == 0;
  const bool fr = path.find(".fr.") != std::string::npos;
  const auto out = mtasts::testing::run_case(format, *input, rrset, fr);
  if (!out) {
    std::fprintf(stderr, "unknown format %s or malformed RRset\n", format.c_str());
    return 2;
  }
  std::printf("%s\n", out->c_str());
  return 0;
}

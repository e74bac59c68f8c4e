// The golden corpus: tests/data/<format>/{valid,invalid}/<name>.txt (raw
// bytes of one input) or <name>.rrset.json (a TXT RRset: array of arrays of
// character-strings), each beside <name>.expected.json. A name ending in
// ".fr" is rendered in French. Formats: sts-record, policy, tls-rpt, dmarc
// (RFC 7489), dmarc-rfc9989. tests/js/golden.test.mjs applies the same
// mapping through the wasm module.
#ifndef MTASTS_TESTS_CORPUS_HPP
#define MTASTS_TESTS_CORPUS_HPP

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace mtasts::testing {

struct golden_case {
  std::string format;    // directory under tests/data
  std::string kind;      // "valid" or "invalid"
  std::string input;     // path of the input file
  std::string expected;  // path of the expected JSON
  std::string name;      // <format>/<kind>/<name>
  bool rrset = false;
  bool french = false;
};

/// GoogleTest prints a case by its corpus name.
inline void PrintTo(const golden_case& c, std::ostream* os) { *os << c.name; }

std::vector<golden_case> list_corpus(const std::string& root);
std::optional<std::string> read_file(const std::string& path);
bool write_file(const std::string& path, const std::string& bytes);

/// Runs one case's input through the core; std::nullopt if the format is
/// unknown or an RRset file is not an array of arrays of strings.
std::optional<std::string> run_case(const std::string& format, const std::string& input,
                                    bool rrset, bool french);

}  // namespace mtasts::testing

#endif  // MTASTS_TESTS_CORPUS_HPP

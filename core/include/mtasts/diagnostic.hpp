// MTA-STS Kit — diagnostics shared by every parser of the core.
//
// Positions: `line` and `column` are 1-based; `column`, `start` and `end` count
// UTF-16 code units of the input as JavaScript sees it (so that
// `textarea.setSelectionRange(start, end)` works). Lines are broken by LF,
// CRLF or a lone CR, as every editor shows them. For a TXT RRset input,
// positions are relative to the record's concatenated text and `record` is
// the 0-based index of the RR in the set (-1 for a single-record input).
#ifndef MTASTS_DIAGNOSTIC_HPP
#define MTASTS_DIAGNOSTIC_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mtasts {

enum class severity : std::uint8_t { error, warning, info };

[[nodiscard]] std::string_view to_string(severity s) noexcept;

/// Language of the messages and hints rendered by the core.
enum class language : std::uint8_t { en, fr };

/// Which DMARC specification a DMARC record is judged against.
enum class dmarc_spec : std::uint8_t { rfc7489, rfc9989 };

struct options {
  language lang = language::en;
  dmarc_spec dmarc = dmarc_spec::rfc7489;
};

struct diagnostic {
  std::string code;  // rule id of ../shared/spec/rules.md, e.g. "STS-POL-021"
  severity sev = severity::error;
  std::string message;  // one sentence quoting the offending text
  std::string hint;     // imperative fix; may be empty
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t start = 0;  // UTF-16 code units, half-open
  std::uint32_t end = 0;
  std::string ref;  // e.g. "RFC 8461 §3.2"
  int record = -1;  // index in a TXT RRset, -1 for a single record
};

/// A parse result: the best-effort model and every diagnostic found.
template <class T>
struct result {
  bool ok = true;  // no diagnostic with severity error
  T value{};
  std::vector<diagnostic> diagnostics;
};

}  // namespace mtasts

#endif  // MTASTS_DIAGNOSTIC_HPP

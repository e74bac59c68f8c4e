// Properties every parser must hold on any input, checked by every fuzz
// target: no crash, positions inside the input and well ordered, `ok`
// consistent with the severities, every diagnostic fully rendered, and the
// JSON form parseable.
#ifndef MTASTS_FUZZ_COMMON_HPP
#define MTASTS_FUZZ_COMMON_HPP

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "mtasts/mtasts.hpp"

namespace mtasts::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "property violated: %s\n", what);
  std::abort();
}

inline void require(bool cond, const char* what) {
  if (!cond) fail(what);
}

/// `units` = length of the input in UTF-16 code units (upper bound on offsets).
template <class T>
void check_result(const result<T>& r, std::size_t units) {
  bool any_error = false;
  for (const diagnostic& d : r.diagnostics) {
    require(!d.code.empty(), "diagnostic without code");
    require(!d.message.empty(), "diagnostic without message");
    require(!d.ref.empty(), "diagnostic without ref");
    require(d.start <= d.end, "start > end");
    require(d.end <= units, "end past the input");
    require(d.line >= 1 && d.column >= 1, "line/column not 1-based");
    any_error = any_error || d.sev == severity::error;
  }
  require(r.ok == !any_error, "ok inconsistent with severities");
  const std::string j = to_json(r);
  const auto parsed = nlohmann::json::parse(j, nullptr, false);
  require(parsed.is_object(), "to_json is not a JSON object");
}

inline std::size_t utf16_units(std::string_view s) {
  // Upper bound: one unit per byte is never less than the real count.
  return s.size();
}

/// The same bytes as a TXT RRset: records split at '|', strings at '^'.
inline txt_rrset split_rrset(std::string_view text) {
  txt_rrset set(1);
  std::string cur;
  for (char c : text) {
    if (c == '|') {
      set.back().push_back(cur);
      cur.clear();
      set.emplace_back();
    } else if (c == '^') {
      set.back().push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  set.back().push_back(cur);
  return set;
}

/// A TXT record validator (`validate(text_or_rrset, options)`) on the bytes as
/// text (plain or a zone line) and as an RRset split at input-chosen points.
template <class Validate>
void check_txt_validator(std::string_view text, const options& o, Validate validate) {
  check_result(validate(text, o), utf16_units(text));
  const txt_rrset set = split_rrset(text);
  const auto r = validate(set, o);
  check_result(r, text.size());
  for (const diagnostic& d : r.diagnostics)
    require(d.record < static_cast<int>(set.size()), "record index out of range");
}

}  // namespace mtasts::fuzz

#endif  // MTASTS_FUZZ_COMMON_HPP

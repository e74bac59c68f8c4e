// Fuzz target: validate_dmarc_record on text, as a zone line, and as an RRset split at
// input-chosen points; both languages and both DMARC specs.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mtasts;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  options o;
  o.lang = size % 2 == 0 ? language::en : language::fr;
  o.dmarc = size % 3 == 0 ? dmarc_spec::rfc9989 : dmarc_spec::rfc7489;
  fuzz::check_result(validate_dmarc_record(text, o), fuzz::utf16_units(text));
  // The same bytes as an RRset: records split at '|', strings at '^'.
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
  const auto r = validate_dmarc_record(set, o);
  fuzz::check_result(r, size);
  for (const diagnostic& d : r.diagnostics)
    fuzz::require(d.record < static_cast<int>(set.size()), "record index out of range");
  return 0;
}

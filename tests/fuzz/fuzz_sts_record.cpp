// Fuzz target: validate_sts_record on text, as a zone line, and as an RRset split at
// input-chosen points; both languages.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mtasts;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  options o;
  o.lang = size % 2 == 0 ? language::en : language::fr;
  fuzz::check_txt_validator(text, o, [](const auto& in, const options& opts) {
    return validate_sts_record(in, opts);
  });
  return 0;
}

// Fuzz target: validate_policy on raw bytes, in both languages; the result
// must not depend on the language except for the rendered text.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mtasts;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  options en;
  options fr;
  fr.lang = language::fr;
  const auto a = validate_policy(bytes, en);
  const auto b = validate_policy(bytes, fr);
  fuzz::check_result(a, size);
  fuzz::check_result(b, size);
  fuzz::require(a.diagnostics.size() == b.diagnostics.size(), "language changed the diagnostics");
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    fuzz::require(a.diagnostics[i].code == b.diagnostics[i].code, "language changed a code");
    fuzz::require(a.diagnostics[i].start == b.diagnostics[i].start, "language changed a position");
  }
  if (a.ok) {
    fuzz::require(a.value.version && *a.value.version == "STSv1", "ok policy without version");
    fuzz::require(a.value.mode.has_value(), "ok policy without mode");
    fuzz::require(a.value.max_age && *a.value.max_age <= 31557600u, "ok policy with bad max_age");
    fuzz::require(*a.value.mode == "none" || !a.value.mx.empty(), "ok policy without mx");
  }
  return 0;
}

// Fuzz target: mx_pattern_matches. Properties: an exact pattern matches
// itself (any case, trailing dot on the host); a wildcard never matches its
// own base; the matcher is case-insensitive.
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <string>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mtasts;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = in.find('\n');
  const std::string_view pattern = in.substr(0, cut);
  const std::string_view host = cut == std::string_view::npos ? std::string_view{} : in.substr(cut + 1);
  const bool m = mx_pattern_matches(pattern, host);
  std::string upper(host);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  fuzz::require(m == mx_pattern_matches(pattern, upper), "matching is case-sensitive");
  if (pattern.size() > 2 && pattern.substr(0, 2) == "*.") {
    fuzz::require(!mx_pattern_matches(pattern, pattern.substr(2)), "wildcard matched its base");
  } else if (!pattern.empty() && pattern.find('*') == std::string_view::npos &&
             pattern.back() != '.' &&
             std::all_of(pattern.begin(), pattern.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    fuzz::require(mx_pattern_matches(pattern, pattern), "exact pattern does not match itself");
    fuzz::require(mx_pattern_matches(pattern, std::string(pattern) + "."),
                  "trailing dot on the host not ignored");
  }
  return 0;
}

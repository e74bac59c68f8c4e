// MX matching against `mx` patterns (RFC 8461 §4.1; catalogue STS-MX-100…102).
#include "mtasts/mx.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "detail/domain.hpp"
#include "text.hpp"

namespace mtasts {
namespace {

// STS-MX-101 / STS-MX-102 on a host already normalised (no trailing dot,
// A-labels); case-insensitive (RFC 6125 §6.4.1).
bool matches_normalised(std::string_view pattern, std::string_view host) noexcept {
  if (pattern.size() >= 2 && pattern[0] == '*' && pattern[1] == '.') {
    // RFC 8461 §4.1: `*` matches the entire left-most label only, so the
    // host is one non-empty label, a dot, then exactly the pattern's base.
    const std::string_view base = pattern.substr(2);
    if (base.empty()) return false;
    const std::size_t dot = host.find('.');
    if (dot == std::string_view::npos || dot == 0) return false;
    return detail::iequals(host.substr(dot + 1), base);
  }
  return detail::iequals(host, pattern);
}

}  // namespace

bool mx_pattern_matches(std::string_view pattern, std::string_view host) noexcept {
  // STS-MX-100: DNS answers are FQDNs: drop one trailing dot.
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (pattern.empty() || host.empty()) return false;
  const bool ascii = std::all_of(host.begin(), host.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return matches_normalised(pattern, host);
  // STS-MX-100: a host typed with U-labels is compared as A-labels. The
  // pattern is not converted: RFC 8461 §3.2 requires A-labels there.
  const std::optional<std::string> a = detail::domain_to_ascii(host);
  if (!a) return false;
  return matches_normalised(pattern, *a);
}

}  // namespace mtasts

// `mx` patterns (RFC 8461 §3.2) and MX matching (RFC 8461 §4.1).
#ifndef MTASTS_MX_HPP
#define MTASTS_MX_HPP

#include <string_view>

namespace mtasts {

/// True when `host` (an MX exchange name; one trailing dot ignored) matches
/// `pattern`: equal names, or `*.` + one whole left-most label, compared
/// case-insensitively (STS-MX-100…102).
[[nodiscard]] bool mx_pattern_matches(std::string_view pattern,
                                      std::string_view host) noexcept;

}  // namespace mtasts

#endif  // MTASTS_MX_HPP

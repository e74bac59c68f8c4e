// Host names for MTA-STS: RFC 5321 §4.1.2 `Domain` labels, RFC 8461 §3.2 `mx`
// pattern syntax, IDNA A-labels (RFC 3492 Punycode with a small case
// mapping), and a small built-in list of common public suffixes.
//
// Nothing here reports diagnostics: `analyze_mx_pattern` returns findings
// with byte offsets relative to the pattern, and the policy parser turns them
// into messages.
#ifndef MTASTS_DETAIL_DOMAIN_HPP
#define MTASTS_DETAIL_DOMAIN_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtasts::detail {

/// RFC 3492 Punycode encoding of `cps` (no `xn--` prefix). Basic code points
/// are copied as they are (case kept). Returns false on overflow.
bool punycode_encode(const std::vector<char32_t>& cps, std::string& out);

/// Longest non-ASCII label `to_a_label` converts, in code points. An A-label
/// is at least as long as its code point count, so a longer one can never fit
/// the 63-octet limit (and encoding it would be quadratic).
inline constexpr std::size_t kMaxULabelCodePoints = 63;

/// One label to its ASCII form: ASCII letters lower-cased; a label with
/// non-ASCII characters is case-mapped (Latin-1, Latin Extended-A, Greek,
/// Cyrillic; not full UTS 46, no NFC) and Punycode-encoded with `xn--`.
/// nullopt for ill-formed UTF-8, a label over kMaxULabelCodePoints code
/// points, or Punycode overflow.
std::optional<std::string> to_a_label(std::string_view label);

/// Every label of `name` (split on `.`; empty labels kept) through
/// `to_a_label`. nullopt when one label cannot be converted.
std::optional<std::string> domain_to_ascii(std::string_view name);

/// True for a letter/digit/hyphen label of 1–63 octets that starts and ends
/// with a letter or digit (RFC 5321 §4.1.2 sub-domain, RFC 1035 §2.3.4).
bool is_ldh_label(std::string_view label) noexcept;

/// True for a dotted quad of decimal octets 0–255 (`192.0.2.1`).
bool is_ipv4_literal(std::string_view s) noexcept;

/// True for text shaped like an IPv6 address (`2001:db8::25`, `::1`).
bool looks_like_ipv6(std::string_view s) noexcept;

/// `lower` (lower-case A-labels, no trailing dot) is in the built-in list of
/// common multi-label public suffixes (`co.uk`, `com.au`, `github.io`…).
/// Single labels (TLDs) are not listed: every one is a public suffix.
bool is_public_suffix(std::string_view lower) noexcept;

/// What analyze_mx_pattern can find (RFC 8461 §3.2, §5.1 of the catalogue).
enum class mx_issue : std::uint8_t {
  empty,               // STS-MX-001
  several,             // STS-MX-002: several names on one line
  url,                 // STS-MX-002: `smtp://host`; suggestion = host
  port,                // STS-MX-002: `host:25`; suggestion = host
  bad_char,            // STS-MX-002: detail = the character
  empty_label,         // STS-MX-002: `a..b`
  hyphen_edge,         // STS-MX-002: detail = the label
  bad_wildcard,        // STS-MX-002: `*` elsewhere than a leading `*.`
  leading_dot,         // STS-MX-003: suggestion = `*` + pattern
  trailing_dot,        // STS-MX-004: suggestion = pattern without the dot
  u_label,             // STS-MX-005: suggestion = A-label form (may be empty)
  ip_literal,          // STS-MX-006
  label_too_long,      // STS-MX-007: detail = label, count = octets
  u_label_too_long,    // STS-MX-007: detail = label (its A-label is > 63)
  name_too_long,       // STS-MX-007: count = characters
  wildcard_suffix,     // STS-MX-008: detail = the public suffix
  wildcard_tld,        // STS-MX-008: detail = the single label
  single_label,        // STS-MX-010
  upper_case,          // STS-MX-011: suggestion = lower-case form
  microsoft_wildcard,  // STS-MX-013
};

/// True for the findings that make a pattern invalid (errors).
bool is_error(mx_issue k) noexcept;

struct mx_finding {
  mx_issue kind;
  std::size_t start;  // byte offsets in the pattern, half-open
  std::size_t end;
  std::string detail;
  std::string suggestion;
  std::size_t count = 0;
};

struct mx_pattern_info {
  bool valid = false;      // no error finding (and no ill-formed UTF-8)
  bool wildcard = false;   // starts with `*.`
  bool bad_utf8 = false;   // ill-formed UTF-8 (reported by the caller)
  std::string normalized;  // lower-case, A-labels; set when valid
  std::vector<mx_finding> findings;
};

/// Checks one `mx` value (already stripped of the WSP around it) against
/// `["*." ] Domain` and the advice rules of STS-MX-001…013 (not 009, which
/// needs the policy domain, nor 012, which needs the whole policy).
mx_pattern_info analyze_mx_pattern(std::string_view pattern);

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_DOMAIN_HPP

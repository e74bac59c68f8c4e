// Helpers shared by the generators (generate.cpp, hosting.cpp): per-field
// diagnostics, the domain field, TXT zone lines, and language selection.
#ifndef MTASTS_DETAIL_GENERATE_UTIL_HPP
#define MTASTS_DETAIL_GENERATE_UTIL_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"
#include "mtasts/generate.hpp"
#include "report.hpp"

namespace mtasts::detail {

/// The text for the requested language.
constexpr const char* tr(const options& o, const char* en, const char* fr) noexcept {
  return o.lang == language::fr ? fr : en;
}

/// Appends the rendered items of `rep` (byte offsets into `raw`, the text
/// typed in the field) to `out`, tagged with `field`.
void emit(std::vector<field_diagnostic>& out, std::string_view field, const reporter& rep,
          std::string_view raw);

/// Appends `d` tagged with `field`, positioned over the whole field (0, 0).
void emit_whole(std::vector<field_diagnostic>& out, std::string_view field, const diagnostic& d);

/// Appends `d`, a diagnostic positioned in a text where the field's value
/// starts at UTF-16 offset `value_start`, re-positioned relative to the
/// field's raw text in which the value starts at UTF-16 offset `lead` and
/// spans `value_units` units (single line).
void emit_shifted(std::vector<field_diagnostic>& out, std::string_view field, const diagnostic& d,
                  std::uint32_t value_start, std::uint32_t lead, std::uint32_t value_units);

[[nodiscard]] bool has_error(const std::vector<field_diagnostic>& ds) noexcept;
[[nodiscard]] bool has_error(const std::vector<diagnostic>& ds) noexcept;

/// The distinct codes of the error diagnostics, comma-separated.
[[nodiscard]] std::string error_codes(const std::vector<diagnostic>& ds);

/// Number of UTF-16 code units of `s` (ill-formed bytes count as U+FFFD).
[[nodiscard]] std::uint32_t utf16_length(std::string_view s) noexcept;

/// `s` without leading and trailing SP/HTAB; `lead` receives the number of
/// bytes removed at the front.
[[nodiscard]] std::string_view trim_wsp(std::string_view s, std::size_t* lead = nullptr) noexcept;

/// Offset of the first C0 control byte or DEL in `s`, or npos.
[[nodiscard]] std::size_t find_control(std::string_view s) noexcept;

/// Reports GEN-011 when `value` (at byte `lead` of the field text) holds a
/// control character; true when it does.
bool report_control(reporter& rep, std::string_view value, std::size_t lead);

/// The domain field (GEN-012): Unicode accepted, converted to lower-case
/// A-labels without a trailing dot. Diagnostics go to `out` under "domain".
struct domain_field {
  bool ok = false;      // no error (an empty optional domain is ok)
  std::string a_label;  // empty when absent or invalid
};
domain_field check_domain(std::string_view raw, bool required, const options& opts,
                          std::vector<field_diagnostic>& out);

/// The organisational domain of a lower-case host, approximated as its last
/// two labels, or three under a multi-label public suffix of the built-in
/// list (co.uk, com.au…). No Public Suffix List lookup.
[[nodiscard]] std::string organizational_domain(std::string_view host);

/// An owner name for a zone line: `<label>.<domain>.`, or `<label>` (relative
/// to the zone's origin) when `domain` is empty.
[[nodiscard]] std::string zone_owner(std::string_view label, std::string_view domain);

/// `text` cut into TXT character-strings of at most 255 octets (RFC 1035
/// §3.3), preferably just after "; " or ",", so each piece reads well.
[[nodiscard]] std::vector<std::string> split_txt(std::string_view text);

/// `"<s1>" "<s2>"…` with `"` and `\` escaped and other non-printable octets
/// written as \DDD (RFC 1035 §5.1).
[[nodiscard]] std::string quote_txt(const std::vector<std::string>& strings);

/// `<owner> 3600 IN TXT "<…>"` (strings split as split_txt).
[[nodiscard]] std::string txt_zone_line(std::string_view owner, std::string_view text);

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_GENERATE_UTIL_HPP

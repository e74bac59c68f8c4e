#include "mtasts/detect.hpp"

#include "text.hpp"
#include "txt_input.hpp"

namespace mtasts {

std::string_view to_string(text_format f) noexcept {
  switch (f) {
    case text_format::sts_record:
      return "sts-record";
    case text_format::policy:
      return "policy";
    case text_format::tlsrpt:
      return "tls-rpt";
    case text_format::dmarc:
      return "dmarc";
    case text_format::unknown:
      break;
  }
  return "unknown";
}

namespace {
// The version tag's value with whitespace around `=` and case ignored, so
// that near-misses (`V = stsv1`) are still routed to the right validator.
std::string_view version_value(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (detail::is_wsp(s[i]) || s[i] == '\r' || s[i] == '\n')) ++i;
  if (i >= s.size() || detail::to_lower(s[i]) != 'v') return {};
  ++i;
  while (i < s.size() && detail::is_wsp(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return {};
  ++i;
  while (i < s.size() && detail::is_wsp(s[i])) ++i;
  std::size_t j = i;
  while (j < s.size() && detail::is_alnum(s[j])) ++j;
  return s.substr(i, j - i);
}

bool looks_like_policy(std::string_view s) {
  // A line starting (after a BOM or blanks) with a policy key and a colon.
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t e = i;
    while (e < s.size() && s[e] != '\n' && s[e] != '\r') ++e;
    std::string_view line = s.substr(i, e - i);
    if (detail::istarts_with(line, "\xEF\xBB\xBF")) line.remove_prefix(3);
    while (!line.empty() && detail::is_wsp(line.front())) line.remove_prefix(1);
    for (std::string_view key : {"version", "mode", "mx", "max_age", "max-age", "maxage"}) {
      if (detail::istarts_with(line, key)) {
        std::string_view rest = line.substr(key.size());
        while (!rest.empty() && detail::is_wsp(rest.front())) rest.remove_prefix(1);
        if (!rest.empty() && rest.front() == ':') return true;
      }
    }
    i = e + 1;
  }
  return false;
}
}  // namespace

text_format detect_format(std::string_view text) {
  const std::string decoded = detail::decode_txt_input(text).text;
  const std::string_view v = version_value(decoded);
  if (detail::istarts_with(v, "STSv")) return text_format::sts_record;
  if (detail::istarts_with(v, "TLSRPTv")) return text_format::tlsrpt;
  if (detail::istarts_with(v, "DMARC")) return text_format::dmarc;
  if (looks_like_policy(text)) return text_format::policy;
  return text_format::unknown;
}

}  // namespace mtasts

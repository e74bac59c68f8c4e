// The MTA-STS policy file (RFC 8461 §3.2): raw bytes in, best-effort model and
// every diagnostic out. Checks run on the bytes as received (no
// normalisation first): encoding, line terminators and whitespace are judged
// before the fields are.
//
//   sts-policy-record = sts-policy-field *WSP
//                       *(sts-policy-term sts-policy-field *WSP)
//                       [sts-policy-term]
//   sts-policy-term   = LF / CRLF
//   sts-policy-field-delim = ":" *WSP
#include "mtasts/policy.hpp"

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "detail/domain.hpp"
#include "report.hpp"
#include "text.hpp"

namespace mtasts {
namespace {

using detail::msg;
using detail::quote;
using detail::reporter;

constexpr std::size_t kMaxBody = 65536;   // RFC 8461 §3.3 "64 kilobytes"
constexpr std::size_t kLargeBody = 4096;  // aykevl's heuristic
constexpr std::uint64_t kMaxAgeCap = 31557600;
constexpr std::uint64_t kDay = 86400;
constexpr std::uint64_t kWeek = 604800;
constexpr std::uint64_t kTwoWeeks = 1209600;
constexpr std::size_t kMaxKey = 32;  // 1 + *31 (RFC 8461 §3.2)

constexpr std::string_view kVersion = "version";
constexpr std::string_view kMode = "mode";
constexpr std::string_view kMaxAge = "max_age";
constexpr std::string_view kMx = "mx";

struct line {
  std::size_t start;     // first byte of the content
  std::size_t end;       // end of the content (terminator excluded)
  std::size_t term_end;  // end of the terminator
  bool blank;            // content is empty or WSP only
};

// One `key: value` line, with byte offsets in the body.
struct field {
  std::size_t key_start;
  std::size_t key_end;  // trailing WSP before ':' excluded
  std::size_t colon;
  std::size_t value_start;  // WSP after ':' skipped
  std::size_t value_end;    // trailing WSP excluded
  std::string_view key;
  std::string_view value;
};

// An unregistered key, judged once the whole policy is known (STS-POL-012/013).
struct extension_line {
  field f;
  bool ok;  // name and value well formed
};

std::string to_string_u64(std::uint64_t v) { return std::to_string(v); }

bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (!detail::is_digit(c)) return false;
  return true;
}

std::string_view trim_wsp(std::string_view s) noexcept {
  while (!s.empty() && detail::is_wsp(s.front())) s.remove_prefix(1);
  while (!s.empty() && detail::is_wsp(s.back())) s.remove_suffix(1);
  return s;
}

// True when `a` and `b` differ by at most one insertion, deletion,
// substitution or transposition of adjacent bytes.
bool within_one_edit(std::string_view a, std::string_view b) noexcept {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);
}

// Near misses of registered keys (STS-POL-013).
enum class miss_kind : std::uint8_t { none, exact, fuzzy, numbered_mx };
struct near_miss {
  miss_kind kind = miss_kind::none;
  std::string_view target;
};

near_miss classify_key(std::string_view key) {
  std::string norm;
  for (char c : key) {
    if (c == '_' || c == '-' || c == '.' || detail::is_wsp(c)) continue;
    norm += detail::to_lower(c);
  }
  // Same key up to case and separators: `Mode`, `MX`, `max-age`, `maxage`.
  if (norm == "version") return {miss_kind::exact, kVersion};
  if (norm == "mode") return {miss_kind::exact, kMode};
  if (norm == "maxage") return {miss_kind::exact, kMaxAge};
  if (norm == "mx") return {miss_kind::exact, kMx};
  // Numbered or decorated mx keys (`mx1`, `nmx`, postfix-tlspol #95).
  if (norm.size() > 2 && norm.compare(0, 2, "mx") == 0 && all_digits(norm.substr(2)))
    return {miss_kind::numbered_mx, kMx};
  for (std::string_view v : {"nmx", "mxs", "mxhost", "mxhosts", "mxrecord", "mxrecords", "mxserver",
                             "mxservers", "mailserver"})
    if (norm == v) return {miss_kind::numbered_mx, kMx};
  if (norm == "v" || norm == "ver" || norm == "vers" || norm == "stsversion")
    return {miss_kind::fuzzy, kVersion};
  // One typo away: only reported when the registered field is missing, so
  // that an extension such as `more` does not read as `mode`.
  if (norm.size() >= 3) {
    if (within_one_edit(norm, "version")) return {miss_kind::fuzzy, kVersion};
    if (within_one_edit(norm, "maxage")) return {miss_kind::fuzzy, kMaxAge};
    if (within_one_edit(norm, "mode")) return {miss_kind::fuzzy, kMode};
  }
  return {};
}

// A suggestion for a wrong `mode` value (STS-POL-018), or empty.
std::string_view suggest_mode(std::string_view value) {
  std::string_view v = value;
  if (const std::size_t hash = v.find('#'); hash != std::string_view::npos) v = v.substr(0, hash);
  const std::string lower = detail::ascii_lower(trim_wsp(v));
  for (std::string_view m : {"testing", "enforce", "none"})
    if (lower == m) return m;
  for (std::string_view t : {"test", "tested", "tests", "testmode", "testing-mode", "monitor",
                             "monitoring", "testin", "tesing"})
    if (lower == t) return "testing";
  for (std::string_view e : {"enforced", "enforcing", "enforcement", "enfore", "enforse", "inforce",
                             "strict", "reject", "on", "true"})
    if (lower == e) return "enforce";
  for (std::string_view z : {"off", "disabled", "disable", "no", "false", "nil", "null"})
    if (lower == z) return "none";
  return {};
}

// Unit words accepted in a misguided max_age (`1w`, `86400s`, `7 days`).
std::uint64_t unit_seconds(std::string_view unit) {
  const std::string u = detail::ascii_lower(unit);
  for (std::string_view s : {"s", "sec", "secs", "second", "seconds"})
    if (u == s) return 1;
  for (std::string_view s : {"m", "min", "mins", "minute", "minutes"})
    if (u == s) return 60;
  for (std::string_view s : {"h", "hr", "hrs", "hour", "hours"})
    if (u == s) return 3600;
  for (std::string_view s : {"d", "day", "days"})
    if (u == s) return kDay;
  for (std::string_view s : {"w", "wk", "wks", "week", "weeks"})
    if (u == s) return kWeek;
  for (std::string_view s : {"y", "yr", "yrs", "year", "years"})
    if (u == s) return kMaxAgeCap;
  return 0;
}

std::uint64_t parse_digits(std::string_view s) {
  std::uint64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool is_ctl(unsigned char c) noexcept { return c < 0x20 || c == 0x7F; }

class policy_parser {
 public:
  policy_parser(std::string_view s, reporter& rep) : s_(s), rep_(rep) {}

  policy run() {
    const std::size_t n = s_.size();
    if (n > kMaxBody) {
      // Senders read no more than 64 KB (RFC 8461 §3.3); judging the rest
      // would only describe bytes nobody reads (and could produce hundreds of
      // thousands of diagnostics). Check up to the last line break inside.
      std::size_t cut = s_.substr(0, kMaxBody).rfind('\n');
      if (cut == std::string_view::npos) {
        cut = kMaxBody;
        while (cut > 0 && (static_cast<unsigned char>(s_[cut]) & 0xC0) == 0x80) --cut;
      } else {
        cut += 1;
      }
      rep_.add(msg::pol_too_large, kMaxBody, n, {to_string_u64(n), to_string_u64(cut)});
      s_ = s_.substr(0, cut);
    } else if (n > kLargeBody) {
      rep_.add(msg::pol_large, kLargeBody, n, {to_string_u64(n)});
    }
    if (s_.empty()) {
      rep_.add(msg::pol_empty, 0, 0);
      return std::move(value_);
    }
    if (s_.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos) {
      rep_.add(msg::pol_blank_only, 0, s_.size());
      return std::move(value_);
    }
    if (s_.size() >= 2 &&
        ((s_[0] == '\xFF' && s_[1] == '\xFE') || (s_[0] == '\xFE' && s_[1] == '\xFF'))) {
      rep_.add(msg::pol_utf16, 0, 2);
      return std::move(value_);
    }
    check_utf8();
    std::size_t pos = check_leading_invisible();
    if (check_html(pos)) return std::move(value_);
    split_lines(pos);
    report_line_endings();
    report_blank_lines();
    for (const line& l : lines_)
      if (!l.blank) parse_line(l);
    finish();
    return std::move(value_);
  }

 private:
  std::string_view text(std::size_t b, std::size_t e) const { return s_.substr(b, e - b); }

  // STS-POL-030: every maximal run of ill-formed UTF-8.
  void check_utf8() {
    for (std::size_t i = 0; i < s_.size();) {
      detail::utf8_step st = detail::utf8_next(s_, i);
      if (st.valid) {
        i += st.bytes;
        continue;
      }
      const std::size_t b = i;
      while (i < s_.size() && !(st = detail::utf8_next(s_, i)).valid) i += st.bytes;
      rep_.add(msg::pol_invalid_utf8, b, i, {quote(text(b, i))});
    }
  }

  // STS-POL-009: a UTF-8 BOM or invisible characters before the first key.
  std::size_t check_leading_invisible() {
    std::size_t pos = 0;
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") {
      rep_.add(msg::pol_bom, 0, 3);
      pos = 3;
    }
    const std::size_t b = pos;
    while (pos < s_.size()) {
      const detail::utf8_step st = detail::utf8_next(s_, pos);
      if (!st.valid || st.bytes < 2) break;
      const auto b0 = static_cast<unsigned char>(s_[pos]);
      const auto b1 = static_cast<unsigned char>(s_[pos + 1]);
      const auto b2 = st.bytes > 2 ? static_cast<unsigned char>(s_[pos + 2]) : 0u;
      const bool nbsp_or_shy = b0 == 0xC2 && (b1 == 0xA0 || b1 == 0xAD);
      const bool zw =
          b0 == 0xE2 && b1 == 0x80 && ((b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xAA && b2 <= 0xAE));
      const bool wj = b0 == 0xE2 && b1 == 0x81 && b2 == 0xA0;
      const bool bom = b0 == 0xEF && b1 == 0xBB && b2 == 0xBF;
      if (!(nbsp_or_shy || zw || wj || bom)) break;
      pos += st.bytes;
    }
    if (pos > b) rep_.add(msg::pol_leading_invisible, b, pos, {quote(text(b, pos))});
    return pos;
  }

  // STS-POL-031: the body is a markup document (one diagnostic, no more).
  bool check_html(std::size_t pos) {
    while (pos < s_.size() && (detail::is_wsp(s_[pos]) || s_[pos] == '\r' || s_[pos] == '\n'))
      ++pos;
    if (pos >= s_.size() || s_[pos] != '<') return false;
    std::size_t e = pos;
    while (e < s_.size() && e - pos < 200 && s_[e] != '>' && s_[e] != '\n') ++e;
    if (e < s_.size() && s_[e] == '>') ++e;
    rep_.add(msg::pol_html, pos, e, {quote(text(pos, e))});
    return true;
  }

  // Lines end at LF or CRLF (RFC 8461 §3.2). A bare CR, VT, FF, NEL, U+2028
  // or U+2029 is not a terminator (STS-POL-003); the parser still breaks the
  // line there so that the fields around it are judged too.
  void split_lines(std::size_t pos) {
    const std::size_t n = s_.size();
    std::size_t ls = pos;
    auto push = [&](std::size_t end, std::size_t term_end) {
      bool blank = true;
      for (std::size_t k = ls; k < end && blank; ++k) blank = detail::is_wsp(s_[k]);
      lines_.push_back(line{ls, end, term_end, blank});
      ls = term_end;
    };
    for (std::size_t i = pos; i < n;) {
      const char c = s_[i];
      if (c == '\n') {
        note_terminator(i, false);
        push(i, i + 1);
        i += 1;
      } else if (c == '\r') {
        if (i + 1 < n && s_[i + 1] == '\n') {
          note_terminator(i, true);
          push(i, i + 2);
          i += 2;
        } else {
          rep_.add(msg::pol_bare_cr, i, i + 1);
          push(i, i + 1);
          i += 1;
        }
      } else if (c == '\v' || c == '\f') {
        rep_.add(msg::pol_bad_line_break, i, i + 1, {quote(text(i, i + 1))});
        push(i, i + 1);
        i += 1;
      } else if (c == '\xC2' && i + 1 < n && s_[i + 1] == '\x85') {
        rep_.add(msg::pol_bad_line_break, i, i + 2, {"\\u0085"});
        push(i, i + 2);
        i += 2;
      } else if (c == '\xE2' && i + 2 < n && s_[i + 1] == '\x80' &&
                 (s_[i + 2] == '\xA8' || s_[i + 2] == '\xA9')) {
        rep_.add(msg::pol_bad_line_break, i, i + 3, {quote(text(i, i + 3))});
        push(i, i + 3);
        i += 3;
      } else {
        ++i;
      }
    }
    if (ls < n) push(n, n);  // last line without a terminator
  }

  void note_terminator(std::size_t at, bool crlf) {
    if (crlf) {
      if (crlf_count_++ == 0) first_crlf_ = at;
    } else {
      if (lf_count_++ == 0) first_lf_ = at;
    }
  }

  // STS-POL-002: the terminator style, reported once.
  void report_line_endings() {
    if (lf_count_ > 0 && crlf_count_ > 0) {
      const std::size_t at = std::max(first_lf_, first_crlf_);
      const std::size_t len = at == first_crlf_ ? 2 : 1;
      rep_.add(msg::pol_eol_mixed, at, at + len,
               {to_string_u64(lf_count_), to_string_u64(crlf_count_)});
    } else if (lf_count_ > 0) {
      rep_.add(msg::pol_eol_lf, first_lf_, first_lf_ + 1);
    } else if (crlf_count_ > 0) {
      rep_.add(msg::pol_eol_crlf, first_crlf_, first_crlf_ + 2);
    }
  }

  // STS-POL-004: one diagnostic per run of blank lines.
  void report_blank_lines() {
    for (std::size_t i = 0; i < lines_.size();) {
      if (!lines_[i].blank) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < lines_.size() && lines_[j].blank) ++j;
      const bool trailing = j == lines_.size();
      rep_.add(trailing ? msg::pol_blank_trailing : msg::pol_blank_line, lines_[i].start,
               lines_[j - 1].term_end);
      i = j;
    }
  }

  // STS-POL-008 variants for a line without ':'.
  void report_no_colon(std::size_t b, std::size_t e) {
    const std::string_view t = text(b, e);
    const std::string q = quote(t);
    if (t[0] == '#' || t[0] == ';' || t.substr(0, 2) == "//") {
      rep_.add(msg::pol_comment, b, e, {q});
    } else if (t[0] == '<') {
      rep_.add(msg::pol_html_line, b, e, {q});
    } else if (t[0] == '[' && trim_wsp(t).back() == ']') {
      rep_.add(msg::pol_section, b, e, {q});
    } else if (const std::size_t eq = t.find('='); eq != std::string_view::npos && eq > 0) {
      const std::string fix =
          std::string(trim_wsp(t.substr(0, eq))) + ": " + std::string(trim_wsp(t.substr(eq + 1)));
      rep_.add(msg::pol_key_equals, b, e, {q, quote(fix)});
    } else {
      rep_.add(msg::pol_no_colon, b, e, {q});
    }
  }

  void parse_line(const line& l) {
    std::size_t k = l.start;
    while (k < l.end && detail::is_wsp(s_[k])) ++k;
    const std::size_t rel = text(k, l.end).find(':');
    if (rel == std::string_view::npos) {
      report_no_colon(k, l.end);
      return;
    }
    const std::size_t colon = k + rel;
    field f{};
    f.key_start = k;
    f.colon = colon;
    f.key_end = colon;
    while (f.key_end > k && detail::is_wsp(s_[f.key_end - 1])) --f.key_end;
    f.key = text(k, f.key_end);
    f.value_start = colon + 1;
    while (f.value_start < l.end && detail::is_wsp(s_[f.value_start])) ++f.value_start;
    f.value_end = l.end;
    while (f.value_end > f.value_start && detail::is_wsp(s_[f.value_end - 1])) --f.value_end;
    f.value = text(f.value_start, f.value_end);

    if (k > l.start) rep_.add(msg::pol_leading_wsp, l.start, k, {quote(f.key)});  // STS-POL-005
    if (f.key_end < colon)                                                        // STS-POL-006
      rep_.add(msg::pol_wsp_before_colon, f.key_end, colon, {quote(f.key)});
    if (f.key.empty()) {  // STS-POL-010
      rep_.add(msg::pol_key_empty, colon, colon + 1);
      return;
    }
    if (first_key_start_ == std::string_view::npos) first_key_start_ = f.key_start;

    const bool repeated = f.key != kMx && check_duplicate(f);
    if (f.key == kVersion) {
      on_version(f, repeated);
    } else if (f.key == kMode) {
      on_mode(f, repeated);
    } else if (f.key == kMaxAge) {
      on_max_age(f, repeated);
    } else if (f.key == kMx) {
      on_mx(f);
    } else {
      on_extension(f, repeated);
    }
  }

  // STS-POL-028: the first occurrence wins (RFC 8461 §3.2).
  bool check_duplicate(const field& f) {
    const auto [it, inserted] = first_value_.emplace(f.key, f.value);
    if (inserted) return false;
    const std::size_t e = std::max(f.value_end, f.colon + 1);
    if (it->second == f.value) {
      rep_.add(msg::pol_duplicate_same, f.key_start, e, {quote(f.key), quote(f.value)});
    } else {
      rep_.add(msg::pol_duplicate_diff, f.key_start, e,
               {quote(f.key), quote(it->second), quote(f.value)});
    }
    return true;
  }

  // STS-POL-015.
  void on_version(const field& f, bool repeated) {
    if (!repeated) {
      value_.version = std::string(f.value);
      version_key_start_ = f.key_start;
      version_key_end_ = f.key_end;
    }
    if (f.value.empty()) {
      rep_.add(msg::pol_version_empty, f.key_start, f.colon + 1);
    } else if (f.value != "STSv1") {
      rep_.add(msg::pol_version_invalid, f.value_start, f.value_end, {quote(f.value)});
    }
  }

  // STS-POL-018: %s"testing" / %s"enforce" / %s"none".
  void on_mode(const field& f, bool repeated) {
    const bool ok = f.value == "testing" || f.value == "enforce" || f.value == "none";
    if (!repeated) {
      mode_seen_ = true;
      mode_start_ = f.value_start;
      mode_end_ = f.value_end;
      if (ok) value_.mode = std::string(f.value);
    }
    if (ok) return;
    if (f.value.empty()) {
      rep_.add(msg::pol_mode_empty, f.key_start, f.colon + 1);
      return;
    }
    if (detail::ascii_lower(f.value) == "report") {
      rep_.add(msg::pol_mode_report, f.value_start, f.value_end);
      return;
    }
    const std::string_view fix = suggest_mode(f.value);
    if (!fix.empty()) {
      rep_.add(msg::pol_mode_invalid, f.value_start, f.value_end, {quote(f.value), fix});
    } else {
      rep_.add(msg::pol_mode_unknown, f.value_start, f.value_end, {quote(f.value)});
    }
  }

  // STS-POL-020/021/022/025: 1*10(DIGIT), at most 31557600.
  void on_max_age(const field& f, bool repeated) {
    if (!repeated) {
      max_age_seen_ = true;
      max_age_start_ = f.value_start;
      max_age_end_ = f.value_end;
    }
    const std::string_view v = f.value;
    if (v.empty()) {
      rep_.add(msg::pol_max_age_empty, f.key_start, f.colon + 1);
      return;
    }
    if (!all_digits(v)) {
      report_max_age_syntax(f);
      return;
    }
    if (v.size() > 10) {
      rep_.add(msg::pol_max_age_digits, f.value_start, f.value_end,
               {quote(v), to_string_u64(v.size())});
      return;
    }
    const std::uint64_t age = parse_digits(v);
    if (age > kMaxAgeCap)
      rep_.add(msg::pol_max_age_too_large, f.value_start, f.value_end, {quote(v)});
    if (v.size() > 1 && v[0] == '0')
      rep_.add(msg::pol_max_age_leading_zeros, f.value_start, f.value_end,
               {quote(v), to_string_u64(age)});
    if (age == 0) rep_.add(msg::pol_max_age_zero, f.value_start, f.value_end);
    if (!repeated && age <= 0xFFFFFFFFu) {
      value_.max_age = static_cast<std::uint32_t>(age);
      max_age_ok_ = age <= kMaxAgeCap;
    }
  }

  void report_max_age_syntax(const field& f) {
    const std::string_view v = f.value;
    // `604800 # one week`
    if (const std::size_t hash = v.find('#'); hash != std::string_view::npos) {
      const std::string_view before = trim_wsp(v.substr(0, hash));
      if (all_digits(before) && before.size() <= 10) {
        rep_.add(msg::pol_max_age_comment, f.value_start + hash, f.value_end,
                 {quote(v.substr(hash)), to_string_u64(parse_digits(before))});
        return;
      }
    }
    // `-1`, `+86400`
    if ((v[0] == '-' || v[0] == '+') && all_digits(v.substr(1))) {
      rep_.add(msg::pol_max_age_sign, f.value_start, f.value_end, {quote(v)});
      return;
    }
    // `1w`, `86400s`, `7 days`
    std::size_t d = 0;
    while (d < v.size() && detail::is_digit(v[d])) ++d;
    if (d > 0 && d <= 10) {
      const std::uint64_t unit = unit_seconds(trim_wsp(v.substr(d)));
      if (unit != 0) {
        std::uint64_t secs = parse_digits(v.substr(0, d)) * unit;
        if (secs > kMaxAgeCap) secs = kMaxAgeCap;
        rep_.add(msg::pol_max_age_unit, f.value_start, f.value_end,
                 {quote(v), to_string_u64(secs)});
        return;
      }
    }
    rep_.add(msg::pol_max_age_syntax, f.value_start, f.value_end, {quote(v)});
  }

  // STS-MX-001…008, 010, 011, 013 on one `mx` line; 029 and 012 across lines.
  void on_mx(const field& f) {
    ++mx_lines_;
    if (mx_lines_ == 1) {
      first_mx_start_ = f.key_start;
      first_mx_end_ = std::max(f.value_end, f.colon + 1);
    }
    if (f.value.empty()) {
      rep_.add(msg::mx_empty, f.key_start, f.colon + 1);
      return;
    }
    const detail::mx_pattern_info info = detail::analyze_mx_pattern(f.value);
    for (const detail::mx_finding& x : info.findings) report_mx(f, x);
    if (!info.valid) return;
    if (!mx_seen_.insert(info.normalized).second) {
      rep_.add(msg::pol_mx_duplicate, f.value_start, f.value_end, {quote(f.value)});
    }
    value_.mx.push_back(info.normalized);
    if (info.wildcard) {
      wildcards_.emplace(info.normalized.substr(2), f.value);
    } else {
      exact_mx_.push_back(f);
    }
  }

  void report_mx(const field& f, const detail::mx_finding& x) {
    using detail::mx_issue;
    const std::size_t b = f.value_start + x.start;
    const std::size_t e = f.value_start + x.end;
    const std::string q = quote(f.value);
    switch (x.kind) {
      case mx_issue::empty:
        rep_.add(msg::mx_empty, f.key_start, f.colon + 1);
        break;
      case mx_issue::several:
        rep_.add(x.detail == "preference" ? msg::mx_preference : msg::mx_several, b, e,
                 {q, quote(x.suggestion)});
        break;
      case mx_issue::url:
        rep_.add(msg::mx_url, b, e, {q, quote(x.suggestion)});
        break;
      case mx_issue::port:
        rep_.add(msg::mx_port, b, e, {q, quote(x.suggestion)});
        break;
      case mx_issue::bad_char:
        rep_.add(msg::mx_bad_char, b, e, {q, quote(x.detail)});
        break;
      case mx_issue::empty_label:
        rep_.add(msg::mx_empty_label, b, e, {q});
        break;
      case mx_issue::hyphen_edge:
        rep_.add(msg::mx_hyphen, b, e, {q, quote(x.detail)});
        break;
      case mx_issue::bad_wildcard:
        rep_.add(msg::mx_bad_wildcard, b, e, {q});
        break;
      case mx_issue::leading_dot:
        rep_.add(msg::mx_leading_dot, b, e, {q, quote(x.suggestion)});
        break;
      case mx_issue::trailing_dot:
        rep_.add(msg::mx_trailing_dot, b, e, {q, quote(x.suggestion)});
        break;
      case mx_issue::u_label:
        if (x.suggestion.empty()) {
          rep_.add(msg::mx_u_label_nofix, b, e, {q});
        } else {
          rep_.add(msg::mx_u_label, b, e, {q, quote(x.suggestion)});
        }
        break;
      case mx_issue::ip_literal:
        rep_.add(msg::mx_ip, b, e, {q});
        break;
      case mx_issue::label_too_long:
        rep_.add(msg::mx_label_long, b, e, {q, quote(x.detail, 20), to_string_u64(x.count)});
        break;
      case mx_issue::u_label_too_long:
        rep_.add(msg::mx_u_label_long, b, e, {q, quote(x.detail, 20)});
        break;
      case mx_issue::name_too_long:
        rep_.add(msg::mx_name_long, b, e, {q, to_string_u64(x.count)});
        break;
      case mx_issue::wildcard_suffix:
        rep_.add(msg::mx_wildcard_suffix, b, e, {q, quote(x.detail)});
        break;
      case mx_issue::wildcard_tld:
        rep_.add(msg::mx_wildcard_tld, b, e, {q, quote(x.detail)});
        break;
      case mx_issue::single_label:
        rep_.add(msg::mx_single_label, b, e, {q});
        break;
      case mx_issue::upper_case:
        rep_.add(msg::mx_upper, b, e, {q, quote(x.suggestion)});
        break;
      case mx_issue::microsoft_wildcard:
        rep_.add(msg::mx_microsoft, b, e);
        break;
    }
  }

  // STS-POL-010 (name), 011 (value), 032 (':' in value); 012/013 later.
  void on_extension(const field& f, bool repeated) {
    const std::string_view key = f.key;
    bool key_ok = true;
    const detail::utf8_step first = detail::utf8_next(key, 0);
    if (!detail::is_alnum(key[0])) {
      rep_.add(msg::pol_key_bad_start, f.key_start, f.key_start + first.bytes,
               {quote(key), quote(key.substr(0, first.bytes))});
      key_ok = false;
    } else {
      for (std::size_t i = 1; i < key.size();) {
        const detail::utf8_step st = detail::utf8_next(key, i);
        const char c = key[i];
        if (!(detail::is_alnum(c) || c == '_' || c == '-' || c == '.')) {
          rep_.add(msg::pol_key_bad_char, f.key_start + i, f.key_start + i + st.bytes,
                   {quote(key), quote(key.substr(i, st.bytes))});
          key_ok = false;
          break;
        }
        i += st.bytes;
      }
    }
    if (key.size() > kMaxKey) {
      rep_.add(msg::pol_key_too_long, f.key_start, f.key_end,
               {quote(key), to_string_u64(key.size())});
      key_ok = false;
    }

    bool value_ok = true;
    if (f.value.empty()) {
      rep_.add(msg::pol_ext_empty, f.key_start, f.colon + 1, {quote(key)});
      value_ok = false;
    } else {
      for (std::size_t i = 0; i < f.value.size(); ++i) {
        if (is_ctl(static_cast<unsigned char>(f.value[i]))) {
          rep_.add(msg::pol_ext_bad_char, f.value_start + i, f.value_start + i + 1,
                   {quote(key), quote(f.value.substr(i, 1))});
          value_ok = false;
          break;
        }
      }
      if (detail::find_invalid_utf8(f.value) != std::string_view::npos) value_ok = false;
      if (const std::size_t c = f.value.find(':'); c != std::string_view::npos)
        rep_.add(msg::pol_ext_colon, f.value_start + c, f.value_start + c + 1, {quote(key)});
    }
    if (!repeated && key_ok && value_ok) value_.extensions.emplace(key, f.value);
    if (!repeated) extension_lines_.push_back(extension_line{f, key_ok && value_ok});
  }

  void finish() {
    // STS-POL-012 / 013, once the registered fields present are known.
    std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> miss_at;
    for (const extension_line& x : extension_lines_) {
      const near_miss m = classify_key(x.f.key);
      const bool target_present = (m.target == kVersion && value_.version.has_value()) ||
                                  (m.target == kMode && mode_seen_) ||
                                  (m.target == kMaxAge && max_age_seen_) ||
                                  (m.target == kMx && mx_lines_ > 0);
      const bool report = m.kind == miss_kind::exact || m.kind == miss_kind::numbered_mx ||
                          (m.kind == miss_kind::fuzzy && !target_present);
      if (report) {
        if (m.kind == miss_kind::numbered_mx) {
          rep_.add(msg::pol_near_miss_mx, x.f.key_start, x.f.key_end,
                   {quote(x.f.key), quote(x.f.value)});
        } else {
          rep_.add(msg::pol_near_miss_key, x.f.key_start, x.f.key_end, {quote(x.f.key), m.target});
        }
        miss_at.emplace(m.target, std::make_pair(x.f.key_start, x.f.key_end));
      } else if (x.ok) {
        rep_.add(msg::pol_unknown_key, x.f.key_start, x.f.key_end, {quote(x.f.key)});
      }
    }
    const std::size_t n = s_.size();
    auto missing = [&](msg id, std::string_view target, std::size_t at) {
      if (const auto it = miss_at.find(target); it != miss_at.end()) {
        rep_.add(id, it->second.first, it->second.second);
      } else {
        rep_.add(id, at, at);
      }
    };
    // STS-POL-014, 016, 017, 019.
    if (!value_.version) {
      missing(msg::pol_missing_version, kVersion, 0);
    } else if (version_key_start_ != first_key_start_) {
      rep_.add(msg::pol_version_not_first, version_key_start_, version_key_end_);
    }
    if (!mode_seen_) missing(msg::pol_missing_mode, kMode, n);
    if (!max_age_seen_) missing(msg::pol_missing_max_age, kMaxAge, n);

    // STS-POL-026 / 027.
    const std::string_view mode = value_.mode ? std::string_view(*value_.mode) : "";
    const bool active = mode == "testing" || mode == "enforce";
    if (active && mx_lines_ == 0) {
      if (const auto it = miss_at.find(kMx); it != miss_at.end()) {
        rep_.add(msg::pol_missing_mx, it->second.first, it->second.second, {mode});
      } else {
        rep_.add(msg::pol_missing_mx, mode_start_, mode_end_, {mode});
      }
    }
    if (mode == "none" && mx_lines_ > 0)
      rep_.add(msg::pol_mx_with_none, first_mx_start_, first_mx_end_);

    // STS-POL-023 / 024 (0 is STS-POL-022's business).
    if (active && max_age_ok_ && value_.max_age && *value_.max_age > 0) {
      const std::uint64_t age = *value_.max_age;
      const std::string shown = to_string_u64(age);
      if (age < kDay) rep_.add(msg::pol_max_age_short, max_age_start_, max_age_end_, {shown, mode});
      if (mode == "enforce" && age < kWeek) {
        rep_.add(msg::pol_enforce_short, max_age_start_, max_age_end_, {shown});
      } else if (mode == "enforce" && age < kTwoWeeks) {
        rep_.add(msg::pol_enforce_under_two_weeks, max_age_start_, max_age_end_, {shown});
      }
    }

    // STS-MX-012: an exact name already covered by a wildcard.
    if (!wildcards_.empty()) {
      for (const field& f : exact_mx_) {
        const std::string lower = detail::ascii_lower(f.value);
        const std::size_t dot = lower.find('.');
        if (dot == std::string::npos) continue;
        const auto it = wildcards_.find(lower.substr(dot + 1));
        if (it != wildcards_.end())
          rep_.add(msg::mx_covered, f.value_start, f.value_end,
                   {quote(f.value), quote(it->second)});
      }
    }
  }

  std::string_view s_;
  reporter& rep_;
  policy value_;
  std::vector<line> lines_;
  std::size_t lf_count_ = 0;
  std::size_t crlf_count_ = 0;
  std::size_t first_lf_ = 0;
  std::size_t first_crlf_ = 0;

  std::size_t first_key_start_ = std::string_view::npos;
  std::unordered_map<std::string_view, std::string_view> first_value_;
  std::size_t version_key_start_ = 0;
  std::size_t version_key_end_ = 0;
  bool mode_seen_ = false;
  std::size_t mode_start_ = 0;
  std::size_t mode_end_ = 0;
  bool max_age_seen_ = false;
  bool max_age_ok_ = false;
  std::size_t max_age_start_ = 0;
  std::size_t max_age_end_ = 0;
  std::size_t mx_lines_ = 0;
  std::size_t first_mx_start_ = 0;
  std::size_t first_mx_end_ = 0;
  std::unordered_set<std::string> mx_seen_;
  std::unordered_map<std::string, std::string_view> wildcards_;  // base -> as written
  std::vector<field> exact_mx_;
  std::vector<extension_line> extension_lines_;
};

}  // namespace

result<policy> validate_policy(std::string_view bytes, const options& opts) {
  reporter rep(opts);
  policy_parser parser(bytes, rep);
  policy value = parser.run();
  return detail::make_result(std::move(value), rep, bytes);
}

}  // namespace mtasts

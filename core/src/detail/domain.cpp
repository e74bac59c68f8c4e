#include "detail/domain.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

#include "text.hpp"

namespace mtasts::detail {
namespace {

// RFC 3492 §5 parameter values for Punycode.
constexpr std::uint32_t kBase = 36;
constexpr std::uint32_t kTmin = 1;
constexpr std::uint32_t kTmax = 26;
constexpr std::uint32_t kSkew = 38;
constexpr std::uint32_t kDamp = 700;
constexpr std::uint32_t kInitialBias = 72;
constexpr std::uint32_t kInitialN = 128;

// RFC 3492 §6.1 bias adaptation.
std::uint32_t adapt(std::uint32_t delta, std::uint32_t numpoints, bool first) noexcept {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / numpoints;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTmin) * kTmax) / 2) {
    delta /= kBase - kTmin;
    k += kBase;
  }
  return k + (kBase - kTmin + 1) * delta / (delta + kSkew);
}

char encode_digit(std::uint32_t d) noexcept {
  return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26));
}

// Code point of a well-formed UTF-8 sequence of `n` bytes at `i`.
char32_t decode_cp(std::string_view s, std::size_t i, std::size_t n) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (n == 1) return b0;
  char32_t cp = b0 & (n == 2 ? 0x1Fu : n == 3 ? 0x0Fu : 0x07u);
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return cp;
}

// A small lower-case mapping (IDNA2008 labels must be lower case; UTS 46
// maps case before Punycode). Covers ASCII, Latin-1, Latin Extended-A, basic
// Greek and Cyrillic: enough for the names people type in a policy.
char32_t lower_cp(char32_t c) noexcept {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c < 0xC0) return c;
  if (c <= 0xDE && c != 0xD7) return c + 0x20;  // À–Þ except ×
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130) return U'i';  // İ
    if (c == 0x178) return 0xFF;  // Ÿ
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
    if (c == 0x138 || c == 0x149 || c == 0x17F) return c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // Cyrillic А–Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                // Ѐ–Џ
  return c;
}

bool all_ascii(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_hex(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Common multi-label public suffixes (ICANN second levels and a few private
// hosting suffixes of the Public Suffix List). A wildcard on one of these
// would accept any customer's host.
constexpr std::string_view kPublicSuffixes[] = {
    "ac.jp",           "ac.uk",          "ac.za",
    "appspot.com",     "asso.fr",        "azurewebsites.net",
    "blogspot.com",    "cloudfront.net", "co.at",
    "co.id",           "co.il",          "co.in",
    "co.jp",           "co.kr",          "co.nz",
    "co.th",           "co.uk",          "co.za",
    "com.ar",          "com.au",         "com.br",
    "com.cn",          "com.co",         "com.eg",
    "com.es",          "com.hk",         "com.mx",
    "com.my",          "com.ng",         "com.pe",
    "com.ph",          "com.pk",         "com.pl",
    "com.ru",          "com.sa",         "com.sg",
    "com.tr",          "com.tw",         "com.ua",
    "com.vn",          "edu.au",         "edu.cn",
    "firebaseapp.com", "github.io",      "gitlab.io",
    "go.jp",           "gouv.fr",        "gov.au",
    "gov.br",          "gov.cn",         "gov.in",
    "gov.uk",          "gv.at",          "herokuapp.com",
    "ltd.uk",          "me.uk",          "ne.jp",
    "net.au",          "net.br",         "net.cn",
    "net.in",          "net.nz",         "net.uk",
    "netlify.app",     "nhs.uk",         "or.at",
    "or.jp",           "or.kr",          "org.au",
    "org.br",          "org.cn",         "org.in",
    "org.mx",          "org.nz",         "org.uk",
    "org.za",          "pages.dev",      "plc.uk",
    "police.uk",       "sch.uk",         "vercel.app",
    "web.app",         "workers.dev",    "com.de",
    "co.com",          "eu.org",         "us.com",
    "uk.com",
};

}  // namespace

bool punycode_encode(const std::vector<char32_t>& cps, std::string& out) {
  // RFC 3492 §6.3.
  constexpr auto kMax = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t n = kInitialN;
  std::uint32_t delta = 0;
  std::uint32_t bias = kInitialBias;
  std::uint32_t b = 0;
  for (char32_t c : cps) {
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++b;
    }
  }
  std::uint32_t h = b;
  if (b > 0) out += '-';
  const auto total = static_cast<std::uint32_t>(cps.size());
  while (h < total) {
    std::uint32_t m = kMax;
    for (char32_t c : cps)
      if (c >= n && c < m) m = c;
    if (m - n > (kMax - delta) / (h + 1)) return false;
    delta += (m - n) * (h + 1);
    n = m;
    for (char32_t c : cps) {
      if (c < n && ++delta == 0) return false;
      if (c == n) {
        std::uint32_t q = delta;
        for (std::uint32_t k = kBase;; k += kBase) {
          const std::uint32_t t = k <= bias ? kTmin : k >= bias + kTmax ? kTmax : k - bias;
          if (q < t) break;
          out += encode_digit(t + (q - t) % (kBase - t));
          q = (q - t) / (kBase - t);
        }
        out += encode_digit(q);
        bias = adapt(delta, h + 1, h == b);
        delta = 0;
        ++h;
      }
    }
    ++delta;
    ++n;
  }
  return true;
}

// Compatibility characters that UTS 46 maps to other letters (Ⅸ → ix,
// ① → 1, 𝐚 → a…) and IDNA2008 disallows: encoding them as they are would
// give an A-label no DNS name has, so they make the name invalid.
bool is_compatibility_form(char32_t c) noexcept {
  return (c >= 0x2100 && c <= 0x218F) ||   // letterlike symbols, number forms
         (c >= 0x2460 && c <= 0x24FF) ||   // enclosed alphanumerics
         (c >= 0xFF00 && c <= 0xFFEF) ||   // half- and full-width forms (left after mapping)
         (c >= 0x1D400 && c <= 0x1D7FF);  // mathematical alphanumerics
}

std::optional<std::string> to_a_label(std::string_view label) {
  if (all_ascii(label)) return ascii_lower(label);
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < label.size();) {
    const utf8_step st = utf8_next(label, i);
    if (!st.valid) return std::nullopt;
    if (cps.size() == kMaxULabelCodePoints) return std::nullopt;
    char32_t cp = decode_cp(label, i, st.bytes);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII (UTS 46)
    if (is_compatibility_form(cp)) return std::nullopt;
    cps.push_back(lower_cp(cp));
    i += st.bytes;
  }
  if (std::all_of(cps.begin(), cps.end(), [](char32_t c) { return c < 0x80; }))
    return std::string(cps.begin(), cps.end());
  std::string out = "xn--";
  if (!punycode_encode(cps, out)) return std::nullopt;
  return out;
}

std::string map_wide_forms(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += s[i++];
      continue;
    }
    const utf8_step st = utf8_next(s, i);
    if (!st.valid) {  // left for the caller to reject
      out.append(s.substr(i, std::max<std::size_t>(st.bytes, 1)));
      i += std::max<std::size_t>(st.bytes, 1);
      continue;
    }
    const char32_t cp = decode_cp(s, i, st.bytes);
    if (cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61)
      out += '.';
    else if (cp >= 0xFF01 && cp <= 0xFF5E)
      out += static_cast<char>(cp - 0xFEE0);
    else
      out.append(s.substr(i, st.bytes));
    i += st.bytes;
  }
  return out;
}

std::optional<std::string> domain_to_ascii(std::string_view raw) {
  const std::string mapped = map_wide_forms(raw);
  std::string_view name = mapped;
  // A trailing ideographic full stop ends a name as the ASCII dot does.
  if (name.size() > 1 && name.back() == '.' && (raw.empty() || raw.back() != '.')) name.remove_suffix(1);
  std::string out;
  out.reserve(name.size());
  std::size_t i = 0;
  while (true) {
    const std::size_t dot = name.find('.', i);
    const std::size_t end = dot == std::string_view::npos ? name.size() : dot;
    auto label = to_a_label(name.substr(i, end - i));
    if (!label) return std::nullopt;
    out += *label;
    if (dot == std::string_view::npos) break;
    out += '.';
    i = dot + 1;
  }
  return out;
}

bool is_ldh_label(std::string_view label) noexcept {
  if (label.empty() || label.size() > 63) return false;
  if (!is_alnum(label.front()) || !is_alnum(label.back())) return false;
  return std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; });
}

bool is_ipv4_literal(std::string_view s) noexcept {
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t digits = 0;
    unsigned value = 0;
    while (i < s.size() && is_digit(s[i]) && digits < 4) {
      value = value * 10 + static_cast<unsigned>(s[i] - '0');
      ++digits;
      ++i;
    }
    if (digits == 0 || digits > 3 || value > 255) return false;
    ++parts;
    if (i == s.size()) return parts == 4;
    if (s[i] != '.' || parts == 4) return false;
    ++i;
  }
}

bool looks_like_ipv6(std::string_view s) noexcept {
  if (istarts_with(s, "ipv6:")) return true;
  const auto colons = std::count(s.begin(), s.end(), ':');
  if (colons < 2) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return is_hex(c) || c == ':' || c == '.'; });
}

bool is_public_suffix(std::string_view lower) noexcept {
  return std::find(std::begin(kPublicSuffixes), std::end(kPublicSuffixes), lower) !=
         std::end(kPublicSuffixes);
}

bool is_error(mx_issue k) noexcept {
  switch (k) {
    case mx_issue::wildcard_suffix:
    case mx_issue::wildcard_tld:
    case mx_issue::single_label:
    case mx_issue::upper_case:
    case mx_issue::microsoft_wildcard:
      return false;
    default:
      return true;
  }
}

namespace {

bool is_list_separator(char c) noexcept { return is_wsp(c) || c == ',' || c == ';'; }

// Splits on separators; returns the non-empty parts.
std::vector<std::string_view> split_parts(std::string_view p) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < p.size()) {
    while (i < p.size() && is_list_separator(p[i])) ++i;
    const std::size_t s = i;
    while (i < p.size() && !is_list_separator(p[i])) ++i;
    if (i > s) parts.push_back(p.substr(s, i - s));
  }
  return parts;
}

std::string strip_one_dot(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

mx_pattern_info analyze_mx_pattern(std::string_view p) {
  mx_pattern_info info;
  auto add = [&info](mx_issue k, std::size_t s, std::size_t e) -> mx_finding& {
    info.findings.push_back(mx_finding{k, s, e, {}, {}, 0});
    return info.findings.back();
  };
  const std::size_t n = p.size();
  if (n == 0) {
    add(mx_issue::empty, 0, 0);
    return info;
  }
  info.bad_utf8 = find_invalid_utf8(p) != std::string_view::npos;

  // Several names on one line ("a.example b.example", "10 mx.example.").
  if (std::any_of(p.begin(), p.end(), is_list_separator)) {
    const auto parts = split_parts(p);
    if (parts.size() == 2 && std::all_of(parts[0].begin(), parts[0].end(), is_digit)) {
      add(mx_issue::several, 0, n).suggestion = strip_one_dot(parts[1]);
      info.findings.back().detail = "preference";
      return info;
    }
    if (parts.size() >= 2) {
      add(mx_issue::several, 0, n).suggestion = std::string(parts[0]);
      return info;
    }
  }

  // IP literals (RFC 5321 address literals, dotted quads, IPv6 text).
  const std::string_view no_dot = p.back() == '.' ? p.substr(0, n - 1) : p;
  if (p.front() == '[' || is_ipv4_literal(no_dot) || looks_like_ipv6(p)) {
    add(mx_issue::ip_literal, 0, n);
    return info;
  }

  // URL or host:port.
  if (const std::size_t k = p.find("://"); k != std::string_view::npos) {
    std::string_view host = p.substr(k + 3);
    if (const std::size_t at = host.find('@'); at != std::string_view::npos)
      host = host.substr(at + 1);
    host = host.substr(0, std::min(host.size(), host.find_first_of("/:?#")));
    add(mx_issue::url, 0, n).suggestion = strip_one_dot(host);
    return info;
  }
  if (const std::size_t c = p.find(':');
      c != std::string_view::npos && p.find(':', c + 1) == std::string_view::npos && c + 1 < n &&
      n - c - 1 <= 5 &&
      std::all_of(p.begin() + static_cast<std::ptrdiff_t>(c + 1), p.end(), is_digit)) {
    add(mx_issue::port, c, n).suggestion = strip_one_dot(p.substr(0, c));
    return info;
  }

  // Body: the pattern without a leading dot (old drafts) or a trailing dot.
  std::size_t b = 0;
  std::size_t e = n;
  if (n > 1 && p[n - 1] == '.' && p[n - 2] != '.' && p != "*.") {
    add(mx_issue::trailing_dot, n - 1, n).suggestion = std::string(p.substr(0, n - 1));
    e = n - 1;
  }
  if (e > 1 && p[0] == '.' && p[1] != '.') {
    add(mx_issue::leading_dot, 0, 1).suggestion = "*" + std::string(p.substr(0, e));
    b = 1;
  }
  const std::string_view body = p.substr(b, e - b);
  std::size_t base_off = b;
  if (body.size() >= 2 && body[0] == '*' && body[1] == '.') {
    info.wildcard = true;
    base_off = b + 2;
  }
  const std::string_view base = p.substr(base_off, e - base_off);
  if (const std::size_t star = base.find('*'); star != std::string_view::npos) {
    std::size_t se = star;
    while (se < base.size() && base[se] == '*') ++se;
    add(mx_issue::bad_wildcard, base_off + star, base_off + se);
  } else if (info.wildcard && base.empty()) {
    add(mx_issue::bad_wildcard, b, e);
  }

  bool non_ascii = false;
  std::size_t na_start = n;
  std::size_t na_end = 0;
  bool empty_reported = false;
  for (std::size_t i = 0; !base.empty();) {
    const std::size_t dot = base.find('.', i);
    const std::size_t le = dot == std::string_view::npos ? base.size() : dot;
    const std::string_view label = base.substr(i, le - i);
    const std::size_t ls = base_off + i;
    if (label.empty()) {
      if (!empty_reported) {
        std::size_t rs = ls;
        std::size_t re = ls;
        while (rs > base_off && p[rs - 1] == '.') --rs;
        while (re < e && p[re] == '.') ++re;
        add(mx_issue::empty_label, rs, re);
        empty_reported = true;
      }
    } else {
      bool ascii = true;
      for (std::size_t j = 0; j < label.size();) {
        const auto c = static_cast<unsigned char>(label[j]);
        if (c >= 0x80) {
          ascii = false;
          j += utf8_next(label, j).bytes;
          continue;
        }
        if (c != '*' && !is_alnum(label[j]) && c != '-') {
          add(mx_issue::bad_char, ls + j, ls + j + 1).detail = std::string(1, label[j]);
          break;  // one per label
        }
        ++j;
      }
      if (label.front() == '-' || label.back() == '-')
        add(mx_issue::hyphen_edge, ls, ls + label.size()).detail = std::string(label);
      if (ascii) {
        if (label.size() > 63) {
          auto& f = add(mx_issue::label_too_long, ls, ls + label.size());
          f.detail = std::string(label);
          f.count = label.size();
        }
      } else {
        non_ascii = true;
        na_start = std::min(na_start, ls);
        na_end = std::max(na_end, ls + label.size());
        if (!info.bad_utf8) {
          const auto a = to_a_label(label);
          if (!a || a->size() > 63)
            add(mx_issue::u_label_too_long, ls, ls + label.size()).detail = std::string(label);
        }
      }
    }
    if (dot == std::string_view::npos) break;
    i = dot + 1;
  }

  std::size_t ascii_len = e - b;
  if (non_ascii && !info.bad_utf8) {
    const std::string fixed = (b == 1 ? "*" : "") + std::string(p.substr(0, e));
    const auto conv = domain_to_ascii(fixed);
    add(mx_issue::u_label, na_start, na_end).suggestion = conv ? *conv : std::string();
    if (conv) ascii_len = conv->size() - (b == 1 ? 2 : 0);
  }
  if (ascii_len > 253) add(mx_issue::name_too_long, b, e).count = ascii_len;

  info.valid = !info.bad_utf8 && std::none_of(info.findings.begin(), info.findings.end(),
                                              [](const mx_finding& f) { return is_error(f.kind); });
  if (!info.valid) return info;

  info.normalized = ascii_lower(body);
  if (info.normalized != body) add(mx_issue::upper_case, b, e).suggestion = info.normalized;
  const std::string_view lower_base =
      std::string_view(info.normalized).substr(info.wildcard ? 2 : 0);
  if (lower_base.find('.') == std::string_view::npos) {
    add(info.wildcard ? mx_issue::wildcard_tld : mx_issue::single_label, b, e).detail =
        std::string(lower_base);
  } else if (info.wildcard && is_public_suffix(lower_base)) {
    add(mx_issue::wildcard_suffix, b, e).detail = std::string(lower_base);
  }
  if (info.wildcard && lower_base == "mx.microsoft") add(mx_issue::microsoft_wildcard, b, e);
  return info;
}

}  // namespace mtasts::detail

#include "detail/generate_util.hpp"

#include <algorithm>
#include <optional>

#include "detail/domain.hpp"
#include "text.hpp"

namespace mtasts::detail {

void emit(std::vector<field_diagnostic>& out, std::string_view field, const reporter& rep,
          std::string_view raw) {
  for (diagnostic& d : rep.finish(raw)) {
    field_diagnostic f;
    static_cast<diagnostic&>(f) = std::move(d);
    f.field = std::string(field);
    out.push_back(std::move(f));
  }
}

void emit_whole(std::vector<field_diagnostic>& out, std::string_view field, const diagnostic& d) {
  field_diagnostic f;
  static_cast<diagnostic&>(f) = d;
  f.field = std::string(field);
  f.line = 1;
  f.column = 1;
  f.start = 0;
  f.end = 0;
  f.record = -1;
  out.push_back(std::move(f));
}

void emit_shifted(std::vector<field_diagnostic>& out, std::string_view field, const diagnostic& d,
                  std::uint32_t value_start, std::uint32_t lead, std::uint32_t value_units) {
  field_diagnostic f;
  static_cast<diagnostic&>(f) = d;
  f.field = std::string(field);
  const std::uint32_t s = std::min(d.start > value_start ? d.start - value_start : 0u, value_units);
  const std::uint32_t e =
      std::max(s, std::min(d.end > value_start ? d.end - value_start : 0u, value_units));
  f.start = lead + s;
  f.end = lead + e;
  f.line = 1;
  f.column = f.start + 1;
  f.record = -1;
  out.push_back(std::move(f));
}

bool has_error(const std::vector<field_diagnostic>& ds) noexcept {
  return std::any_of(ds.begin(), ds.end(),
                     [](const field_diagnostic& d) { return d.sev == severity::error; });
}

bool has_error(const std::vector<diagnostic>& ds) noexcept {
  return std::any_of(ds.begin(), ds.end(),
                     [](const diagnostic& d) { return d.sev == severity::error; });
}

std::string error_codes(const std::vector<diagnostic>& ds) {
  std::vector<std::string> codes;
  for (const diagnostic& d : ds)
    if (d.sev == severity::error && std::find(codes.begin(), codes.end(), d.code) == codes.end())
      codes.push_back(d.code);
  std::string s;
  for (const std::string& c : codes) {
    if (!s.empty()) s += ", ";
    s += c;
  }
  return s;
}

std::uint32_t utf16_length(std::string_view s) noexcept {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const utf8_step st = utf8_next(s, i);
    n += st.units;
    i += st.bytes;
  }
  return n;
}

std::string_view trim_wsp(std::string_view s, std::size_t* lead) noexcept {
  std::size_t a = 0;
  std::size_t b = s.size();
  while (a < b && is_wsp(s[a])) ++a;
  while (b > a && is_wsp(s[b - 1])) --b;
  if (lead != nullptr) *lead = a;
  return s.substr(a, b - a);
}

std::size_t find_control(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return i;
  }
  return std::string_view::npos;
}

bool report_control(reporter& rep, std::string_view value, std::size_t lead) {
  const std::size_t at = find_control(value);
  if (at == std::string_view::npos) return false;
  // RFC 8461 §3.2 and the TXT grammars exclude CTLs: a pasted line break or
  // tab cannot be written into a one-line field.
  rep.add(msg::gen_control_char, lead + at, lead + at + 1, {quote(value.substr(at, 1))});
  return true;
}

namespace {

// "https://www.example.com/x" -> "www.example.com"; "a@b.example" -> "b.example".
std::string host_of(std::string_view v) {
  const std::size_t scheme = v.find("://");
  if (scheme != std::string_view::npos) v.remove_prefix(scheme + 3);
  const std::size_t path = v.find_first_of("/?#");
  if (path != std::string_view::npos) v = v.substr(0, path);
  const std::size_t at = v.rfind('@');
  if (at != std::string_view::npos) v.remove_prefix(at + 1);
  if (!v.empty() && v.front() != '[') {
    const std::size_t colon = v.find(':');
    if (colon != std::string_view::npos) v = v.substr(0, colon);
  }
  if (v.size() > 1 && v.back() == '.') v.remove_suffix(1);
  return ascii_lower(v);
}

std::vector<std::string_view> split_labels(std::string_view name) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    if (dot == std::string_view::npos) {
      labels.push_back(name.substr(start));
      break;
    }
    labels.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  return labels;
}

}  // namespace

constexpr std::string_view kLongestPrefix = "_smtp._tls.";

domain_field check_domain(std::string_view raw, bool required, const options& opts,
                          std::vector<field_diagnostic>& out) {
  reporter rep(opts);
  domain_field r;
  std::size_t lead = 0;
  const std::string_view v = trim_wsp(raw, &lead);
  const std::size_t end = lead + v.size();
  const auto done = [&]() {
    emit(out, "domain", rep, raw);
    r.ok = !rep.has_error();
    if (!r.ok) r.a_label.clear();
    return r;
  };
  if (v.empty()) {
    if (required) rep.add(msg::gen_domain_required, 0, raw.size());
    return done();
  }
  if (report_control(rep, v, lead)) return done();
  if (v.find_first_of("/@:") != std::string_view::npos) {
    std::string host = host_of(v);
    if (host.empty()) host = "example.com";
    rep.add(msg::gen_domain_url, lead, end, {quote(v), host});
    return done();
  }
  std::string_view name = v;
  if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);

  // `_mta-sts.example.com`, `_smtp._tls.example.com`, `_dmarc.example.com`:
  // the record's owner name typed instead of the domain.
  if (name.front() == '_') {
    std::size_t i = 0;
    while (i < name.size() && name[i] == '_') {
      const std::size_t dot = name.find('.', i);
      if (dot == std::string_view::npos) {
        i = name.size();
        break;
      }
      i = dot + 1;
    }
    if (i < name.size()) {
      const std::string prefix = ascii_lower(name.substr(0, i - 1));
      const std::string rest = ascii_lower(name.substr(i));
      rep.add(msg::gen_domain_service_label, lead, end, {quote(v), prefix, rest});
      return done();
    }
  }

  const std::optional<std::string> ascii = domain_to_ascii(name);
  if (!ascii) {
    rep.add(msg::gen_domain_invalid, lead, end, {quote(v)});
    return done();
  }
  const std::string& a = *ascii;
  // The longest name the records need is _smtp._tls.<domain> (11 more).
  if (a.size() + kLongestPrefix.size() > 253) {
    rep.add(msg::gen_domain_too_long, lead, end,
            {quote(v), std::to_string(a.size()), std::to_string(253 - kLongestPrefix.size())});
    return done();
  }
  const std::vector<std::string_view> labels = split_labels(a);
  for (std::string_view l : labels) {
    if (!is_ldh_label(l)) {
      rep.add(msg::gen_domain_invalid, lead, end, {quote(v)});
      return done();
    }
  }
  if (is_ipv4_literal(a)) {
    rep.add(msg::gen_domain_invalid, lead, end, {quote(v)});
    return done();
  }
  if (labels.size() < 2) {
    rep.add(msg::gen_domain_single_label, lead, end, {quote(v)});
    return done();
  }
  if (a != v) rep.add(msg::gen_domain_normalized, lead, end, {quote(v), a});
  if (labels.size() >= 3 && labels.front() == "mta-sts")
    rep.add(msg::gen_domain_policy_host, lead, end, {quote(v), a.substr(8)});
  r.a_label = a;
  return done();
}

std::string organizational_domain(std::string_view host) {
  const std::vector<std::string_view> labels = split_labels(host);
  const std::size_t n = labels.size();
  if (n <= 2) return std::string(host);
  const auto tail = [&](std::size_t k) {
    std::size_t off = 0;
    for (std::size_t i = 0; i < n - k; ++i) off += labels[i].size() + 1;
    return host.substr(off);
  };
  if (is_public_suffix(tail(2))) return std::string(tail(3));
  return std::string(tail(2));
}

std::string zone_owner(std::string_view label, std::string_view domain) {
  std::string s(label);
  if (!domain.empty()) {
    s += '.';
    s += domain;
    s += '.';
  }
  return s;
}

std::vector<std::string> split_txt(std::string_view text) {
  constexpr std::size_t kMax = 255;  // RFC 1035 §3.3
  std::vector<std::string> pieces;
  std::size_t pos = 0;
  while (text.size() - pos > kMax) {
    std::size_t cut = pos + kMax;
    for (std::size_t i = pos + kMax; i > pos + 1; --i) {
      const char prev = text[i - 1];
      if (prev == ',' || (prev == ' ' && text[i - 2] == ';')) {
        cut = i;
        break;
      }
    }
    pieces.emplace_back(text.substr(pos, cut - pos));
    pos = cut;
  }
  pieces.emplace_back(text.substr(pos));
  return pieces;
}

std::string quote_txt(const std::vector<std::string>& strings) {
  static constexpr char kDigits[] = "0123456789";
  std::string s;
  for (const std::string& str : strings) {
    if (!s.empty()) s += ' ';
    s += '"';
    for (char c : str) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        s += '\\';
        s += c;
      } else if (u < 0x20 || u >= 0x7F) {
        s += '\\';
        s += kDigits[u / 100];
        s += kDigits[(u / 10) % 10];
        s += kDigits[u % 10];
      } else {
        s += c;
      }
    }
    s += '"';
  }
  return s;
}

std::string txt_zone_line(std::string_view owner, std::string_view text) {
  std::string s(owner);
  s += ' ';
  s += std::to_string(kZoneTtl);
  s += " IN TXT ";
  s += quote_txt(split_txt(text));
  return s;
}

}  // namespace mtasts::detail

// Generators of the MTA-STS policy and of the `_mta-sts`, `_smtp._tls` and
// `_dmarc` TXT records (rules.md §10, GEN-001…007), and the Exchange Online
// DANE pattern (GEN-005).
//
// Each input field is judged with the validators' own rules where they
// exist: a pattern, a max_age or a report URI is put in the place of its
// field in a small synthetic record, validated, and the diagnostics about it
// are moved back onto the field (same messages, same codes as the
// validator). The artefact is then built and validated again; any error
// there is a bug and hides the output (GEN-002 self-check).
#include "mtasts/generate.hpp"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "detail/domain.hpp"
#include "detail/generate_util.hpp"
#include "detail/uri.hpp"
#include "mtasts/dmarc.hpp"
#include "mtasts/policy.hpp"
#include "mtasts/sts_record.hpp"
#include "mtasts/tlsrpt.hpp"
#include "report.hpp"
#include "text.hpp"

namespace mtasts {
namespace {

using detail::emit;
using detail::emit_shifted;
using detail::emit_whole;
using detail::msg;
using detail::quote;
using detail::reporter;

constexpr std::string_view kProbeMx = "version: STSv1\r\nmode: testing\r\nmax_age: 86400\r\nmx: ";
constexpr std::string_view kProbeMaxAge = "version: STSv1\r\nmode: none\r\nmax_age: ";
constexpr std::string_view kProbeTlsrpt = "v=TLSRPTv1; rua=";
constexpr std::string_view kProbeDmarc = "v=DMARC1; p=none; rua=";

bool starts_with(std::string_view s, std::string_view p) noexcept {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}

bool code_in(std::string_view code, std::initializer_list<std::string_view> codes) noexcept {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string field_index(std::string_view name, std::size_t i) {
  return std::string(name) + "[" + std::to_string(i) + "]";
}

// Diagnostics of one field, sorted by position then code, like the
// validators' (the field's reporter items and the moved-back ones mix).
void sort_from(std::vector<field_diagnostic>& out, std::size_t from) {
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
                   [](const field_diagnostic& a, const field_diagnostic& b) {
                     if (a.start != b.start) return a.start < b.start;
                     return a.code < b.code;
                   });
}

void self_check_failed(std::vector<field_diagnostic>& out, const options& opts,
                       std::string_view what, const std::vector<diagnostic>& ds) {
  reporter rep(opts);
  rep.add(msg::gen_self_check_failed, 0, 0, {what, detail::error_codes(ds)});
  emit(out, "", rep, {});
}

// Where the fields of a generated record are, to attach the diagnostics of
// its re-validation to the input they come from.
struct span_field {
  std::size_t start;
  std::size_t end;
  std::string field;
};

std::string field_at(const std::vector<span_field>& spans, const diagnostic& d) {
  // Innermost span containing the diagnostic's start (list items are listed
  // after the tag that holds them).
  std::string best;
  for (const span_field& s : spans)
    if (d.start >= s.start && d.start < s.end && d.end <= s.end) best = s.field;
  return best;
}

// ---------------------------------------------------------------------------
// A mode-like choice: empty gives `fallback` (possibly empty = not written).
std::optional<std::string> choice(std::string_view raw, std::string_view field,
                                  std::initializer_list<std::string_view> allowed,
                                  std::string_view fallback, const options& opts,
                                  std::vector<field_diagnostic>& out, bool& bad) {
  reporter rep(opts);
  std::size_t lead = 0;
  const std::string_view v = detail::trim_wsp(raw, &lead);
  std::optional<std::string> result;
  if (v.empty()) {
    result = std::string(fallback);
  } else if (!detail::report_control(rep, v, lead)) {
    const std::string l = detail::ascii_lower(v);
    if (std::find(allowed.begin(), allowed.end(), l) != allowed.end()) {
      result = l;
    } else if (field == "mode") {
      rep.add(msg::gen_mode_invalid, lead, lead + v.size(), {quote(v)});
    } else {
      std::string list;
      for (std::string_view a : allowed) {
        if (!list.empty()) list += ", ";
        list += a;
      }
      rep.add(msg::gen_choice_invalid, lead, lead + v.size(), {field, quote(v), list});
    }
  }
  if (rep.has_error()) bad = true;
  emit(out, field, rep, raw);
  return rep.has_error() ? std::nullopt : result;
}

// ---------------------------------------------------------------------------
// MTA-STS policy

struct mx_row {
  std::optional<std::string> pattern;  // normalised; nullopt: blank or bad
  bool bad = false;
};

// One `mx` row: its STS-MX findings come from validate_policy on a policy
// holding just that pattern; what the generator fixes by itself (upper case
// STS-MX-011, a trailing dot STS-MX-004, a convertible U-label STS-MX-005)
// becomes a GEN-003 note instead.
mx_row check_mx_row(std::string_view raw, std::string_view field, std::string_view domain,
                    const options& opts, std::vector<field_diagnostic>& out) {
  const std::size_t from = out.size();
  reporter rep(opts);
  mx_row row;
  std::size_t lead = 0;
  const std::string_view v = detail::trim_wsp(raw, &lead);
  const auto finish = [&]() {
    emit(out, field, rep, raw);
    sort_from(out, from);
    row.bad = row.bad || rep.has_error();
    if (row.bad) row.pattern.reset();
    return row;
  };
  if (v.empty()) {
    rep.add(msg::gen_blank_row, 0, raw.size());
    return finish();
  }
  if (detail::report_control(rep, v, lead)) return finish();

  std::string_view candidate = v;
  if (candidate.size() > 1 && candidate.back() == '.') candidate.remove_suffix(1);
  const std::optional<std::string> ascii = detail::domain_to_ascii(candidate);

  const std::string probe = std::string(kProbeMx) + std::string(v) + "\r\n";
  const result<policy> pr = validate_policy(probe, opts);
  const auto value_start = static_cast<std::uint32_t>(kProbeMx.size());
  const std::uint32_t units = detail::utf16_length(v);
  std::vector<diagnostic> kept;
  for (const diagnostic& d : pr.diagnostics) {
    const bool ours = starts_with(d.code, "STS-MX-") || d.code == "STS-POL-030";
    if (!ours) continue;
    if (d.code == "STS-MX-004" || d.code == "STS-MX-011") continue;
    if (d.code == "STS-MX-005" && ascii) continue;
    kept.push_back(d);
  }
  if (detail::has_error(kept)) {
    for (const diagnostic& d : kept)
      emit_shifted(out, field, d, value_start, static_cast<std::uint32_t>(lead), units);
    row.bad = true;
    return finish();
  }
  const detail::mx_pattern_info info =
      ascii ? detail::analyze_mx_pattern(*ascii) : detail::mx_pattern_info{};
  if (!info.valid) {
    // Invalid only once normalised (e.g. an A-label longer than 63 octets):
    // show the validator's findings on the normalised form.
    const std::string probe2 = std::string(kProbeMx) + (ascii ? *ascii : std::string(v)) + "\r\n";
    bool any = false;
    for (const diagnostic& d : validate_policy(probe2, opts).diagnostics) {
      if (d.sev != severity::error) continue;
      emit_whole(out, field, d);
      any = true;
    }
    if (!any) rep.add(msg::mx_u_label_nofix, lead, lead + v.size(), {quote(v)});
    row.bad = true;
    return finish();
  }
  for (const diagnostic& d : kept)
    emit_shifted(out, field, d, value_start, static_cast<std::uint32_t>(lead), units);
  const std::string& p = info.normalized;
  if (p != v) rep.add(msg::gen_mx_normalized, lead, lead + v.size(), {quote(v), quote(p)});
  // STS-MX-009 needs the policy domain, which only the generator knows.
  if (!domain.empty() && info.wildcard && std::string_view(p).substr(2) == domain)
    rep.add(msg::gen_mx_own_wildcard, lead, lead + v.size(), {quote(p), std::string(domain)});
  row.pattern = p;
  return finish();
}

// max_age: judged by validate_policy (STS-POL-020/021 with their fixes).
std::optional<std::uint32_t> check_max_age(std::string_view raw, std::string_view mode,
                                           const options& opts,
                                           std::vector<field_diagnostic>& out) {
  const std::size_t from = out.size();
  reporter rep(opts);
  std::size_t lead = 0;
  const std::string_view v = detail::trim_wsp(raw, &lead);
  std::optional<std::uint32_t> n;
  bool moved_error = false;  // an error moved back from the probe
  if (v.empty()) {
    // GEN-004: one day while testing, one week for enforce.
    if (mode == "enforce") {
      rep.add(msg::gen_max_age_default_week, 0, raw.size());
      n = kMaxAgeWeek;
    } else {
      rep.add(msg::gen_max_age_default_day, 0, raw.size(), {mode});
      n = kMaxAgeDay;
    }
  } else if (!detail::report_control(rep, v, lead)) {
    const std::string probe = std::string(kProbeMaxAge) + std::string(v) + "\r\n";
    const result<policy> pr = validate_policy(probe, opts);
    std::vector<diagnostic> kept;
    for (const diagnostic& d : pr.diagnostics)
      if (code_in(d.code, {"STS-POL-020", "STS-POL-021", "STS-POL-030"})) kept.push_back(d);
    if (detail::has_error(kept) || !pr.value.max_age) {
      moved_error = detail::has_error(kept);
      const std::uint32_t units = detail::utf16_length(v);
      for (const diagnostic& d : kept)
        emit_shifted(out, "maxAge", d, static_cast<std::uint32_t>(kProbeMaxAge.size()),
                     static_cast<std::uint32_t>(lead), units);
      if (kept.empty()) rep.add(msg::pol_max_age_syntax, lead, lead + v.size(), {quote(v)});
    } else {
      n = *pr.value.max_age;
    }
  }
  emit(out, "maxAge", rep, raw);
  sort_from(out, from);
  if (rep.has_error() || moved_error) n.reset();
  return n;
}

// ---------------------------------------------------------------------------
// Report URIs (TLS-RPT rua, DMARC rua/ruf)

enum class uri_kind { tlsrpt, dmarc };

// RFC 6068 §2: a bare address becomes `mailto:`; local-part characters
// outside unreserved (and `+`) are percent-encoded, which also encodes the
// `,`, `!` and `;` that RFC 8460 §3 and RFC 7489 §6.4 reserve.
std::string percent_encode_local(std::string_view local) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string s;
  for (char c : local) {
    if (detail::is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+') {
      s += c;
    } else {
      const auto u = static_cast<unsigned char>(c);
      s += '%';
      s += kHex[u >> 4];
      s += kHex[u & 0x0F];
    }
  }
  return s;
}

struct uri_row {
  std::optional<std::string> uri;
  bool bad = false;
};

uri_row check_uri_row(std::string_view raw, std::string_view field, uri_kind kind,
                      const options& opts, std::vector<field_diagnostic>& out) {
  const std::size_t from = out.size();
  reporter rep(opts);
  uri_row row;
  std::size_t lead = 0;
  const std::string_view v = detail::trim_wsp(raw, &lead);
  const auto finish = [&]() {
    emit(out, field, rep, raw);
    sort_from(out, from);
    row.bad = row.bad || rep.has_error();
    if (row.bad) row.uri.reset();
    return row;
  };
  if (v.empty()) {
    rep.add(msg::gen_blank_row, 0, raw.size()).ref =
        kind == uri_kind::tlsrpt ? "RFC 8460 §3" : "RFC 7489 §6.3";
    return finish();
  }
  if (detail::report_control(rep, v, lead)) return finish();

  std::string uri;
  bool rewritten = false;
  const std::size_t colon = v.find(':');
  const std::size_t at = v.rfind('@');
  const bool bare = at != std::string_view::npos && (colon == std::string_view::npos || colon > at);
  if (bare) {
    const std::string_view local = v.substr(0, at);
    std::string_view host = v.substr(at + 1);
    if (host.size() > 1 && host.back() == '.') host.remove_suffix(1);
    const std::optional<std::string> a = detail::domain_to_ascii(host);
    if (local.empty() || !a || !detail::is_dns_hostname(*a) || detail::is_ipv4_literal(*a)) {
      rep.add(msg::gen_address_bad, lead, lead + v.size(), {quote(v)});
      return finish();
    }
    uri = "mailto:" + percent_encode_local(local) + "@" + *a;
    rewritten = true;
  } else {
    if (v.find(',') != std::string_view::npos) {
      rep.add(msg::gen_uri_several, lead, lead + v.size(), {quote(v)});
      return finish();
    }
    uri = std::string(v);
    // The scheme is case-insensitive (RFC 3986 §3.1): write it in lower case.
    if (colon != std::string_view::npos) {
      const std::string scheme = detail::ascii_lower(v.substr(0, colon));
      if (scheme != v.substr(0, colon)) {
        uri = scheme + std::string(v.substr(colon));
        rewritten = true;
      }
    }
  }

  std::vector<diagnostic> kept;
  std::uint32_t value_start = 0;
  if (kind == uri_kind::tlsrpt) {
    value_start = static_cast<std::uint32_t>(kProbeTlsrpt.size());
    for (const diagnostic& d :
         validate_tlsrpt_record(std::string(kProbeTlsrpt) + uri, opts).diagnostics)
      if (code_in(d.code, {"TLSRPT-009", "TLSRPT-010"})) kept.push_back(d);
  } else {
    // The URI rules (DMARC-017 errors, DMARC-018/019 advice) reject the same
    // URIs under both specifications; RFC 9989's wording is shown. The
    // record as a whole is validated under both afterwards.
    value_start = static_cast<std::uint32_t>(kProbeDmarc.size());
    options o = opts;
    o.dmarc = dmarc_spec::rfc9989;
    for (const diagnostic& d : validate_dmarc_record(std::string(kProbeDmarc) + uri, o).diagnostics)
      if (code_in(d.code, {"DMARC-017", "DMARC-018", "DMARC-019"})) kept.push_back(d);
  }
  const std::uint32_t units = detail::utf16_length(uri);
  for (const diagnostic& d : kept) {
    if (rewritten)
      emit_whole(out, field, d);
    else
      emit_shifted(out, field, d, value_start, static_cast<std::uint32_t>(lead), units);
  }
  if (detail::has_error(kept)) {
    row.bad = true;
    return finish();
  }
  if (rewritten) rep.add(msg::gen_uri_written, lead, lead + v.size(), {quote(v), quote(uri)});
  row.uri = std::move(uri);
  return finish();
}

// The host a report URI delivers to (lower case), or "".
std::string uri_host(std::string_view uri) {
  const std::size_t colon = uri.find(':');
  if (colon == std::string_view::npos) return {};
  const std::string scheme = detail::ascii_lower(uri.substr(0, colon));
  std::string_view rest = uri.substr(colon + 1);
  if (scheme == "mailto") {
    rest = rest.substr(0, rest.find_first_of("?!"));
    const std::size_t at = rest.rfind('@');
    if (at == std::string_view::npos) return {};
    rest.remove_prefix(at + 1);
  } else {
    if (rest.substr(0, 2) != "//") return {};
    rest.remove_prefix(2);
    rest = rest.substr(0, rest.find_first_of("/?#!"));
    const std::size_t at = rest.rfind('@');
    if (at != std::string_view::npos) rest.remove_prefix(at + 1);
    if (rest.empty() || rest.front() != '[') rest = rest.substr(0, rest.find(':'));
  }
  // An IP literal has no DNS name to publish the authorisation under.
  if (rest.empty() || rest.front() == '[' || detail::is_ipv4_literal(rest)) return {};
  if (rest.size() > 1 && rest.back() == '.') rest.remove_suffix(1);
  return detail::ascii_lower(rest);
}

// A report destination outside the organisational domain (DMARC-021): where
// its URI stands (which list, which entry) and its host.
struct external_uri {
  std::size_t list;
  std::size_t index;
  std::string host;
};

// The destinations of `lists` (rua, then ruf) whose host lies outside the
// organisational domain of `domain` (an A-label, lower case, no final dot),
// each host once, in order. Shared by the generator's advice and
// dmarc_external_destinations (the checker's questions).
std::vector<external_uri> external_uris(std::string_view domain,
                                        std::initializer_list<const std::vector<std::string>*> lists) {
  std::vector<external_uri> out;
  const std::string org = detail::organizational_domain(domain);
  std::size_t list = 0;
  for (const std::vector<std::string>* uris : lists) {
    for (std::size_t k = 0; k < uris->size(); ++k) {
      std::string host = uri_host((*uris)[k]);
      if (host.empty() || detail::organizational_domain(host) == org) continue;
      if (std::any_of(out.begin(), out.end(), [&](const external_uri& e) { return e.host == host; })) continue;
      out.push_back({list, k, std::move(host)});
    }
    ++list;
  }
  return out;
}

// Rows of a URI list: normalised, blank rows left out, duplicates once.
std::vector<std::string> check_uri_list(const std::vector<std::string>& rows, std::string_view name,
                                        uri_kind kind, const options& opts,
                                        std::vector<field_diagnostic>& out,
                                        std::vector<std::size_t>& sources, bool& any_bad) {
  std::vector<std::string> uris;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string field = field_index(name, i);
    uri_row row = check_uri_row(rows[i], field, kind, opts, out);
    any_bad = any_bad || row.bad;
    if (!row.uri) continue;
    if (std::find(uris.begin(), uris.end(), *row.uri) != uris.end()) {
      reporter rep(opts);
      std::size_t lead = 0;
      const std::string_view v = detail::trim_wsp(rows[i], &lead);
      rep.add(msg::gen_uri_duplicate, lead, lead + v.size(), {quote(v)});
      emit(out, field, rep, rows[i]);
      continue;
    }
    uris.push_back(std::move(*row.uri));
    sources.push_back(i);
  }
  return uris;
}

}  // namespace

// ===========================================================================
// MTA-STS policy (GEN-002, GEN-003, GEN-004)

generated_policy generate_policy(const policy_input& in, const options& opts) {
  generated_policy g;
  auto& out = g.diagnostics;
  bool bad = false;

  const detail::domain_field dom = detail::check_domain(in.domain, false, opts, out);
  bad = bad || !dom.ok;

  const std::optional<std::string> mode =
      choice(in.mode, "mode", {"testing", "enforce", "none"}, "testing", opts, out, bad);

  std::vector<std::string> mx;
  std::vector<std::size_t> mx_source;
  bool mx_bad = false;
  for (std::size_t i = 0; i < in.mx.size(); ++i) {
    const std::string field = field_index("mx", i);
    mx_row row = check_mx_row(in.mx[i], field, dom.a_label, opts, out);
    mx_bad = mx_bad || row.bad;
    if (!row.pattern) continue;
    // GEN-003: de-duplicated (already lower case, so exact comparison).
    const auto it = std::find(mx.begin(), mx.end(), *row.pattern);
    if (it != mx.end()) {
      reporter rep(opts);
      std::size_t lead = 0;
      const std::string_view v = detail::trim_wsp(in.mx[i], &lead);
      rep.add(msg::gen_mx_duplicate, lead, lead + v.size(), {quote(v), quote(*it)});
      emit(out, field, rep, in.mx[i]);
      continue;
    }
    mx.push_back(std::move(*row.pattern));
    mx_source.push_back(i);
  }
  bad = bad || mx_bad;

  const std::optional<std::uint32_t> max_age =
      check_max_age(in.max_age, mode ? *mode : std::string("testing"), opts, out);
  bad = bad || !max_age;

  // RFC 8461 §3.2: at least one mx unless mode is none.
  if (mode && *mode != "none" && mx.empty() && !mx_bad) {
    reporter rep(opts);
    rep.add(msg::gen_mx_missing, 0, 0, {*mode});
    emit(out, "mx", rep, {});
    bad = true;
  }
  if (bad || detail::has_error(out)) return g;

  // GEN-002: version first, then mode, mx, max_age; "key: value" CRLF.
  std::string text = "version: STSv1\r\nmode: " + *mode + "\r\n";
  for (const std::string& p : mx) text += "mx: " + p + "\r\n";
  text += "max_age: " + std::to_string(*max_age) + "\r\n";

  const result<policy> r = validate_policy(text, opts);
  const bool same = r.value.mode == *mode && r.value.max_age == *max_age && r.value.mx == mx &&
                    r.value.version == std::string("STSv1");
  if (!r.ok || !same) {
    self_check_failed(out, opts, "mta-sts.txt", r.diagnostics);
    return g;
  }
  // Advice from the validator on the result (short max_age, covered
  // patterns…), attached to the field of its line. Per-pattern findings were
  // already given on each row.
  for (const diagnostic& d : r.diagnostics) {
    if (d.code == "STS-POL-002") continue;  // CRLF: the generator's choice
    if (starts_with(d.code, "STS-MX-") && d.code != "STS-MX-012") continue;
    std::string field;
    const std::size_t line = d.line;
    if (line == 2) {
      field = "mode";
    } else if (line >= 3 && line < 3 + mx.size()) {
      field = field_index("mx", mx_source[line - 3]);
    } else if (line == 3 + mx.size()) {
      field = "maxAge";
    }
    emit_whole(out, field, d);
  }
  g.ok = true;
  g.text = std::move(text);
  g.mode = *mode;
  g.mx = std::move(mx);
  g.max_age = *max_age;
  return g;
}

// ===========================================================================
// `_mta-sts` TXT record (GEN-001)

std::string policy_id_from_utc(std::int64_t unix_seconds) noexcept {
  constexpr std::int64_t kMax = 253402300799;  // 9999-12-31T23:59:59Z
  const std::int64_t t = std::clamp<std::int64_t>(unix_seconds, 0, kMax);
  const std::int64_t days = t / 86400;
  const std::int64_t secs = t % 86400;
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  const std::int64_t z = days + 719468;
  const std::int64_t era = z / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buf[15];
  const std::int64_t parts[] = {year, month, day, secs / 3600, (secs / 60) % 60, secs % 60};
  const int widths[] = {4, 2, 2, 2, 2, 2};
  std::size_t pos = 0;
  for (std::size_t k = 0; k < 6; ++k) {
    std::int64_t v = parts[k];
    for (int w = widths[k] - 1; w >= 0; --w) {
      buf[pos + static_cast<std::size_t>(w)] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    pos += static_cast<std::size_t>(widths[k]);
  }
  return std::string(buf, 14);
}

generated_sts_record generate_sts_record(const sts_record_input& in, const options& opts) {
  generated_sts_record g;
  auto& out = g.diagnostics;
  const detail::domain_field dom = detail::check_domain(in.domain, false, opts, out);

  // RFC 8461 §3.1: sts-id = 1*32(ALPHA / DIGIT); the validator's messages.
  reporter rep(opts);
  std::size_t lead = 0;
  const std::string_view id = detail::trim_wsp(in.id, &lead);
  if (id.empty()) {
    rep.add(msg::gen_id_missing, 0, in.id.size());
  } else if (!detail::report_control(rep, id, lead)) {
    for (std::size_t i = 0; i < id.size(); ++i) {
      if (detail::is_alnum(id[i])) continue;
      const std::size_t n = detail::utf8_next(id, i).bytes;
      // A space between quotes reads as nothing (« »): named, as the validator does.
      if (detail::is_wsp(id[i]))
        rep.add(msg::gen_id_space, lead + i, lead + i + 1, {quote(id)});
      else
        rep.add(msg::sts_txt_id_char, lead + i, lead + i + n, {quote(id), quote(id.substr(i, n))});
      break;
    }
    const std::uint32_t chars = detail::utf16_length(id);
    if (chars > 32)
      rep.add(msg::sts_txt_id_long, lead, lead + id.size(), {quote(id), std::to_string(chars)});
  }
  emit(out, "id", rep, in.id);
  if (!dom.ok || detail::has_error(out)) return g;

  std::string text = "v=STSv1; id=" + std::string(id);
  std::string zone = detail::txt_zone_line(detail::zone_owner("_mta-sts", dom.a_label), text);
  const result<sts_record> r = validate_sts_record(text, opts);
  const result<sts_record> rz = validate_sts_record(zone, opts);
  if (!r.ok || r.value.id != id) {
    self_check_failed(out, opts, "_mta-sts", r.diagnostics);
    return g;
  }
  if (!rz.ok) {
    self_check_failed(out, opts, "_mta-sts", rz.diagnostics);
    return g;
  }
  for (const diagnostic& d : r.diagnostics) emit_whole(out, d.start >= 12 ? "id" : "", d);

  const std::string& d = dom.a_label;
  g.domain = d;
  g.policy_host = d.empty() ? "mta-sts" : "mta-sts." + d;
  if (!d.empty()) g.policy_url = "https://" + g.policy_host + "/.well-known/mta-sts.txt";
  const std::string owner = d.empty() ? "mta-sts" : g.policy_host + ".";
  const std::string ttl = std::to_string(kZoneTtl);
  std::string& h = g.host_hint;
  h += detail::tr(opts, "; Policy host: the web server that answers https://",
                  "; Hôte de politique : le serveur web qui répond à https://");
  h += g.policy_host;
  h += "/.well-known/mta-sts.txt\n";
  h += detail::tr(
      opts, "; Uncomment ONE option and replace the placeholder with your server's.\n",
      "; Décommentez UNE option et remplacez l'exemple par les valeurs de votre serveur.\n");
  h += detail::tr(opts, "; Option 1: the server's addresses (documentation examples)\n",
                  "; Option 1 : les adresses du serveur (exemples de documentation)\n");
  h += ";" + owner + " " + ttl + " IN A 192.0.2.10\n";
  h += ";" + owner + " " + ttl + " IN AAAA 2001:db8::10\n";
  h += detail::tr(opts, "; Option 2: an alias of your web host or hosting service\n",
                  "; Option 2 : un alias de votre hébergeur web\n");
  h += ";" + owner + " " + ttl + " IN CNAME web-host.example.net.\n";
  h += detail::tr(opts, "; Its HTTPS certificate must be valid for ",
                  "; Son certificat HTTPS doit être valide pour ");
  h += g.policy_host;
  h += detail::tr(opts, " (RFC 8461 §3.3).\n", " (RFC 8461 §3.3).\n");

  g.ok = true;
  g.text = std::move(text);
  g.zone_line = std::move(zone);
  return g;
}

// ===========================================================================
// `_smtp._tls` TLS-RPT record (GEN-006)

generated_tlsrpt generate_tlsrpt_record(const tlsrpt_input& in, const options& opts) {
  generated_tlsrpt g;
  auto& out = g.diagnostics;
  const detail::domain_field dom = detail::check_domain(in.domain, false, opts, out);
  bool rows_bad = false;
  std::vector<std::size_t> sources;
  std::vector<std::string> uris =
      check_uri_list(in.rua, "rua", uri_kind::tlsrpt, opts, out, sources, rows_bad);
  if (uris.empty() && !rows_bad) {
    reporter rep(opts);
    rep.add(msg::gen_rua_missing, 0, 0);
    emit(out, "rua", rep, {});
  }
  if (!dom.ok || detail::has_error(out)) return g;

  // RFC 8460 §3: v=TLSRPTv1; rua=<uri>*("," <uri>).
  std::string text = "v=TLSRPTv1; rua=";
  std::vector<span_field> spans{{12, 0, "rua"}};
  for (std::size_t k = 0; k < uris.size(); ++k) {
    if (k > 0) text += ',';
    const std::size_t s = text.size();
    text += uris[k];
    spans.push_back({s, text.size(), field_index("rua", sources[k])});
  }
  spans[0].end = text.size();
  std::string zone = detail::txt_zone_line(detail::zone_owner("_smtp._tls", dom.a_label), text);

  const result<tlsrpt_record> r = validate_tlsrpt_record(text, opts);
  const result<tlsrpt_record> rz = validate_tlsrpt_record(zone, opts);
  if (!r.ok || r.value.rua != uris) {
    self_check_failed(out, opts, "_smtp._tls", r.diagnostics);
    return g;
  }
  if (!rz.ok) {
    self_check_failed(out, opts, "_smtp._tls", rz.diagnostics);
    return g;
  }
  for (const diagnostic& d : r.diagnostics) {
    if (code_in(d.code, {"TLSRPT-009", "TLSRPT-010"})) continue;  // given on each row
    emit_whole(out, field_at(spans, d), d);
  }

  g.ok = true;
  g.text = std::move(text);
  g.domain = dom.a_label;
  g.rua = std::move(uris);
  g.zone_line = std::move(zone);
  return g;
}

// ===========================================================================
// `_dmarc` record (GEN-007)

namespace {

// fo: colon list of 0 / 1 / d / s (RFC 7489 §6.3); written so that RFC 9989
// accepts it too (0 and 1 exclusive, no repeats).
std::optional<std::string> check_fo(std::string_view raw, const options& opts,
                                    std::vector<field_diagnostic>& out, bool& bad) {
  reporter rep(opts);
  std::size_t lead = 0;
  const std::string_view v = detail::trim_wsp(raw, &lead);
  std::optional<std::string> result;
  if (v.empty()) {
    result = std::string();
  } else if (!detail::report_control(rep, v, lead)) {
    std::vector<std::string> opts_seen;
    bool ok = true;
    std::size_t i = 0;
    while (ok) {
      std::size_t j = v.find(':', i);
      if (j == std::string_view::npos) j = v.size();
      const std::string tok = detail::ascii_lower(detail::trim_wsp(v.substr(i, j - i)));
      ok = tok == "0" || tok == "1" || tok == "d" || tok == "s";
      if (ok && std::find(opts_seen.begin(), opts_seen.end(), tok) == opts_seen.end())
        opts_seen.push_back(tok);
      if (j == v.size()) break;
      i = j + 1;
    }
    if (!ok) {
      rep.add(msg::gen_fo_invalid, lead, lead + v.size(), {quote(v)});
    } else {
      const bool one = std::find(opts_seen.begin(), opts_seen.end(), "1") != opts_seen.end();
      std::string norm;
      for (const std::string& o : opts_seen) {
        if (o == "0" && one) continue;
        if (!norm.empty()) norm += ':';
        norm += o;
      }
      std::string plain;  // the input without spaces, lower case
      for (char c : v)
        if (!detail::is_wsp(c)) plain += detail::to_lower(c);
      if (norm != plain) rep.add(msg::gen_fo_normalized, lead, lead + v.size(), {quote(v), norm});
      result = norm;
    }
  }
  if (rep.has_error()) bad = true;
  emit(out, "fo", rep, raw);
  return rep.has_error() ? std::nullopt : result;
}

// A legacy number (pct 0–100, ri 0–4294967295).
std::optional<std::string> check_number(std::string_view raw, std::string_view field,
                                        std::uint64_t max, const options& opts,
                                        std::vector<field_diagnostic>& out, bool& bad) {
  reporter rep(opts);
  std::size_t lead = 0;
  const std::string_view v = detail::trim_wsp(raw, &lead);
  std::optional<std::string> result;
  if (v.empty()) {
    result = std::string();
  } else if (!detail::report_control(rep, v, lead)) {
    std::uint64_t n = 0;
    const bool digits = v.size() <= 10 &&
                        std::all_of(v.begin(), v.end(), [](char c) { return detail::is_digit(c); });
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (!digits || ec != std::errc() || p != v.data() + v.size() || n > max)
      rep.add(msg::gen_number_invalid, lead, lead + v.size(),
              {field, quote(v), "0", std::to_string(max)});
    else
      result = std::to_string(n);
  }
  if (rep.has_error()) bad = true;
  emit(out, field, rep, raw);
  return rep.has_error() ? std::nullopt : result;
}

}  // namespace

generated_dmarc generate_dmarc_record(const dmarc_input& in, const options& opts) {
  generated_dmarc g;
  auto& out = g.diagnostics;
  bool bad = false;
  const detail::domain_field dom = detail::check_domain(in.domain, false, opts, out);
  bad = bad || !dom.ok;

  const auto policy_values = {std::string_view("none"), std::string_view("quarantine"),
                              std::string_view("reject")};
  const auto p = choice(in.p, "p", policy_values, "none", opts, out, bad);
  const auto sp = choice(in.sp, "sp", policy_values, "", opts, out, bad);
  const auto np = choice(in.np, "np", policy_values, "", opts, out, bad);
  const auto t = choice(in.t, "t", {"y", "n"}, "", opts, out, bad);
  const auto adkim = choice(in.adkim, "adkim", {"r", "s"}, "", opts, out, bad);
  const auto aspf = choice(in.aspf, "aspf", {"r", "s"}, "", opts, out, bad);
  std::optional<std::string> pct = std::string(), rf = std::string(), ri = std::string();
  const auto fo = check_fo(in.fo, opts, out, bad);
  if (in.legacy) {
    pct = check_number(in.pct, "pct", 100, opts, out, bad);
    rf = choice(in.rf, "rf", {"afrf"}, "", opts, out, bad);
    ri = check_number(in.ri, "ri", 4294967295u, opts, out, bad);
  } else {
    // RFC 9989 removed pct, rf and ri: written only on request (GEN-007).
    const std::pair<const std::string*, const char*> legacy[] = {
        {&in.pct, "pct"}, {&in.rf, "rf"}, {&in.ri, "ri"}};
    for (const auto& [value, name] : legacy) {
      std::size_t lead = 0;
      const std::string_view v = detail::trim_wsp(*value, &lead);
      if (v.empty()) continue;
      reporter rep(opts);
      rep.add(msg::gen_legacy_ignored, lead, lead + v.size(), {name});
      emit(out, name, rep, *value);
    }
  }
  std::vector<std::size_t> rua_src, ruf_src;
  std::vector<std::string> rua =
      check_uri_list(in.rua, "rua", uri_kind::dmarc, opts, out, rua_src, bad);
  std::vector<std::string> ruf =
      check_uri_list(in.ruf, "ruf", uri_kind::dmarc, opts, out, ruf_src, bad);
  if (bad || detail::has_error(out)) return g;

  // GEN-007: v first, p second (RFC 7489 §6.3 "MUST appear in that order").
  std::string text = "v=DMARC1";
  std::vector<span_field> spans;
  const auto tag = [&](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    text += "; ";
    const std::size_t s = text.size();
    text += std::string(name) + "=" + value;
    spans.push_back({s, text.size(), std::string(name)});
  };
  const auto list = [&](std::string_view name, const std::vector<std::string>& uris,
                        const std::vector<std::size_t>& src) {
    if (uris.empty()) return;
    text += "; ";
    const std::size_t s = text.size();
    text += std::string(name) + "=";
    std::vector<span_field> items;
    for (std::size_t k = 0; k < uris.size(); ++k) {
      if (k > 0) text += ',';
      const std::size_t b = text.size();
      text += uris[k];
      items.push_back({b, text.size(), field_index(name, src[k])});
    }
    spans.push_back({s, text.size(), std::string(name)});
    spans.insert(spans.end(), items.begin(), items.end());
  };
  tag("p", *p);
  tag("sp", *sp);
  tag("np", *np);
  tag("t", *t);
  tag("adkim", *adkim);
  tag("aspf", *aspf);
  tag("pct", *pct);
  tag("fo", *fo);
  tag("rf", *rf);
  tag("ri", *ri);
  list("rua", rua, rua_src);
  list("ruf", ruf, ruf_src);

  std::vector<std::string> strings = detail::split_txt(text);
  std::string zone = detail::zone_owner("_dmarc", dom.a_label) + " " + std::to_string(kZoneTtl) +
                     " IN TXT " + detail::quote_txt(strings);

  // Valid under both specifications, and read back as written.
  std::vector<field_diagnostic> advice;
  for (dmarc_spec spec : {dmarc_spec::rfc9989, dmarc_spec::rfc7489}) {
    options o = opts;
    o.dmarc = spec;
    const result<dmarc_record> r = validate_dmarc_record(text, o);
    const result<dmarc_record> rz = validate_dmarc_record(zone, o);
    const dmarc_record& v = r.value;
    const auto opt_eq = [](const std::optional<std::string>& a, const std::string& b) {
      return b.empty() ? !a.has_value() : (a && *a == b);
    };
    const auto list_eq = [](const std::optional<std::vector<std::string>>& a,
                            const std::vector<std::string>& b) {
      return b.empty() ? !a.has_value() : (a && *a == b);
    };
    bool same = opt_eq(v.p, *p) && opt_eq(v.sp, *sp) && opt_eq(v.adkim, *adkim) &&
                opt_eq(v.aspf, *aspf) && opt_eq(v.fo, *fo) && list_eq(v.rua, rua) &&
                list_eq(v.ruf, ruf);
    if (spec == dmarc_spec::rfc9989) same = same && opt_eq(v.np, *np) && opt_eq(v.t, *t);
    if (!r.ok || !same) {
      self_check_failed(out, opts, "_dmarc", r.diagnostics);
      return g;
    }
    if (!rz.ok) {
      self_check_failed(out, opts, "_dmarc", rz.diagnostics);
      return g;
    }
    // Advice on the result, one message per rule and field (RFC 9989's
    // wording first); the URI rules were already given on each row.
    for (const diagnostic& d : r.diagnostics) {
      if (code_in(d.code, {"DMARC-017", "DMARC-018", "DMARC-019"})) continue;
      std::string field = field_at(spans, d);
      const bool seen = std::any_of(advice.begin(), advice.end(), [&](const field_diagnostic& a) {
        return a.code == d.code && a.field == field;
      });
      if (!seen) emit_whole(advice, field, d);
    }
  }
  out.insert(out.end(), advice.begin(), advice.end());

  if (strings.size() > 1) {
    reporter rep(opts);
    rep.add(msg::gen_dmarc_split, 0, 0,
            {std::to_string(text.size()), std::to_string(strings.size())});
    emit(out, "", rep, {});
  }

  // DMARC-021 (RFC 7489 §7.1): a destination outside the policy's
  // organisational domain must publish <domain>._report._dmarc.<host>.
  if (dom.a_label.empty()) {
    if (!rua.empty() || !ruf.empty()) {
      reporter rep(opts);
      rep.add(msg::gen_dmarc_no_domain, 0, 0);
      emit(out, "domain", rep, {});
    }
  } else {
    const std::vector<std::size_t>* const sources[] = {&rua_src, &ruf_src};
    const std::string_view fields[] = {"rua", "ruf"};
    for (external_uri& e : external_uris(dom.a_label, {&rua, &ruf})) {
      dmarc_authorization a;
      a.name = dom.a_label + "._report._dmarc." + e.host;
      a.zone_line = detail::txt_zone_line(a.name + ".", "v=DMARC1");
      reporter rep(opts);
      rep.add(msg::gen_dmarc_authorization, 0, 0, {dom.a_label, e.host, a.name});
      emit(out, field_index(fields[e.list], (*sources[e.list])[e.index]), rep, {});
      a.destination = std::move(e.host);
      g.authorizations.push_back(std::move(a));
    }
  }

  g.ok = true;
  g.text = std::move(text);
  g.domain = dom.a_label;
  g.rua = std::move(rua);
  g.ruf = std::move(ruf);
  g.strings = std::move(strings);
  g.zone_line = std::move(zone);
  return g;
}

// ===========================================================================
// Exchange Online DNSSEC/DANE pattern (GEN-005, STS-MX-013)

generated derive_microsoft_dane_pattern(std::string_view mx_host, const options& opts) {
  generated g;
  reporter rep(opts);
  std::size_t lead = 0;
  const std::string_view v = detail::trim_wsp(mx_host, &lead);
  const std::size_t end = lead + v.size();
  std::string pattern;
  if (v.empty()) {
    rep.add(msg::gen_dane_empty, 0, mx_host.size());
  } else if (!detail::report_control(rep, v, lead)) {
    std::string_view name = v;
    if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);
    if (detail::istarts_with(name, "*.")) name.remove_prefix(2);
    std::string host = detail::ascii_lower(name);
    // <tenant>.<x>-v1.mx.microsoft: the pattern is `*.` + the last three labels.
    std::vector<std::string> labels;
    std::size_t i = 0;
    while (true) {
      const std::size_t dot = host.find('.', i);
      labels.push_back(host.substr(i, dot == std::string::npos ? std::string::npos : dot - i));
      if (dot == std::string::npos) break;
      i = dot + 1;
    }
    const std::size_t n = labels.size();
    const bool all_ldh = std::all_of(labels.begin(), labels.end(),
                                     [](const std::string& l) { return detail::is_ldh_label(l); });
    const bool microsoft = n >= 2 && labels[n - 1] == "microsoft" && labels[n - 2] == "mx";
    const auto classic = [&]() {
      constexpr std::string_view kClassic = ".mail.protection.outlook.com";
      return host == kClassic.substr(1) ||
             (host.size() > kClassic.size() &&
              host.compare(host.size() - kClassic.size(), kClassic.size(), kClassic) == 0);
    };
    if (!all_ldh) {
      rep.add(msg::gen_dane_not_microsoft, lead, end, {quote(v)});
    } else if (classic()) {
      rep.add(msg::gen_dane_classic, lead, end, {quote(v)});
    } else if (!microsoft) {
      rep.add(msg::gen_dane_not_microsoft, lead, end, {quote(v)});
    } else if (n == 2) {
      rep.add(msg::gen_dane_too_broad, lead, end, {quote(v)});
    } else if (labels[n - 3].size() < 4 ||
               labels[n - 3].compare(labels[n - 3].size() - 3, 3, "-v1") != 0) {
      // DANE MX hosts are <tenant>.<x>-v1.mx.microsoft; anything else under
      // mx.microsoft is not one (and would give a pattern that never matches).
      rep.add(msg::gen_dane_not_microsoft, lead, end, {quote(v)});
    } else {
      pattern = "*." + labels[n - 3] + ".mx.microsoft";
    }
  }
  emit(g.diagnostics, "daneHost", rep, mx_host);
  if (pattern.empty() || detail::has_error(g.diagnostics)) return g;
  // The pattern must be one the validator accepts without STS-MX-013.
  const detail::mx_pattern_info info = detail::analyze_mx_pattern(pattern);
  const bool flagged = std::any_of(
      info.findings.begin(), info.findings.end(),
      [](const detail::mx_finding& f) { return f.kind == detail::mx_issue::microsoft_wildcard; });
  if (!info.valid || flagged) {
    reporter r2(opts);
    r2.add(msg::gen_dane_not_microsoft, lead, end, {quote(v)});
    emit(g.diagnostics, "daneHost", r2, mx_host);
    return g;
  }
  g.ok = true;
  g.text = std::move(pattern);
  return g;
}

std::vector<dmarc_external_destination> dmarc_external_destinations(std::string_view domain,
                                                                   const dmarc_record& record) {
  std::vector<dmarc_external_destination> out;
  std::string d = detail::ascii_lower(domain);
  if (!d.empty() && d.back() == '.') d.pop_back();
  if (d.empty()) return out;
  static const std::vector<std::string> none;
  for (external_uri& e : external_uris(d, {record.rua ? &*record.rua : &none, record.ruf ? &*record.ruf : &none})) {
    std::string name = d + "._report._dmarc." + e.host;
    out.push_back({std::move(e.host), std::move(name)});
  }
  return out;
}

}  // namespace mtasts

// The `_smtp._tls` TLS-RPT record, RFC 8460 §3:
//
//   tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
//   tlsrpt-field  = tlsrpt-rua / tlsrpt-extension
//   tlsrpt-rua    = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
//   tlsrpt-uri    = URI   ; commas, "!" and ";" MUST be encoded
//
// The tag-list syntax, the version, delimiters, extensions and the two
// front ends (text, RRset) are shared with MTA-STS in detail/taglist.
#include "mtasts/tlsrpt.hpp"

#include <string>

#include "detail/taglist.hpp"
#include "detail/uri.hpp"
#include "report.hpp"
#include "text.hpp"

namespace mtasts {
namespace {
using detail::msg;
using detail::quote;
using detail::tag_field;

// `_smtp-tlsrpt` (the draft's name), `smtp_tls`, `tlsrpt`, `smtp._tls`…:
// look-alikes of the `_smtp._tls` labels (labels beginning with "_" are
// always taken as a wrong service prefix).
bool tlsrpt_owner_junk(std::string_view label, std::string_view next) {
  std::string n;
  for (char c : label)
    if (c != '-' && c != '_') n += detail::to_lower(c);
  if (n == "smtptlsrpt" || n == "smtptls" || n == "tlsrpt") return true;
  return n == "smtp" && !next.empty() && next.front() == '_';
}

detail::tag_record_spec make_spec() {
  detail::tag_record_spec s{};
  s.version = "TLSRPTv1";
  s.version_tag = "v=TLSRPTv1";
  s.near_prefix = "tlsrptv";
  s.owner_prefix = "_smtp._tls";
  s.owner_junk = tlsrpt_owner_junk;
  s.version_empty = msg::tlsrpt_version_empty;
  s.version_leading_wsp = msg::tlsrpt_version_leading_wsp;
  s.version_case = msg::tlsrpt_version_case;
  s.version_wsp = msg::tlsrpt_version_wsp;
  s.version_wrong = msg::tlsrpt_version_wrong;
  s.version_other = msg::tlsrpt_version_other;
  s.version_not_first = msg::tlsrpt_version_not_first;
  s.version_missing = msg::tlsrpt_version_missing;
  s.version_no_delim = msg::tlsrpt_version_no_delim;
  s.no_fields = msg::count_;  // TLSRPT-007 (no rua) says it
  s.wsp_before_first_delim = msg::tlsrpt_wsp_before_first_delim;
  s.empty_field = msg::tlsrpt_empty_field;
  s.non_ascii = msg::count_;  // reported by the field rules (TLSRPT-005/010/013)
  s.ext_name_empty = msg::tlsrpt_ext_name_empty;
  s.ext_name_first = msg::tlsrpt_ext_name_first;
  s.ext_name_char = msg::tlsrpt_ext_name_char;
  s.ext_name_long = msg::tlsrpt_ext_name_long;
  s.ext_no_eq = msg::tlsrpt_ext_no_eq;
  s.ext_value_empty = msg::tlsrpt_ext_value_empty;
  s.ext_value_char = msg::tlsrpt_ext_value_char;
  s.ext_value_space = msg::tlsrpt_ext_value_space;
  s.ext_wsp_eq = msg::tlsrpt_ext_wsp_eq;
  s.multi_string = msg::tlsrpt_multi_string;
  s.wrong_owner = msg::tlsrpt_wrong_owner;
  s.no_record = msg::tlsrpt_no_record;
  s.no_candidate = msg::tlsrpt_no_candidate;
  s.multiple = msg::tlsrpt_multiple;
  s.discarded = msg::tlsrpt_discarded;
  s.discarded_near = msg::tlsrpt_discarded_near;
  return s;
}

// DMARC's `"!" 1*DIGIT [ "k" / "m" / "g" / "t" ]` size suffix (RFC 7489 §6.4).
bool is_size_suffix(std::string_view s) {
  if (s.size() < 2 || s.front() != '!') return false;
  std::size_t i = 1;
  while (i < s.size() && detail::is_digit(s[i])) ++i;
  if (i == 1) return false;
  if (i < s.size()) {
    const char u = detail::to_lower(s[i]);
    if (u != 'k' && u != 'm' && u != 'g' && u != 't') return false;
    ++i;
  }
  return i == s.size();
}

struct rua_state {
  std::size_t fields = 0;
  std::size_t usable = 0;
  bool mailto = false;
  bool https = false;
  bool several_reported = false;
  std::size_t first_mailto_start = 0;
  std::size_t first_mailto_end = 0;
  std::string first_mailto_domain;
  std::vector<std::size_t> scheme_items;  // TLSRPT-009 items, severity decided at the end
};

// One URI at [a, b) of `text`; `after_comma` when it is not the first of its list.
void check_one_uri(std::string_view text, std::size_t a, std::size_t b, bool after_comma,
                   detail::reporter& rep, rua_state& st) {
  const std::string_view uri = text.substr(a, b - a);
  const detail::uri_check c = detail::check_uri(uri, ",!;");
  const std::size_t pos = a + c.pos;
  switch (c.error) {
    case detail::uri_error::none:
      if (c.scheme == "mailto" || c.scheme == "https") {
        ++st.usable;
        if (c.scheme == "https") {
          st.https = true;
        } else if (!st.mailto) {
          st.mailto = true;
          st.first_mailto_start = a;
          st.first_mailto_end = b;
          std::string_view addr = uri.substr(uri.find(':') + 1);
          addr = addr.substr(0, addr.find('?'));
          st.first_mailto_domain = std::string(addr.substr(addr.rfind('@') + 1));
        }
      } else {
        // RFC 8460 §3: "Two URI schemes are supported: "mailto" and "https"."
        st.scheme_items.push_back(rep.items().size());
        rep.add(c.scheme == "http" ? msg::tlsrpt_http_scheme : msg::tlsrpt_bad_scheme, a, b,
                {quote(uri), quote(c.scheme)});
      }
      break;
    case detail::uri_error::no_scheme:
      if (uri.find('@') != std::string_view::npos) {
        st.scheme_items.push_back(rep.items().size());
        rep.add(msg::tlsrpt_bare_address, a, b, {quote(uri)});
      } else if (after_comma) {
        // `https://x/a,b`: "commas … MUST be encoded" (RFC 8460 §3).
        rep.add(msg::tlsrpt_uri_comma, a, b, {quote(uri)});
      } else {
        st.scheme_items.push_back(rep.items().size());
        rep.add(msg::tlsrpt_no_scheme, a, b, {quote(uri)});
      }
      break;
    case detail::uri_error::bad_char: {
      const std::size_t n = detail::char_len(text, pos);
      if (text[pos] == '!') {
        const std::string_view tail = text.substr(pos, b - pos);
        if (is_size_suffix(tail))
          rep.add(msg::tlsrpt_uri_size, pos, b, {quote(uri), quote(tail)});
        else
          rep.add(msg::tlsrpt_uri_bang, pos, pos + 1, {quote(uri)});
      } else if (detail::is_wsp(text[pos])) {
        rep.add(msg::tlsrpt_uri_space, pos, pos + 1, {quote(uri)});
      } else {
        rep.add(msg::tlsrpt_uri_char, pos, pos + n, {quote(uri), quote(text.substr(pos, n))});
      }
      break;
    }
    case detail::uri_error::bad_percent:
      rep.add(msg::tlsrpt_uri_percent, pos, std::min(pos + 3, b), {quote(uri)});
      break;
    case detail::uri_error::bad_scheme:
      rep.add(msg::tlsrpt_uri_scheme_syntax, a, b, {quote(uri)});
      break;
    case detail::uri_error::mailto_no_addr:
      rep.add(msg::tlsrpt_mailto_no_addr, a, b, {quote(uri)});
      break;
    case detail::uri_error::mailto_bad_addr:
      rep.add(msg::tlsrpt_mailto_bad_addr, a, b, {quote(uri)});
      break;
    case detail::uri_error::https_no_host:
      rep.add(msg::tlsrpt_https_no_host, a, b, {quote(uri)});
      break;
    case detail::uri_error::https_bad_host:
      rep.add(msg::tlsrpt_https_bad_host, a, b, {quote(uri)});
      break;
    case detail::uri_error::https_bad_port:
      rep.add(msg::tlsrpt_https_bad_port, a, b, {quote(uri)});
      break;
    case detail::uri_error::empty:
      break;  // check_rua_value never passes an empty URI
  }
}

// `tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)` over the value of `f`.
void check_rua_value(std::string_view text, const tag_field& f, detail::reporter& rep,
                     rua_state& st, tlsrpt_record& out) {
  const std::size_t vs = f.value_start;
  const std::size_t ve = f.end;
  if (vs == ve) {
    rep.add(msg::tlsrpt_rua_empty, f.start, f.end, {quote(f.raw(text))});
    return;
  }
  std::size_t count = 0;
  const std::string_view upto = text.substr(0, ve);  // keeps every search inside the value
  for (std::size_t p = vs;;) {
    std::size_t comma = upto.find(',', p);
    if (comma == std::string_view::npos) comma = ve;
    std::size_t a = p;
    while (a < comma && detail::is_wsp(text[a])) ++a;
    std::size_t b = comma;
    while (b > a && detail::is_wsp(text[b - 1])) --b;
    if (a == b) {
      const std::size_t s = p > vs ? p - 1 : p;
      const std::size_t e = comma < ve ? comma + 1 : comma;
      rep.add(msg::tlsrpt_uri_empty, s, e, {quote(f.value(text))});
    } else {
      ++count;
      out.rua.emplace_back(text.substr(a, b - a));
      check_one_uri(text, a, b, p > vs, rep, st);
    }
    if (comma >= ve) break;
    p = comma + 1;
  }
  if (count > 1 && !st.several_reported) {
    rep.add(msg::tlsrpt_several_uris, vs, ve, {std::to_string(count)});
    st.several_reported = true;
  }
}

void check_tlsrpt(std::string_view text, detail::reporter& rep, tlsrpt_record& out,
                  const detail::tag_record_spec& spec) {
  const detail::tag_record rec = detail::scan_tag_record(text, spec, rep);
  if (rec.version_seen) out.version = "TLSRPTv1";
  if (!rec.analysed) return;

  rua_state st;
  const tag_field* first_rua = nullptr;
  for (const tag_field& f : rec.fields) {
    const std::string_view name = f.name(text);
    if (!detail::iequals(name, "rua")) {
      if (detail::check_extension(text, f, spec, rep)) {
        // RFC 8460 §3: "unknown fields SHALL be ignored".
        rep.add(msg::tlsrpt_ext_ignored, f.start, f.end, {quote(name)});
        out.extensions.emplace(std::string(name), std::string(f.value(text)));
      }
      continue;
    }
    // `%s"rua="`: lower case, no whitespace around "=".
    if (name != "rua") rep.add(msg::tlsrpt_rua_case, f.start, f.name_end, {quote(name)});
    ++st.fields;
    if (first_rua == nullptr)
      first_rua = &f;
    else
      rep.add(msg::tlsrpt_multiple_rua, f.start, f.end, {quote(f.raw(text))});
    if (!f.has_eq()) {
      rep.add(msg::tlsrpt_rua_empty, f.start, f.end, {quote(f.raw(text))});
      continue;
    }
    if (f.wsp_around_eq())
      rep.add(msg::tlsrpt_rua_wsp, f.name_end, f.value_start,
              {quote(f.raw(text)), quote("rua=" + std::string(f.value(text)))});
    check_rua_value(text, f, rep, st, out);
  }

  if (st.fields == 0) rep.add(msg::tlsrpt_no_rua, 0, text.size());
  // TLSRPT-009: an error when no URI is usable, a warning per bad URI otherwise.
  if (st.usable > 0)
    for (std::size_t i : st.scheme_items) rep.items()[i].sev = severity::warning;
  if (rec.trailing_wsp != detail::tag_npos) {
    const tag_field& last = rec.fields.back();
    rep.add(detail::iequals(last.name(text), "rua") ? msg::tlsrpt_rua_trailing_wsp
                                                    : msg::tlsrpt_ext_trailing_wsp,
            rec.trailing_wsp, text.size(), {quote(text.substr(last.start))});
  }
  if (st.usable > 0 && !rep.has_error() && first_rua != nullptr) {
    const msg m = st.mailto && st.https ? msg::tlsrpt_delivery_both
                  : st.https            ? msg::tlsrpt_delivery_https
                                        : msg::tlsrpt_delivery_mailto;
    rep.add(m, first_rua->start, first_rua->end);
  }
  if (st.mailto)
    rep.add(msg::tlsrpt_external_rua, st.first_mailto_start, st.first_mailto_end,
            {quote(st.first_mailto_domain)});
}

}  // namespace

result<tlsrpt_record> validate_tlsrpt_record(std::string_view text, const options& opts) {
  return detail::validate_tag_record<tlsrpt_record>(text, opts, make_spec(), check_tlsrpt);
}

result<tlsrpt_record> validate_tlsrpt_record(const txt_rrset& rrset, const options& opts) {
  return detail::validate_tag_record<tlsrpt_record>(rrset, opts, make_spec(), check_tlsrpt);
}

}  // namespace mtasts

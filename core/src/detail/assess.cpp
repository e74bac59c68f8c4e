// The live checker's judge (issue 4; rules.md §6 STS-HTTP-*, §7 CHK-*,
// §11 DOH-*, §12 BR-004). Pure function of the gathered facts.
#include "mtasts/assess.hpp"

#include <algorithm>

#include "detail/domain.hpp"
#include "mtasts/dmarc.hpp"
#include "mtasts/mx.hpp"
#include "report.hpp"

namespace mtasts {
namespace {
using detail::msg;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string norm_domain(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  return lower(s);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

class sink {
 public:
  explicit sink(const options& o) : opts_(o) {}

  void add(check_area area, msg id, std::initializer_list<std::string_view> args = {},
           std::optional<severity> sev = std::nullopt) {
    detail::reporter rep(opts_);
    detail::pending& p = rep.add(id, 0, 0, args);
    if (sev) p.sev = *sev;
    for (diagnostic& d : rep.finish("")) checks_.push_back({area, std::move(d)});
  }
  void add_doh(check_area area, const dns_lookup& l) {
    if (!l.done) return;
    for (const diagnostic& d : l.answer.diagnostics) checks_.push_back({area, d});
  }
  /// An error about MTA-STS itself (TLS-RPT and DMARC findings are reported,
  /// but they do not change how senders treat the MTA-STS policy).
  [[nodiscard]] bool has_mta_sts_error() const {
    return std::any_of(checks_.begin(), checks_.end(), [](const check& c) {
      return c.diag.sev == severity::error && c.area != check_area::tlsrpt &&
             c.area != check_area::dmarc;
    });
  }
  std::vector<check> take() { return std::move(checks_); }

 private:
  const options& opts_;
  std::vector<check> checks_;
};

bool has_record_with_prefix(const dns_lookup& l, std::string_view prefix) {
  if (!l.done || l.answer.status != doh_status::dns) return false;
  return std::any_of(l.answer.records.begin(), l.answer.records.end(),
                     [&](const doh_record& r) { return starts_with(r.text, prefix); });
}

bool has_addresses(const dns_lookup& l) {
  return l.done && l.answer.status == doh_status::dns && l.answer.kind == doh_kind::data;
}

// Number of labels of the public suffix of `d` (built-in list, else 1).
std::size_t suffix_labels(std::string_view d) {
  std::size_t best = 1;
  std::size_t labels = 0;
  for (std::size_t i = d.size(); i > 0; --i) {
    if (d[i - 1] != '.') continue;
    ++labels;
    if (labels >= 1 && detail::is_public_suffix(d.substr(i))) best = labels;
    if (labels >= 3) break;
  }
  return best;
}

std::size_t label_count(std::string_view d) {
  if (d.empty()) return 0;
  return static_cast<std::size_t>(std::count(d.begin(), d.end(), '.')) + 1;
}

// The `*.<x>-v1.mx.microsoft` pattern for an Exchange Online DANE MX name.
std::string microsoft_pattern(std::string_view host) {
  if (!ends_with(host, ".mx.microsoft")) return {};
  const std::string_view rest = host.substr(0, host.size() - 13);  // "<tenant>.<x>-v1"
  const std::size_t dot = rest.find('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  const std::string_view second = rest.substr(dot + 1);
  if (second.find('.') != std::string_view::npos || !ends_with(second, "-v1")) return {};
  return "*." + std::string(second) + ".mx.microsoft";
}

std::string provider_pattern(std::string_view host) {
  if (ends_with(host, ".mail.protection.outlook.com")) return "*.mail.protection.outlook.com";
  if (host == "smtp.google.com") return "smtp.google.com";
  return microsoft_pattern(host);
}

// Does a cache keep the policy longer than a minute (the most STS-HTTP-012
// advises)? no-cache / no-store / max-age ≤ 60: no.
bool caches_long(const std::optional<std::string>& cache_control) {
  if (!cache_control) return false;
  const std::string cc = lower(*cache_control);
  if (cc.find("no-cache") != std::string::npos || cc.find("no-store") != std::string::npos)
    return false;
  const std::size_t m = cc.find("max-age=");
  if (m != std::string::npos) {
    std::uint64_t seconds = 0;
    std::size_t i = m + 8;
    for (; i < cc.size() && cc[i] >= '0' && cc[i] <= '9' && seconds < 1000000; ++i)
      seconds = seconds * 10 + static_cast<std::uint64_t>(cc[i] - '0');
    return i > m + 8 && seconds > 60;
  }
  return true;
}
// "7 days" / "7 jours": a max_age for people.
std::string duration_words(std::uint32_t seconds, language lang) {
  const bool fr = lang == language::fr;
  auto words = [&](std::uint32_t n, const char* en_one, const char* en_many, const char* fr_one,
                   const char* fr_many) {
    return std::to_string(n) + " " + (n == 1 ? (fr ? fr_one : en_one) : (fr ? fr_many : en_many));
  };
  if (seconds >= 86400) return words((seconds + 43200) / 86400, "day", "days", "jour", "jours");
  if (seconds >= 3600) return words((seconds + 1800) / 3600, "hour", "hours", "heure", "heures");
  return words((seconds + 30) / 60, "minute", "minutes", "minute", "minutes");
}

// The sorted record texts of a conclusive answer (empty for NODATA/NXDOMAIN).
std::vector<std::string> record_set(const dns_lookup& l) {
  std::vector<std::string> out;
  for (const doh_record& r : l.answer.records)
    out.push_back(l.answer.qtype == rrtype::mx ? std::to_string(r.preference) + " " + r.text : r.text);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string set_words(const std::vector<std::string>& set, language lang) {
  if (set.empty()) return lang == language::fr ? "aucun enregistrement" : "no record";
  std::string out;
  for (const std::string& s : set) out += (out.empty() ? "" : ", ") + detail::quote(s, 40);
  return out;
}

std::string_view resolver_name(std::string_view r) {
  if (r == "cloudflare") return "Cloudflare";
  if (r == "google") return "Google";
  return r;
}
}  // namespace

std::uint64_t policy_body_hash(std::string_view body) noexcept {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : body) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

std::string_view to_string(verdict v) noexcept {
  switch (v) {
    case verdict::deployed_ok: return "deployed_ok";
    case verdict::problems: return "problems";
    case verdict::not_deployed: return "not_deployed";
    case verdict::unverified: return "unverified";
  }
  return "unverified";
}

std::string_view to_string(check_area a) noexcept {
  switch (a) {
    case check_area::txt: return "txt";
    case check_area::policy_host: return "policy_host";
    case check_area::policy: return "policy";
    case check_area::mx: return "mx";
    case check_area::tlsrpt: return "tlsrpt";
    case check_area::dmarc: return "dmarc";
    case check_area::browser: return "browser";
  }
  return "browser";
}

dns_lookup make_lookup(std::string_view resolver, std::string_view body, int http_status,
                       std::uint16_t qtype, const options& opts) {
  dns_lookup l;
  l.done = true;
  l.resolver = std::string(resolver);
  l.answer = parse_doh_json(body, http_status, qtype, opts);
  return l;
}

assessment assess(const facts& f, const options& opts) {
  assessment a;
  sink out(opts);
  const std::string d = norm_domain(f.domain);
  const std::string host = "mta-sts." + d;

  // ---- resolver diagnostics (DOH-*) ----
  out.add_doh(check_area::txt, f.sts_txt);
  out.add_doh(check_area::mx, f.mx);
  out.add_doh(check_area::policy_host, f.host_a);
  out.add_doh(check_area::policy_host, f.host_aaaa);
  out.add_doh(check_area::tlsrpt, f.tlsrpt);
  out.add_doh(check_area::dmarc, f.dmarc);

  // ---- the _mta-sts TXT RRset ----
  const doh_answer& txt = f.sts_txt.answer;
  const bool txt_conclusive = f.sts_txt.done && txt.conclusive();
  a.txt_resolver = f.sts_txt.resolver;
  a.txt_ad = f.sts_txt.done && txt.ad;
  const bool txt_present = has_record_with_prefix(f.sts_txt, "v=STSv1");
  if (f.sts_txt.done && txt.status == doh_status::dns && !txt.records.empty()) {
    a.sts = validate_sts_record(txt_rrset_of(txt), opts);
    std::uint32_t ttl = txt.records.front().ttl;
    for (const doh_record& r : txt.records) ttl = std::min(ttl, r.ttl);
    a.txt_ttl = ttl;
  }
  const bool txt_valid = txt_present && a.sts && a.sts->ok;
  if (txt_conclusive && !txt.cname_chain.empty())
    out.add(check_area::txt, msg::sts_txt_cname, {d, detail::quote(txt.cname_chain.back())});
  const bool txt_absent = txt_conclusive && !txt_present;
  if (txt_present && a.txt_ttl && *a.txt_ttl > 3600)
    out.add(check_area::txt, msg::chk_txt_ttl, {std::to_string(*a.txt_ttl)});
  else if (txt_present && a.txt_ttl)
    out.add(check_area::txt, msg::sts_txt_ttl, {std::to_string(*a.txt_ttl)});
  if (f.sts_txt.done && txt.kind == doh_kind::data)
    out.add(check_area::txt, txt.ad ? msg::chk_dnssec_signed : msg::chk_dnssec_unsigned,
            {"_mta-sts TXT"});
  // Wrong locations (STS-TXT-019, TLSRPT-002): the record itself when
  // _mta-sts has none, a stray copy beside it otherwise.
  const auto wrong_place = [&](const dns_lookup& at, const std::string& owner) {
    if (!has_record_with_prefix(at, "v=STSv1")) return;
    out.add(check_area::txt, txt_present ? msg::sts_txt_stray_copy : msg::sts_txt_wrong_owner,
            {detail::quote(owner), detail::quote("_mta-sts." + d)});
  };
  wrong_place(f.apex_txt, d);
  wrong_place(f.sts_underscore, "_mta_sts." + d);
  const std::size_t labels = label_count(d);
  if (labels > suffix_labels(d) + 1) out.add(check_area::txt, msg::chk_subdomain, {detail::quote(d)});

  // ---- the policy host ----
  const policy_fetch& pf = f.policy;
  const bool host_answered = pf.outcome == fetch_outcome::ok ||
                             pf.outcome == fetch_outcome::opaque_redirect ||
                             pf.outcome == fetch_outcome::cors_blocked_but_host_answers ||
                             pf.outcome == fetch_outcome::too_large;
  const bool host_has_address = host_answered || has_addresses(f.host_a) || has_addresses(f.host_aaaa);
  const bool host_absent = !host_answered && f.host_a.done && f.host_a.answer.absent() &&
                           f.host_aaaa.done && f.host_aaaa.answer.absent();
  bool policy_failed = false;
  if (txt_present && host_absent) {
    out.add(check_area::policy_host, msg::http_no_host, {detail::quote(host)});
    policy_failed = true;
  }

  // ---- the policy fetch (STS-HTTP-*) ----
  bool judge_body = false;
  const std::string seconds = std::to_string((pf.elapsed_ms + 500U) / 1000U);
  switch (pf.outcome) {
    case fetch_outcome::ok:
      if (pf.http_status != 200) {
        out.add(check_area::policy, msg::http_status,
                {std::to_string(pf.http_status), detail::quote(host)});
        policy_failed = true;
        break;
      }
      if (!pf.content_type) {
        out.add(check_area::policy, msg::http_content_type_missing);
        policy_failed = true;
      } else {
        const std::string ct = lower(*pf.content_type);
        const std::size_t semi = ct.find(';');
        const std::string_view media = trim(std::string_view(ct).substr(0, semi));
        if (media != "text/plain") {
          out.add(check_area::policy, msg::http_content_type, {detail::quote(*pf.content_type)});
          policy_failed = true;
        }
        const std::size_t cs = ct.find("charset=");
        if (cs != std::string::npos) {
          std::string_view v = std::string_view(ct).substr(cs + 8);
          v = v.substr(0, v.find(';'));
          v = trim(v);
          if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
          if (v != "utf-8" && v != "us-ascii")
            out.add(check_area::policy, msg::http_charset, {detail::quote(v)});
        }
      }
      if (caches_long(pf.cache_control))
        out.add(check_area::policy, msg::http_cache_control, {detail::quote(*pf.cache_control)});
      if (pf.body.size() > 65536) {
        out.add(check_area::policy, msg::http_too_large);
        policy_failed = true;
      } else {
        judge_body = true;
      }
      break;
    case fetch_outcome::opaque_redirect:
      out.add(check_area::policy, msg::http_redirect, {host});
      policy_failed = true;
      break;
    case fetch_outcome::cors_blocked_but_host_answers:
      out.add(check_area::browser, msg::chk_cors_blocked, {host});
      a.policy_unverified = true;
      break;
    case fetch_outcome::network_error:
      if (host_absent) {
        policy_failed = true;
      } else {
        out.add(check_area::browser, msg::chk_unreachable, {host});
        a.policy_unverified = true;
      }
      break;
    case fetch_outcome::timeout:
      if (pf.elapsed_ms >= 60000) {
        out.add(check_area::policy, msg::http_timeout, {seconds});
        policy_failed = true;
      } else {
        out.add(check_area::policy, msg::http_slow, {seconds});
        a.policy_unverified = true;
      }
      break;
    case fetch_outcome::too_large:
      out.add(check_area::policy, msg::http_too_large);
      policy_failed = true;
      break;
    case fetch_outcome::pasted:
      judge_body = true;
      break;
    case fetch_outcome::not_attempted:
      if (!host_absent) a.policy_unverified = true;
      break;
  }
  if (judge_body) {
    a.policy_result = validate_policy(pf.body, opts);
    a.policy_hash = policy_body_hash(pf.body);
    if (!a.policy_result->ok) policy_failed = true;
  }
  const bool policy_valid = a.policy_result && a.policy_result->ok && !policy_failed;
  (void)host_has_address;

  // ---- cross-checks between the TXT record and the policy ----
  if (txt_valid && policy_failed) out.add(check_area::policy, msg::chk_policy_unusable);
  if (policy_valid && txt_conclusive && !txt_valid)
    out.add(check_area::txt, msg::chk_policy_without_txt, {d});
  if (txt_absent && !policy_valid) out.add(check_area::txt, msg::chk_not_deployed, {d});
  std::string mode;
  if (a.policy_result && a.policy_result->value.mode) mode = *a.policy_result->value.mode;
  if (policy_valid && mode == "testing") out.add(check_area::policy, msg::chk_mode_testing);
  if (policy_valid && mode == "none") out.add(check_area::policy, msg::chk_mode_none);

  // ---- MX coverage (STS-MX-100…104, CHK-004…009, 013, 023) ----
  const bool mx_conclusive = f.mx.done && f.mx.answer.conclusive();
  a.mx_ad = f.mx.done && f.mx.answer.ad;
  if (mx_conclusive) {
    if (f.mx.answer.kind == doh_kind::data) {
      out.add(check_area::mx, f.mx.answer.ad ? msg::chk_dnssec_signed : msg::chk_dnssec_unsigned, {"MX"});
      for (const doh_record& r : f.mx.answer.records) {
        if (r.hex) continue;
        if (r.null_mx) {
          a.null_mx = true;
          continue;
        }
        a.mx.push_back({r.preference, r.text, {}, false});
      }
      if (a.null_mx) {
        a.mx.clear();
        out.add(check_area::mx, msg::chk_null_mx, {d});
      }
    } else if (f.mx.answer.kind != doh_kind::nxdomain) {
      // No MX RRset at a name that exists: the name itself is the MX.
      a.mx.push_back({0, d, {}, true});
      out.add(check_area::mx, msg::chk_implicit_mx, {d});
    }
    std::stable_sort(a.mx.begin(), a.mx.end(), [](const mx_row& x, const mx_row& y) {
      return x.preference != y.preference ? x.preference < y.preference : x.host < y.host;
    });
  }
  for (mx_row& row : a.mx) {
    if (detail::is_ipv4_literal(row.host) || detail::looks_like_ipv6(row.host))
      out.add(check_area::mx, msg::chk_mx_ip, {detail::quote(row.host)});
    for (const facts::mx_host_lookups& h : f.mx_hosts) {
      if (h.host != row.host || row.implicit) continue;
      const dns_lookup* alias = nullptr;
      for (const dns_lookup* l : {&h.a, &h.aaaa})
        if (alias == nullptr && l->done && l->answer.conclusive() && !l->answer.cname_chain.empty()) alias = l;
      if (alias != nullptr)
        out.add(check_area::mx, msg::chk_mx_cname,
                {detail::quote(row.host), detail::quote(alias->answer.cname_chain.back())});
      else if (h.a.done && h.a.answer.absent() && h.aaaa.done && h.aaaa.answer.absent())
        out.add(check_area::mx, msg::chk_mx_unresolved, {detail::quote(row.host)});
      // DANE (CHK-015): TLSA at _25._tcp.<host> counts only when DNSSEC validates it.
      if (h.tlsa.done && h.tlsa.answer.status == doh_status::dns && h.tlsa.answer.kind == doh_kind::data)
        out.add(check_area::mx, h.tlsa.answer.ad ? msg::chk_dane_tlsa : msg::chk_dane_tlsa_unsigned,
                {detail::quote(row.host), std::to_string(h.tlsa.answer.records.size()), row.host});
    }
    if (!a.policy_result) continue;
    for (const std::string& p : a.policy_result->value.mx)
      if (mx_pattern_matches(p, row.host)) {
        row.pattern = p;
        break;
      }
  }
  if (policy_valid && !a.mx.empty()) {
    const severity sev = mode == "enforce"   ? severity::error
                         : mode == "testing" ? severity::warning
                                             : severity::info;
    bool any_covered = false;
    for (const mx_row& row : a.mx) any_covered = any_covered || !row.pattern.empty();
    for (const mx_row& row : a.mx) {
      if (!row.pattern.empty()) continue;
      out.add(check_area::mx, msg::chk_mx_uncovered, {detail::quote(row.host), mode}, sev);
      const bool primary_covered = std::any_of(a.mx.begin(), a.mx.end(), [&](const mx_row& o) {
        return o.preference < row.preference && !o.pattern.empty();
      });
      if (primary_covered && mode != "none")
        out.add(check_area::mx, msg::chk_backup_mx_uncovered,
                {detail::quote(row.host), std::to_string(row.preference)});
      const std::string suggested = provider_pattern(row.host);
      if (!suggested.empty())
        out.add(check_area::mx, msg::chk_provider_mismatch, {detail::quote(row.host), suggested});
    }
    if (mode == "enforce" && !any_covered) out.add(check_area::mx, msg::chk_no_mx_covered);
    for (const std::string& p : a.policy_result->value.mx) {
      const bool used = std::any_of(a.mx.begin(), a.mx.end(),
                                    [&](const mx_row& r) { return mx_pattern_matches(p, r.host); });
      if (!used) out.add(check_area::mx, msg::chk_stale_pattern, {detail::quote(p)});
    }
  }

  // Broad wildcard over the policy domain itself (CHK-014).
  if (a.policy_result) {
    for (const std::string& p : a.policy_result->value.mx) {
      if (lower(p) != "*." + d) continue;
      std::string example;
      for (const mx_row& row : a.mx)
        if (mx_pattern_matches(p, row.host)) {
          example = row.host;
          break;
        }
      if (!example.empty())
        out.add(check_area::mx, msg::chk_broad_wildcard, {detail::quote(p), d, example});
    }
  }

  // ---- the two resolvers compared (CHK-021) ----
  const auto compare = [&](const dns_lookup& first, const dns_lookup& second, check_area area,
                           std::string_view what) {
    if (!first.done || !second.done || !first.answer.conclusive() || !second.answer.conclusive()) return;
    if (first.resolver == second.resolver) return;
    const auto x = record_set(first), y = record_set(second);
    if (x == y) return;
    out.add(area, msg::chk_resolvers_disagree,
            {what, resolver_name(first.resolver), set_words(x, opts.lang), resolver_name(second.resolver),
             set_words(y, opts.lang)});
  };
  compare(f.sts_txt, f.sts_txt_other, check_area::txt, "_mta-sts TXT");
  compare(f.mx, f.mx_other, check_area::mx, "MX");

  // ---- TLS-RPT and DMARC ----
  const doh_answer& tr = f.tlsrpt.answer;
  if (f.tlsrpt.done && tr.status == doh_status::dns && !tr.records.empty())
    a.tlsrpt = validate_tlsrpt_record(txt_rrset_of(tr), opts);
  if (a.tlsrpt) {
    // TLSRPT-019 ("may go to another domain") says nothing when the reports
    // go to the checked domain itself or one of its subdomains.
    std::string first_mailto;
    for (const std::string& u : a.tlsrpt->value.rua)
      if (first_mailto.empty() && starts_with(lower(u), "mailto:")) {
        const std::size_t at = u.rfind('@');
        if (at != std::string::npos) first_mailto = lower(u.substr(at + 1, u.find('!', at) - at - 1));
      }
    if (!first_mailto.empty() && (first_mailto == d || ends_with(first_mailto, "." + d))) {
      auto& ds = a.tlsrpt->diagnostics;
      ds.erase(std::remove_if(ds.begin(), ds.end(), [](const diagnostic& x) { return x.code == "TLSRPT-019"; }),
               ds.end());
    }
  }
  const bool tlsrpt_valid = has_record_with_prefix(f.tlsrpt, "v=TLSRPTv1") && a.tlsrpt && a.tlsrpt->ok;
  if (!tlsrpt_valid && has_record_with_prefix(f.tlsrpt_wrong, "v=TLSRPTv1"))
    out.add(check_area::tlsrpt, msg::tlsrpt_wrong_owner,
            {detail::quote("_smtp-tlsrpt." + d), detail::quote("_smtp._tls." + d)});
  if ((txt_present || policy_valid) && f.tlsrpt.done && tr.conclusive() && !tlsrpt_valid)
    out.add(check_area::tlsrpt, msg::chk_no_tlsrpt, {d});
  const doh_answer& dm = f.dmarc.answer;
  // A conclusive answer without records is judged too: DMARC-001, no record.
  if (f.dmarc.done && dm.status == doh_status::dns && (!dm.records.empty() || dm.conclusive()))
    a.dmarc = validate_dmarc_record(txt_rrset_of(dm), opts);
  // DMARC-021: each external report destination must accept the reports.
  if (a.dmarc && has_record_with_prefix(f.dmarc, "v=DMARC1")) {
    for (const dmarc_external_destination& dest : dmarc_external_destinations(d, a.dmarc->value)) {
      for (const facts::report_authorization& auth : f.dmarc_auth) {
        if (auth.host != dest.host || !auth.txt.done || !auth.txt.answer.conclusive()) continue;
        if (!has_record_with_prefix(auth.txt, "v=DMARC1"))
          out.add(check_area::dmarc, msg::chk_dmarc_unauthorised,
                  {detail::quote(d), detail::quote(dest.host), detail::quote(dest.name)});
      }
    }
  }

  // ---- history (CHK-018…020) ----
  if (f.history && a.policy_hash && txt_present && a.sts && !a.sts->value.id.empty()) {
    const std::string& id = a.sts->value.id;
    const bool same_id = id == f.history->last_id;
    const bool same_body = *a.policy_hash == f.history->last_body_hash;
    if (same_id && !same_body) {
      out.add(check_area::policy, msg::chk_body_changed_same_id, {detail::quote(id)});
    } else if (!same_id && same_body) {
      if (pf.outcome == fetch_outcome::ok && caches_long(pf.cache_control))
        out.add(check_area::policy, msg::chk_id_changed_old_body,
                {detail::quote(f.history->last_id), detail::quote(id), detail::quote(*pf.cache_control)});
      else
        out.add(check_area::policy, msg::chk_id_changed_same_body,
                {detail::quote(f.history->last_id), detail::quote(id)});
    }
  }

  // ---- what senders do, and what a browser cannot see ----
  if (txt_present) out.add(check_area::policy, msg::http_refresh);
  if (txt_valid && policy_valid && a.policy_result->value.max_age) {
    const std::uint32_t max_age = *a.policy_result->value.max_age;
    out.add(check_area::policy, msg::chk_sender_timeline,
            {std::to_string(max_age), duration_words(max_age, opts.lang)});
  }
  if (txt_present || pf.outcome != fetch_outcome::not_attempted)
    out.add(check_area::browser, msg::br_not_testable, {host});

  // ---- verdict ----
  const bool txt_error = txt_present && a.sts && !a.sts->ok;
  const bool has_error = out.has_mta_sts_error() || txt_error || policy_failed;
  if (txt_absent && !policy_valid) {
    a.overall = verdict::not_deployed;
  } else if (has_error || (txt_absent && policy_valid)) {
    a.overall = verdict::problems;
  } else if (!txt_conclusive || a.policy_unverified || !mx_conclusive) {
    a.overall = verdict::unverified;
  } else {
    a.overall = verdict::deployed_ok;
  }
  a.checks = out.take();
  return a;
}

std::vector<diagnostic> explain_bounce(std::string_view text, const options& opts) {
  const std::string t = lower(text);
  const auto has = [&](std::string_view needle) { return t.find(needle) != std::string::npos; };
  const bool sts = has("mta-sts");
  std::string code;
  msg id = msg::chk_ndr_unrecognised;
  for (const char* c : {"5.4.8", "4.4.8"})
    if (code.empty() && has(c) && sts) {
      code = c;
      id = msg::chk_ndr_mx_failed;
    }
  for (const char* c : {"5.7.5", "4.7.5"})
    if (code.empty() && has(c) && (sts || has("certificate"))) {
      code = c;
      id = msg::chk_ndr_certificate;
    }
  // "MX hosts of 'contoso.com' failed MTA-STS validation"
  std::string domain;
  const std::size_t at = t.find("mx hosts of ");
  if (at != std::string::npos) {
    std::string_view rest = std::string_view(t).substr(at + 12);
    rest = rest.substr(0, std::min(rest.find(" failed"), std::size_t{255}));
    while (!rest.empty() && (rest.front() == '\'' || rest.front() == '"')) rest.remove_prefix(1);
    while (!rest.empty() && (rest.back() == '\'' || rest.back() == '"' || rest.back() == '.'))
      rest.remove_suffix(1);
    domain = std::string(rest);
  }
  if (domain.empty()) domain = opts.lang == language::fr ? "votre domaine" : "your domain";
  detail::reporter rep(opts);
  rep.add(id, 0, 0, {code, detail::quote(domain)});
  return rep.finish("");
}

}  // namespace mtasts

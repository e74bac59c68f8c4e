// The live checker's judge (issue 4): the page gathers raw facts (DoH
// answers, the policy fetch, local history) and `assess` applies the
// STS-HTTP-*, CHK-*, DOH-* and BR-004 rules plus every text validator.
// Pure: no clock, no network, never throws.
#ifndef MTASTS_ASSESS_HPP
#define MTASTS_ASSESS_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"
#include "mtasts/dmarc.hpp"
#include "mtasts/doh.hpp"
#include "mtasts/policy.hpp"
#include "mtasts/sts_record.hpp"
#include "mtasts/tlsrpt.hpp"

namespace mtasts {

/// One DNS lookup: which resolver answered and what it said. A lookup that
/// was not run keeps `done` false and is never judged.
struct dns_lookup {
  bool done = false;
  std::string resolver;  // e.g. "cloudflare", "google", or the custom URL
  doh_answer answer;
};
/// Builds a lookup from the raw response (http_status 0 = request failed).
[[nodiscard]] dns_lookup make_lookup(std::string_view resolver, std::string_view body,
                                     int http_status, std::uint16_t qtype,
                                     const options& opts = {});

enum class fetch_outcome : std::uint8_t {
  not_attempted,
  ok,                             // a readable response (any status)
  opaque_redirect,                // redirect: 'manual' gave an opaqueredirect (3xx)
  cors_blocked_but_host_answers,  // CORS failed, the no-cors probe got an opaque response
  network_error,                  // both the fetch and the no-cors probe failed
  timeout,                        // no complete answer within elapsed_ms
  too_large,                      // the stream passed 65 536 bytes
  pasted,                         // no fetch: the user pasted the body
};

struct policy_fetch {
  fetch_outcome outcome = fetch_outcome::not_attempted;
  int http_status = 0;
  std::optional<std::string> content_type;   // absent = header missing
  std::optional<std::string> cache_control;  // absent = header missing
  std::string body;                          // bytes read (at most 64 KiB + 1)
  std::uint32_t elapsed_ms = 0;              // time until the outcome
};

/// What the page remembers from the previous check of the same domain.
struct check_history {
  std::string last_id;
  std::uint64_t last_body_hash = 0;
};

struct facts {
  std::string domain;  // A-label, any case, trailing dot allowed
  dns_lookup sts_txt;     // TXT _mta-sts.<d>
  dns_lookup mx;          // MX <d>
  dns_lookup host_a;      // A mta-sts.<d>
  dns_lookup host_aaaa;   // AAAA mta-sts.<d>
  dns_lookup host_cname;  // CNAME mta-sts.<d>
  dns_lookup tlsrpt;      // TXT _smtp._tls.<d>
  dns_lookup dmarc;       // TXT _dmarc.<d>
  dns_lookup apex_txt;        // TXT <d> (STS-TXT-019 hint)
  dns_lookup sts_underscore;  // TXT _mta_sts.<d> (STS-TXT-019 hint)
  dns_lookup tlsrpt_wrong;    // TXT _smtp-tlsrpt.<d> (TLSRPT-002 hint)
  dns_lookup sts_txt_other;   // TXT _mta-sts.<d> from the other resolver (CHK-021)
  dns_lookup mx_other;        // MX <d> from the other resolver (CHK-021)
  /// Asked once the MX answer is in, per MX host: A and AAAA (CHK-009) and
  /// TLSA _25._tcp.<host> (DANE, CHK-015).
  struct mx_host_lookups {
    std::string host;  // as in the MX answer, lower case, no trailing dot
    dns_lookup a, aaaa, tlsa;
  };
  std::vector<mx_host_lookups> mx_hosts;
  /// TXT <domain>._report._dmarc.<host> of each external DMARC report
  /// destination, asked once the DMARC answer is in (DMARC-021).
  struct report_authorization {
    std::string host;  // the destination, lower case, no trailing dot
    dns_lookup txt;
  };
  std::vector<report_authorization> dmarc_auth;
  policy_fetch policy;
  std::optional<check_history> history;
};

/// Stable 64-bit FNV-1a of the policy body (for check_history).
[[nodiscard]] std::uint64_t policy_body_hash(std::string_view body) noexcept;

enum class verdict : std::uint8_t { deployed_ok, problems, not_deployed, unverified };
enum class check_area : std::uint8_t { txt, policy_host, policy, mx, tlsrpt, dmarc, browser };

[[nodiscard]] std::string_view to_string(verdict v) noexcept;
[[nodiscard]] std::string_view to_string(check_area a) noexcept;

struct check {
  check_area area = check_area::txt;
  diagnostic diag;  // positions are 0 / 1:1 (no text to point into)
};

struct mx_row {
  std::uint16_t preference = 0;
  std::string host;     // lower case, no trailing dot
  std::string pattern;  // first covering policy pattern; empty = none
  bool implicit = false;  // the domain itself (no MX RRset)
};

struct assessment {
  verdict overall = verdict::unverified;
  std::vector<check> checks;
  std::vector<mx_row> mx;  // empty for Null MX or when the MX lookup failed
  bool null_mx = false;
  bool policy_unverified = false;  // the policy could not be read (CHK-022)
  std::optional<std::uint32_t> txt_ttl;  // smallest TTL of the _mta-sts RRset
  bool txt_ad = false;
  bool mx_ad = false;
  std::string txt_resolver;
  std::optional<result<sts_record>> sts;       // when the TXT lookup had records
  std::optional<result<policy>> policy_result;  // when a body was read or pasted
  std::optional<result<tlsrpt_record>> tlsrpt;
  std::optional<result<dmarc_record>> dmarc;
  std::optional<std::uint64_t> policy_hash;  // of the body judged
};

[[nodiscard]] assessment assess(const facts& f, const options& opts = {});

/// JSON form (same conventions as json.hpp).
[[nodiscard]] std::string to_json(const assessment& a);

/// CHK-025: what a pasted bounce (NDR) says about MTA-STS — Exchange Online's
/// 4.4.8/5.4.8 (no MX covered) and 4.7.5/5.7.5 (MX certificate) forms; one
/// info diagnostic (positions 0), "unrecognised" when neither is found.
[[nodiscard]] std::vector<diagnostic> explain_bounce(std::string_view text, const options& opts = {});
/// The same as a JSON array of diagnostics.
[[nodiscard]] std::string explain_bounce_json(std::string_view text, const options& opts = {});

/// The facts as the JS module sends them (wasm/kit.d.ts `CheckFacts`):
/// `{"domain", "lookups": {"stsTxt": {"resolver", "status", "body"}, …},
///   "mxHosts": {"<host>": {"a": {…}, "aaaa": {…}}},
///   "policy": {"outcome", "status", "contentType", "cacheControl", "body",
///   "elapsedMs"}, "history": {"lastId", "lastBodyHash"}}`. Unknown or
/// mistyped members read as absent; malformed JSON reads as no facts at all.
[[nodiscard]] facts facts_from_json(std::string_view json_text, const options& opts = {});

/// assess(facts_from_json(…)) as JSON, plus a `lookups` member with every
/// lookup's resolver and parsed answer (null when not run). When
/// `policy_body` is given it replaces the JSON's policy body (raw bytes).
[[nodiscard]] std::string assess_json(std::string_view facts_json,
                                      std::optional<std::string_view> policy_body,
                                      const options& opts = {});

}  // namespace mtasts

#endif  // MTASTS_ASSESS_HPP

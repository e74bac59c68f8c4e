// Generators (issue 3; rules.md §10 GEN-001…010): the MTA-STS policy file,
// the `_mta-sts`, `_smtp._tls` and `_dmarc` TXT records, provider presets and
// hosting snippets. Every function is pure (no clock, no I/O), never throws,
// and re-validates what it produces with the validators of this core: an
// input that cannot give a valid artefact gets diagnostics and NO output
// (`ok` false, every output string empty), never a broken one.
//
// Diagnostics carry the input field they concern (`field`), so a form can
// show each one beside its field. Field names are the JavaScript ones:
// "domain", "mode", "mx[2]", "maxAge", "id", "rua[0]", "ruf[1]", "p", "sp",
// "np", "adkim", "aspf", "fo", "t", "pct", "rf", "ri", "policy", "tlsrpt",
// "daneHost";
// a list as a whole is "mx" / "rua" / "ruf"; "" means the artefact as a
// whole. `start`/`end` (and `column`) count UTF-16 code units in the text
// typed in that field; both are 0 when the diagnostic is about the field as a
// whole (e.g. advice from re-validating the output).
#ifndef MTASTS_GENERATE_HPP
#define MTASTS_GENERATE_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"

namespace mtasts {

/// A diagnostic about one generator input field.
struct field_diagnostic : diagnostic {
  std::string field;
};

/// What every generator returns.
struct generated {
  bool ok = false;   // no error: `text` (and every other output) is valid
  std::string text;  // the artefact; empty when !ok
  std::vector<field_diagnostic> diagnostics;
};

// ---- constants (RFC 8461 §3.2; GEN-004) -----------------------------------
inline constexpr std::uint32_t kMaxAgeDay = 86400;    // default for testing
inline constexpr std::uint32_t kMaxAgeWeek = 604800;  // default for enforce
inline constexpr std::uint32_t kMaxAgeTwoWeeks = 1209600;
inline constexpr std::uint32_t kMaxAgeMax = 31557600;  // RFC 8461 maximum
/// TTL written on every generated zone line (CHK-017: ≤ 3600 keeps id
/// changes quick to propagate).
inline constexpr std::uint32_t kZoneTtl = 3600;

// ---- MTA-STS policy file (GEN-002, GEN-003, GEN-004) ----------------------

struct policy_input {
  /// "testing", "enforce" or "none" (any case); empty = "testing" (GEN-004).
  std::string mode;
  /// Patterns as typed: upper case, U-labels and one trailing dot are
  /// normalised; empty rows are left out; duplicates are written once.
  std::vector<std::string> mx;
  /// Seconds, 1–10 digits, at most 31557600; empty = 86400 (604800 for
  /// enforce).
  std::string max_age;
  /// Optional policy domain (Unicode accepted), used only for advice (a
  /// wildcard over the domain itself).
  std::string domain;
};

/// `mode`, `mx` and `max_age` are what the text says (set only when ok).
struct generated_policy : generated {
  std::string mode;
  std::vector<std::string> mx;  // normalised, de-duplicated, input order
  std::uint32_t max_age = 0;
};

/// `version: STSv1`, `mode`, one `mx` per pattern, `max_age`, each line
/// "key: value" ended by CRLF (the last one too). Validated by
/// validate_policy.
[[nodiscard]] generated_policy generate_policy(const policy_input& in, const options& opts = {});

// ---- `_mta-sts` TXT record (GEN-001) --------------------------------------

/// The policy id for a UTC time: `YYYYMMDDhhmmss` (14 digits). The caller
/// supplies the clock. Seconds are clamped to 1970-01-01 … 9999-12-31.
[[nodiscard]] std::string policy_id_from_utc(std::int64_t unix_seconds) noexcept;

struct sts_record_input {
  std::string id;      // 1–32 letters or digits; see policy_id_from_utc
  std::string domain;  // optional; Unicode accepted
};

struct generated_sts_record : generated {
  std::string domain;       // A-label, lower case; empty when not given
  std::string zone_line;    // `_mta-sts.<domain>. 3600 IN TXT "v=STSv1; id=<id>"`
  std::string policy_host;  // `mta-sts.<domain>` ("mta-sts" when no domain)
  std::string policy_url;   // `https://mta-sts.<domain>/.well-known/mta-sts.txt`
  /// Zone lines for the policy host: A / AAAA placeholders (documentation
  /// addresses) or a CNAME, with comments in the requested language.
  std::string host_hint;
};

/// `text` is the record value `v=STSv1; id=<id>`. Without a domain the zone
/// line uses the relative owner name `_mta-sts`. Validated by
/// validate_sts_record (value and zone line).
[[nodiscard]] generated_sts_record generate_sts_record(const sts_record_input& in,
                                                       const options& opts = {});

// ---- `_smtp._tls` TLS-RPT record (GEN-006) --------------------------------

struct tlsrpt_input {
  /// `mailto:` or `https:` URIs, or bare e-mail addresses (mailto: is added,
  /// the address percent-encoded as RFC 6068 and RFC 8460 require).
  std::vector<std::string> rua;
  std::string domain;  // optional; Unicode accepted
};

struct generated_tlsrpt : generated {
  std::string domain;
  std::vector<std::string> rua;  // the URIs written, input order
  std::string zone_line;         // `_smtp._tls.<domain>. 3600 IN TXT "…"`
};

/// `v=TLSRPTv1; rua=<uri>,<uri>`. Validated by validate_tlsrpt_record.
[[nodiscard]] generated_tlsrpt generate_tlsrpt_record(const tlsrpt_input& in,
                                                      const options& opts = {});

// ---- `_dmarc` record (GEN-007) --------------------------------------------

struct dmarc_input {
  std::string domain;                 // the policy domain; Unicode accepted; optional
  std::string p;                      // none | quarantine | reject; empty = none
  std::string sp, np;                 // same values; empty = not written
  std::string adkim, aspf;            // r | s; empty = not written (default r)
  std::string fo;                     // colon list of 0, 1, d, s; empty = not written
  std::vector<std::string> rua, ruf;  // URIs or bare addresses
  std::string t;                      // y | n (RFC 9989); empty = not written
  /// RFC 7489 tags removed by RFC 9989: written only when `legacy` is true.
  bool legacy = false;
  std::string pct;  // 0–100
  std::string rf;   // afrf
  std::string ri;   // seconds, 32-bit unsigned
};

/// A TXT record an external report destination must publish (DMARC-021,
/// RFC 7489 §7.1): `<policy-domain>._report._dmarc.<destination>`.
struct dmarc_authorization {
  std::string destination;  // host of the rua/ruf URI
  std::string name;         // owner name, no trailing dot
  std::string zone_line;    // `<name>. 3600 IN TXT "v=DMARC1"`
};

struct generated_dmarc : generated {
  std::string domain;
  std::vector<std::string> rua, ruf;  // the URIs written
  std::vector<std::string> strings;   // `text` as TXT strings of ≤ 255 octets
  std::string zone_line;              // `_dmarc.<domain>. 3600 IN TXT "…" "…"`
  std::vector<dmarc_authorization> authorizations;
};

/// `v=DMARC1; p=…` then, when given, sp, np, t, adkim, aspf, pct, fo, rf,
/// ri, rua, ruf in that order. Validated under RFC 7489 and RFC 9989 (no
/// error under either). A destination is "external" when its organisational
/// domain differs from the policy domain's, the organisational domain being
/// approximated as the last two labels (three under a known multi-label
/// public suffix such as co.uk): no Public Suffix List lookup.
[[nodiscard]] generated_dmarc generate_dmarc_record(const dmarc_input& in,
                                                    const options& opts = {});

// ---- provider presets (GEN-005) -------------------------------------------

struct preset_pattern {
  std::string pattern;
  bool optional = false;         // offered, not filled in by the preset
  std::string note_en, note_fr;  // what it covers
};

struct provider_preset {
  std::string id;    // "microsoft365", "google", "fastmail", "proton", "zoho", "icloud"
  std::string name;  // "Microsoft 365 / Exchange Online"
  std::vector<preset_pattern> patterns;
  std::string explanation_en, explanation_fr;
  std::string source;  // where the host names come from
  /// The preset can add a DANE pattern derived from the real MX host
  /// (derive_microsoft_dane_pattern).
  bool dane = false;
};

/// The one preset table, in display order.
[[nodiscard]] std::vector<provider_preset> provider_presets();

/// Exchange Online inbound DNSSEC/DANE: from a real MX host
/// (`contoso-com.a-v1.mx.microsoft`) the pattern `*.a-v1.mx.microsoft`, in
/// `text`. Never `*.mx.microsoft` (STS-MX-013). Field "daneHost".
[[nodiscard]] generated derive_microsoft_dane_pattern(std::string_view mx_host,
                                                      const options& opts = {});

// ---- hosting snippets (GEN-008) -------------------------------------------

struct hosting_input {
  std::string domain;  // the policy domain; Unicode accepted; required
  std::string policy;  // the policy text (generate_policy().text)
  std::string id;      // the policy id, for the `_mta-sts` zone line; optional
  std::string tlsrpt;  // the TLS-RPT record value, for its zone line; optional
};

struct hosting_file {
  std::string path;     // e.g. ".well-known/mta-sts.txt"
  std::string content;  // exact bytes
};

struct hosting_snippet {
  std::string id;      // "nginx", "apache", "caddy", "cloudflare-worker", "github-pages", "zone"
  std::string title;   // in the requested language
  std::string syntax;  // "nginx", "apache", "caddyfile", "javascript", "text", "dns-zone"
  std::string text;    // the snippet, comments in the requested language
  std::vector<hosting_file> files;  // files to create, when the snippet needs them
};

struct generated_hosting {
  bool ok = false;
  std::vector<hosting_snippet> snippets;  // empty when !ok
  std::vector<field_diagnostic> diagnostics;
};

/// Snippets that serve the policy at exactly
/// `https://mta-sts.<domain>/.well-known/mta-sts.txt` with HTTP 200,
/// `Content-Type: text/plain; charset=utf-8` and no redirect, plus the zone
/// lines. The policy must validate without error.
[[nodiscard]] generated_hosting generate_hosting(const hosting_input& in, const options& opts = {});

// ---- JSON (same conventions as mtasts/json.hpp) ---------------------------

[[nodiscard]] std::string to_json(const generated& g);
[[nodiscard]] std::string to_json(const generated_policy& g);
[[nodiscard]] std::string to_json(const generated_sts_record& g);
[[nodiscard]] std::string to_json(const generated_tlsrpt& g);
[[nodiscard]] std::string to_json(const generated_dmarc& g);
[[nodiscard]] std::string to_json(const generated_hosting& g);
[[nodiscard]] std::string to_json(const std::vector<provider_preset>& presets);

}  // namespace mtasts

#endif  // MTASTS_GENERATE_HPP

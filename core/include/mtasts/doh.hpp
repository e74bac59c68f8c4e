// DNS-over-HTTPS JSON answers (Google /resolve, Cloudflare /dns-query with
// accept: application/dns-json), rules.md §11 DOH-001…015. Pure: the page
// fetches, the core parses. Never throws.
#ifndef MTASTS_DOH_HPP
#define MTASTS_DOH_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"
#include "mtasts/sts_record.hpp"

namespace mtasts {

/// RR type numbers used by the checker (DOH-004).
namespace rrtype {
inline constexpr std::uint16_t a = 1;
inline constexpr std::uint16_t cname = 5;
inline constexpr std::uint16_t soa = 6;
inline constexpr std::uint16_t mx = 15;
inline constexpr std::uint16_t txt = 16;
inline constexpr std::uint16_t aaaa = 28;
inline constexpr std::uint16_t tlsa = 52;
}  // namespace rrtype

/// What the HTTP exchange with the resolver gave (DOH-001, DOH-002).
enum class doh_status : std::uint8_t {
  dns,              // HTTP 200 with a JSON object: a DNS-level answer
  transport_error,  // network error (http_status 0) or HTTP other than 200/400
  bad_request,      // HTTP 400: the name is not valid
  malformed,        // HTTP 200 but not a usable JSON object
};

/// The DNS-level outcome (DOH-003). Only `data`, `nodata` and `nxdomain`
/// say anything about the existence of records.
enum class doh_kind : std::uint8_t { data, nodata, nxdomain, servfail, refused, other };

[[nodiscard]] std::string_view to_string(doh_status s) noexcept;
[[nodiscard]] std::string_view to_string(doh_kind k) noexcept;

struct doh_record {
  std::string name;       // owner, lower case, no trailing dot
  std::uint16_t type = 0;
  std::uint32_t ttl = 0;  // remaining resolver cache TTL (DOH-010)
  std::string data;       // `data` exactly as the resolver gave it
  std::string text;       // decoded: TXT joined (DOH-005), MX exchange, A/AAAA/CNAME text
  std::size_t strings = 0;  // TXT: number of character-strings
  std::uint16_t preference = 0;  // MX
  bool null_mx = false;          // MX `0 .` (RFC 7505)
  bool hex = false;              // generic `\# n hex` form (DOH-012)
};

struct doh_answer {
  doh_status status = doh_status::transport_error;
  int http_status = 0;
  int rcode = -1;  // DNS Status, -1 when unknown
  doh_kind kind = doh_kind::other;
  bool ad = false, tc = false, cd = false;
  std::string comment;   // DOH-011: shown, never parsed
  std::string question;  // lower case, no trailing dot; empty when absent
  std::uint16_t qtype = 0;
  /// CNAME chain followed from the question name: every name after it
  /// (DOH-004). Empty when the name is not an alias.
  std::vector<std::string> cname_chain;
  /// Records of the requested type owned by the end of the chain.
  std::vector<doh_record> records;
  std::vector<diagnostic> diagnostics;  // DOH-* codes, positions 0

  /// True when the answer says something about existence (data, NODATA or
  /// NXDOMAIN); false for every resolver failure.
  [[nodiscard]] bool conclusive() const noexcept {
    return status == doh_status::dns &&
           (kind == doh_kind::data || kind == doh_kind::nodata || kind == doh_kind::nxdomain);
  }
  /// True when the answer proves there is no record of the type.
  [[nodiscard]] bool absent() const noexcept {
    return status == doh_status::dns && (kind == doh_kind::nodata || kind == doh_kind::nxdomain);
  }
};

/// Parses one DoH JSON response. `http_status` 0 means the request itself
/// failed (network error, timeout, CORS). `qtype` is the type asked for.
[[nodiscard]] doh_answer parse_doh_json(std::string_view body, int http_status,
                                        std::uint16_t qtype, const options& opts = {});

/// The TXT records of an answer as an RRset for the validators (each RR's
/// character-strings already joined, DOH-005/006).
[[nodiscard]] txt_rrset txt_rrset_of(const doh_answer& a);

/// JSON form (same conventions as json.hpp).
[[nodiscard]] std::string to_json(const doh_answer& a);

}  // namespace mtasts

#endif  // MTASTS_DOH_HPP

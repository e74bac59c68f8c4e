// The `_dmarc` TXT record, judged against RFC 7489 or RFC 9989 (DMARCbis).
#ifndef MTASTS_DMARC_HPP
#define MTASTS_DMARC_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"
#include "mtasts/sts_record.hpp"

namespace mtasts {

/// What a receiver understands. Absent tags stay empty (omitted in JSON);
/// values are lower-cased where the spec makes them case-insensitive.
struct dmarc_record {
  std::optional<std::string> v, p, sp, np, adkim, aspf, fo, rf, t, psd;
  std::optional<std::uint32_t> pct;
  std::optional<std::uint32_t> ri;
  std::optional<std::vector<std::string>> rua, ruf;
};

[[nodiscard]] result<dmarc_record> validate_dmarc_record(
    std::string_view text, const options& opts = {});
[[nodiscard]] result<dmarc_record> validate_dmarc_record(
    const txt_rrset& rrset, const options& opts = {});

/// A report destination outside the policy's organizational domain (RFC 7489
/// §7.1, DMARC-021): it must publish a TXT record starting "v=DMARC1" at
/// `name` (`<domain>._report._dmarc.<host>`), or receivers ignore the URI.
struct dmarc_external_destination {
  std::string host;  // lower case, no trailing dot
  std::string name;  // no trailing dot
};

/// The external destinations of a record's rua and ruf URIs for `domain`
/// (an A-label), in the order of the URIs, each host once. IP literals and
/// URIs without a host are left out.
[[nodiscard]] std::vector<dmarc_external_destination> dmarc_external_destinations(
    std::string_view domain, const dmarc_record& record);

}  // namespace mtasts

#endif  // MTASTS_DMARC_HPP

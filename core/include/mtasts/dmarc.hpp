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

}  // namespace mtasts

#endif  // MTASTS_DMARC_HPP

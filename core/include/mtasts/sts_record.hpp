// The `_mta-sts` TXT record (RFC 8461 §3.1) and the TXT RRset discovery rule.
#ifndef MTASTS_STS_RECORD_HPP
#define MTASTS_STS_RECORD_HPP

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"

namespace mtasts {

/// One TXT resource record as DNS returns it: its character-strings.
using txt_rr = std::vector<std::string>;
/// A whole TXT RRset.
using txt_rrset = std::vector<txt_rr>;

struct sts_record {
  std::string version;                            // "STSv1" when present
  std::string id;                                 // empty when absent
  std::map<std::string, std::string> extensions;  // fields other than v/id
};

/// Validates one record. `text` is either the record's text (character-strings
/// already joined) or its zone-file presentation (`"v=STSv1; " "id=1"`, or a
/// whole `_mta-sts.example.com. IN TXT "..."` line).
[[nodiscard]] result<sts_record> validate_sts_record(std::string_view text,
                                                     const options& opts = {});

/// Validates a TXT RRset (RFC 8461 §3.1 discovery: RRs not starting with
/// `v=STSv1` are discarded; other than exactly one candidate means no policy).
[[nodiscard]] result<sts_record> validate_sts_record(const txt_rrset& rrset,
                                                     const options& opts = {});

}  // namespace mtasts

#endif  // MTASTS_STS_RECORD_HPP

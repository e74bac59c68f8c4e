// The `_smtp._tls` TLS-RPT TXT record (RFC 8460 §3).
#ifndef MTASTS_TLSRPT_HPP
#define MTASTS_TLSRPT_HPP

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"
#include "mtasts/sts_record.hpp"

namespace mtasts {

struct tlsrpt_record {
  std::string version;                            // "TLSRPTv1" when present
  std::vector<std::string> rua;                   // report URIs, in order
  std::map<std::string, std::string> extensions;  // fields other than v/rua
};

[[nodiscard]] result<tlsrpt_record> validate_tlsrpt_record(
    std::string_view text, const options& opts = {});
[[nodiscard]] result<tlsrpt_record> validate_tlsrpt_record(
    const txt_rrset& rrset, const options& opts = {});

}  // namespace mtasts

#endif  // MTASTS_TLSRPT_HPP

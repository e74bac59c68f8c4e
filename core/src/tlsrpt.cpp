// STUB — to be replaced by the real parser.
#include "mtasts/tlsrpt.hpp"
#include "report.hpp"
namespace mtasts {
result<tlsrpt_record> validate_tlsrpt_record(std::string_view text, const options& opts) {
  detail::reporter rep(opts);
  return detail::make_result(tlsrpt_record{}, rep, text);
}
result<tlsrpt_record> validate_tlsrpt_record(const txt_rrset&, const options& opts) {
  detail::reporter rep(opts);
  return detail::make_result(tlsrpt_record{}, rep, "");
}
}  // namespace mtasts

// STUB — to be replaced by the real parser.
#include "mtasts/dmarc.hpp"
#include "report.hpp"
namespace mtasts {
result<dmarc_record> validate_dmarc_record(std::string_view text, const options& opts) {
  detail::reporter rep(opts);
  return detail::make_result(dmarc_record{}, rep, text);
}
result<dmarc_record> validate_dmarc_record(const txt_rrset&, const options& opts) {
  detail::reporter rep(opts);
  return detail::make_result(dmarc_record{}, rep, "");
}
}  // namespace mtasts

// STUB — to be replaced by the real parser.
#include "mtasts/sts_record.hpp"
#include "report.hpp"
namespace mtasts {
result<sts_record> validate_sts_record(std::string_view text, const options& opts) {
  detail::reporter rep(opts);
  return detail::make_result(sts_record{}, rep, text);
}
result<sts_record> validate_sts_record(const txt_rrset&, const options& opts) {
  detail::reporter rep(opts);
  return detail::make_result(sts_record{}, rep, "");
}
}  // namespace mtasts

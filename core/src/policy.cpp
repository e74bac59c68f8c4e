// STUB — to be replaced by the real parser.
#include "mtasts/policy.hpp"
#include "report.hpp"
namespace mtasts {
result<policy> validate_policy(std::string_view bytes, const options& opts) {
  detail::reporter rep(opts);
  return detail::make_result(policy{}, rep, bytes);
}
}  // namespace mtasts

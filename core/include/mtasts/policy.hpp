// The MTA-STS policy file (RFC 8461 §3.2).
#ifndef MTASTS_POLICY_HPP
#define MTASTS_POLICY_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"

namespace mtasts {

struct policy {
  std::optional<std::string> version;  // first `version` value
  std::optional<std::string> mode;     // first valid `mode` value
  std::optional<std::uint32_t> max_age;
  std::vector<std::string> mx;  // valid patterns in order, lower-case A-labels
  std::map<std::string, std::string> extensions;  // unknown keys, first value
};

/// Validates the raw bytes of a policy body (no normalisation before checks).
[[nodiscard]] result<policy> validate_policy(std::string_view bytes,
                                             const options& opts = {});

}  // namespace mtasts

#endif  // MTASTS_POLICY_HPP

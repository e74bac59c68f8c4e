// The JSON form of one diagnostic and the dump settings, shared by every
// to_json of the core (validators, generators, checker) so they cannot drift.
#ifndef MTASTS_DETAIL_JSON_HPP
#define MTASTS_DETAIL_JSON_HPP

#include <nlohmann/json.hpp>
#include <string>

#include "mtasts/diagnostic.hpp"

namespace mtasts::detail {

/// code, severity, message, hint, line, column, start, end, ref (+ record).
nlohmann::json diagnostic_json(const diagnostic& d);

/// 2-space indentation, keys sorted, invalid UTF-8 replaced by U+FFFD.
std::string dump(const nlohmann::json& j);

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_JSON_HPP

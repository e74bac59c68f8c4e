// The JSON form of one diagnostic and the dump settings, shared by every
// to_json of the core (validators, generators, checker) so they cannot drift.
#ifndef MTASTS_DETAIL_JSON_HPP
#define MTASTS_DETAIL_JSON_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "mtasts/diagnostic.hpp"
#include "mtasts/dmarc.hpp"
#include "mtasts/policy.hpp"
#include "mtasts/sts_record.hpp"
#include "mtasts/tlsrpt.hpp"

namespace mtasts::detail {

/// code, severity, message, hint, line, column, start, end, ref (+ record).
nlohmann::json diagnostic_json(const diagnostic& d);

/// {ok, value, diagnostics} of a validator's result, as `to_json` writes it
/// (the checker's report embeds these without a round trip through text).
nlohmann::json result_json(const result<sts_record>& r);
nlohmann::json result_json(const result<policy>& r);
nlohmann::json result_json(const result<tlsrpt_record>& r);
nlohmann::json result_json(const result<dmarc_record>& r);

/// Parses without throwing (discarded value on error). Every parse of the
/// core and the binding goes through `const char*` iterators, so the wasm
/// holds one instantiation of nlohmann's lexer and parser, not one per
/// input type.
inline nlohmann::json parse(std::string_view text) {
  return nlohmann::json::parse(text.data(), text.data() + text.size(), nullptr, false);
}

/// 2-space indentation, keys sorted, invalid UTF-8 replaced by U+FFFD.
std::string dump(const nlohmann::json& j);

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_JSON_HPP

// JSON form of every result: the single serialisation used by the golden
// tests and by the wasm module, so native and browser output are identical.
#ifndef MTASTS_JSON_HPP
#define MTASTS_JSON_HPP

#include <string>

#include "mtasts/dmarc.hpp"
#include "mtasts/policy.hpp"
#include "mtasts/sts_record.hpp"
#include "mtasts/tlsrpt.hpp"

namespace mtasts {

/// Pretty-printed (2 spaces), keys sorted, invalid UTF-8 replaced by U+FFFD.
[[nodiscard]] std::string to_json(const result<sts_record>& r);
[[nodiscard]] std::string to_json(const result<policy>& r);
[[nodiscard]] std::string to_json(const result<tlsrpt_record>& r);
[[nodiscard]] std::string to_json(const result<dmarc_record>& r);

}  // namespace mtasts

#endif  // MTASTS_JSON_HPP

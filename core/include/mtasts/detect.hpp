// Which of the four text formats a pasted text looks like.
#ifndef MTASTS_DETECT_HPP
#define MTASTS_DETECT_HPP

#include <string_view>

namespace mtasts {

enum class text_format { unknown, sts_record, policy, tlsrpt, dmarc };

[[nodiscard]] std::string_view to_string(text_format f) noexcept;

/// Guesses the format from the text alone (never fails: `unknown` when
/// nothing fits). Tolerates zone-file presentation and near-miss versions.
[[nodiscard]] text_format detect_format(std::string_view text);

}  // namespace mtasts

#endif  // MTASTS_DETECT_HPP

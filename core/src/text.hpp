// Byte-level text helpers shared by the parsers: UTF-8 decoding as the
// WHATWG decoder does it (so offsets match what JavaScript sees), ASCII
// classes, and a printable form of offending text for messages.
#ifndef MTASTS_DETAIL_TEXT_HPP
#define MTASTS_DETAIL_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mtasts::detail {

constexpr bool is_alpha(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }
constexpr bool is_wsp(char c) noexcept { return c == ' ' || c == '\t'; }
constexpr char to_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
std::string ascii_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b) noexcept;
bool istarts_with(std::string_view s, std::string_view prefix) noexcept;

/// One step of WHATWG UTF-8 decoding at `i`: how many bytes form the next
/// code point (or the maximal ill-formed subpart, which decodes to U+FFFD),
/// how many UTF-16 units it yields, and whether it was well formed.
struct utf8_step {
  std::size_t bytes;
  std::uint8_t units;
  bool valid;
};
utf8_step utf8_next(std::string_view s, std::size_t i) noexcept;

/// Offset of the first ill-formed UTF-8 byte, or npos.
std::size_t find_invalid_utf8(std::string_view s) noexcept;
/// Offset of the first byte >= 0x80, or npos.
std::size_t find_non_ascii(std::string_view s) noexcept;

/// The text shown inside a message's quotes: control characters and
/// ill-formed bytes escaped (`\t`, `\r`, `\n`, `\xNN`, `\u00A0` for invisible
/// Unicode), cut to about `max_chars` code points with an ellipsis.
std::string visible(std::string_view s, std::size_t max_chars = 60);

/// Maps byte offsets of a UTF-8 text to (line, column, UTF-16 offset).
class text_index {
 public:
  explicit text_index(std::string_view text);
  struct position {
    std::uint32_t line;
    std::uint32_t column;
    std::uint32_t utf16;
  };
  [[nodiscard]] position at(std::size_t byte) const noexcept;

 private:
  std::vector<std::uint32_t> utf16_;       // per byte offset (size n + 1)
  std::vector<std::size_t> line_starts_;  // byte offsets
};

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_TEXT_HPP

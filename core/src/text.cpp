#include "text.hpp"

#include <algorithm>

namespace mtasts::detail {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

utf8_step utf8_next(std::string_view s, std::size_t i) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {1, 1, true};
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return {1, 1, false};
  }
  std::size_t k = 1;
  for (; k <= need; ++k) {
    if (i + k >= s.size()) return {k, 1, false};
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (c < lo || c > hi) return {k, 1, false};
    lo = 0x80;
    hi = 0xBF;
  }
  return {need + 1, static_cast<std::uint8_t>(need == 3 ? 2 : 1), true};
}

std::size_t find_invalid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const utf8_step st = utf8_next(s, i);
    if (!st.valid) return i;
    i += st.bytes;
  }
  return std::string_view::npos;
}

std::size_t find_non_ascii(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) >= 0x80) return i;
  return std::string_view::npos;
}

namespace {
void append_hex(std::string& out, const char* prefix, unsigned v, int digits) {
  static const char* hex = "0123456789ABCDEF";
  out += prefix;
  for (int d = digits - 1; d >= 0; --d) out += hex[(v >> (4 * d)) & 0xF];
}

unsigned decode_cp(std::string_view s, std::size_t i, std::size_t n) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (n == 1) return b0;
  unsigned cp = b0 & (n == 2 ? 0x1Fu : n == 3 ? 0x0Fu : 0x07u);
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return cp;
}

bool invisible(unsigned cp) {
  return cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || cp == 0x205F || cp == 0x2060 ||
         cp == 0x3000 || cp == 0xFEFF || (cp >= 0x80 && cp < 0xA0);
}
}  // namespace

std::string visible(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (chars == max_chars) {
      out += "\xE2\x80\xA6";  // …
      break;
    }
    const utf8_step st = utf8_next(s, i);
    const auto b = static_cast<unsigned char>(s[i]);
    if (!st.valid) {
      for (std::size_t k = 0; k < st.bytes; ++k)
        append_hex(out, "\\x", static_cast<unsigned char>(s[i + k]), 2);
    } else if (b == '\t') {
      out += "\\t";
    } else if (b == '\r') {
      out += "\\r";
    } else if (b == '\n') {
      out += "\\n";
    } else if (b < 0x20 || b == 0x7F) {
      append_hex(out, "\\x", b, 2);
    } else if (st.bytes > 1 && invisible(decode_cp(s, i, st.bytes))) {
      append_hex(out, "\\u", decode_cp(s, i, st.bytes), 4);
    } else {
      out.append(s.substr(i, st.bytes));
    }
    i += st.bytes;
    ++chars;
  }
  return out;
}

text_index::text_index(std::string_view text) : utf16_(text.size() + 1, 0) {
  line_starts_.push_back(0);
  std::uint32_t u = 0;
  for (std::size_t i = 0; i < text.size();) {
    const utf8_step st = utf8_next(text, i);
    for (std::size_t k = 0; k < st.bytes; ++k) utf16_[i + k] = u;
    u += st.units;
    const char c = text[i];
    i += st.bytes;
    if (c == '\n' || (c == '\r' && (i >= text.size() || text[i] != '\n')))
      line_starts_.push_back(i);
  }
  utf16_[text.size()] = u;
}

text_index::position text_index::at(std::size_t byte) const noexcept {
  byte = std::min(byte, utf16_.size() - 1);
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());
  const std::size_t ls = line_starts_[line - 1];
  return {static_cast<std::uint32_t>(line), utf16_[byte] - utf16_[ls] + 1, utf16_[byte]};
}

}  // namespace mtasts::detail

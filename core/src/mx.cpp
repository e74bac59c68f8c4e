// STUB — to be replaced by the real matcher.
#include "mtasts/mx.hpp"
namespace mtasts {
bool mx_pattern_matches(std::string_view, std::string_view) noexcept { return false; }
}  // namespace mtasts

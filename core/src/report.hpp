// The diagnostic catalogue and the reporter every parser writes to.
//
// Every message lives in one of the `messages/*.def` files as
//   MSG(id, "RULE-ID", severity, "ref", "en message", "en hint",
//       "fr message", "fr hint")
// with `{0}`, `{1}`… replaced by the arguments given at report time (each
// argument is shown through `visible()` when passed with `quote()`).
#ifndef MTASTS_DETAIL_REPORT_HPP
#define MTASTS_DETAIL_REPORT_HPP

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "mtasts/diagnostic.hpp"

namespace mtasts::detail {

enum class msg : std::uint16_t {
#define MSG(id, code, sev, ref, en, en_hint, fr, fr_hint) id,
#include "messages/all.def"
#undef MSG
  count_
};

struct message_entry {
  const char* code;
  severity sev;
  const char* ref;
  const char* en;
  const char* en_hint;
  const char* fr;
  const char* fr_hint;
};
const message_entry& entry(msg id) noexcept;
/// Every entry of the catalogue (for tests that review it as a whole).
std::size_t message_count() noexcept;

/// Formats offending text for a message (escaped, shortened).
std::string quote(std::string_view s, std::size_t max_chars = 60);

struct pending {
  msg id;
  severity sev;
  std::string ref;
  std::size_t start;  // byte offsets in the parsed text
  std::size_t end;
  std::vector<std::string> args;
  int record = -1;
};

class reporter {
 public:
  explicit reporter(const options& o) : opts_(o) {}

  /// Reports `id` over the byte range [start, end) of the parsed text.
  pending& add(msg id, std::size_t start, std::size_t end,
               std::initializer_list<std::string_view> args = {});

  [[nodiscard]] const options& opts() const noexcept { return opts_; }
  [[nodiscard]] bool has_error() const noexcept;
  [[nodiscard]] bool has(msg id) const noexcept;
  [[nodiscard]] bool has_code(std::string_view code) const noexcept;
  [[nodiscard]] std::vector<pending>& items() noexcept { return items_; }

  /// Moves another reporter's items in (e.g. per-RR reporters of an RRset).
  void absorb(reporter&& other, int record);

  /// Renders messages and converts positions. `map`, when not empty, maps
  /// each byte offset of the parsed text (size + 1 entries) to a byte offset
  /// of `original`, the text the user gave. Diagnostics come out sorted by
  /// position, then by code.
  [[nodiscard]] std::vector<diagnostic> finish(
      std::string_view original, const std::vector<std::size_t>& map = {}) const;

  /// For a TXT RRset: items with `record >= 0` are positioned in
  /// `records[record]` (the RR's joined text); set-level items (`record` -1)
  /// get position 1:1, offset 0.
  [[nodiscard]] std::vector<diagnostic> finish_rrset(
      const std::vector<std::string>& records) const;

 private:
  [[nodiscard]] std::vector<diagnostic> render_all(
      const std::function<void(diagnostic&, const pending&)>& position) const;

  options opts_;
  std::vector<pending> items_;
};

/// Renders a template with `{0}`… placeholders.
std::string render(const char* tmpl, const std::vector<std::string>& args);

template <class T>
result<T> make_result(T value, const reporter& rep, std::string_view original,
                      const std::vector<std::size_t>& map = {}) {
  result<T> r;
  r.value = std::move(value);
  r.diagnostics = rep.finish(original, map);
  r.ok = !rep.has_error();
  return r;
}

template <class T>
result<T> make_rrset_result(T value, const reporter& rep,
                            const std::vector<std::string>& records) {
  result<T> r;
  r.value = std::move(value);
  r.diagnostics = rep.finish_rrset(records);
  r.ok = !rep.has_error();
  return r;
}

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_REPORT_HPP

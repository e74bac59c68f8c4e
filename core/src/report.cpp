#include "report.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>

#include "text.hpp"

namespace mtasts {

std::string_view to_string(severity s) noexcept {
  switch (s) {
    case severity::error:
      return "error";
    case severity::warning:
      return "warning";
    case severity::info:
      return "info";
  }
  return "error";
}

namespace detail {
namespace {
[[maybe_unused]] constexpr severity E = severity::error;
[[maybe_unused]] constexpr severity W = severity::warning;
[[maybe_unused]] constexpr severity I = severity::info;

constexpr std::array<message_entry, static_cast<std::size_t>(msg::count_)> kCatalogue{{
#define MSG(id, code, sev, ref, en, en_hint, fr, fr_hint) \
  message_entry{code, sev, ref, en, en_hint, fr, fr_hint},
#include "messages/all.def"
#undef MSG
}};
}  // namespace

const message_entry& entry(msg id) noexcept {
  return kCatalogue[static_cast<std::size_t>(id)];
}
std::size_t message_count() noexcept { return kCatalogue.size(); }

std::string quote(std::string_view s, std::size_t max_chars) {
  return visible(s, max_chars);
}

pending& reporter::add(msg id, std::size_t start, std::size_t end,
                       std::initializer_list<std::string_view> args) {
  const message_entry& e = entry(id);
  pending p{id, e.sev, e.ref, start, std::max(start, end), {}, -1};
  for (std::string_view a : args) p.args.emplace_back(a);
  items_.push_back(std::move(p));
  return items_.back();
}

bool reporter::has_error() const noexcept {
  return std::any_of(items_.begin(), items_.end(),
                     [](const pending& p) { return p.sev == severity::error; });
}

bool reporter::has(msg id) const noexcept {
  return std::any_of(items_.begin(), items_.end(),
                     [id](const pending& p) { return p.id == id; });
}

bool reporter::has_code(std::string_view code) const noexcept {
  return std::any_of(items_.begin(), items_.end(), [code](const pending& p) {
    return code == entry(p.id).code;
  });
}

void reporter::absorb(reporter&& other, int record) {
  for (pending& p : other.items_) {
    p.record = record;
    items_.push_back(std::move(p));
  }
  other.items_.clear();
}

std::string render(const char* tmpl, const std::vector<std::string>& args) {
  std::string out;
  for (const char* p = tmpl; *p != '\0'; ++p) {
    if (p[0] == '{' && is_digit(p[1]) && p[2] == '}') {
      const auto k = static_cast<std::size_t>(p[1] - '0');
      if (k < args.size()) out += args[k];
      p += 2;
    } else {
      out += *p;
    }
  }
  return out;
}

namespace {
diagnostic render_one(const pending& p, bool fr) {
  const message_entry& e = entry(p.id);
  diagnostic d;
  d.code = e.code;
  d.sev = p.sev;
  d.message = render(fr ? e.fr : e.en, p.args);
  d.hint = render(fr ? e.fr_hint : e.en_hint, p.args);
  d.ref = p.ref;
  d.record = p.record;
  return d;
}

void place(diagnostic& d, const text_index& idx, std::size_t s, std::size_t e) {
  if (e < s) e = s;
  const auto ps = idx.at(s);
  const auto pe = idx.at(e);
  d.line = ps.line;
  d.column = ps.column;
  d.start = ps.utf16;
  d.end = pe.utf16;
}

void sort_diagnostics(std::vector<diagnostic>& out) {
  std::stable_sort(out.begin(), out.end(), [](const diagnostic& a, const diagnostic& b) {
    if (a.record != b.record) return a.record < b.record;
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    return a.code < b.code;
  });
}
}  // namespace

// Pathological inputs (a 1 MiB paste of garbage) can raise tens of thousands
// of the same problem. Each rule id is listed at most this many times, then
// one diagnostic with the same code says how many more there are, so results
// stay readable and cheap to render while every kind of problem is reported.
constexpr std::size_t kMaxPerCode = 100;

std::vector<diagnostic> reporter::render_all(
    const std::function<void(diagnostic&, const pending&)>& position) const {
  std::vector<std::size_t> order(items_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    const pending& x = items_[a];
    const pending& y = items_[b];
    if (x.record != y.record) return x.record < y.record;
    if (x.start != y.start) return x.start < y.start;
    return x.end < y.end;
  });
  struct overflow {
    std::size_t first;  // index of the first unlisted item
    std::size_t count;
  };
  std::map<std::string_view, std::size_t> seen;
  std::map<std::string_view, overflow> more;
  const bool fr = opts_.lang == language::fr;
  std::vector<diagnostic> out;
  out.reserve(std::min(items_.size(), std::size_t{4096}));
  for (std::size_t i : order) {
    const std::string_view code = entry(items_[i].id).code;
    if (++seen[code] > kMaxPerCode) {
      auto [it, inserted] = more.try_emplace(code, overflow{i, 0});
      ++it->second.count;
      continue;
    }
    diagnostic d = render_one(items_[i], fr);
    position(d, items_[i]);
    out.push_back(std::move(d));
  }
  for (const auto& [code, o] : more) {
    const pending& p = items_[o.first];
    diagnostic d;
    d.code = std::string(code);
    d.sev = p.sev;
    d.ref = p.ref;
    d.record = p.record;
    const std::string n = std::to_string(o.count);
    d.message = fr ? n + " autres problèmes de ce type (" + d.code +
                         ") ne sont pas listés, à partir d'ici."
                   : n + " more problems of this kind (" + d.code +
                         ") are not listed, starting here.";
    d.hint = fr ? "Corrigez ceux qui sont listés et validez de nouveau."
                : "Fix the ones listed and validate again.";
    position(d, p);
    out.push_back(std::move(d));
  }
  sort_diagnostics(out);
  return out;
}

std::vector<diagnostic> reporter::finish(std::string_view original,
                                         const std::vector<std::size_t>& map) const {
  const text_index idx(original);
  auto to_original = [&](std::size_t b) {
    if (map.empty()) return std::min(b, original.size());
    return map[std::min(b, map.size() - 1)];
  };
  return render_all([&](diagnostic& d, const pending& p) {
    place(d, idx, to_original(p.start), to_original(p.end));
  });
}

std::vector<diagnostic> reporter::finish_rrset(const std::vector<std::string>& records) const {
  std::vector<text_index> idx;
  idx.reserve(records.size());
  for (const std::string& r : records) idx.emplace_back(r);
  const text_index empty("");
  return render_all([&](diagnostic& d, const pending& p) {
    if (p.record >= 0 && static_cast<std::size_t>(p.record) < records.size()) {
      const auto k = static_cast<std::size_t>(p.record);
      place(d, idx[k], std::min(p.start, records[k].size()), std::min(p.end, records[k].size()));
    } else {
      place(d, empty, 0, 0);
    }
  });
}

}  // namespace detail
}  // namespace mtasts

#include "txt_input.hpp"

#include "report.hpp"
#include "text.hpp"

namespace mtasts::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Parses `"..." "..."` (with optional parentheses and line breaks between
// strings, as zone files allow) starting at `i`. Returns false if anything
// other than quoted strings follows.
bool decode_quoted(std::string_view in, std::size_t i, txt_input& out) {
  std::string text;
  std::vector<std::size_t> map;
  std::size_t strings = 0;
  std::size_t last_end = i;  // input offset just past the last decoded byte
  int parens = 0;
  while (true) {
    while (i < in.size() && (is_space(in[i]) || in[i] == '(' || in[i] == ')')) {
      if (in[i] == '(') ++parens;
      if (in[i] == ')') --parens;
      ++i;
    }
    if (i >= in.size()) break;
    if (in[i] == ';') {  // a zone-file comment ends the data
      while (i < in.size() && in[i] != '\n') ++i;
      continue;
    }
    if (in[i] != '"') return false;
    ++i;
    ++strings;
    bool closed = false;
    while (i < in.size()) {
      const char c = in[i];
      if (c == '"') {
        closed = true;
        ++i;
        break;
      }
      if (c == '\\' && i + 1 < in.size()) {
        if (i + 3 < in.size() && is_digit(in[i + 1]) && is_digit(in[i + 2]) && is_digit(in[i + 3])) {
          const int v = (in[i + 1] - '0') * 100 + (in[i + 2] - '0') * 10 + (in[i + 3] - '0');
          if (v > 255) return false;
          map.push_back(i);
          text.push_back(static_cast<char>(v));
          i += 4;
          last_end = i;
          continue;
        }
        map.push_back(i);
        text.push_back(in[i + 1]);
        i += 2;
        last_end = i;
        continue;
      }
      map.push_back(i);
      text.push_back(c);
      ++i;
      last_end = i;
    }
    if (!closed) return false;
  }
  if (strings == 0 || parens != 0) return false;
  // The final entry (one past the end) maps to just past the last character.
  map.push_back(last_end);
  out.text = std::move(text);
  out.map = std::move(map);
  out.strings = strings;
  out.presentation = true;
  return true;
}

std::size_t skip_blank(std::string_view in, std::size_t i) {
  while (i < in.size() && is_wsp(in[i])) ++i;
  return i;
}

std::size_t token_end(std::string_view in, std::size_t i) {
  while (i < in.size() && !is_space(in[i]) && in[i] != '"') ++i;
  return i;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

}  // namespace

txt_input decode_txt_input(std::string_view input) {
  txt_input out;
  std::size_t i = 0;
  while (i < input.size() && is_space(input[i])) ++i;
  if (i < input.size() && input[i] == '"') {
    if (decode_quoted(input, i, out)) return out;
  } else if (i < input.size()) {
    // A zone line: owner [ttl] [class] TXT "data"… (ttl and class in any order).
    const std::size_t o0 = i;
    const std::size_t o1 = token_end(input, i);
    std::size_t j = skip_blank(input, o1);
    bool seen_txt = false;
    for (int k = 0; k < 3 && j < input.size(); ++k) {
      const std::size_t te = token_end(input, j);
      const std::string_view tok = input.substr(j, te - j);
      if (iequals(tok, "TXT")) {
        seen_txt = true;
        j = skip_blank(input, te);
        break;
      }
      if (!(all_digits(tok) || iequals(tok, "IN") || iequals(tok, "CH") || iequals(tok, "HS"))) break;
      j = skip_blank(input, te);
    }
    if (seen_txt && o1 > o0 && j < input.size() && (input[j] == '"' || input[j] == '(') &&
        decode_quoted(input, j, out)) {
      std::string_view owner = input.substr(o0, o1 - o0);
      out.owner_start = o0;
      out.owner_end = o1;
      if (!owner.empty() && owner.back() == '.') owner.remove_suffix(1);
      out.owner = ascii_lower(owner);
      return out;
    }
  }
  out = txt_input{};
  // The line break that ends a pasted line or a saved file is not part of the
  // record (a zone file or a DNS answer would not carry it either); anything
  // else, a space included, is judged as written. Offsets are unchanged.
  std::string_view body = input;
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
  out.text = std::string(body);
  return out;
}

std::vector<txt_line_record> split_txt_records(std::string_view input) {
  std::vector<txt_line_record> out;
  std::size_t i = 0;
  while (i < input.size()) {
    std::size_t end = input.find('\n', i);
    if (end == std::string_view::npos) end = input.size();
    std::string_view line = input.substr(i, end - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t lead = 0;
    while (lead < line.size() && is_space(line[lead])) ++lead;
    if (lead < line.size()) {
      txt_line_record r{i, decode_txt_input(line)};
      // An indented unquoted line continues something; every record starts with "v=".
      const std::string_view t = r.in.text;
      if (!r.in.presentation && lead > 0) return {};
      if (t.size() < 2 || (t[0] != 'v' && t[0] != 'V') || t[1] != '=') return {};
      out.push_back(std::move(r));
    }
    i = end + 1;
  }
  if (out.size() < 2) out.clear();
  return out;
}

std::vector<std::size_t> place_line_records(const std::vector<txt_line_record>& records,
                                            std::vector<pending>& items) {
  std::vector<std::size_t> map;
  std::vector<std::size_t> base;
  for (const txt_line_record& r : records) {
    base.push_back(map.size());
    for (std::size_t o = 0; o <= r.in.text.size(); ++o)
      map.push_back(r.start + (r.in.map.empty() ? o : r.in.map[std::min(o, r.in.map.size() - 1)]));
  }
  for (pending& p : items) {
    if (p.record < 0 || static_cast<std::size_t>(p.record) >= records.size()) continue;
    const auto k = static_cast<std::size_t>(p.record);
    const std::size_t len = records[k].in.text.size();
    p.start = base[k] + std::min(p.start, len);
    p.end = base[k] + std::min(p.end, len);
    p.record = -1;
  }
  return map;
}

std::string decode_txt_data(std::string_view data, std::size_t* strings) {
  txt_input t;
  if (!data.empty() && data.front() == '"' && decode_quoted(data, 0, t)) {
    if (strings != nullptr) *strings = t.strings;
    return t.text;
  }
  if (strings != nullptr) *strings = 1;
  return std::string(data);
}

}  // namespace mtasts::detail

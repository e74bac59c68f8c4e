#include "taglist.hpp"

#include <algorithm>
#include <string>

#include "text.hpp"
#include "txt_input.hpp"

namespace mtasts::detail {
namespace {

bool has(msg id) { return id != msg::count_; }

bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// RFC 8461 §3.1 / RFC 8460 §3: ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
bool ext_name_rest_ok(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; }
// ext-value = 1*(%x21-3A / %x3C / %x3E-7E)
bool ext_value_ok(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 0x21 && u <= 0x3A) || u == 0x3C || (u >= 0x3E && u <= 0x7E);
}

std::size_t skip_wsp(std::string_view s, std::size_t i, std::size_t end) {
  while (i < end && is_wsp(s[i])) ++i;
  return i;
}

std::string_view slice(std::string_view s, std::size_t a, std::size_t b) {
  return s.substr(a, b > a ? b - a : 0);
}

// Which field comes first when the version does not: the first non-blank
// one, else whatever precedes the version field.
std::string_view found_before(std::string_view text, const tag_list& all, std::size_t k,
                              std::size_t* s, std::size_t* e) {
  for (std::size_t i = 0; i < k; ++i) {
    if (!all.fields[i].blank()) {
      *s = all.fields[i].start;
      *e = all.fields[i].end;
      return all.fields[i].raw(text);
    }
  }
  *s = 0;
  *e = all.fields[k].start;
  return slice(text, 0, all.fields[k].start);
}

}  // namespace

std::size_t char_len(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  return std::max<std::size_t>(1, utf8_next(s, i).bytes);
}

std::size_t find_bad_char(std::string_view s, bool (*ok)(char), bool skip_non_ascii) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (skip_non_ascii && is_non_ascii(s[i])) continue;
    if (!ok(s[i])) return i;
  }
  return tag_npos;
}

tag_list scan_tag_list(std::string_view text, std::size_t from) {
  tag_list out;
  std::size_t pos = std::min(from, text.size());
  bool any_delim = false;
  while (true) {
    std::size_t semi = text.find(';', pos);
    if (semi == std::string_view::npos) semi = text.size();
    tag_field f;
    f.seg_start = pos;
    f.seg_end = semi;
    f.start = skip_wsp(text, pos, semi);
    f.end = semi;
    while (f.end > f.start && is_wsp(text[f.end - 1])) --f.end;
    f.name_end = f.end;
    f.value_start = f.end;
    for (std::size_t i = f.start; i < f.end; ++i) {
      if (text[i] == '=') {
        f.eq = i;
        f.name_end = i;
        while (f.name_end > f.start && is_wsp(text[f.name_end - 1])) --f.name_end;
        f.value_start = skip_wsp(text, i + 1, f.end);
        break;
      }
    }
    const bool last = semi == text.size();
    if (last && any_delim && f.blank()) {
      out.trailing_delim = true;  // [field-delim] at the end
      break;
    }
    out.fields.push_back(f);
    if (last) break;
    any_delim = true;
    pos = semi + 1;
  }
  return out;
}

tag_record scan_tag_record(std::string_view text, const tag_record_spec& spec, reporter& rep) {
  tag_record r;
  const bool ascii_rule = has(spec.non_ascii);

  // RFC 8461 §3.1: "MUST be US-ASCII" — one diagnostic per run of non-ASCII.
  if (ascii_rule) {
    for (std::size_t i = 0; i < text.size();) {
      if (!is_non_ascii(text[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < text.size() && is_non_ascii(text[j])) j += char_len(text, j);
      j = std::min(j, text.size());
      rep.add(spec.non_ascii, i, j, {quote(slice(text, i, j))});
      i = j;
    }
  }

  if (skip_wsp(text, 0, text.size()) == text.size()) {
    rep.add(spec.version_empty, 0, text.size());
    return r;
  }

  const tag_list all = scan_tag_list(text, 0);
  const tag_field& f0 = all.fields.front();
  std::vector<tag_field> rest;
  bool trailing_delim = all.trailing_delim;
  const bool version_first = f0.has_eq() && iequals(f0.name(text), "v");

  if (version_first) {
    // RFC 8461 §3.1 `sts-version = %s"v=STSv1"`, RFC 8460 §3 `%s"v=TLSRPTv1"`:
    // exact bytes at offset 0.
    std::size_t tok_end = f0.value_start;
    while (tok_end < f0.end && !is_wsp(text[tok_end]) && text[tok_end] != ',') ++tok_end;
    const std::string_view tok = slice(text, f0.value_start, tok_end);
    const std::string_view shown = slice(text, f0.start, tok_end);
    const bool name_ok = f0.name(text) == "v";
    const bool tok_ok = tok == spec.version;
    const bool tok_case = !tok_ok && iequals(tok, spec.version);
    if (!tok.empty() && !tok_ok && !tok_case && !istarts_with(tok, spec.near_prefix)) {
      // `v=spf1 …`, `v=DMARC1; …`: another kind of record; say so and stop.
      rep.add(spec.version_other, f0.start, tok_end, {quote(shown)});
      return r;
    }
    if (f0.start > 0)
      rep.add(spec.version_leading_wsp, 0, f0.start, {quote(slice(text, 0, tok_end))});
    if (f0.wsp_around_eq()) rep.add(spec.version_wsp, f0.name_end, f0.value_start, {quote(shown)});
    if (!name_ok || tok_case) rep.add(spec.version_case, f0.start, tok_end, {quote(shown)});
    if (!tok_ok && !tok_case) rep.add(spec.version_wrong, f0.value_start, tok_end, {quote(tok)});
    r.version_seen = name_ok && tok_ok;
    const bool exact = f0.start == 0 && name_ok && !f0.wsp_around_eq() && tok_ok;

    if (tok_end < f0.end) {
      // `v=STSv1 id=1`, `v=STSv1,id=1`: no ';' after the version. Report it
      // and read the rest as fields, so the id or rua is still checked.
      std::size_t sep_end = skip_wsp(text, tok_end, f0.end);
      if (sep_end < f0.end && text[sep_end] == ',') ++sep_end;
      const std::size_t resume = skip_wsp(text, sep_end, f0.end);
      rep.add(spec.version_no_delim, tok_end, sep_end, {quote(slice(text, tok_end, f0.end))});
      tag_list more = scan_tag_list(text, resume);
      rest = std::move(more.fields);
      trailing_delim = more.trailing_delim;
    } else {
      // Erratum 6285: `v=STSv1 ;` matches the ABNF but not the literal
      // "begin with v=STSv1;" of the discovery rule.
      if (exact && all.fields.size() > 1 && f0.end < f0.seg_end && has(spec.wsp_before_first_delim))
        rep.add(spec.wsp_before_first_delim, f0.end, f0.seg_end,
                {quote(slice(text, 0, f0.seg_end + 1))});
      rest.assign(all.fields.begin() + 1, all.fields.end());
    }
  } else {
    std::size_t k = tag_npos;
    for (std::size_t i = 1; i < all.fields.size(); ++i) {
      if (all.fields[i].has_eq() && iequals(all.fields[i].name(text), "v")) {
        k = i;
        break;
      }
    }
    if (k != tag_npos) {
      std::size_t s = 0;
      std::size_t e = 0;
      const std::string_view found = found_before(text, all, k, &s, &e);
      rep.add(spec.version_not_first, s, e, {quote(found)});
      const tag_field& fk = all.fields[k];
      r.version_seen = fk.name(text) == "v" && fk.value(text) == spec.version;
      for (std::size_t i = 0; i < all.fields.size(); ++i)
        if (i != k && !(i == 0 && f0.blank())) rest.push_back(all.fields[i]);
    } else {
      if (f0.blank()) {
        const std::size_t e = std::min(f0.seg_end + 1, text.size());
        rep.add(spec.version_missing, 0, e, {quote(slice(text, 0, e))});
      } else {
        rep.add(spec.version_missing, f0.start, f0.end, {quote(f0.raw(text))});
      }
      for (std::size_t i = 0; i < all.fields.size(); ++i)
        if (!(i == 0 && f0.blank())) rest.push_back(all.fields[i]);
    }
  }

  // `;;`: RFC 8461 §3.1 / RFC 8460 §3 allow one optional trailing delimiter only.
  for (const tag_field& f : rest) {
    if (!f.blank()) {
      r.fields.push_back(f);
      continue;
    }
    if (f.seg_start >= text.size()) continue;  // `v=STSv1,` read on after the comma
    const std::size_t s = f.seg_start > 0 ? f.seg_start - 1 : 0;
    const std::size_t e = std::min(f.seg_end + 1, text.size());
    rep.add(spec.empty_field, s, e, {quote(slice(text, s, e))});
  }

  if (version_first && r.fields.empty() && has(spec.no_fields))
    rep.add(spec.no_fields, 0, text.size());

  if (!trailing_delim && !r.fields.empty()) {
    const tag_field& last = r.fields.back();
    if (last.seg_end == text.size() && last.end < text.size()) r.trailing_wsp = last.end;
  }
  r.analysed = true;
  return r;
}

bool check_extension(std::string_view text, const tag_field& f, const tag_record_spec& spec,
                     reporter& rep) {
  const bool skip = has(spec.non_ascii);
  if (!f.has_eq()) {
    rep.add(spec.ext_no_eq, f.start, f.end, {quote(f.raw(text))});
    return false;
  }
  bool ok = true;
  const std::string_view name = f.name(text);
  const std::string_view value = f.value(text);
  if (name.empty()) {
    rep.add(spec.ext_name_empty, f.start, f.eq + 1, {quote(f.raw(text))});
    ok = false;
  } else {
    if (!is_alnum(name.front()) && !(skip && is_non_ascii(name.front()))) {
      rep.add(spec.ext_name_first, f.start, f.start + char_len(text, f.start),
              {quote(name), quote(text.substr(f.start, char_len(text, f.start)))});
      ok = false;
    } else {
      const std::size_t b = find_bad_char(name.substr(1), ext_name_rest_ok, skip);
      if (b != tag_npos) {
        const std::size_t p = f.start + 1 + b;
        rep.add(spec.ext_name_char, p, p + char_len(text, p),
                {quote(name), quote(text.substr(p, char_len(text, p)))});
        ok = false;
      }
    }
    if (name.size() > 32) {
      rep.add(spec.ext_name_long, f.start, f.name_end, {quote(name), std::to_string(name.size())});
      ok = false;
    }
  }
  if (f.wsp_around_eq()) {
    const std::string fixed = std::string(name) + "=" + std::string(value);
    rep.add(spec.ext_wsp_eq, f.name_end, f.value_start, {quote(f.raw(text)), quote(fixed)});
    ok = false;
  }
  if (value.empty()) {
    rep.add(spec.ext_value_empty, f.start, f.end, {quote(name)});
    ok = false;
  } else {
    const std::size_t b = find_bad_char(value, ext_value_ok, skip);
    if (b != tag_npos) {
      const std::size_t p = f.value_start + b;
      if (is_wsp(text[p]))
        rep.add(spec.ext_value_space, p, p + 1, {quote(name)});
      else
        rep.add(spec.ext_value_char, p, p + char_len(text, p),
                {quote(name), quote(text.substr(p, char_len(text, p)))});
      ok = false;
    }
  }
  // Non-ASCII makes the field invalid even when a record-wide rule reports it.
  if (find_non_ascii(f.raw(text)) != std::string_view::npos) ok = false;
  return ok;
}

bool is_candidate(std::string_view s, const tag_record_spec& spec) {
  const std::size_t n = spec.version_tag.size();
  if (s.substr(0, n) != spec.version_tag) return false;
  return s.size() == n || is_wsp(s[n]) || s[n] == ';';
}

bool is_near_miss(std::string_view s, const tag_record_spec& spec) {
  std::size_t i = skip_wsp(s, 0, s.size());
  if (i >= s.size() || to_lower(s[i]) != 'v') return false;
  i = skip_wsp(s, i + 1, s.size());
  if (i >= s.size() || s[i] != '=') return false;
  i = skip_wsp(s, i + 1, s.size());
  return istarts_with(s.substr(i), spec.near_prefix);
}

std::string expected_owner(std::string_view owner, const tag_record_spec& spec) {
  std::vector<std::string_view> labels;
  for (std::size_t i = 0; i <= owner.size();) {
    std::size_t dot = owner.find('.', i);
    if (dot == std::string_view::npos) dot = owner.size();
    labels.push_back(owner.substr(i, dot - i));
    i = dot + 1;
  }
  std::size_t i = 0;
  while (i < labels.size()) {
    const std::string_view label = labels[i];
    const std::string_view next = i + 1 < labels.size() ? labels[i + 1] : std::string_view{};
    const bool junk = label == "@" || (!label.empty() && label.front() == '_') ||
                      (spec.owner_junk != nullptr && spec.owner_junk(label, next));
    if (!junk) break;
    ++i;
  }
  std::string out(spec.owner_prefix);
  for (; i < labels.size(); ++i) {
    out += '.';
    out += labels[i];
  }
  return out;
}

std::vector<std::size_t> check_text_input(std::string_view input, reporter& rep,
                                          const tag_record_spec& spec,
                                          const tag_record_check& check) {
  // Several records, one per line (e.g. `dig +short` with two answers): the
  // RRset rules (one record, STS-TXT-002 / TLSRPT-003…), positions in the text.
  const std::vector<txt_line_record> lines = split_txt_records(input);
  if (!lines.empty()) {
    txt_rrset rrset;
    for (const txt_line_record& l : lines) rrset.push_back({l.in.text});
    check_rrset(rrset, rep, spec, check);
    return place_line_records(lines, rep.items());
  }
  txt_input in = decode_txt_input(input);
  check(in.text, rep, true);
  if (in.strings > 1)
    rep.add(spec.multi_string, 0, in.text.size(), {std::to_string(in.strings), quote(in.text)});
  std::vector<std::size_t> map = std::move(in.map);
  if (!in.owner.empty()) {
    const std::string want = expected_owner(in.owner, spec);
    if (want != in.owner) {
      if (map.empty())
        for (std::size_t i = 0; i <= in.text.size(); ++i) map.push_back(i);
      // The owner lies outside the record text: two extra map entries past
      // the text's end carry its span in the user's input.
      const std::size_t k = map.size();
      map.push_back(in.owner_start);
      map.push_back(in.owner_end);
      rep.add(spec.wrong_owner, k, k + 1,
              {quote(slice(input, in.owner_start, in.owner_end)), quote(want)});
    }
  }
  return map;
}

std::vector<std::string> check_rrset(const txt_rrset& rrset, reporter& rep,
                                     const tag_record_spec& spec, const tag_record_check& check) {
  // RFC 8461 §3.1 / RFC 8460 §3: strings are joined without spaces.
  std::vector<std::string> texts;
  texts.reserve(rrset.size());
  for (const txt_rr& rr : rrset) {
    std::string t;
    for (const std::string& s : rr) t += s;
    texts.push_back(std::move(t));
  }
  if (rrset.empty()) {
    rep.add(spec.no_record, 0, 0);
    return texts;
  }
  std::vector<std::size_t> candidates;
  std::vector<std::size_t> near;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (is_candidate(texts[i], spec))
      candidates.push_back(i);
    else if (is_near_miss(texts[i], spec))
      near.push_back(i);
  }
  auto discard = [&](std::size_t i) {
    const bool near_miss = is_near_miss(texts[i], spec);
    rep.add(near_miss ? spec.discarded_near : spec.discarded, 0, texts[i].size(), {quote(texts[i])})
        .record = static_cast<int>(i);
  };
  auto validate = [&](std::size_t i, bool keep) {
    reporter one(rep.opts());
    check(texts[i], one, keep);
    if (rrset[i].size() > 1)
      one.add(spec.multi_string, 0, texts[i].size(),
              {std::to_string(rrset[i].size()), quote(texts[i])});
    rep.absorb(std::move(one), static_cast<int>(i));
  };
  auto is_in = [](const std::vector<std::size_t>& v, std::size_t i) {
    return std::find(v.begin(), v.end(), i) != v.end();
  };

  if (candidates.size() == 1) {
    validate(candidates.front(), true);
    for (std::size_t i = 0; i < texts.size(); ++i)
      if (i != candidates.front()) discard(i);
  } else if (candidates.size() > 1) {
    // "If the number of resulting records is not one": no policy at all.
    const std::string count = std::to_string(candidates.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (is_in(candidates, i))
        rep.add(spec.multiple, 0, texts[i].size(), {count, quote(texts[i])}).record =
            static_cast<int>(i);
      else
        discard(i);
    }
  } else if (!near.empty()) {
    // No exact candidate, but records meant to be one: show what is wrong
    // with them rather than only that they are discarded.
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (is_in(near, i))
        validate(i, i == near.front());
      else
        discard(i);
    }
  } else {
    rep.add(spec.no_candidate, 0, 0);
    for (std::size_t i = 0; i < texts.size(); ++i) discard(i);
  }
  return texts;
}

}  // namespace mtasts::detail

// The `_mta-sts` TXT record, RFC 8461 §3.1:
//
//   sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]
//   sts-field       = sts-id / sts-extension
//   sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
//
// The tag-list syntax, the version, delimiters, extensions and the two
// front ends (text, RRset) are shared with TLS-RPT in detail/taglist.
#include "mtasts/sts_record.hpp"

#include <string>

#include "detail/taglist.hpp"
#include "report.hpp"
#include "text.hpp"

namespace mtasts {
namespace {
using detail::msg;
using detail::quote;
using detail::tag_field;

// `_mta_sts`, `mta-sts`, `_mtasts`…: look-alikes of the `_mta-sts` label.
bool sts_owner_junk(std::string_view label, std::string_view /*next*/) {
  std::string n;
  for (char c : label)
    if (c != '-' && c != '_') n += detail::to_lower(c);
  return n == "mtasts";
}

detail::tag_record_spec make_spec() {
  detail::tag_record_spec s{};
  s.version = "STSv1";
  s.version_tag = "v=STSv1";
  s.near_prefix = "stsv";
  s.owner_prefix = "_mta-sts";
  s.owner_junk = sts_owner_junk;
  s.version_empty = msg::sts_txt_version_empty;
  s.version_leading_wsp = msg::sts_txt_version_leading_wsp;
  s.version_case = msg::sts_txt_version_case;
  s.version_wsp = msg::sts_txt_version_wsp;
  s.version_wrong = msg::sts_txt_version_wrong;
  s.version_other = msg::sts_txt_version_other;
  s.version_not_first = msg::sts_txt_version_not_first;
  s.version_missing = msg::sts_txt_version_missing;
  s.version_no_delim = msg::sts_txt_version_no_delim;
  s.no_fields = msg::sts_txt_no_fields;
  s.wsp_before_first_delim = msg::sts_txt_wsp_before_first_delim;
  s.empty_field = msg::sts_txt_empty_field;
  s.non_ascii = msg::sts_txt_non_ascii;
  s.ext_name_empty = msg::sts_txt_ext_name_empty;
  s.ext_name_first = msg::sts_txt_ext_name_first;
  s.ext_name_char = msg::sts_txt_ext_name_char;
  s.ext_name_long = msg::sts_txt_ext_name_long;
  s.ext_no_eq = msg::sts_txt_ext_no_eq;
  s.ext_value_empty = msg::sts_txt_ext_value_empty;
  s.ext_value_char = msg::sts_txt_ext_value_char;
  s.ext_value_space = msg::sts_txt_ext_value_space;
  s.ext_wsp_eq = msg::sts_txt_wsp_eq;
  s.multi_string = msg::sts_txt_multi_string;
  s.wrong_owner = msg::sts_txt_wrong_owner;
  s.no_record = msg::sts_txt_no_record;
  s.no_candidate = msg::sts_txt_no_candidate;
  s.multiple = msg::sts_txt_multiple;
  s.discarded = msg::sts_txt_discarded;
  s.discarded_near = msg::sts_txt_discarded_near;
  return s;
}

std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += detail::char_len(s, i)) ++n;
  return n;
}

// `sts-id = %s"id=" 1*32(ALPHA / DIGIT)`; true when the id is valid.
bool check_id(std::string_view text, const tag_field& f, detail::reporter& rep) {
  if (!f.has_eq()) {
    rep.add(msg::sts_txt_id_no_eq, f.start, f.end, {quote(f.raw(text))});
    return false;
  }
  bool valid = true;
  const std::string_view value = f.value(text);
  if (f.wsp_around_eq()) {
    rep.add(msg::sts_txt_wsp_eq, f.name_end, f.value_start,
            {quote(f.raw(text)), quote("id=" + std::string(value))});
    valid = false;
  }
  if (value.empty()) {
    rep.add(msg::sts_txt_id_empty, f.start, f.end);
    return false;
  }
  // Non-ASCII bytes are reported once by STS-TXT-016.
  const std::size_t b = detail::find_bad_char(value, detail::is_alnum, true);
  if (b != detail::tag_npos) {
    const std::size_t p = f.value_start + b;
    if (detail::is_wsp(text[p]))
      rep.add(msg::sts_txt_id_space, p, p + 1, {quote(value)});
    else
      rep.add(msg::sts_txt_id_char, p, p + detail::char_len(text, p),
              {quote(value), quote(text.substr(p, detail::char_len(text, p)))});
    valid = false;
  }
  if (detail::find_non_ascii(value) != std::string_view::npos) valid = false;
  const std::size_t n = count_chars(value);
  if (n > 32) {
    rep.add(msg::sts_txt_id_long, f.value_start, f.end, {quote(value), std::to_string(n)});
    valid = false;
  }
  return valid;
}

bool timestamp_like(std::string_view id) {
  if (id.size() < 8) return false;
  for (std::size_t i = 0; i < 8; ++i)
    if (!detail::is_digit(id[i])) return false;
  return true;
}

void check_sts(std::string_view text, detail::reporter& rep, sts_record& out,
               const detail::tag_record_spec& spec) {
  const detail::tag_record rec = detail::scan_tag_record(text, spec, rep);
  if (rec.version_seen) out.version = "STSv1";
  if (!rec.analysed) return;

  bool has_id = false;
  for (const tag_field& f : rec.fields) has_id = has_id || f.name(text) == "id";

  const tag_field* first_id = nullptr;
  const tag_field* id_case = nullptr;  // `ID=`: an extension, not the id
  bool first_valid = false;
  for (const tag_field& f : rec.fields) {
    const std::string_view name = f.name(text);
    if (name == "id") {
      const bool valid = check_id(text, f, rep);
      if (first_id == nullptr) {
        first_id = &f;
        first_valid = valid;
        out.id = std::string(f.value(text));
      } else {
        // RFC 8461 §3.2: "all entries except for the first SHALL be ignored".
        rep.add(msg::sts_txt_duplicate_id, f.start, f.end,
                {quote(f.raw(text)), quote(first_id->raw(text))});
      }
      continue;
    }
    const bool quiet = !has_id && id_case == nullptr && detail::iequals(name, "id");
    if (quiet) id_case = &f;
    if (detail::check_extension(text, f, spec, rep)) {
      // RFC 8461 §3.2: "unknown fields SHALL be ignored".
      if (!quiet) rep.add(msg::sts_txt_ext_ignored, f.start, f.end, {quote(name)});
      out.extensions.emplace(std::string(name), std::string(f.value(text)));
    }
  }

  if (first_id == nullptr && !rec.fields.empty()) {
    if (id_case != nullptr)
      rep.add(msg::sts_txt_no_id_case, id_case->start, id_case->name_end,
              {quote(id_case->name(text))});
    else
      rep.add(msg::sts_txt_no_id, 0, text.size());
  }
  if (rec.trailing_wsp != detail::tag_npos) {
    rep.add(msg::sts_txt_trailing_wsp, rec.trailing_wsp, text.size(),
            {quote(text.substr(rec.fields.back().start))});
  }
  if (first_id != nullptr && first_valid) {
    const std::string_view id = first_id->value(text);
    rep.add(timestamp_like(id) ? msg::sts_txt_id_opaque : msg::sts_txt_id_opaque_suggest,
            first_id->value_start, first_id->end, {quote(id)});
  }
}

}  // namespace

result<sts_record> validate_sts_record(std::string_view text, const options& opts) {
  return detail::validate_tag_record<sts_record>(text, opts, make_spec(), check_sts);
}

result<sts_record> validate_sts_record(const txt_rrset& rrset, const options& opts) {
  return detail::validate_tag_record<sts_record>(rrset, opts, make_spec(), check_sts);
}

}  // namespace mtasts

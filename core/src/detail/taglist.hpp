// The tag-list syntax shared by the `_mta-sts` record (RFC 8461 §3.1) and the
// `_smtp._tls` record (RFC 8460 §3). Both ABNFs have the same shape:
//
//   record      = version 1*(field-delim field) [field-delim]
//   field-delim = *WSP ";" *WSP
//   field       = name "=" value          ; no WSP around "="
//   version     = %s"v=STSv1" / %s"v=TLSRPTv1"
//   ext-name    = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
//   ext-value   = 1*(%x21-3A / %x3C / %x3E-7E)
//
// This file holds the one scanner for that syntax, the checks both records
// make on it (version, delimiters, empty fields, extension fields), and the
// two front ends both records share: text input (record text, quoted
// zone-file strings or a whole zone line) and TXT RRset discovery.
// All offsets are bytes of the record's joined text.
#ifndef MTASTS_DETAIL_TAGLIST_HPP
#define MTASTS_DETAIL_TAGLIST_HPP

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mtasts/sts_record.hpp"
#include "report.hpp"

namespace mtasts::detail {

inline constexpr std::size_t tag_npos = std::string_view::npos;

/// One `;`-separated segment of a record.
struct tag_field {
  std::size_t seg_start = 0;    // just after the previous ';' (or the scan start)
  std::size_t seg_end = 0;      // the next ';' (or the end of the text)
  std::size_t start = 0;        // first non-WSP byte of the segment
  std::size_t end = 0;          // one past its last non-WSP byte
  std::size_t name_end = 0;     // end of the name, WSP before '=' excluded
  std::size_t eq = tag_npos;    // the first '=' of the field, or tag_npos
  std::size_t value_start = 0;  // first value byte (after '=' and WSP); `end` if none

  [[nodiscard]] bool blank() const noexcept { return start == end; }
  [[nodiscard]] bool has_eq() const noexcept { return eq != tag_npos; }
  [[nodiscard]] bool wsp_around_eq() const noexcept {
    return has_eq() && (name_end < eq || value_start > eq + 1);
  }
  [[nodiscard]] std::string_view raw(std::string_view text) const {
    return text.substr(start, end - start);
  }
  [[nodiscard]] std::string_view name(std::string_view text) const {
    return text.substr(start, name_end - start);
  }
  [[nodiscard]] std::string_view value(std::string_view text) const {
    return text.substr(value_start, end - value_start);
  }
};

struct tag_list {
  /// Every segment in order, blank ones included, except a blank segment
  /// after the last ';' (that is the optional trailing field-delim).
  std::vector<tag_field> fields;
  bool trailing_delim = false;  // the text ends with "*WSP ; *WSP"
};

/// Splits `text[from..]` at every ';' (linear, never fails).
tag_list scan_tag_list(std::string_view text, std::size_t from = 0);

/// Message ids and constants that make the shared checks speak for one
/// record kind. `msg::count_` means "this kind has no such message".
struct tag_record_spec {
  std::string_view version;       // "STSv1"
  std::string_view version_tag;   // "v=STSv1"
  std::string_view near_prefix;   // "stsv": a version a user meant to be ours
  std::string_view owner_prefix;  // "_mta-sts"
  // Does this leading label of a wrong owner name stand for our prefix?
  bool (*owner_junk)(std::string_view label, std::string_view next) = nullptr;

  msg version_empty, version_leading_wsp, version_case, version_wsp, version_wrong, version_other,
      version_not_first, version_missing, version_no_delim;
  msg no_fields;  // count_: the record reports its own "required field" rule
  msg wsp_before_first_delim, empty_field, non_ascii;
  msg ext_name_empty, ext_name_first, ext_name_char, ext_name_long, ext_no_eq, ext_value_empty,
      ext_value_char, ext_value_space, ext_wsp_eq;
  msg multi_string, wrong_owner;
  msg no_record, no_candidate, multiple, discarded, discarded_near;
};

/// A record after the shared checks.
struct tag_record {
  bool analysed = false;          // false: not this kind of record at all, stop
  bool version_seen = false;      // an exact `v=<version>` was found
  std::vector<tag_field> fields;  // non-blank fields after the version
  /// Offset of WSP ending the text without a ';' (ABNF: leftover), or tag_npos.
  std::size_t trailing_wsp = tag_npos;
};

/// Scans `text` and reports, through `spec`'s messages, everything about the
/// version, delimiters, empty fields and (when the kind has such a rule)
/// non-ASCII bytes. Fields are left to the caller.
tag_record scan_tag_record(std::string_view text, const tag_record_spec& spec, reporter& rep);

/// Checks an extension field `name=value` and reports what is wrong; true
/// when it is valid (the caller then reports it as ignored).
bool check_extension(std::string_view text, const tag_field& f, const tag_record_spec& spec,
                     reporter& rep);

/// Offset of the first byte of `s` failing `ok`, or tag_npos. Bytes >= 0x80
/// are skipped when `skip_non_ascii` (a record-wide rule reports them).
std::size_t find_bad_char(std::string_view s, bool (*ok)(char), bool skip_non_ascii);

/// Byte length of the (possibly ill-formed) character at `i`.
std::size_t char_len(std::string_view s, std::size_t i);

/// True when `s` begins with `version_tag` followed by WSP, ';' or the end
/// (RFC 8461 §3.1 / RFC 8460 §3 discovery; erratum 6285 allows WSP).
bool is_candidate(std::string_view s, const tag_record_spec& spec);
/// True when `s` looks like a botched version tag of this kind
/// (` V = stsv2…`): worth validating rather than merely discarding.
bool is_near_miss(std::string_view s, const tag_record_spec& spec);

/// The owner name the record should have, from a zone line's owner
/// (lower case, no trailing dot): leading service labels (`_…`) and the
/// kind's look-alikes are replaced by the prefix. Equal to `owner` if right.
std::string expected_owner(std::string_view owner, const tag_record_spec& spec);

/// Validates one record's joined text. `keep` is false for records whose
/// model is not wanted (several candidates); the callee then uses scratch.
using tag_record_check = std::function<void(std::string_view text, reporter& rep, bool keep)>;

/// Text front end: decodes zone-file input, runs `check`, reports the
/// multi-string and wrong-owner rules. Returns the map for make_result.
std::vector<std::size_t> check_text_input(std::string_view input, reporter& rep,
                                          const tag_record_spec& spec,
                                          const tag_record_check& check);

/// RRset front end (discovery rule): returns each RR's joined text, for
/// make_rrset_result.
std::vector<std::string> check_rrset(const txt_rrset& rrset, reporter& rep,
                                     const tag_record_spec& spec, const tag_record_check& check);

/// validate_<kind>_record for a tag-list record kind, on text and on an
/// RRset: `check(text, rep, model, spec)` validates one record's joined text
/// into `model` (a scratch model for records not kept).
template <class Record, class Check>
result<Record> validate_tag_record(std::string_view text, const options& opts,
                                   const tag_record_spec& spec, Check check) {
  reporter rep(opts);
  Record value;
  const auto map = check_text_input(
      text, rep, spec, [&](std::string_view t, reporter& r, bool) { check(t, r, value, spec); });
  return make_result(std::move(value), rep, text, map);
}

template <class Record, class Check>
result<Record> validate_tag_record(const txt_rrset& rrset, const options& opts,
                                   const tag_record_spec& spec, Check check) {
  reporter rep(opts);
  Record value;
  const auto texts =
      check_rrset(rrset, rep, spec, [&](std::string_view t, reporter& r, bool keep) {
        Record scratch;
        check(t, r, keep ? value : scratch, spec);
      });
  return make_rrset_result(std::move(value), rep, texts);
}

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_TAGLIST_HPP

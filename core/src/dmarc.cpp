// The `_dmarc` TXT record validator: RFC 7489 §6 by default, RFC 9989
// (DMARCbis; draft-ietf-dmarc-dmarcbis-41 section numbers) when
// `options::dmarc` is `dmarc_spec::rfc9989`. Rules: rules.md §9, DMARC-001…032.
//
// Grammar: DMARC's own ABNF (RFC 7489 §6.4, RFC 9989 §4.8) over the DKIM
// tag-list rules it inherits (RFC 6376 §3.2): tags separated by `*WSP ";"
// *WSP`, WSP allowed around `=`, a trailing `;` allowed (DMARC-032, never
// flagged), `v=DMARC1` first with `DMARC1` case-sensitive. Everything is
// judged on byte offsets of the record's joined text; a text input's
// offsets are mapped back to the user's bytes (zone-file strings, zone line).
//
// The value (`dmarc_record`) is what a receiver understands:
// - tags that are absent or invalid are left empty; no defaults are filled
//   in, except that a missing `p` under RFC 9989 reads as p=none (§4.7);
// - when the record falls back to "v=DMARC1; p=none" (invalid p, sp or np,
//   or a missing p under RFC 7489, with at least one valid rua URI: RFC 7489
//   §6.6.3 step 6, RFC 9989 §4.10.1), `p` is "none" and `sp`/`np` are dropped;
// - keyword values are lower-cased (the ABNF makes them case-insensitive);
//   `fo` is normalised to its options joined by ":";
// - `rua`/`ruf` hold each syntactically valid URI exactly as written,
//   including any `!size` suffix (which RFC 9989 reporters ignore);
// - tags the chosen spec does not know are left out: `np`, `t`, `psd` under
//   RFC 7489; the historic `pct`, `rf`, `ri` under RFC 9989;
// - with a duplicate tag (DMARC-022, whole record invalid) the first
//   occurrence is kept as the best-effort reading.
// DMARC-021 (external report authorisation) needs DNS and is not judged here.
#include "mtasts/dmarc.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "detail/uri.hpp"
#include "report.hpp"
#include "text.hpp"
#include "txt_input.hpp"

namespace mtasts {
namespace {

using detail::msg;
using detail::reporter;

constexpr std::size_t kMaxCharString = 255;  // RFC 1035 §3.3

struct span {
  std::size_t b = 0;
  std::size_t e = 0;
};

// ---------------------------------------------------------------------------
// Refs under RFC 9989 (draft-41 numbering, as cited by other implementations;
// the .def files carry RFC 7489's).
struct bis_ref {
  const char* code;
  const char* ref;
};
constexpr std::array<bis_ref, 22> kBisRefs{{
    {"DMARC-001", "RFC 9989 §4.10"},   {"DMARC-002", "RFC 9989 §4.7"},
    {"DMARC-003", "RFC 9989 §4.10"},   {"DMARC-004", "RFC 9989 §4.7"},
    {"DMARC-005", "RFC 9989 §4.8"},    {"DMARC-006", "RFC 9989 §4.7"},
    {"DMARC-007", "RFC 9989 §4.8"},    {"DMARC-008", "RFC 9989 §4.10.1"},
    {"DMARC-009", "RFC 9989 §4.10.1"}, {"DMARC-010", "RFC 9989 §4.7"},
    {"DMARC-011", "RFC 9989 §4.8"},    {"DMARC-012", "RFC 9989 §4.8"},
    {"DMARC-013", "RFC 9989 §4.7"},    {"DMARC-017", "RFC 9989 §4.8"},
    {"DMARC-018", "RFC 9989 §4.8"},    {"DMARC-019", "RFC 9989 §4.7"},
    {"DMARC-020", "RFC 9989 §4.7"},    {"DMARC-023", "RFC 9989 §4.8"},
    {"DMARC-025", "RFC 9989 §4.7"},    {"DMARC-026", "RFC 9989 §4.7"},
    {"DMARC-027", "RFC 9989 §4.7"},    {"DMARC-031", "RFC 9989 §4.8"},
}};

void apply_spec_refs(reporter& rep) {
  if (rep.opts().dmarc != dmarc_spec::rfc9989) return;
  for (detail::pending& p : rep.items()) {
    const std::string_view code = detail::entry(p.id).code;
    // Messages written for one spec keep their own ref.
    if (p.ref.rfind("RFC 7489", 0) != 0) continue;
    for (const bis_ref& r : kBisRefs)
      if (code == r.code) p.ref = r.ref;
  }
}

// ---------------------------------------------------------------------------
// DMARC-031: characters pasted from word processors and web pages.
struct special_char {
  std::uint32_t lo, hi;
  const char* en;
  const char* fr;
  const char* en_fix;
  const char* fr_fix;
};

constexpr const char* kEnSpace = "a plain space";
constexpr const char* kFrSpace = "une espace ordinaire";
constexpr const char* kEnNothing = "nothing (delete it)";
constexpr const char* kFrNothing = "rien (supprimez-le)";
constexpr const char* kEnQuote = "a straight quote (' or \") or nothing";
constexpr const char* kFrQuote = "un guillemet droit (' ou \") ou rien";
constexpr const char* kEnDash = "a hyphen-minus (-)";
constexpr const char* kFrDash = "un trait d’union ASCII (-)";

constexpr std::array<special_char, 26> kSpecialChars{{
    {0x80, 0x9F, "C1 control character", "caractère de contrôle C1", kEnNothing, kFrNothing},
    {0xA0, 0xA0, "no-break space", "espace insécable", kEnSpace, kFrSpace},
    {0xAB, 0xAB, "left-pointing double angle quotation mark", "guillemet français ouvrant",
     kEnNothing, kFrNothing},
    {0xAD, 0xAD, "soft hyphen", "trait d’union conditionnel", kEnNothing, kFrNothing},
    {0xBB, 0xBB, "right-pointing double angle quotation mark", "guillemet français fermant",
     kEnNothing, kFrNothing},
    {0x2000, 0x200A, "typographic space", "espace typographique", kEnSpace, kFrSpace},
    {0x200B, 0x200B, "zero-width space", "espace sans chasse", kEnNothing, kFrNothing},
    {0x200C, 0x200C, "zero-width non-joiner", "antiliant sans chasse", kEnNothing, kFrNothing},
    {0x200D, 0x200D, "zero-width joiner", "liant sans chasse", kEnNothing, kFrNothing},
    {0x200E, 0x200F, "directional mark", "marque directionnelle", kEnNothing, kFrNothing},
    {0x2010, 0x2011, "typographic hyphen", "trait d’union typographique", kEnDash, kFrDash},
    {0x2012, 0x2015, "typographic dash", "tiret typographique", kEnDash, kFrDash},
    {0x2018, 0x2018, "left single quotation mark", "guillemet simple ouvrant", kEnQuote, kFrQuote},
    {0x2019, 0x2019, "right single quotation mark", "apostrophe typographique", kEnQuote, kFrQuote},
    {0x201C, 0x201C, "left double quotation mark", "guillemet anglais ouvrant", kEnQuote, kFrQuote},
    {0x201D, 0x201D, "right double quotation mark", "guillemet anglais fermant", kEnQuote,
     kFrQuote},
    {0x2028, 0x2029, "line or paragraph separator", "séparateur de ligne ou de paragraphe",
     kEnNothing, kFrNothing},
    {0x202A, 0x202E, "bidirectional formatting character",
     "caractère de mise en forme bidirectionnelle", kEnNothing, kFrNothing},
    {0x202F, 0x202F, "narrow no-break space", "espace fine insécable", kEnSpace, kFrSpace},
    {0x205F, 0x205F, "medium mathematical space", "espace moyenne mathématique", kEnSpace,
     kFrSpace},
    {0x2060, 0x2060, "word joiner", "gluon de mots", kEnNothing, kFrNothing},
    {0x3000, 0x3000, "ideographic space", "espace idéographique", kEnSpace, kFrSpace},
    {0xFEFF, 0xFEFF, "byte order mark (zero-width no-break space)",
     "indicateur d’ordre des octets (espace insécable sans chasse)", kEnNothing, kFrNothing},
    {0xFF0C, 0xFF0C, "fullwidth comma", "virgule pleine chasse", "\",\"", "« , »"},
    {0xFF1B, 0xFF1B, "fullwidth semicolon", "point-virgule pleine chasse", "\";\"", "« ; »"},
    {0xFF1D, 0xFF1D, "fullwidth equals sign", "signe égal pleine chasse", "\"=\"", "« = »"},
}};

std::uint32_t decode_cp(std::string_view s, std::size_t i, std::size_t n) {
  const auto b = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k]));
  };
  if (n == 2) return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
  if (n == 3) return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
  if (n == 4)
    return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
  return b(0);
}

const special_char* find_special(std::uint32_t cp) {
  for (const special_char& c : kSpecialChars)
    if (cp >= c.lo && cp <= c.hi) return &c;
  return nullptr;
}

// Length of the special character at `i`, or 0.
std::size_t special_at(std::string_view s, std::size_t i, const special_char** which = nullptr) {
  if (static_cast<unsigned char>(s[i]) < 0x80) return 0;
  const detail::utf8_step st = detail::utf8_next(s, i);
  if (!st.valid || st.bytes < 2) return 0;
  const special_char* c = find_special(decode_cp(s, i, st.bytes));
  if (c == nullptr) return 0;
  if (which != nullptr) *which = c;
  return st.bytes;
}

std::string code_point_label(std::uint32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string digits;
  for (std::uint32_t v = cp; v != 0; v >>= 4) digits.insert(digits.begin(), kHex[v & 0xFu]);
  while (digits.size() < 4) digits.insert(digits.begin(), '0');
  return "U+" + digits;
}

void report_special_chars(std::string_view text, reporter& rep) {
  const bool fr = rep.opts().lang == language::fr;
  for (std::size_t i = 0; i < text.size();) {
    const special_char* c = nullptr;
    const std::size_t n = special_at(text, i, &c);
    if (n == 0) {
      i += static_cast<unsigned char>(text[i]) < 0x80 ? 1 : detail::utf8_next(text, i).bytes;
      continue;
    }
    const std::string label = code_point_label(decode_cp(text, i, n));
    rep.add(msg::dmarc_invisible_char, i, i + n,
            {label, fr ? c->fr : c->en, fr ? c->fr_fix : c->en_fix});
    i += n;
  }
}

// ---------------------------------------------------------------------------
// Small helpers.

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

// RFC 6376 §3.2 tag-name = ALPHA *ALNUMPUNC (RFC 9989 narrows it to
// 1*ALPHA; both only matter for unknown tags, which are ignored anyway).
bool is_tag_name(std::string_view n) {
  if (n.empty() || !detail::is_alpha(n.front())) return false;
  for (char c : n)
    if (!detail::is_alnum(c) && c != '_') return false;
  return true;
}

// `n` without the DMARC-031 characters (already reported on their own).
std::string strip_specials(std::string_view n) {
  std::string out;
  for (std::size_t i = 0; i < n.size();) {
    const std::size_t k = special_at(n, i);
    if (k > 0) {
      i += k;
    } else {
      out += n[i];
      ++i;
    }
  }
  return out;
}

// Parses 1*DIGIT into a value capped at `limit`; false if not all digits or
// above the limit.
bool parse_uint(std::string_view s, std::uint64_t limit, std::uint64_t& out) {
  if (s.empty()) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (!detail::is_digit(c)) return false;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (limit - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}

// Edit distance with an early cap, for "did you mean" (names are short).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() > 16 || b.size() > 16) return 99;
  std::array<std::size_t, 17> prev{};
  std::array<std::size_t, 17> cur{};
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min(std::min(prev[j] + 1, cur[j - 1] + 1), sub);
    }
    prev = cur;
  }
  return prev[b.size()];
}

constexpr std::array<const char*, 14> kAllTags{
    {"v", "p", "sp", "np", "rua", "ruf", "adkim", "aspf", "fo", "pct", "rf", "ri", "t", "psd"}};

bool is_known_tag(std::string_view n) {
  for (const char* t : kAllTags)
    if (n == t) return true;
  return false;
}

std::string suggest_tag(std::string_view lname) {
  if (lname.size() < 2) return {};
  const std::size_t max = lname.size() <= 3 ? 1 : 2;
  std::string best;
  std::size_t best_d = max + 1;
  for (const char* t : kAllTags) {
    const std::string_view cand(t);
    if (cand.size() < 2) continue;
    const std::size_t d = edit_distance(lname, cand);
    if (d < best_d) {
      best_d = d;
      best = std::string(cand);
    }
  }
  return best;
}

int policy_rank(std::string_view p) {
  if (p == "none") return 0;
  if (p == "quarantine") return 1;
  return 2;
}

// ---------------------------------------------------------------------------
// The tag-list.

struct segment {
  span raw;   // between separators
  span trim;  // without surrounding WSP
  bool empty = true;
  bool has_eq = false;
  span name;   // trimmed
  span value;  // trimmed
};

// Offset of `c` in text[s.b, s.e), or s.e: searches never run past the span,
// which keeps the whole parse linear.
std::size_t find_in(std::string_view text, span s, char c) {
  const std::size_t k = text.substr(s.b, s.e - s.b).find(c);
  return k == std::string_view::npos ? s.e : s.b + k;
}

std::vector<segment> split_tags(std::string_view text) {
  std::vector<segment> out;
  std::size_t i = 0;
  while (true) {
    std::size_t j = text.find(';', i);
    if (j == std::string_view::npos) j = text.size();
    segment s;
    s.raw = {i, j};
    std::size_t a = i;
    std::size_t b = j;
    while (a < b && detail::is_wsp(text[a])) ++a;
    while (b > a && detail::is_wsp(text[b - 1])) --b;
    s.trim = {a, b};
    s.empty = a == b;
    if (!s.empty) {
      const std::size_t eq = find_in(text, {a, b}, '=');
      if (eq < b) {
        s.has_eq = true;
        std::size_t ne = eq;
        while (ne > a && detail::is_wsp(text[ne - 1])) --ne;
        std::size_t vb = eq + 1;
        while (vb < b && detail::is_wsp(text[vb])) ++vb;
        s.name = {a, ne};
        s.value = {vb, b};
      } else {
        s.name = {a, b};
        s.value = {b, b};
      }
    }
    out.push_back(s);
    if (j == text.size()) break;
    i = j + 1;
  }
  return out;
}

// A tag whose ";" is missing: `sep name =` inside another tag's value, with
// sep a comma or WSP. Each hit is [sep, name) and the name.
struct swallowed {
  span sep;
  span name;
};

std::vector<swallowed> find_swallowed(std::string_view text, span v) {
  std::vector<swallowed> out;
  std::size_t i = v.b;
  while (i < v.e) {
    const char c = text[i];
    if (c != ',' && !detail::is_wsp(c)) {
      ++i;
      continue;
    }
    std::size_t k = i;
    while (k < v.e && (text[k] == ',' || detail::is_wsp(text[k]))) ++k;
    std::size_t m = k;
    if (m < v.e && detail::is_alpha(text[m])) {
      while (m < v.e && (detail::is_alnum(text[m]) || text[m] == '_')) ++m;
      std::size_t q = m;
      while (q < v.e && detail::is_wsp(text[q])) ++q;
      if (q < v.e && text[q] == '=') {
        out.push_back({{i, k}, {k, m}});
        i = q + 1;
        continue;
      }
    }
    i = m > k ? m : k;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The checker.

enum class state { absent, valid, invalid };

struct policy_tag {
  state st = state::absent;
  std::string value;  // lower-cased when valid
  span tag;           // name .. value
  span val;
};

class checker {
 public:
  checker(std::string_view text, reporter& rep, std::string_view owner_domain)
      : text_(text),
        rep_(rep),
        bis_(rep.opts().dmarc == dmarc_spec::rfc9989),
        owner_domain_(owner_domain) {}

  dmarc_record run();

 private:
  std::string_view at(span s) const { return text_.substr(s.b, s.e - s.b); }
  std::string q(span s) const { return detail::quote(at(s)); }
  static span tag_span(const segment& s) { return {s.name.b, s.value.e}; }
  // Where a bad value is shown: the value, or the whole tag when it is empty.
  static span bad_value(const segment& s) { return s.value.b == s.value.e ? tag_span(s) : s.value; }

  bool check_version(const segment& first);
  void check_tag(const segment& s, std::size_t index, bool first_occurrence);
  bool is_swallowed(std::string_view lname) const {
    for (const std::string& n : swallowed_names_)
      if (n == lname) return true;
    return false;
  }

  void check_request(const segment& s, std::string_view lname, policy_tag& out);
  void check_rors(const segment& s, std::string_view lname, std::optional<std::string>& out,
                  bool first);
  void check_fo(const segment& s, bool first);
  void check_pct(const segment& s, bool first);
  void check_rf(const segment& s, bool first);
  void check_ri(const segment& s, bool first);
  void check_uris(const segment& s, std::string_view lname,
                  std::optional<std::vector<std::string>>& out, bool& any_valid, bool first);
  void check_yorn(const segment& s, std::string_view lname, bool first);
  void case_value(const segment& s, std::string_view lname);
  void finish();

  std::string_view text_;
  reporter& rep_;
  bool bis_;
  std::string_view owner_domain_;
  dmarc_record rec_;
  span anchor_;  // where record-level findings are shown (the v tag)
  bool version_ok_ = false;
  bool v_first_ = false;
  policy_tag p_, sp_, np_;
  std::size_t p_index_ = 0;
  bool rua_present_ = false;
  bool rua_valid_ = false;
  bool ruf_valid_ = false;
  bool fo_present_ = false;
  span fo_tag_;
  bool t_yes_ = false;
  span t_tag_;
  std::vector<std::string> swallowed_names_;
};

dmarc_record checker::run() {
  report_special_chars(text_, rep_);
  std::size_t first_char = 0;
  while (first_char < text_.size() && detail::is_wsp(text_[first_char])) ++first_char;
  if (first_char == text_.size()) {
    rep_.add(msg::dmarc_empty_record, 0, text_.size());
    return rec_;
  }
  const std::vector<segment> segs = split_tags(text_);
  anchor_ = segs.front().empty ? span{0, std::min(text_.size(), segs.front().raw.e + 1)}
                               : segs.front().trim;
  version_ok_ = check_version(segs.front());

  std::unordered_set<std::string> seen;
  std::size_t index = 0;  // among non-empty segments
  for (std::size_t k = 0; k < segs.size(); ++k) {
    const segment& s = segs[k];
    if (s.empty) {
      // `;;` (a trailing ";" is fine, DMARC-032; a leading one is DMARC-004).
      if (k > 0 && s.raw.e < text_.size()) rep_.add(msg::dmarc_empty_tag, s.raw.b - 1, s.raw.e + 1);
      continue;
    }
    const std::size_t this_index = index++;
    if (k == 0 && v_first_) {
      seen.insert("v");
      continue;
    }
    if (!s.has_eq) {
      rep_.add(msg::dmarc_tag_no_equals, s.trim.b, s.trim.e, {q(s.trim)});
      continue;
    }
    const std::string_view name = at(s.name);
    if (!is_tag_name(name)) {
      // A known name spoiled only by a pasted invisible character was already
      // reported (DMARC-031); receivers do not recognise it either way.
      if (!is_tag_name(strip_specials(name)))
        rep_.add(msg::dmarc_tag_bad_name, s.name.b, s.name.e, {q(s.name)});
      continue;
    }
    const std::string lname = detail::ascii_lower(name);
    if (lname == "v" && !v_first_) continue;  // DMARC-004 already says v must come first
    const bool first_occurrence = seen.insert(lname).second;
    if (!first_occurrence) rep_.add(msg::dmarc_duplicate_tag, s.name.b, s.value.e, {q(s.name)});
    if (lname != name && is_known_tag(lname))
      rep_.add(msg::dmarc_case_tag, s.name.b, s.name.e, {q(s.name), lname});
    check_tag(s, this_index, first_occurrence);
  }
  finish();
  return rec_;
}

bool checker::check_version(const segment& first) {
  if (first.empty || !first.has_eq || detail::ascii_lower(at(first.name)) != "v") {
    const span shown = first.empty ? anchor_ : first.trim;
    rep_.add(msg::dmarc_version_not_first, shown.b, shown.e, {detail::quote(at(shown), 30)});
    return false;
  }
  v_first_ = true;
  bool ok = true;
  if (first.trim.b > 0) {
    rep_.add(msg::dmarc_version_leading_space, 0, first.trim.b);
    ok = false;
  }
  if (at(first.name) != "v")
    rep_.add(msg::dmarc_case_tag, first.name.b, first.name.e, {q(first.name), "v"});
  const std::vector<swallowed> sw = find_swallowed(text_, first.value);
  if (!sw.empty()) {
    for (const swallowed& w : sw) swallowed_names_.push_back(detail::ascii_lower(at(w.name)));
    rep_.add(msg::dmarc_missing_sep_version, sw.front().sep.b, sw.front().sep.e, {q(first.value)});
    return false;
  }
  const std::string_view v = at(first.value);
  if (v == "DMARC1") {
    if (ok) rec_.v = "DMARC1";
    return ok;
  }
  if (detail::iequals(v, "DMARC1"))
    rep_.add(msg::dmarc_version_case, first.value.b, first.value.e, {q(first.value)});
  else
    rep_.add(msg::dmarc_version_value, bad_value(first).b, bad_value(first).e, {q(first.value)});
  return false;
}

void checker::check_tag(const segment& s, std::size_t index, bool first) {
  const std::string lname = detail::ascii_lower(at(s.name));
  if (lname == "v") return;  // a second v: DMARC-022 already
  // A missing ";" makes this tag's value swallow the next tag(s).
  const std::vector<swallowed> sw = find_swallowed(text_, s.value);
  if (!sw.empty()) {
    for (const swallowed& w : sw) {
      swallowed_names_.push_back(detail::ascii_lower(at(w.name)));
      rep_.add(msg::dmarc_missing_sep, w.sep.b, w.sep.e, {q(w.name), q(s.name)});
    }
    if (lname == "p" || lname == "sp" || (lname == "np" && bis_)) {
      policy_tag& t = lname == "p" ? p_ : lname == "sp" ? sp_ : np_;
      if (first) {
        t.st = state::invalid;
        t.tag = tag_span(s);
        t.val = s.value;
      }
    }
    if (lname == "p" && first) p_index_ = index;
    if (lname == "rua") rua_present_ = true;
    return;
  }
  if (lname == "p") {
    if (first) p_index_ = index;
    policy_tag t;
    check_request(s, lname, t);
    if (first) p_ = t;
  } else if (lname == "sp") {
    policy_tag t;
    check_request(s, lname, t);
    if (first) sp_ = t;
  } else if (lname == "np") {
    if (!bis_) {
      const std::string v = detail::ascii_lower(at(s.value));
      if (v == "none" || v == "quarantine" || v == "reject")
        rep_.add(msg::dmarc_np_rfc7489, s.name.b, s.value.e);
      else
        rep_.add(msg::dmarc_np_rfc7489_invalid, s.name.b, s.value.e, {q(s.value)});
      return;
    }
    policy_tag t;
    check_request(s, lname, t);
    if (first) np_ = t;
  } else if (lname == "adkim") {
    check_rors(s, lname, rec_.adkim, first);
  } else if (lname == "aspf") {
    check_rors(s, lname, rec_.aspf, first);
  } else if (lname == "fo") {
    check_fo(s, first);
  } else if (lname == "pct") {
    check_pct(s, first);
  } else if (lname == "rf") {
    check_rf(s, first);
  } else if (lname == "ri") {
    check_ri(s, first);
  } else if (lname == "rua") {
    rua_present_ = true;
    check_uris(s, lname, rec_.rua, rua_valid_, first);
  } else if (lname == "ruf") {
    check_uris(s, lname, rec_.ruf, ruf_valid_, first);
  } else if (lname == "t" || lname == "psd") {
    if (!bis_) {
      rep_.add(msg::dmarc_bis_tag_rfc7489, s.name.b, s.value.e, {lname});
      return;
    }
    check_yorn(s, lname, first);
  } else {
    const std::string best = suggest_tag(lname);
    if (best.empty())
      rep_.add(msg::dmarc_unknown_tag, s.name.b, s.name.e,
               {q(s.name), bis_ ? "v, p, sp, np, rua, ruf, adkim, aspf, fo, t, psd"
                                : "v, p, sp, rua, ruf, adkim, aspf, fo, pct, rf, ri"});
    else
      rep_.add(msg::dmarc_unknown_tag_typo, s.name.b, s.name.e, {q(s.name), best});
  }
}

void checker::case_value(const segment& s, std::string_view lname) {
  if (has_upper(at(s.value)))
    rep_.add(msg::dmarc_case_value, s.value.b, s.value.e,
             {lname, q(s.value), detail::ascii_lower(at(s.value))});
}

void checker::check_request(const segment& s, std::string_view, policy_tag& out) {
  out.tag = tag_span(s);
  out.val = s.value;
  const std::string v = detail::ascii_lower(at(s.value));
  if (v == "none" || v == "quarantine" || v == "reject") {
    out.st = state::valid;
    out.value = v;
    case_value(s, detail::ascii_lower(at(s.name)));
  } else {
    out.st = state::invalid;  // reported in finish(), which knows about rua
  }
}

void checker::check_rors(const segment& s, std::string_view lname, std::optional<std::string>& out,
                         bool first) {
  const std::string v = detail::ascii_lower(at(s.value));
  if (v == "r" || v == "s") {
    case_value(s, lname);
    if (first) out = v;
  } else {
    rep_.add(msg::dmarc_alignment_invalid, s.name.b, s.value.e, {lname, q(s.value)});
  }
}

// RFC 7489: ("0"/"1"/"d"/"s") *(*WSP ":" *WSP ("0"/"1"/"d"/"s")).
// RFC 9989: no WSP, at most one of 0 and 1, d and s at most once each.
void checker::check_fo(const segment& s, bool first) {
  fo_present_ = true;
  if (first) fo_tag_ = tag_span(s);
  const std::string_view v = at(s.value);
  std::string norm;
  bool ok = !v.empty();
  bool spaces = false;
  bool zero = false, one = false;
  int count_d = 0, count_s = 0;
  std::string repeated;
  std::size_t i = 0;
  while (ok && i <= v.size()) {
    std::size_t j = v.find(':', i);
    if (j == std::string_view::npos) j = v.size();
    std::size_t a = i, b = j;
    while (a < b && detail::is_wsp(v[a])) ++a;
    while (b > a && detail::is_wsp(v[b - 1])) --b;
    if (a != i || b != j) spaces = true;
    const std::string tok = detail::ascii_lower(v.substr(a, b - a));
    if (tok != "0" && tok != "1" && tok != "d" && tok != "s") {
      ok = false;
      break;
    }
    if ((tok == "0" && zero) || (tok == "1" && one) || (tok == "d" && count_d > 0) ||
        (tok == "s" && count_s > 0))
      if (repeated.empty()) repeated = tok;
    zero = zero || tok == "0";
    one = one || tok == "1";
    count_d += tok == "d" ? 1 : 0;
    count_s += tok == "s" ? 1 : 0;
    if (!norm.empty()) norm += ':';
    norm += tok;
    if (j == v.size()) break;
    i = j + 1;
  }
  if (!ok) {
    rep_.add(msg::dmarc_fo_invalid, bad_value(s).b, bad_value(s).e, {q(s.value)});
    return;
  }
  case_value(s, "fo");
  const bool bis_invalid = (zero && one) || !repeated.empty();
  if (bis_) {
    if (zero && one) {
      rep_.add(msg::dmarc_fo_both, s.value.b, s.value.e, {q(s.value)});
    } else if (!repeated.empty()) {
      rep_.add(msg::dmarc_fo_repeat, s.value.b, s.value.e, {q(s.value), repeated});
    }
    if (spaces) rep_.add(msg::dmarc_fo_space, s.value.b, s.value.e, {q(s.value)});
    if (bis_invalid) return;
  } else if (bis_invalid) {
    rep_.add(msg::dmarc_fo_bis_note, s.value.b, s.value.e, {q(s.value)});
  }
  if (first) rec_.fo = norm;
}

void checker::check_pct(const segment& s, bool first) {
  const std::string_view v = at(s.value);
  std::uint64_t n = 0;
  // 1*3DIGIT, "integer between 0 and 100, inclusive".
  const bool valid = v.size() <= 3 && parse_uint(v, 100, n);
  if (bis_) {
    // Historic in RFC 9989; RFC 7489 receivers apply it only when it is valid.
    rep_.add(valid ? msg::dmarc_pct_historic : msg::dmarc_pct_historic_invalid, s.name.b, s.value.e,
             {q(s.value)});
    return;
  }
  if (!valid) {
    rep_.add(msg::dmarc_pct_invalid, bad_value(s).b, bad_value(s).e, {q(s.value)});
    return;
  }
  if (n < 100) rep_.add(msg::dmarc_pct_partial, s.name.b, s.value.e, {std::to_string(n)});
  if (first) rec_.pct = static_cast<std::uint32_t>(n);
}

// rf = Keyword *(*WSP ":" Keyword); "afrf" is the only registered format.
void checker::check_rf(const segment& s, bool first) {
  if (bis_) {
    rep_.add(msg::dmarc_rf_removed, s.name.b, s.value.e);
    return;
  }
  const std::string_view v = at(s.value);
  std::string norm;
  bool ok = !v.empty();
  std::size_t i = 0;
  while (ok) {
    std::size_t j = v.find(':', i);
    if (j == std::string_view::npos) j = v.size();
    std::size_t a = i, b = j;
    while (a < b && detail::is_wsp(v[a])) ++a;
    while (b > a && detail::is_wsp(v[b - 1])) --b;
    const std::string tok = detail::ascii_lower(v.substr(a, b - a));
    ok = tok == "afrf";
    if (!norm.empty()) norm += ':';
    norm += tok;
    if (j == v.size()) break;
    i = j + 1;
  }
  if (!ok) {
    rep_.add(msg::dmarc_rf_invalid, bad_value(s).b, bad_value(s).e, {q(s.value)});
    return;
  }
  case_value(s, "rf");
  if (first) rec_.rf = norm;
}

void checker::check_ri(const segment& s, bool first) {
  if (bis_) {
    rep_.add(msg::dmarc_ri_removed, s.name.b, s.value.e);
    return;
  }
  std::uint64_t n = 0;
  if (!parse_uint(at(s.value), 4294967295u, n)) {
    rep_.add(msg::dmarc_ri_invalid, bad_value(s).b, bad_value(s).e, {q(s.value)});
    return;
  }
  if (n != 86400) rep_.add(msg::dmarc_ri_best_effort, s.name.b, s.value.e, {std::to_string(n)});
  if (first) rec_.ri = static_cast<std::uint32_t>(n);
}

// dmarc-uri *(*WSP "," *WSP dmarc-uri), dmarc-uri = URI [ "!" 1*DIGIT
// [ "k" / "m" / "g" / "t" ] ] (obsolete in RFC 9989).
void checker::check_uris(const segment& s, std::string_view lname,
                         std::optional<std::vector<std::string>>& out, bool& any_valid,
                         bool first) {
  std::vector<std::string> valid;
  const std::string tag(lname);
  if (s.value.b == s.value.e) {
    rep_.add(msg::dmarc_uri_empty, s.name.b, s.value.e, {tag});
    return;
  }
  std::size_t i = s.value.b;
  while (i <= s.value.e) {
    const std::size_t j = find_in(text_, {i, s.value.e}, ',');
    std::size_t a = i, b = j;
    while (a < b && detail::is_wsp(text_[a])) ++a;
    while (b > a && detail::is_wsp(text_[b - 1])) --b;
    const span elem{a, b};
    const bool last = j == s.value.e;
    if (a == b) {
      // Show the comma next to the empty element.
      const span shown = i > s.value.b ? span{i - 1, i} : span{j, std::min(j + 1, s.value.e)};
      rep_.add(msg::dmarc_uri_empty, shown.b, shown.e, {tag});
    } else {
      std::size_t uri_end = b;
      bool ok = true;
      const std::size_t bang = find_in(text_, {a, b}, '!');
      if (bang < b) {
        uri_end = bang;
        const std::string_view suffix = text_.substr(bang + 1, b - bang - 1);
        std::size_t d = 0;
        while (d < suffix.size() && detail::is_digit(suffix[d])) ++d;
        std::uint64_t size = 0;
        const bool unit_ok = d == suffix.size() || (d + 1 == suffix.size() &&
                                                    std::string_view("kmgtKMGT").find(suffix[d]) !=
                                                        std::string_view::npos);
        const bool number_ok = d > 0 && parse_uint(suffix.substr(0, d), UINT64_MAX, size);
        if (!unit_ok || !number_ok) {
          ok = false;
          if (d > 0)
            rep_.add(msg::dmarc_uri_bad_size, bang, b, {tag, q({bang, b})});
          else
            rep_.add(msg::dmarc_uri_bang, bang, bang + 1, {tag, q(elem)});
        } else if (bis_) {
          rep_.add(msg::dmarc_size_bis, bang, b, {q({bang, b})});
        } else {
          rep_.add(msg::dmarc_size_rfc7489, bang, b, {q({bang, b})});
        }
      }
      if (ok) {
        const std::string_view uri = text_.substr(a, uri_end - a);
        const detail::uri_check c = detail::check_uri(uri, ",!");
        const std::string shown = q({a, uri_end});
        switch (c.error) {
          case detail::uri_error::none:
            if (c.scheme != "mailto") rep_.add(msg::dmarc_uri_not_mailto, a, uri_end, {tag, shown});
            break;
          case detail::uri_error::empty:
            ok = false;
            rep_.add(msg::dmarc_uri_empty, a, b, {tag});
            break;
          case detail::uri_error::no_scheme:
            ok = false;
            rep_.add(msg::dmarc_uri_no_scheme, a, uri_end, {tag, shown});
            break;
          case detail::uri_error::bad_scheme:
            ok = false;
            rep_.add(msg::dmarc_uri_bad_scheme, a, uri_end, {tag, shown});
            break;
          case detail::uri_error::bad_char: {
            ok = false;
            const std::size_t at_ = a + c.pos;
            const std::size_t n = detail::utf8_next(text_, at_).bytes;
            if (detail::is_wsp(text_[at_]))
              rep_.add(msg::dmarc_uri_space, at_, at_ + n, {tag, shown});
            else
              rep_.add(msg::dmarc_uri_bad_char, at_, at_ + n, {tag, shown, q({at_, at_ + n})});
            break;
          }
          case detail::uri_error::bad_percent: {
            ok = false;
            const std::size_t at_ = a + c.pos;
            rep_.add(msg::dmarc_uri_bad_percent, at_, std::min(at_ + 3, uri_end), {tag, shown});
            break;
          }
          case detail::uri_error::mailto_no_addr:
          case detail::uri_error::mailto_bad_addr:
            ok = false;
            rep_.add(msg::dmarc_uri_bad_mailto, a, uri_end, {tag, shown});
            break;
          case detail::uri_error::https_no_host:
          case detail::uri_error::https_bad_host:
          case detail::uri_error::https_bad_port:
            ok = false;
            rep_.add(msg::dmarc_uri_bad_http, a, uri_end, {tag, shown});
            break;
        }
      }
      if (ok) valid.emplace_back(text_.substr(a, b - a));
    }
    if (last) break;
    i = j + 1;
  }
  if (!valid.empty()) any_valid = true;
  if (first && !valid.empty()) out = std::move(valid);
}

void checker::check_yorn(const segment& s, std::string_view lname, bool first) {
  const std::string v = detail::ascii_lower(at(s.value));
  if (lname == "t") {
    if (v != "y" && v != "n") {
      rep_.add(msg::dmarc_t_invalid, bad_value(s).b, bad_value(s).e, {q(s.value)});
      return;
    }
    case_value(s, lname);
    if (first) {
      rec_.t = v;
      t_yes_ = v == "y";
      t_tag_ = tag_span(s);
    }
    return;
  }
  if (v != "y" && v != "n" && v != "u") {
    rep_.add(msg::dmarc_psd_invalid, bad_value(s).b, bad_value(s).e, {q(s.value)});
    return;
  }
  case_value(s, lname);
  if (v == "y") rep_.add(msg::dmarc_psd_y, s.name.b, s.value.e);
  if (first) rec_.psd = v;
}

void checker::finish() {
  // Invalid p, sp or np: RFC 7489 §6.6.3 step 6 (SHOULD), RFC 9989 (MUST):
  // with a valid rua URI act as "v=DMARC1; p=none", otherwise no policy.
  const bool fallback = rua_valid_;
  bool bad_policy = false;
  struct item {
    policy_tag* t;
    msg fb, ig;
  };
  const item items[] = {{&p_, msg::dmarc_p_invalid_fallback, msg::dmarc_p_invalid_ignored},
                        {&sp_, msg::dmarc_sp_invalid_fallback, msg::dmarc_sp_invalid_ignored},
                        {&np_, msg::dmarc_np_invalid_fallback, msg::dmarc_np_invalid_ignored}};
  for (const item& it : items) {
    if (it.t->st != state::invalid) continue;
    bad_policy = true;
    // A value swallowed by a missing ";" is reported as DMARC-005 only.
    if (!find_swallowed(text_, it.t->val).empty()) continue;
    rep_.add(fallback ? it.fb : it.ig, it.t->val.b == it.t->val.e ? it.t->tag.b : it.t->val.b,
             it.t->tag.e, {q(it.t->val)});
  }
  if (p_.st == state::valid) rec_.p = p_.value;
  if (sp_.st == state::valid) rec_.sp = sp_.value;
  if (np_.st == state::valid) rec_.np = np_.value;

  // A p swallowed by a missing ";" is explained by DMARC-005 alone.
  const bool p_swallowed = is_swallowed("p");
  if (p_.st == state::absent && version_ok_) {
    if (bis_) {
      if (!p_swallowed) rep_.add(msg::dmarc_p_missing_bis, anchor_.b, anchor_.e);
      rec_.p = "none";  // RFC 9989 §4.7
    } else {
      if (!p_swallowed)
        rep_.add(fallback ? msg::dmarc_p_missing_fallback : msg::dmarc_p_missing_ignored, anchor_.b,
                 anchor_.e);
      bad_policy = true;
    }
  }
  if (bad_policy && fallback) {
    rec_.p = "none";
    rec_.sp.reset();
    rec_.np.reset();
  }

  // DMARC-007: v and p "MUST appear in that order" (RFC 7489 only).
  if (v_first_ && p_.st != state::absent && p_index_ != 1)
    rep_.add(bis_ ? msg::dmarc_p_not_second_bis : msg::dmarc_p_not_second, p_.tag.b, p_.tag.e);

  if (!rua_present_ && !is_swallowed("rua") && version_ok_)
    rep_.add(msg::dmarc_no_rua, anchor_.b, anchor_.e);
  if (fo_present_ && rec_.fo && !ruf_valid_)
    rep_.add(msg::dmarc_fo_without_ruf, fo_tag_.b, fo_tag_.e);

  if (!bad_policy && p_.st == state::valid) {
    if (p_.value == "none") rep_.add(msg::dmarc_p_none, p_.tag.b, p_.tag.e);
    if (sp_.st == state::valid && policy_rank(sp_.value) < policy_rank(p_.value))
      rep_.add(msg::dmarc_sub_weaker, sp_.tag.b, sp_.tag.e, {"sp", sp_.value, p_.value});
    if (bis_ && np_.st == state::valid && policy_rank(np_.value) < policy_rank(p_.value))
      rep_.add(msg::dmarc_sub_weaker, np_.tag.b, np_.tag.e, {"np", np_.value, p_.value});
  }

  // DMARC-027: sp (and np) on a record below an organizational domain.
  std::size_t labels = owner_domain_.empty() ? 0 : 1;
  for (char c : owner_domain_) labels += c == '.' ? 1 : 0;
  if (labels >= 3) {
    if (sp_.st == state::valid)
      rep_.add(msg::dmarc_sub_policy_ignored, sp_.tag.b, sp_.tag.e,
               {detail::quote(owner_domain_), "sp"});
    if (bis_ && np_.st == state::valid)
      rep_.add(msg::dmarc_sub_policy_ignored, np_.tag.b, np_.tag.e,
               {detail::quote(owner_domain_), "np"});
  }

  if (bis_ && t_yes_) {
    if (rec_.p && *rec_.p == "none")
      rep_.add(msg::dmarc_t_none, t_tag_.b, t_tag_.e);
    else
      rep_.add(msg::dmarc_t_test, t_tag_.b, t_tag_.e);
  }
}

// RFC 7489 §6.6.3 / RFC 9989 §4.10: RRs that do not start with the version
// tag are discarded. The test here is lenient (case-insensitive, WSP allowed)
// so that near misses are judged (DMARC-004) instead of silently dropped.
bool looks_like_dmarc(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && detail::is_wsp(t[i])) ++i;
  if (i >= t.size() || detail::to_lower(t[i]) != 'v') return false;
  ++i;
  while (i < t.size() && detail::is_wsp(t[i])) ++i;
  if (i >= t.size() || t[i] != '=') return false;
  ++i;
  while (i < t.size() && detail::is_wsp(t[i])) ++i;
  if (!detail::istarts_with(t.substr(i), "DMARC1")) return false;
  i += 6;
  return i == t.size() || detail::is_wsp(t[i]) || t[i] == ';' || t[i] == ',';
}

bool mentions_dmarc1(std::string_view t) {
  for (std::size_t i = 0; i + 6 <= t.size(); ++i)
    if (detail::istarts_with(t.substr(i), "dmarc1")) return true;
  return false;
}

// Input offset of the byte that ends at text offset `e` (exclusive), so that
// a span ending at a string boundary does not swallow `" "`.
std::size_t map_end(const detail::txt_input& in, std::string_view input, std::size_t s,
                    std::size_t e) {
  const auto& m = in.map;
  const auto at = [&](std::size_t b) { return m[std::min(b, m.size() - 1)]; };
  if (e <= s || e == 0) return at(s);
  const std::size_t k = at(e - 1);
  if (k < input.size() && input[k] == '\\') {
    if (k + 3 < input.size() && detail::is_digit(input[k + 1]) && detail::is_digit(input[k + 2]) &&
        detail::is_digit(input[k + 3]))
      return k + 4;
    return std::min(k + 2, input.size());
  }
  return std::min(k + 1, input.size());
}

}  // namespace

namespace {

// The discovery rule over an RRset (RFC 7489 §6.6.3): exactly one record
// starting with v=DMARC1, judged; each item's `record` says which.
std::vector<std::string> judge_rrset(const txt_rrset& rrset, reporter& rep, dmarc_record& value,
                                     const options& opts) {
  std::vector<std::string> joined;
  joined.reserve(rrset.size());
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < rrset.size(); ++i) {
    std::string t;
    for (const std::string& s : rrset[i]) t += s;
    if (looks_like_dmarc(t)) candidates.push_back(i);
    joined.push_back(std::move(t));
  }
  if (candidates.empty()) {
    for (std::size_t i = 0; i < joined.size(); ++i)
      if (mentions_dmarc1(joined[i]))
        rep.add(msg::dmarc_discarded_rr, 0, joined[i].size()).record = static_cast<int>(i);
    rep.add(msg::dmarc_no_record, 0, 0);
  } else if (candidates.size() > 1) {
    const std::string n = std::to_string(candidates.size());
    for (std::size_t i : candidates)
      rep.add(msg::dmarc_multiple_records, 0, joined[i].size(), {n}).record = static_cast<int>(i);
  } else {
    const std::size_t i = candidates.front();
    reporter one(opts);
    checker c(joined[i], one, {});
    value = c.run();
    std::size_t off = 0;
    for (const std::string& s : rrset[i]) {
      if (s.size() > kMaxCharString)
        one.add(msg::dmarc_long_string, off + kMaxCharString, off + s.size(),
                {std::to_string(s.size())});
      off += s.size();
    }
    rep.absorb(std::move(one), static_cast<int>(i));
  }
  return joined;
}

}  // namespace

result<dmarc_record> validate_dmarc_record(std::string_view input, const options& opts) {
  reporter rep(opts);
  // Several records, one per line (e.g. `dig +short` with two answers).
  const std::vector<detail::txt_line_record> lines = detail::split_txt_records(input);
  if (!lines.empty()) {
    txt_rrset rrset;
    for (const detail::txt_line_record& l : lines) rrset.push_back({l.in.text});
    dmarc_record value;
    judge_rrset(rrset, rep, value, opts);
    const std::vector<std::size_t> map = detail::place_line_records(lines, rep.items());
    apply_spec_refs(rep);
    return detail::make_result(std::move(value), rep, input, map);
  }
  const detail::txt_input in = detail::decode_txt_input(input);

  // A zone line names the owner: `_dmarc.<domain>` (or `_dmarc` relative to
  // the zone's origin) is the only place receivers look (DMARC-002).
  std::string_view owner_domain;
  bool wrong_owner = false;
  std::string suggestion;
  if (!in.owner.empty()) {
    const std::string_view o = in.owner;
    if (o == "_dmarc") {
      // relative to the origin
    } else if (o.rfind("_dmarc.", 0) == 0) {
      owner_domain = o.substr(7);
    } else {
      wrong_owner = true;
      std::string_view domain = o;
      if (o == "@") {
        domain = {};
      } else {
        const std::size_t dot = o.find('.');
        const std::string first_label = detail::ascii_lower(o.substr(0, dot));
        if (first_label.find("dmarc") != std::string::npos)
          domain = dot == std::string_view::npos ? std::string_view{} : o.substr(dot + 1);
      }
      suggestion = domain.empty() ? "_dmarc" : "_dmarc." + std::string(domain);
    }
  }

  checker c(in.text, rep, owner_domain);
  dmarc_record value = c.run();
  if (in.text.size() > kMaxCharString && in.strings == 1)
    rep.add(msg::dmarc_long_string, kMaxCharString, in.text.size(),
            {std::to_string(in.text.size())});

  if (!in.map.empty()) {
    for (detail::pending& p : rep.items()) {
      const std::size_t s = in.map[std::min(p.start, in.map.size() - 1)];
      p.end = map_end(in, input, p.start, p.end);
      p.start = s;
      if (p.end < p.start) p.end = p.start;
    }
  }
  if (wrong_owner)
    rep.add(
        msg::dmarc_wrong_owner, in.owner_start, in.owner_end,
        {detail::quote(input.substr(in.owner_start, in.owner_end - in.owner_start)), suggestion});
  apply_spec_refs(rep);
  return detail::make_result(std::move(value), rep, input);
}

result<dmarc_record> validate_dmarc_record(const txt_rrset& rrset, const options& opts) {
  reporter rep(opts);
  dmarc_record value;
  const std::vector<std::string> joined = judge_rrset(rrset, rep, value, opts);
  apply_spec_refs(rep);
  return detail::make_rrset_result(std::move(value), rep, joined);
}

}  // namespace mtasts

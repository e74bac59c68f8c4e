// The one binding file: strings in, JSON strings out, produced by the same
// `to_json` as the native golden tests, so browser and native results are
// identical by construction. No exception can escape: the core never throws
// and is built with JSON_NOEXCEPTION.
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>
#include <string>

#include "mtasts/mtasts.hpp"

namespace {
using namespace mtasts;

options make_options(const std::string& lang, const std::string& spec) {
  options o;
  o.lang = lang == "fr" ? language::fr : language::en;
  o.dmarc = spec == "rfc9989" ? dmarc_spec::rfc9989 : dmarc_spec::rfc7489;
  return o;
}

// An RRset arrives as JSON (array of arrays of strings); the JS module has
// already checked its shape, so a malformed one only yields an empty set.
txt_rrset parse_rrset(const std::string& json_text) {
  txt_rrset set;
  const auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (!j.is_array()) return set;
  for (const auto& rr : j) {
    txt_rr strings;
    if (rr.is_array()) {
      for (const auto& s : rr)
        if (s.is_string()) strings.push_back(s.get<std::string>());
    }
    set.push_back(std::move(strings));
  }
  return set;
}

std::string sts_record_text(const std::string& text, const std::string& lang) {
  return to_json(validate_sts_record(text, make_options(lang, "")));
}
std::string sts_record_rrset(const std::string& rrset, const std::string& lang) {
  return to_json(validate_sts_record(parse_rrset(rrset), make_options(lang, "")));
}
std::string policy_bytes(const std::string& bytes, const std::string& lang) {
  return to_json(validate_policy(bytes, make_options(lang, "")));
}
std::string tlsrpt_text(const std::string& text, const std::string& lang) {
  return to_json(validate_tlsrpt_record(text, make_options(lang, "")));
}
std::string tlsrpt_rrset(const std::string& rrset, const std::string& lang) {
  return to_json(validate_tlsrpt_record(parse_rrset(rrset), make_options(lang, "")));
}
std::string dmarc_text(const std::string& text, const std::string& lang, const std::string& spec) {
  return to_json(validate_dmarc_record(text, make_options(lang, spec)));
}
std::string dmarc_rrset(const std::string& rrset, const std::string& lang, const std::string& spec) {
  return to_json(validate_dmarc_record(parse_rrset(rrset), make_options(lang, spec)));
}
bool mx_matches(const std::string& pattern, const std::string& host) {
  return mx_pattern_matches(pattern, host);
}
std::string detect(const std::string& text) { return std::string(to_string(detect_format(text))); }
std::string core_version() { return mtasts::version; }
}  // namespace

EMSCRIPTEN_BINDINGS(mtasts_core) {
  emscripten::function("stsRecordText", &sts_record_text);
  emscripten::function("stsRecordRrset", &sts_record_rrset);
  emscripten::function("policyBytes", &policy_bytes);
  emscripten::function("tlsRptText", &tlsrpt_text);
  emscripten::function("tlsRptRrset", &tlsrpt_rrset);
  emscripten::function("dmarcText", &dmarc_text);
  emscripten::function("dmarcRrset", &dmarc_rrset);
  emscripten::function("mxPatternMatches", &mx_matches);
  emscripten::function("detectFormat", &detect);
  emscripten::function("version", &core_version);
}

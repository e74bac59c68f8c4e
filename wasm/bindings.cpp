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
  const auto j = nlohmann::json::parse(json_text.data(), json_text.data() + json_text.size(), nullptr, false);
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
// Generator inputs arrive as a JSON object built by the JS module; missing or
// mistyped members read as empty (the core then says what is missing).
std::string str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::vector<std::string> strs(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it != j.end() && it->is_array())
    for (const auto& s : *it) out.push_back(s.is_string() ? s.get<std::string>() : std::string());
  return out;
}
nlohmann::json object(const std::string& json_text) {
  auto j = nlohmann::json::parse(json_text.data(), json_text.data() + json_text.size(), nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

std::string gen_policy(const std::string& in, const std::string& lang) {
  const auto j = object(in);
  policy_input p{str(j, "mode"), strs(j, "mx"), str(j, "maxAge"), str(j, "domain")};
  return to_json(generate_policy(p, make_options(lang, "")));
}
std::string gen_sts_record(const std::string& in, const std::string& lang) {
  const auto j = object(in);
  return to_json(generate_sts_record({str(j, "id"), str(j, "domain")}, make_options(lang, "")));
}
std::string gen_tlsrpt(const std::string& in, const std::string& lang) {
  const auto j = object(in);
  return to_json(generate_tlsrpt_record({strs(j, "rua"), str(j, "domain")}, make_options(lang, "")));
}
std::string gen_dmarc(const std::string& in, const std::string& lang) {
  const auto j = object(in);
  dmarc_input d;
  d.domain = str(j, "domain");
  d.p = str(j, "p");
  d.sp = str(j, "sp");
  d.np = str(j, "np");
  d.adkim = str(j, "adkim");
  d.aspf = str(j, "aspf");
  d.fo = str(j, "fo");
  d.rua = strs(j, "rua");
  d.ruf = strs(j, "ruf");
  d.t = str(j, "t");
  const auto legacy = j.find("legacy");
  d.legacy = legacy != j.end() && legacy->is_boolean() && legacy->get<bool>();
  d.pct = str(j, "pct");
  d.rf = str(j, "rf");
  d.ri = str(j, "ri");
  return to_json(generate_dmarc_record(d, make_options(lang, "")));
}
std::string gen_hosting(const std::string& in, const std::string& lang) {
  const auto j = object(in);
  return to_json(generate_hosting({str(j, "domain"), str(j, "policy"), str(j, "id"), str(j, "tlsrpt")},
                                  make_options(lang, "")));
}
std::string gen_dane(const std::string& host, const std::string& lang) {
  return to_json(derive_microsoft_dane_pattern(host, make_options(lang, "")));
}
std::string presets_json() { return to_json(provider_presets()); }
// Seconds since the epoch, from JS Date.now() / 1000 (doubles are exact here).
std::string policy_id(double unix_seconds) {
  return policy_id_from_utc(static_cast<std::int64_t>(unix_seconds));
}

// The live checker: the page's gathered facts (JSON) and the policy bytes
// read (a separate argument: they need not be UTF-8).
std::string assess_facts(const std::string& facts_json, const std::string& body, bool has_body,
                         const std::string& lang) {
  const auto opts = make_options(lang, "");
  if (!has_body) return assess_json(facts_json, std::nullopt, opts);
  return assess_json(facts_json, std::string_view(body), opts);
}
std::string doh_answer_json(const std::string& body, int http_status, int qtype,
                            const std::string& lang) {
  const auto type = qtype >= 0 && qtype <= 0xFFFF ? static_cast<std::uint16_t>(qtype) : std::uint16_t{0};
  return to_json(parse_doh_json(body, http_status, type, make_options(lang, "")));
}

// DMARC-021: the rua/ruf destinations of a record outside the domain's
// organizational domain, and where each must accept the reports.
std::string dmarc_destinations(const std::string& domain, const std::string& record) {
  const auto parsed = validate_dmarc_record(record, make_options("en", ""));
  nlohmann::json out = nlohmann::json::array();
  for (const dmarc_external_destination& d : dmarc_external_destinations(domain, parsed.value))
    out.push_back({{"host", d.host}, {"name", d.name}});
  return out.dump();
}

std::string bounce(const std::string& text, const std::string& lang) {
  return explain_bounce_json(text, make_options(lang, ""));
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
  emscripten::function("generatePolicy", &gen_policy);
  emscripten::function("generateStsRecord", &gen_sts_record);
  emscripten::function("generateTlsRptRecord", &gen_tlsrpt);
  emscripten::function("generateDmarcRecord", &gen_dmarc);
  emscripten::function("generateHosting", &gen_hosting);
  emscripten::function("deriveMicrosoftDanePattern", &gen_dane);
  emscripten::function("presets", &presets_json);
  emscripten::function("policyIdFromUtc", &policy_id);
  emscripten::function("assess", &assess_facts);
  emscripten::function("dohAnswer", &doh_answer_json);
  emscripten::function("explainBounce", &bounce);
  emscripten::function("dmarcDestinations", &dmarc_destinations);
}

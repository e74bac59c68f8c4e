// JSON form of the generators' results (for the wasm binding), with the same
// conventions as json.cpp: pretty-printed with 2 spaces, keys sorted,
// camelCase keys, diagnostics as there plus "field".
#include <nlohmann/json.hpp>

#include "../json_detail.hpp"
#include "mtasts/generate.hpp"

namespace mtasts {
namespace {
using nlohmann::json;

json diagnostics_json(const std::vector<field_diagnostic>& ds) {
  json arr = json::array();
  for (const field_diagnostic& d : ds) {
    json j = detail::diagnostic_json(d);
    j["field"] = d.field;
    arr.push_back(std::move(j));
  }
  return arr;
}

json base_json(const generated& g) {
  return {{"ok", g.ok}, {"text", g.text}, {"diagnostics", diagnostics_json(g.diagnostics)}};
}

using detail::dump;

}  // namespace

std::string to_json(const generated& g) { return dump(base_json(g)); }

std::string to_json(const generated_policy& g) {
  json j = base_json(g);
  j["mode"] = g.mode;
  j["mx"] = g.mx;
  j["maxAge"] = g.max_age;
  return dump(j);
}

std::string to_json(const generated_sts_record& g) {
  json j = base_json(g);
  j["domain"] = g.domain;
  j["zoneLine"] = g.zone_line;
  j["policyHost"] = g.policy_host;
  j["policyUrl"] = g.policy_url;
  j["hostHint"] = g.host_hint;
  return dump(j);
}

std::string to_json(const generated_tlsrpt& g) {
  json j = base_json(g);
  j["domain"] = g.domain;
  j["rua"] = g.rua;
  j["zoneLine"] = g.zone_line;
  return dump(j);
}

std::string to_json(const generated_dmarc& g) {
  json j = base_json(g);
  j["domain"] = g.domain;
  j["rua"] = g.rua;
  j["ruf"] = g.ruf;
  j["strings"] = g.strings;
  j["zoneLine"] = g.zone_line;
  json auth = json::array();
  for (const dmarc_authorization& a : g.authorizations)
    auth.push_back({{"destination", a.destination}, {"name", a.name}, {"zoneLine", a.zone_line}});
  j["authorizations"] = std::move(auth);
  return dump(j);
}

std::string to_json(const generated_hosting& g) {
  json snippets = json::array();
  for (const hosting_snippet& s : g.snippets) {
    json files = json::array();
    for (const hosting_file& f : s.files)
      files.push_back({{"path", f.path}, {"content", f.content}});
    snippets.push_back({{"id", s.id},
                        {"title", s.title},
                        {"syntax", s.syntax},
                        {"text", s.text},
                        {"files", std::move(files)}});
  }
  const json j = {{"ok", g.ok},
                  {"snippets", std::move(snippets)},
                  {"diagnostics", diagnostics_json(g.diagnostics)}};
  return dump(j);
}

std::string to_json(const std::vector<provider_preset>& presets) {
  json arr = json::array();
  for (const provider_preset& p : presets) {
    json patterns = json::array();
    for (const preset_pattern& x : p.patterns)
      patterns.push_back({{"pattern", x.pattern},
                          {"optional", x.optional},
                          {"note", {{"en", x.note_en}, {"fr", x.note_fr}}}});
    arr.push_back({{"id", p.id},
                   {"name", p.name},
                   {"patterns", std::move(patterns)},
                   {"explanation", {{"en", p.explanation_en}, {"fr", p.explanation_fr}}},
                   {"source", p.source},
                   {"dane", p.dane}});
  }
  return dump(arr);
}

}  // namespace mtasts

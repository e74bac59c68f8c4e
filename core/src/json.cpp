// JSON form of results (single source for native golden tests and wasm).
#include "mtasts/json.hpp"

#include <nlohmann/json.hpp>

#include "json_detail.hpp"

namespace mtasts {
namespace detail {

nlohmann::json diagnostic_json(const diagnostic& d) {
  nlohmann::json j = {{"code", d.code},       {"severity", std::string(to_string(d.sev))},
                      {"message", d.message}, {"hint", d.hint},
                      {"line", d.line},       {"column", d.column},
                      {"start", d.start},     {"end", d.end},
                      {"ref", d.ref}};
  if (d.record >= 0) j["record"] = d.record;
  return j;
}

std::string dump(const nlohmann::json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace detail

namespace {
using nlohmann::json;

json diagnostics_json(const std::vector<diagnostic>& ds) {
  json arr = json::array();
  for (const diagnostic& d : ds) arr.push_back(detail::diagnostic_json(d));
  return arr;
}

json map_json(const std::map<std::string, std::string>& m) {
  json j = json::object();
  for (const auto& [k, v] : m) j[k] = v;
  return j;
}

template <class T>
json wrap(const result<T>& r, json value) {
  return {{"ok", r.ok}, {"value", std::move(value)}, {"diagnostics", diagnostics_json(r.diagnostics)}};
}

void put(json& j, const char* key, const std::optional<std::string>& v) {
  if (v) j[key] = *v;
}
void put(json& j, const char* key, const std::optional<std::uint32_t>& v) {
  if (v) j[key] = *v;
}
void put(json& j, const char* key, const std::optional<std::vector<std::string>>& v) {
  if (v) j[key] = *v;
}
}  // namespace

nlohmann::json detail::result_json(const result<sts_record>& r) {
  json v = {{"extensions", map_json(r.value.extensions)}};
  if (!r.value.version.empty()) v["version"] = r.value.version;
  if (!r.value.id.empty()) v["id"] = r.value.id;
  return wrap(r, std::move(v));
}

nlohmann::json detail::result_json(const result<policy>& r) {
  json v = {{"mx", r.value.mx}, {"extensions", map_json(r.value.extensions)}};
  put(v, "version", r.value.version);
  put(v, "mode", r.value.mode);
  put(v, "maxAge", r.value.max_age);
  return wrap(r, std::move(v));
}

nlohmann::json detail::result_json(const result<tlsrpt_record>& r) {
  json v = {{"rua", r.value.rua}, {"extensions", map_json(r.value.extensions)}};
  if (!r.value.version.empty()) v["version"] = r.value.version;
  return wrap(r, std::move(v));
}

nlohmann::json detail::result_json(const result<dmarc_record>& r) {
  json v = json::object();
  const dmarc_record& d = r.value;
  put(v, "v", d.v);
  put(v, "p", d.p);
  put(v, "sp", d.sp);
  put(v, "np", d.np);
  put(v, "adkim", d.adkim);
  put(v, "aspf", d.aspf);
  put(v, "pct", d.pct);
  put(v, "fo", d.fo);
  put(v, "rf", d.rf);
  put(v, "ri", d.ri);
  put(v, "rua", d.rua);
  put(v, "ruf", d.ruf);
  put(v, "t", d.t);
  put(v, "psd", d.psd);
  return wrap(r, std::move(v));
}

std::string to_json(const result<sts_record>& r) { return detail::dump(detail::result_json(r)); }
std::string to_json(const result<policy>& r) { return detail::dump(detail::result_json(r)); }
std::string to_json(const result<tlsrpt_record>& r) { return detail::dump(detail::result_json(r)); }
std::string to_json(const result<dmarc_record>& r) { return detail::dump(detail::result_json(r)); }

}  // namespace mtasts

// JSON form of the live checker's results (same conventions as json.cpp:
// 2-space indentation, sorted keys, invalid UTF-8 replaced by U+FFFD).
#include <nlohmann/json.hpp>

#include "mtasts/assess.hpp"
#include "mtasts/json.hpp"
#include "../json_detail.hpp"

namespace mtasts {
namespace {
using nlohmann::json;

using detail::diagnostic_json;

json diagnostics_json(const std::vector<diagnostic>& ds) {
  json arr = json::array();
  for (const diagnostic& d : ds) arr.push_back(diagnostic_json(d));
  return arr;
}

json answer_json(const doh_answer& a) {
  json records = json::array();
  for (const doh_record& r : a.records) {
    json j = {{"name", r.name}, {"type", r.type}, {"ttl", r.ttl},
              {"data", r.data}, {"text", r.text}, {"hex", r.hex}};
    if (r.type == rrtype::txt) j["strings"] = r.strings;
    if (r.type == rrtype::mx) {
      j["preference"] = r.preference;
      j["nullMx"] = r.null_mx;
    }
    records.push_back(std::move(j));
  }
  json j = {{"status", std::string(to_string(a.status))},
            {"httpStatus", a.http_status},
            {"kind", std::string(to_string(a.kind))},
            {"ad", a.ad},
            {"tc", a.tc},
            {"cd", a.cd},
            {"question", a.question},
            {"qtype", a.qtype},
            {"conclusive", a.conclusive()},
            {"cnameChain", a.cname_chain},
            {"records", std::move(records)},
            {"diagnostics", diagnostics_json(a.diagnostics)}};
  if (a.rcode >= 0) j["rcode"] = a.rcode;
  if (!a.comment.empty()) j["comment"] = a.comment;
  return j;
}

using detail::dump;

// A validator's result, in the form json.cpp gives it.
template <class T>
json embed(const std::optional<result<T>>& r) {
  if (!r) return nullptr;
  return detail::result_json(*r);
}
}  // namespace

std::string to_json(const doh_answer& a) { return dump(answer_json(a)); }

std::string to_json(const assessment& a) {
  json checks = json::array();
  for (const check& c : a.checks) {
    json j = diagnostic_json(c.diag);
    j["area"] = std::string(to_string(c.area));
    checks.push_back(std::move(j));
  }
  json mx = json::array();
  for (const mx_row& r : a.mx) {
    json j = {{"preference", r.preference}, {"host", r.host}, {"implicit", r.implicit}};
    j["pattern"] = r.pattern.empty() ? json(nullptr) : json(r.pattern);
    mx.push_back(std::move(j));
  }
  json out = {{"verdict", std::string(to_string(a.overall))},
              {"checks", std::move(checks)},
              {"mx", std::move(mx)},
              {"nullMx", a.null_mx},
              {"policyUnverified", a.policy_unverified},
              {"txtAd", a.txt_ad},
              {"mxAd", a.mx_ad},
              {"txtResolver", a.txt_resolver},
              {"sts", embed(a.sts)},
              {"policy", embed(a.policy_result)},
              {"tlsrpt", embed(a.tlsrpt)},
              {"dmarc", embed(a.dmarc)}};
  out["txtTtl"] = a.txt_ttl ? json(*a.txt_ttl) : json(nullptr);
  // 64-bit hash as 16 hex digits: JavaScript numbers cannot hold it exactly.
  if (a.policy_hash) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string h(16, '0');
    for (std::size_t i = 0; i < 16; ++i)
      h[15 - i] = hex[(*a.policy_hash >> (4 * i)) & 0xFU];
    out["policyHash"] = h;
  } else {
    out["policyHash"] = nullptr;
  }
  return dump(out);
}

}  // namespace mtasts

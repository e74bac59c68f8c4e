// The live checker's facts as JSON (what the JS module gathers) and the one
// call the page makes: facts in, report out. Malformed or mistyped members
// read as absent, so the report then says what was not seen; never throws.
#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "mtasts/assess.hpp"
#include "../json_detail.hpp"

namespace mtasts {
namespace {
using nlohmann::json;

const json* member(const json& o, const char* key) {
  if (!o.is_object()) return nullptr;
  const auto it = o.find(key);
  return it == o.end() ? nullptr : &*it;
}

bool read_string(const json& o, const char* key, std::string& out) {
  const json* m = member(o, key);
  if (m == nullptr || !m->is_string()) return false;
  out = m->get<std::string>();
  return true;
}

// An optional header: a string is its value, null or absent means "no header".
std::optional<std::string> read_header(const json& o, const char* key) {
  std::string v;
  if (read_string(o, key, v)) return v;
  return std::nullopt;
}

// A non-negative integer that fits `limit`; anything else reads as `fallback`.
std::int64_t read_int(const json& o, const char* key, std::int64_t limit, std::int64_t fallback) {
  const json* m = member(o, key);
  if (m == nullptr) return fallback;
  if (m->is_number_unsigned()) {
    const auto v = m->get<std::uint64_t>();
    return v <= static_cast<std::uint64_t>(limit) ? static_cast<std::int64_t>(v) : fallback;
  }
  if (m->is_number_integer()) {
    const auto v = m->get<std::int64_t>();
    return v >= 0 && v <= limit ? v : fallback;
  }
  if (m->is_number_float()) {
    const double v = m->get<double>();
    return v >= 0 && v <= static_cast<double>(limit) ? static_cast<std::int64_t>(v) : fallback;
  }
  return fallback;
}

struct lookup_slot {
  const char* key;
  std::uint16_t qtype;
  dns_lookup facts::*field;
};

constexpr std::array<lookup_slot, 12> kLookups{{
    {"stsTxt", rrtype::txt, &facts::sts_txt},
    {"mx", rrtype::mx, &facts::mx},
    {"hostA", rrtype::a, &facts::host_a},
    {"hostAaaa", rrtype::aaaa, &facts::host_aaaa},
    {"hostCname", rrtype::cname, &facts::host_cname},
    {"tlsRpt", rrtype::txt, &facts::tlsrpt},
    {"dmarc", rrtype::txt, &facts::dmarc},
    {"apexTxt", rrtype::txt, &facts::apex_txt},
    {"stsUnderscore", rrtype::txt, &facts::sts_underscore},
    {"tlsRptWrong", rrtype::txt, &facts::tlsrpt_wrong},
    {"stsTxtOther", rrtype::txt, &facts::sts_txt_other},
    {"mxOther", rrtype::mx, &facts::mx_other},
}};

constexpr std::array<std::pair<std::string_view, fetch_outcome>, 8> kOutcomes{{
    {"not_attempted", fetch_outcome::not_attempted},
    {"ok", fetch_outcome::ok},
    {"opaque_redirect", fetch_outcome::opaque_redirect},
    {"cors_blocked_but_host_answers", fetch_outcome::cors_blocked_but_host_answers},
    {"network_error", fetch_outcome::network_error},
    {"timeout", fetch_outcome::timeout},
    {"too_large", fetch_outcome::too_large},
    {"pasted", fetch_outcome::pasted},
}};

std::optional<std::uint64_t> parse_hash(std::string_view hex) {
  if (hex.size() != 16) return std::nullopt;
  std::uint64_t v = 0;
  for (const char c : hex) {
    unsigned digit = 0;
    if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
    else return std::nullopt;
    v = (v << 4U) | digit;
  }
  return v;
}

// One gathered exchange: { resolver, status, body }.
dns_lookup read_lookup(const json& l, std::uint16_t qtype, const options& opts) {
  std::string resolver, body;
  read_string(l, "resolver", resolver);
  read_string(l, "body", body);
  return make_lookup(resolver, body, static_cast<int>(read_int(l, "status", 999, 0)), qtype, opts);
}

// A host name as a key: lower case, no trailing dot.
std::string host_key(std::string host) {
  for (char& c : host)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}
}  // namespace

facts facts_from_json(std::string_view json_text, const options& opts) {
  facts f;
  const json j = detail::parse(json_text);
  if (!j.is_object()) return f;
  read_string(j, "domain", f.domain);

  if (const json* lookups = member(j, "lookups"); lookups != nullptr && lookups->is_object()) {
    for (const lookup_slot& slot : kLookups) {
      const json* l = member(*lookups, slot.key);
      if (l == nullptr || !l->is_object()) continue;
      f.*slot.field = read_lookup(*l, slot.qtype, opts);
    }
  }

  if (const json* hosts = member(j, "mxHosts"); hosts != nullptr && hosts->is_object()) {
    for (const auto& item : hosts->items()) {
      const json& entry = item.value();
      if (!entry.is_object() || f.mx_hosts.size() >= 64) continue;
      facts::mx_host_lookups h;
      h.host = host_key(item.key());
      const auto read = [&](const char* key, std::uint16_t qtype, dns_lookup& out) {
        const json* l = member(entry, key);
        if (l != nullptr && l->is_object()) out = read_lookup(*l, qtype, opts);
      };
      read("a", rrtype::a, h.a);
      read("aaaa", rrtype::aaaa, h.aaaa);
      read("tlsa", rrtype::tlsa, h.tlsa);
      f.mx_hosts.push_back(std::move(h));
    }
  }

  if (const json* auth = member(j, "dmarcAuth"); auth != nullptr && auth->is_object()) {
    for (const auto& item : auth->items()) {
      if (!item.value().is_object() || f.dmarc_auth.size() >= 64) continue;
      f.dmarc_auth.push_back({host_key(item.key()), read_lookup(item.value(), rrtype::txt, opts)});
    }
  }

  if (const json* p = member(j, "policy"); p != nullptr && p->is_object()) {
    std::string outcome;
    read_string(*p, "outcome", outcome);
    for (const auto& [name, value] : kOutcomes)
      if (outcome == name) f.policy.outcome = value;
    f.policy.http_status = static_cast<int>(read_int(*p, "status", 999, 0));
    f.policy.content_type = read_header(*p, "contentType");
    f.policy.cache_control = read_header(*p, "cacheControl");
    read_string(*p, "body", f.policy.body);
    f.policy.elapsed_ms = static_cast<std::uint32_t>(read_int(*p, "elapsedMs", 0xFFFFFFFFLL, 0));
  }

  if (const json* h = member(j, "history"); h != nullptr && h->is_object()) {
    check_history history;
    std::string hash;
    read_string(*h, "lastId", history.last_id);
    read_string(*h, "lastBodyHash", hash);
    if (const auto v = parse_hash(hash); v && !history.last_id.empty()) {
      history.last_body_hash = *v;
      f.history = std::move(history);
    }
  }
  return f;
}

std::string assess_json(std::string_view facts_json, std::optional<std::string_view> policy_body,
                        const options& opts) {
  facts f = facts_from_json(facts_json, opts);
  if (policy_body) f.policy.body = std::string(*policy_body);
  json out = detail::parse(to_json(assess(f, opts)));
  json lookups = json::object();
  for (const lookup_slot& slot : kLookups) {
    const dns_lookup& l = f.*slot.field;
    if (!l.done) {
      lookups[slot.key] = nullptr;
      continue;
    }
    json a = detail::parse(to_json(l.answer));
    a["resolver"] = l.resolver;
    lookups[slot.key] = std::move(a);
  }
  out["lookups"] = std::move(lookups);
  return detail::dump(out);
}

std::string explain_bounce_json(std::string_view text, const options& opts) {
  json out = json::array();
  for (const diagnostic& d : explain_bounce(text, opts)) out.push_back(detail::diagnostic_json(d));
  return detail::dump(out);
}

}  // namespace mtasts

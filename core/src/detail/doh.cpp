// DNS-over-HTTPS JSON answers (rules.md §11, DOH-001…015).
#include "mtasts/doh.hpp"

#include <charconv>
#include <limits>
#include <nlohmann/json.hpp>

#include "json_detail.hpp"
#include "report.hpp"
#include "txt_input.hpp"

namespace mtasts {
namespace {
using nlohmann::json;
using detail::msg;

std::string norm_name(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool get_int(const json& o, const char* key, std::int64_t& out) {
  const auto it = o.find(key);
  if (it == o.end()) return false;
  if (it->is_number_integer()) {
    out = it->get<std::int64_t>();
    return true;
  }
  if (it->is_number_unsigned()) {
    const std::uint64_t u = it->get<std::uint64_t>();
    out = u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
              ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(u);
    return true;
  }
  return false;
}

bool get_bool(const json& o, const char* key) {
  const auto it = o.find(key);
  return it != o.end() && it->is_boolean() && it->get<bool>();
}

bool get_string(const json& o, const char* key, std::string& out) {
  const auto it = o.find(key);
  if (it == o.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

struct raw_rr {
  std::string name;
  std::uint16_t type;
  std::uint32_t ttl;
  std::string data;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// DOH-007: "<preference> <exchange>".
bool parse_mx(std::string_view data, doh_record& r) {
  data = trim(data);
  std::size_t sp = 0;
  while (sp < data.size() && data[sp] != ' ' && data[sp] != '\t') ++sp;
  if (sp == 0 || sp == data.size()) return false;
  unsigned pref = 0;
  const auto res = std::from_chars(data.data(), data.data() + sp, pref);
  if (res.ec != std::errc() || res.ptr != data.data() + sp || pref > 65535U) return false;
  const std::string_view host = trim(data.substr(sp));
  if (host.empty() || host.find_first_of(" \t") != std::string_view::npos) return false;
  r.preference = static_cast<std::uint16_t>(pref);
  r.text = norm_name(host);
  r.null_mx = r.text.empty();
  return true;
}
}  // namespace

std::string_view to_string(doh_status s) noexcept {
  switch (s) {
    case doh_status::dns: return "dns";
    case doh_status::transport_error: return "transport_error";
    case doh_status::bad_request: return "bad_request";
    case doh_status::malformed: return "malformed";
  }
  return "malformed";
}

std::string_view to_string(doh_kind k) noexcept {
  switch (k) {
    case doh_kind::data: return "data";
    case doh_kind::nodata: return "nodata";
    case doh_kind::nxdomain: return "nxdomain";
    case doh_kind::servfail: return "servfail";
    case doh_kind::refused: return "refused";
    case doh_kind::other: return "other";
  }
  return "other";
}

doh_answer parse_doh_json(std::string_view body, int http_status, std::uint16_t qtype,
                          const options& opts) {
  doh_answer a;
  a.http_status = http_status;
  a.qtype = qtype;
  detail::reporter rep(opts);
  const bool fr = opts.lang == language::fr;
  const auto done = [&]() -> doh_answer {
    a.diagnostics = rep.finish("");
    return std::move(a);
  };
  if (http_status == 400) {
    a.status = doh_status::bad_request;
    rep.add(msg::doh_bad_request, 0, 0);
    return done();
  }
  if (http_status != 200) {
    a.status = doh_status::transport_error;
    rep.add(msg::doh_transport, 0, 0, {std::to_string(http_status)});
    return done();
  }
  // DOH-002: never trust the Content-Type; parse without exceptions.
  const json j = detail::parse(body);
  std::int64_t rcode = 0;
  if (j.is_discarded() || !j.is_object()) {
    a.status = doh_status::malformed;
    rep.add(msg::doh_malformed, 0, 0,
            {fr ? (j.is_discarded() ? "pas du JSON" : "pas un objet JSON")
                : (j.is_discarded() ? "not JSON" : "not a JSON object")});
    return done();
  }
  if (!get_int(j, "Status", rcode) || rcode < 0 || rcode > 65535) {
    a.status = doh_status::malformed;
    rep.add(msg::doh_malformed, 0, 0, {fr ? "pas de Status numérique" : "no numeric Status"});
    return done();
  }
  a.status = doh_status::dns;
  a.rcode = static_cast<int>(rcode);
  a.ad = get_bool(j, "AD");
  a.tc = get_bool(j, "TC");
  a.cd = get_bool(j, "CD");
  if (const auto c = j.find("Comment"); c != j.end()) {
    if (c->is_string()) {
      a.comment = c->get<std::string>();
    } else if (c->is_array()) {
      for (const json& e : *c)
        if (e.is_string()) {
          if (!a.comment.empty()) a.comment += "; ";
          a.comment += e.get<std::string>();
        }
    }
  }
  // DOH-013: Question should exist.
  if (const auto q = j.find("Question"); q != j.end() && q->is_array() && !q->empty() &&
                                         q->front().is_object()) {
    std::string name;
    if (get_string(q->front(), "name", name)) a.question = norm_name(name);
  }
  if (a.question.empty()) rep.add(msg::doh_no_question, 0, 0);

  // Answer entries (DOH-006: one object per RR, never merged).
  std::vector<raw_rr> rrs;
  std::size_t dropped = 0;  // entries that could not be read (DOH-013)
  if (const auto ans = j.find("Answer"); ans != j.end() && !ans->is_array() && !ans->is_null()) {
    // A broken answer is not "no record" (DOH-002): the other resolver is asked.
    a.status = doh_status::malformed;
    rep.add(msg::doh_malformed, 0, 0, {fr ? "Answer n’est pas une liste" : "Answer is not a list"});
    return done();
  }
  if (const auto ans = j.find("Answer"); ans != j.end() && ans->is_array()) {
    for (const json& e : *ans) {
      std::string name, data;
      std::int64_t type = 0, ttl = 0;
      if (!e.is_object() || !get_string(e, "name", name) || !get_int(e, "type", type) ||
          type < 0 || type > 65535 || !get_string(e, "data", data)) {
        rep.add(msg::doh_bad_entry, 0, 0);
        ++dropped;
        continue;
      }
      if (!get_int(e, "TTL", ttl) || ttl < 0) ttl = 0;
      if (ttl > 0x7FFFFFFF) ttl = 0x7FFFFFFF;
      rrs.push_back({norm_name(name), static_cast<std::uint16_t>(type),
                     static_cast<std::uint32_t>(ttl), std::move(data)});
    }
  }

  // DOH-004: follow the CNAME chain from the question name.
  std::string cur = a.question;
  if (cur.empty() && !rrs.empty()) cur = rrs.front().name;
  if (qtype != rrtype::cname) {
    for (std::size_t hops = 0; hops < 16; ++hops) {
      const raw_rr* next = nullptr;
      for (const raw_rr& r : rrs)
        if (r.type == rrtype::cname && r.name == cur) {
          next = &r;
          break;
        }
      if (next == nullptr) break;
      const std::string target = norm_name(trim(next->data));
      rep.add(msg::doh_cname, 0, 0, {detail::quote(cur), detail::quote(target)});
      bool loop = target == a.question;
      for (const std::string& c : a.cname_chain) loop = loop || c == target;
      if (loop) break;
      a.cname_chain.push_back(target);
      cur = target;
    }
  }

  for (raw_rr& r : rrs) {
    if (r.type != qtype || r.name != cur) continue;
    doh_record rec;
    rec.name = r.name;
    rec.type = r.type;
    rec.ttl = r.ttl;
    rec.data = std::move(r.data);
    if (rec.data.size() >= 2 && rec.data[0] == '\\' && rec.data[1] == '#') {
      // DOH-012: generic form, kept as is.
      rec.hex = true;
      rec.text = rec.data;
      rep.add(msg::doh_hex, 0, 0, {std::to_string(rec.type), detail::quote(rec.data)});
    } else if (qtype == rrtype::txt) {
      rec.text = detail::decode_txt_data(rec.data, &rec.strings);  // DOH-005
    } else if (qtype == rrtype::mx) {
      if (!parse_mx(rec.data, rec)) {
        rep.add(msg::doh_bad_mx, 0, 0, {detail::quote(rec.data)});
        ++dropped;
        continue;
      }
    } else if (qtype == rrtype::cname) {
      rec.text = norm_name(trim(rec.data));
    } else {
      rec.text = std::string(trim(rec.data));
    }
    a.records.push_back(std::move(rec));
  }

  if (a.rcode == 0 && a.records.empty() && dropped > 0) {
    // Every entry was unreadable: not an answer "without records" either.
    a.status = doh_status::malformed;
    rep.add(msg::doh_malformed, 0, 0,
            {fr ? "aucune entrée d’Answer n’est lisible" : "no Answer entry could be read"});
    return done();
  }
  const std::string shown = detail::quote(a.question.empty() ? cur : a.question);
  switch (a.rcode) {
    case 0: a.kind = a.records.empty() ? doh_kind::nodata : doh_kind::data; break;
    case 3: a.kind = doh_kind::nxdomain; break;
    case 2: {
      a.kind = doh_kind::servfail;
      std::string extra;
      if (!a.comment.empty())
        extra = (fr ? " Commentaire du résolveur : « " : " Resolver comment: \"") +
                detail::quote(a.comment, 200) + (fr ? " »." : "\".");
      rep.add(msg::doh_servfail, 0, 0, {shown, extra});
      break;
    }
    case 5:
      a.kind = doh_kind::refused;
      rep.add(msg::doh_refused, 0, 0, {shown});
      break;
    default:
      a.kind = doh_kind::other;
      rep.add(msg::doh_other_rcode, 0, 0, {std::to_string(a.rcode), shown});
      break;
  }
  if (a.tc) rep.add(msg::doh_truncated, 0, 0, {shown});
  if (!a.comment.empty() && a.kind != doh_kind::servfail)
    rep.add(msg::doh_comment, 0, 0, {detail::quote(a.comment, 200)});
  return done();
}

txt_rrset txt_rrset_of(const doh_answer& a) {
  txt_rrset out;
  if (a.status != doh_status::dns) return out;
  for (const doh_record& r : a.records)
    if (r.type == rrtype::txt && !r.hex) out.push_back({r.text});
  return out;
}

}  // namespace mtasts

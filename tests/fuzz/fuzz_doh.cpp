// Fuzz target: parse_doh_json on arbitrary bodies for every HTTP status and
// type the checker uses, then assess() over facts built from the same bytes
// (the body doubles as the policy body). Properties: no crash, diagnostics
// fully rendered, a failed parse never reads as "no record", records only of
// the requested type, JSON forms parseable. The bytes are also read as the
// page's facts JSON (assess_json) and as a pasted bounce (explain_bounce).
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "mtasts/assess.hpp"
#include "mtasts/doh.hpp"

namespace {
void check_answer(const mtasts::doh_answer& a, std::uint16_t qtype) {
  using namespace mtasts;
  for (const diagnostic& d : a.diagnostics) {
    fuzz::require(!d.code.empty() && !d.message.empty() && !d.ref.empty(), "bad diagnostic");
    fuzz::require(d.code.rfind("DOH-", 0) == 0, "non-DOH code from the DoH parser");
  }
  if (a.status != doh_status::dns) {
    fuzz::require(!a.absent() && !a.conclusive(), "a failed request reads as an answer");
    fuzz::require(a.records.empty(), "records from a failed request");
  }
  if (a.kind == doh_kind::servfail) fuzz::require(!a.absent(), "SERVFAIL reads as no record");
  for (const doh_record& r : a.records) fuzz::require(r.type == qtype, "record of another type");
  fuzz::require(nlohmann::json::parse(to_json(a), nullptr, false).is_object(), "doh to_json");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mtasts;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  options o;
  o.lang = size % 2 == 0 ? language::en : language::fr;
  const int statuses[] = {200, 400, 0, 503};
  const int http = size == 0 ? 200 : statuses[data[0] % 4];
  for (const std::uint16_t t : {rrtype::txt, rrtype::mx, rrtype::a, rrtype::cname})
    check_answer(parse_doh_json(body, http == 200 ? 200 : http, t, o), t);
  check_answer(parse_doh_json(body, 200, rrtype::txt, o), rrtype::txt);

  facts f;
  f.domain = "example.com";
  f.sts_txt = make_lookup("a", body, 200, rrtype::txt, o);
  f.mx = make_lookup("a", body, 200, rrtype::mx, o);
  f.host_a = make_lookup("a", body, 200, rrtype::a, o);
  f.host_aaaa = make_lookup("a", body, http, rrtype::aaaa, o);
  f.tlsrpt = make_lookup("a", body, 200, rrtype::txt, o);
  f.dmarc = make_lookup("a", body, 200, rrtype::txt, o);
  f.policy.outcome = static_cast<fetch_outcome>(size % 8);
  f.policy.http_status = size % 5 == 0 ? 404 : 200;
  if (size % 3 != 0) f.policy.content_type = "text/plain";
  f.policy.body = std::string(body);
  f.policy.elapsed_ms = static_cast<std::uint32_t>(size * 1000U);
  if (size % 4 == 0) f.history = check_history{"1", policy_body_hash(body.substr(0, size / 2))};
  const assessment a = assess(f, o);
  bool any_error = false;
  for (const check& c : a.checks) {
    fuzz::require(!c.diag.code.empty() && !c.diag.message.empty(), "bad check");
    any_error = any_error || c.diag.sev == severity::error;
  }
  if (any_error) fuzz::require(a.overall != verdict::deployed_ok, "deployed_ok with an error");
  fuzz::require(nlohmann::json::parse(to_json(a), nullptr, false).is_object(), "assess to_json");

  // The same bytes as the page's facts JSON (kit.assess) and as a pasted bounce.
  const auto report = nlohmann::json::parse(assess_json(body, std::nullopt, o), nullptr, false);
  fuzz::require(report.is_object() && report.contains("verdict") && report.contains("lookups"),
                "assess_json");
  for (const diagnostic& d : explain_bounce(body, o))
    fuzz::require(d.code == "CHK-025" && !d.message.empty(), "explain_bounce");
  return 0;
}

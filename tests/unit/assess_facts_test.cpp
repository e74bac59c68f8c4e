// The facts as the JS module sends them (facts_from_json / assess_json).
#include "mtasts/assess.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace mtasts {
namespace {

using nlohmann::json;

std::string doh(const std::string& name, int type, const std::string& data, int status = 0) {
  json j = {{"Status", status}, {"AD", true},
            {"Question", json::array({{{"name", name + "."}, {"type", type}}})}};
  if (!data.empty())
    j["Answer"] = json::array({{{"name", name + "."}, {"type", type}, {"TTL", 300}, {"data", data}}});
  return j.dump();
}

json good_facts() {
  return {
      {"domain", "example.com"},
      {"lookups",
       {{"stsTxt", {{"resolver", "cloudflare"}, {"status", 200},
                    {"body", doh("_mta-sts.example.com", 16, "\"v=STSv1; id=20240115\"")}}},
        {"mx", {{"resolver", "google"}, {"status", 200},
                {"body", doh("example.com", 15, "10 mx1.example.com.")}}},
        {"hostA", {{"resolver", "cloudflare"}, {"status", 200},
                   {"body", doh("mta-sts.example.com", 1, "192.0.2.1")}}}}},
      {"policy",
       {{"outcome", "ok"}, {"status", 200}, {"contentType", "text/plain"}, {"cacheControl", nullptr},
        {"body", "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n"},
        {"elapsedMs", 80}}},
  };
}

TEST(AssessFacts, ReadsLookupsPolicyAndHistory) {
  json j = good_facts();
  j["history"] = {{"lastId", "20230101"}, {"lastBodyHash", "00000000000000ff"}};
  const facts f = facts_from_json(j.dump());
  EXPECT_EQ(f.domain, "example.com");
  EXPECT_TRUE(f.sts_txt.done);
  EXPECT_EQ(f.sts_txt.resolver, "cloudflare");
  EXPECT_EQ(f.sts_txt.answer.records.size(), 1U);
  EXPECT_EQ(f.mx.resolver, "google");
  EXPECT_EQ(f.mx.answer.records.at(0).preference, 10);
  EXPECT_FALSE(f.host_aaaa.done);
  EXPECT_EQ(f.policy.outcome, fetch_outcome::ok);
  EXPECT_EQ(f.policy.http_status, 200);
  EXPECT_EQ(f.policy.content_type, "text/plain");
  EXPECT_FALSE(f.policy.cache_control.has_value());
  EXPECT_EQ(f.policy.elapsed_ms, 80U);
  ASSERT_TRUE(f.history.has_value());
  EXPECT_EQ(f.history->last_id, "20230101");
  EXPECT_TRUE(f.mx_hosts.empty());
  EXPECT_EQ(f.history->last_body_hash, 0xffU);
}

TEST(AssessFacts, ReadsMxHostLookups) {
  json j = good_facts();
  j["mxHosts"] = {{"MX1.Example.com.", {{"a", {{"resolver", "cloudflare"}, {"status", 200},
                                                {"body", doh("mx1.example.com", 1, "192.0.2.9")}}},
                                         {"aaaa", "oops"}}},
                  {"ignored", 5}};
  const facts f = facts_from_json(j.dump());
  ASSERT_EQ(f.mx_hosts.size(), 1U);
  EXPECT_EQ(f.mx_hosts[0].host, "mx1.example.com");
  EXPECT_TRUE(f.mx_hosts[0].a.done);
  EXPECT_FALSE(f.mx_hosts[0].aaaa.done);
}

TEST(AssessFacts, MalformedAndMistypedMembersReadAsAbsent) {
  EXPECT_TRUE(facts_from_json("{not json").domain.empty());
  EXPECT_FALSE(facts_from_json("[1,2]").sts_txt.done);
  const facts f = facts_from_json(
      R"({"domain":7,"lookups":{"stsTxt":"x","mx":{"status":-4,"body":5}},)"
      R"("policy":{"outcome":"teleported","status":1e99,"elapsedMs":-1},)"
      R"("history":{"lastId":"1","lastBodyHash":"xyz"}})");
  EXPECT_TRUE(f.domain.empty());
  EXPECT_FALSE(f.sts_txt.done);
  ASSERT_TRUE(f.mx.done);  // present but empty: a failed request
  EXPECT_EQ(f.mx.answer.status, doh_status::transport_error);
  EXPECT_EQ(f.policy.outcome, fetch_outcome::not_attempted);
  EXPECT_EQ(f.policy.http_status, 0);
  EXPECT_EQ(f.policy.elapsed_ms, 0U);
  EXPECT_FALSE(f.history.has_value());
}

TEST(AssessFacts, JsonReportCarriesVerdictLookupsAndHash) {
  const json out = json::parse(assess_json(good_facts().dump(), std::nullopt));
  EXPECT_TRUE(out["verdict"].is_string());
  EXPECT_EQ(out["lookups"]["stsTxt"]["resolver"], "cloudflare");
  EXPECT_EQ(out["lookups"]["stsTxt"]["conclusive"], true);
  EXPECT_TRUE(out["lookups"]["hostAaaa"].is_null());
  EXPECT_EQ(out["mx"][0]["host"], "mx1.example.com");
  EXPECT_EQ(out["mx"][0]["pattern"], "mx1.example.com");
  ASSERT_TRUE(out["policyHash"].is_string());
  EXPECT_EQ(out["policyHash"].get<std::string>().size(), 16U);
}

TEST(AssessFacts, SeparateBodyReplacesTheJsonBody) {
  // Raw bytes (not UTF-8) beside the JSON: the policy validator sees them as is.
  const std::string bytes = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n\xff";
  const json out = json::parse(assess_json(good_facts().dump(), std::string_view(bytes)));
  bool invalid_utf8 = false;
  for (const auto& d : out["policy"]["diagnostics"])
    if (d["code"] == "STS-POL-030") invalid_utf8 = true;
  EXPECT_TRUE(invalid_utf8) << out["policy"].dump();
}

}  // namespace
}  // namespace mtasts

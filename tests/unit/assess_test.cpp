// The live checker's judge (issue 4 §3 scenario matrix, from recorded facts).
#include "mtasts/assess.hpp"
#include "mtasts/dmarc.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mtasts {
namespace {

std::string q(const std::string& name, int type) {
  return R"("Question":[{"name":")" + name + R"(.","type":)" + std::to_string(type) + "}]";
}
std::string rr(const std::string& name, int type, const std::string& data_json, int ttl = 300) {
  return R"({"name":")" + name + R"(.","type":)" + std::to_string(type) + R"(,"TTL":)" +
         std::to_string(ttl) + R"(,"data":)" + data_json + "}";
}
dns_lookup answer(const std::string& name, std::uint16_t type, const std::vector<std::string>& rrs,
                  int status = 0, bool ad = false) {
  std::string body = R"({"Status":)" + std::to_string(status) + R"(,"AD":)" +
                     (ad ? "true" : "false") + "," + q(name, type);
  if (!rrs.empty()) {
    body += R"(,"Answer":[)";
    for (std::size_t i = 0; i < rrs.size(); ++i) body += (i ? "," : "") + rrs[i];
    body += "]";
  }
  body += "}";
  return make_lookup("cloudflare", body, 200, type);
}
dns_lookup nx(const std::string& name, std::uint16_t type) { return answer(name, type, {}, 3); }

const char* const kPolicy = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.backup.example.com\nmax_age: 604800\n";

// A correct enforce deployment served with CORS.
facts good() {
  facts f;
  f.domain = "example.com";
  f.sts_txt = answer("_mta-sts.example.com", rrtype::txt,
                     {rr("_mta-sts.example.com", 16, R"("\"v=STSv1; id=20240115\"")")});
  f.mx = answer("example.com", rrtype::mx,
                {rr("example.com", 15, R"("10 mx1.example.com.")"),
                 rr("example.com", 15, R"("20 a.backup.example.com.")")});
  f.host_a = answer("mta-sts.example.com", rrtype::a, {rr("mta-sts.example.com", 1, R"("192.0.2.10")")});
  f.host_aaaa = answer("mta-sts.example.com", rrtype::aaaa, {});
  f.host_cname = answer("mta-sts.example.com", rrtype::cname, {});
  f.tlsrpt = answer("_smtp._tls.example.com", rrtype::txt,
                    {rr("_smtp._tls.example.com", 16, R"("\"v=TLSRPTv1; rua=mailto:tls@example.com\"")")});
  f.dmarc = answer("_dmarc.example.com", rrtype::txt,
                   {rr("_dmarc.example.com", 16, R"("\"v=DMARC1; p=reject; rua=mailto:d@example.com\"")")});
  f.policy.outcome = fetch_outcome::ok;
  f.policy.http_status = 200;
  f.policy.content_type = "text/plain; charset=utf-8";
  f.policy.body = kPolicy;
  f.policy.elapsed_ms = 120;
  return f;
}

const check* find(const assessment& a, const std::string& code) {
  for (const check& c : a.checks)
    if (c.diag.code == code) return &c;
  return nullptr;
}
std::size_t count(const assessment& a, const std::string& code) {
  std::size_t n = 0;
  for (const check& c : a.checks) n += c.diag.code == code ? 1U : 0U;
  return n;
}
std::string dump(const assessment& a) {
  std::string s;
  for (const check& c : a.checks) s += c.diag.code + " " + std::string(to_string(c.diag.sev)) + "; ";
  return s;
}
void expect_check(const assessment& a, const std::string& code, severity sev, check_area area) {
  const check* c = find(a, code);
  ASSERT_NE(c, nullptr) << code << " missing: " << dump(a);
  EXPECT_EQ(c->diag.sev, sev) << code;
  EXPECT_EQ(c->area, area) << code;
  EXPECT_FALSE(c->diag.message.empty()) << code;
}

TEST(Assess, CorrectEnforceDeployment) {
  const assessment a = assess(good());
  EXPECT_EQ(a.overall, verdict::deployed_ok) << dump(a);
  for (const check& c : a.checks) EXPECT_NE(c.diag.sev, severity::error) << dump(a);
  ASSERT_EQ(a.mx.size(), 2U);
  EXPECT_EQ(a.mx[0].host, "mx1.example.com");
  EXPECT_EQ(a.mx[0].pattern, "mx1.example.com");
  EXPECT_EQ(a.mx[1].pattern, "*.backup.example.com");
  ASSERT_TRUE(a.txt_ttl.has_value());
  EXPECT_EQ(*a.txt_ttl, 300U);
  EXPECT_EQ(a.txt_resolver, "cloudflare");
  ASSERT_TRUE(a.sts && a.policy_result && a.tlsrpt && a.dmarc);
  EXPECT_TRUE(a.sts->ok);
  EXPECT_TRUE(a.policy_result->ok);
  EXPECT_TRUE(a.tlsrpt->ok);
  expect_check(a, "STS-HTTP-014", severity::info, check_area::policy);
  expect_check(a, "BR-004", severity::info, check_area::browser);
  expect_check(a, "CHK-015", severity::info, check_area::txt);
  EXPECT_EQ(find(a, "CHK-012"), nullptr);
  const std::string j = to_json(a);
  EXPECT_NE(j.find("\"verdict\": \"deployed_ok\""), std::string::npos);
  EXPECT_NE(j.find("\"policyHash\": \""), std::string::npos);
}

TEST(Assess, NoCorsIsUnverifiedNotFailed) {
  facts f = good();
  f.policy = {};
  f.policy.outcome = fetch_outcome::cors_blocked_but_host_answers;
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::unverified) << dump(a);
  EXPECT_TRUE(a.policy_unverified);
  expect_check(a, "CHK-022", severity::info, check_area::browser);
  EXPECT_NE(find(a, "CHK-022")->diag.hint.find("curl"), std::string::npos);
  EXPECT_EQ(find(a, "CHK-002"), nullptr);
  EXPECT_EQ(count(a, "CHK-004"), 0U);
}

TEST(Assess, PastedBodyRunsPolicyRules) {
  facts f = good();
  f.policy = {};
  f.policy.outcome = fetch_outcome::pasted;
  f.policy.body = kPolicy;
  EXPECT_EQ(assess(f).overall, verdict::deployed_ok);
}

TEST(Assess, UnreachableHostIsUnverifiedInfo) {
  // rules.md CHK-022: info, "unverified, not failed" (BR-001: the cause cannot be seen).
  facts f = good();
  f.policy = {};
  f.policy.outcome = fetch_outcome::network_error;
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::unverified) << dump(a);
  expect_check(a, "CHK-022", severity::info, check_area::browser);
}

TEST(Assess, Redirect301) {
  facts f = good();
  f.policy = {};
  f.policy.outcome = fetch_outcome::opaque_redirect;
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "STS-HTTP-006", severity::error, check_area::policy);
  expect_check(a, "CHK-002", severity::error, check_area::policy);
}

TEST(Assess, NotFound404) {
  facts f = good();
  f.policy.http_status = 404;
  f.policy.content_type = "text/html";
  f.policy.body = "<h1>Not found</h1>";
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "STS-HTTP-007", severity::error, check_area::policy);
  EXPECT_NE(find(a, "STS-HTTP-007")->diag.message.find("404"), std::string::npos);
  expect_check(a, "CHK-002", severity::error, check_area::policy);
  EXPECT_FALSE(a.policy_result.has_value());
}

TEST(Assess, TextHtmlContentType) {
  facts f = good();
  f.policy.content_type = "Text/HTML; charset=UTF-8";
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "STS-HTTP-008", severity::error, check_area::policy);
  expect_check(a, "CHK-002", severity::error, check_area::policy);
  EXPECT_EQ(find(a, "STS-HTTP-009"), nullptr);
}

TEST(Assess, MissingContentTypeAndOddCharset) {
  facts f = good();
  f.policy.content_type.reset();
  expect_check(assess(f), "STS-HTTP-008", severity::error, check_area::policy);
  f.policy.content_type = "text/plain; charset=ISO-8859-1";
  const assessment a = assess(f);
  expect_check(a, "STS-HTTP-009", severity::warning, check_area::policy);
  EXPECT_EQ(find(a, "STS-HTTP-008"), nullptr);
}

TEST(Assess, CacheControlReported) {
  facts f = good();
  f.policy.cache_control = "max-age=86400";
  const assessment a = assess(f);
  expect_check(a, "STS-HTTP-012", severity::info, check_area::policy);
  EXPECT_EQ(a.overall, verdict::deployed_ok);
  // What STS-HTTP-012 itself advises is not reported.
  for (const char* cc : {"max-age=60", "no-cache", "public, max-age=0", "no-store"}) {
    f.policy.cache_control = cc;
    EXPECT_EQ(find(assess(f), "STS-HTTP-012"), nullptr) << cc;
  }
}

TEST(Assess, BodyOf70KB) {
  facts f = good();
  f.policy.outcome = fetch_outcome::too_large;
  f.policy.body = std::string(65537, 'x');
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "STS-HTTP-010", severity::error, check_area::policy);
  facts g = good();
  g.policy.body = std::string(70 * 1024, '#');
  expect_check(assess(g), "STS-HTTP-010", severity::error, check_area::policy);
}

TEST(Assess, Timeout) {
  facts f = good();
  f.policy = {};
  f.policy.outcome = fetch_outcome::timeout;
  f.policy.elapsed_ms = 60000;
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "STS-HTTP-011", severity::error, check_area::policy);
  EXPECT_NE(find(a, "STS-HTTP-011")->diag.message.find("60 s"), std::string::npos);
  f.policy.elapsed_ms = 15000;
  const assessment b = assess(f);
  EXPECT_EQ(b.overall, verdict::unverified);
  expect_check(b, "STS-HTTP-011", severity::warning, check_area::policy);
}

TEST(Assess, MxNotCoveredInEnforce) {
  facts f = good();
  f.mx = answer("example.com", rrtype::mx,
                {rr("example.com", 15, R"("10 mx1.example.com.")"),
                 rr("example.com", 15, R"("20 mx2.example.com.")")});
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "CHK-004", severity::error, check_area::mx);
  EXPECT_NE(find(a, "CHK-004")->diag.message.find("mx2.example.com"), std::string::npos);
  expect_check(a, "CHK-013", severity::warning, check_area::mx);
  expect_check(a, "CHK-006", severity::warning, check_area::mx);  // *.backup.example.com unused
  EXPECT_EQ(find(a, "CHK-005"), nullptr);
  EXPECT_TRUE(a.mx[1].pattern.empty());
}

TEST(Assess, MxNotCoveredInTestingIsWarning) {
  facts f = good();
  f.policy.body = "version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 86400\n";
  f.mx = answer("example.com", rrtype::mx, {rr("example.com", 15, R"("10 mx9.example.com.")")});
  const assessment a = assess(f);
  expect_check(a, "CHK-004", severity::warning, check_area::mx);
  expect_check(a, "CHK-010", severity::info, check_area::policy);
  EXPECT_EQ(find(a, "CHK-005"), nullptr);
}

TEST(Assess, StalePatternAfterMigration) {
  facts f = good();
  f.policy.body = "version: STSv1\nmode: enforce\nmx: *.oldprovider.net\nmax_age: 604800\n";
  f.mx = answer("example.com", rrtype::mx,
                {rr("example.com", 15, R"("0 contoso-com.mail.protection.outlook.com.")")});
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "CHK-006", severity::warning, check_area::mx);
  expect_check(a, "CHK-005", severity::error, check_area::mx);
  expect_check(a, "CHK-004", severity::error, check_area::mx);
  expect_check(a, "CHK-023", severity::warning, check_area::mx);
  EXPECT_NE(find(a, "CHK-023")->diag.hint.find("*.mail.protection.outlook.com"), std::string::npos);
}

TEST(Assess, MicrosoftDaneAndGoogleProviderHints) {
  facts f = good();
  f.policy.body = "version: STSv1\nmode: testing\nmx: *.mx.microsoft\nmx: *.aspmx.l.google.com\nmax_age: 86400\n";
  f.mx = answer("example.com", rrtype::mx,
                {rr("example.com", 15, R"("0 contoso-com.a-v1.mx.microsoft.")"),
                 rr("example.com", 15, R"("5 smtp.google.com.")")});
  const assessment a = assess(f);
  EXPECT_EQ(count(a, "CHK-023"), 2U) << dump(a);
  EXPECT_NE(to_json(a).find("*.a-v1.mx.microsoft"), std::string::npos);
}

TEST(Assess, TwoStsRecords) {
  facts f = good();
  f.sts_txt = answer("_mta-sts.example.com", rrtype::txt,
                     {rr("_mta-sts.example.com", 16, R"("\"v=STSv1; id=1\"")"),
                      rr("_mta-sts.example.com", 16, R"("\"v=STSv1; id=2\"")")});
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  ASSERT_TRUE(a.sts.has_value());
  EXPECT_FALSE(a.sts->ok);
  bool multiple = false;
  for (const diagnostic& d : a.sts->diagnostics) multiple = multiple || d.code == "STS-TXT-002";
  EXPECT_TRUE(multiple);
  EXPECT_EQ(find(a, "CHK-002"), nullptr);  // the TXT itself is the problem
}

TEST(Assess, TxtButNoPolicyHost) {
  facts f = good();
  f.host_a = nx("mta-sts.example.com", rrtype::a);
  f.host_aaaa = nx("mta-sts.example.com", rrtype::aaaa);
  f.policy = {};
  f.policy.outcome = fetch_outcome::network_error;
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "STS-HTTP-002", severity::error, check_area::policy_host);
  expect_check(a, "CHK-002", severity::error, check_area::policy);
  EXPECT_EQ(find(a, "CHK-022"), nullptr);
}

TEST(Assess, PolicyButNoTxt) {
  facts f = good();
  f.sts_txt = nx("_mta-sts.example.com", rrtype::txt);
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "CHK-003", severity::warning, check_area::txt);
  EXPECT_EQ(find(a, "CHK-001"), nullptr);
}

TEST(Assess, NothingDeployed) {
  facts f = good();
  f.sts_txt = nx("_mta-sts.example.com", rrtype::txt);
  f.host_a = nx("mta-sts.example.com", rrtype::a);
  f.host_aaaa = nx("mta-sts.example.com", rrtype::aaaa);
  f.policy = {};
  f.policy.outcome = fetch_outcome::network_error;
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::not_deployed) << dump(a);
  expect_check(a, "CHK-001", severity::info, check_area::txt);
  EXPECT_EQ(find(a, "STS-HTTP-002"), nullptr);
  EXPECT_EQ(find(a, "CHK-012"), nullptr);
}

TEST(Assess, WrongLocationHints) {
  facts f = good();
  f.sts_txt = nx("_mta-sts.example.com", rrtype::txt);
  f.policy = {};
  f.policy.outcome = fetch_outcome::network_error;
  f.host_a = nx("mta-sts.example.com", rrtype::a);
  f.host_aaaa = nx("mta-sts.example.com", rrtype::aaaa);
  f.sts_underscore = answer("_mta_sts.example.com", rrtype::txt,
                            {rr("_mta_sts.example.com", 16, R"("\"v=STSv1; id=1\"")")});
  f.tlsrpt = nx("_smtp._tls.example.com", rrtype::txt);
  f.tlsrpt_wrong = answer("_smtp-tlsrpt.example.com", rrtype::txt,
                          {rr("_smtp-tlsrpt.example.com", 16, R"("\"v=TLSRPTv1; rua=mailto:a@example.com\"")")});
  const assessment a = assess(f);
  expect_check(a, "STS-TXT-019", severity::error, check_area::txt);
  expect_check(a, "TLSRPT-002", severity::error, check_area::tlsrpt);
}

TEST(Assess, StrayCopyBesideTheRealRecord) {
  // A deployment that works, with a forgotten v=STSv1 copy at the apex: a
  // warning about the copy, never the "wrong place" error, and the verdict holds.
  facts f = good();
  f.apex_txt = answer("example.com", rrtype::txt,
                      {rr("example.com", 16, R"("\"v=spf1 -all\"")"),
                       rr("example.com", 16, R"("\"v=STSv1; id=20190101\"")")});
  const assessment a = assess(f);
  expect_check(a, "STS-TXT-019", severity::warning, check_area::txt);
  EXPECT_EQ(count(a, "STS-TXT-019"), 1U) << dump(a);
  EXPECT_NE(find(a, "STS-TXT-019")->diag.message.find("\"example.com\""), std::string::npos) << dump(a);
  EXPECT_EQ(a.overall, assess(good()).overall) << dump(a);
  // Without the copy, nothing is said.
  EXPECT_EQ(count(assess(good()), "STS-TXT-019"), 0U);
}

TEST(Assess, CnameDelegatedStsRecord) {
  facts f = good();
  f.sts_txt = answer("_mta-sts.example.com", rrtype::txt,
                     {rr("_mta-sts.example.com", 5, R"("_mta-sts.provider.net.")"),
                      rr("_mta-sts.provider.net", 16, R"("\"v=STSv1; id=7\"")", 7200)});
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::deployed_ok) << dump(a);
  expect_check(a, "DOH-004", severity::info, check_area::txt);
  expect_check(a, "CHK-017", severity::warning, check_area::txt);
  ASSERT_TRUE(a.sts.has_value());
  EXPECT_EQ(a.sts->value.id, "7");
}

TEST(Assess, NullMx) {
  facts f = good();
  f.mx = answer("example.com", rrtype::mx, {rr("example.com", 15, R"("0 .")")});
  const assessment a = assess(f);
  EXPECT_TRUE(a.null_mx);
  EXPECT_TRUE(a.mx.empty());
  expect_check(a, "CHK-007", severity::info, check_area::mx);
  EXPECT_EQ(find(a, "CHK-004"), nullptr);
}

TEST(Assess, NoMxMeansImplicitMx) {
  facts f = good();
  f.mx = answer("example.com", rrtype::mx, {});
  const assessment a = assess(f);
  ASSERT_EQ(a.mx.size(), 1U);
  EXPECT_TRUE(a.mx[0].implicit);
  EXPECT_EQ(a.mx[0].host, "example.com");
  expect_check(a, "CHK-008", severity::info, check_area::mx);
  expect_check(a, "CHK-004", severity::error, check_area::mx);
  f.policy.body = "version: STSv1\nmode: enforce\nmx: example.com\nmax_age: 604800\n";
  const assessment b = assess(f);
  EXPECT_EQ(b.overall, verdict::deployed_ok) << dump(b);
  EXPECT_EQ(b.mx[0].pattern, "example.com");
  // A name that does not exist has no implicit MX either.
  f.mx = nx("example.com", rrtype::mx);
  const assessment c = assess(f);
  EXPECT_TRUE(c.mx.empty());
  EXPECT_EQ(find(c, "CHK-008"), nullptr);
}

TEST(Assess, BackupMxNotCoveredMattersOnlyWhenThePolicyIsInForce) {
  facts f = good();
  f.mx = answer("example.com", rrtype::mx,
                {rr("example.com", 15, R"("10 mx1.example.com.")"),
                 rr("example.com", 15, R"("20 mx2.example.com.")")});
  f.policy.body = "version: STSv1\nmode: none\nmx: mx1.example.com\nmax_age: 86400\n";
  const assessment a = assess(f);
  expect_check(a, "CHK-004", severity::info, check_area::mx);
  EXPECT_EQ(find(a, "CHK-013"), nullptr) << dump(a);
}

TEST(Assess, TlsRptToTheCheckedDomainNeedsNoWordAboutOtherDomains) {
  const auto has19 = [](const assessment& a) {
    if (!a.tlsrpt) return false;
    for (const diagnostic& d : a.tlsrpt->diagnostics)
      if (d.code == "TLSRPT-019") return true;
    return false;
  };
  facts f = good();  // rua=mailto:…@example.com
  EXPECT_FALSE(has19(assess(f)));
  f.tlsrpt = answer("_smtp._tls.example.com", rrtype::txt,
                    {rr("_smtp._tls.example.com", 16, R"("\"v=TLSRPTv1; rua=mailto:tls@vendor.example\"")")});
  EXPECT_TRUE(has19(assess(f)));
}

TEST(Assess, NoDmarcRecordIsSaid) {
  facts f = good();
  f.dmarc = nx("_dmarc.example.com", rrtype::txt);
  const assessment a = assess(f);
  ASSERT_TRUE(a.dmarc.has_value());
  bool said = false;
  for (const diagnostic& d : a.dmarc->diagnostics) said = said || d.code == "DMARC-001";
  EXPECT_TRUE(said);
  EXPECT_EQ(a.overall, verdict::deployed_ok) << dump(a);
}

TEST(Assess, TlsRptAndDmarcErrorsDoNotDecideTheMtaStsVerdict) {
  // The verdict is about MTA-STS; TLS-RPT and DMARC findings are listed beside it,
  // whether the core's validators or the cross-checks found them.
  facts f = good();
  f.tlsrpt = answer("_smtp._tls.example.com", rrtype::txt,
                    {rr("_smtp._tls.example.com", 16, R"("\"v=TLSRPTv1; rua=mailto:a@example.com\"")"),
                     rr("_smtp._tls.example.com", 16, R"("\"v=TLSRPTv1; rua=mailto:b@example.com\"")")});
  f.dmarc = answer("_dmarc.example.com", rrtype::txt,
                   {rr("_dmarc.example.com", 16, R"("\"v=DMARC1, p=reject\"")")});
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::deployed_ok) << dump(a);
}

TEST(Assess, ServfailNeverReadsAsNoRecord) {
  facts f = good();
  f.sts_txt = answer("_mta-sts.example.com", rrtype::txt, {}, 2);
  f.policy = {};
  f.policy.outcome = fetch_outcome::cors_blocked_but_host_answers;
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::unverified) << dump(a);
  expect_check(a, "DOH-003", severity::warning, check_area::txt);
  EXPECT_EQ(find(a, "CHK-001"), nullptr);
  EXPECT_EQ(find(a, "CHK-003"), nullptr);
}

TEST(Assess, MalformedResolverJson) {
  facts f = good();
  f.sts_txt = make_lookup("google", R"({"Status":0,"Answer":[{"data":""x""}]})", 200, rrtype::txt);
  f.tlsrpt = make_lookup("google", "", 0, rrtype::txt);
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::unverified) << dump(a);
  expect_check(a, "DOH-002", severity::warning, check_area::txt);
  expect_check(a, "DOH-001", severity::warning, check_area::tlsrpt);
  EXPECT_EQ(find(a, "CHK-003"), nullptr);
  EXPECT_EQ(find(a, "CHK-012"), nullptr);
}

TEST(Assess, NoTlsRpt) {
  facts f = good();
  f.tlsrpt = nx("_smtp._tls.example.com", rrtype::txt);
  const assessment a = assess(f);
  expect_check(a, "CHK-012", severity::warning, check_area::tlsrpt);
}

TEST(Assess, ModeNoneAndAdFlag) {
  facts f = good();
  f.policy.body = "version: STSv1\nmode: none\nmax_age: 86400\n";
  f.sts_txt = answer("_mta-sts.example.com", rrtype::txt,
                     {rr("_mta-sts.example.com", 16, R"("\"v=STSv1; id=9\"")")}, 0, true);
  const assessment a = assess(f);
  expect_check(a, "CHK-011", severity::info, check_area::policy);
  EXPECT_TRUE(a.txt_ad);
  EXPECT_NE(find(a, "CHK-015")->diag.message.find("DNSSEC"), std::string::npos);
}

TEST(Assess, Subdomain) {
  facts f = good();
  f.domain = "Mail.Example.com.";
  expect_check(assess(f), "CHK-016", severity::info, check_area::txt);
  f.domain = "example.co.uk";
  EXPECT_EQ(find(assess(f), "CHK-016"), nullptr);
}

TEST(Assess, MxIpLiteral) {
  facts f = good();
  f.mx = answer("example.com", rrtype::mx, {rr("example.com", 15, R"("10 192.0.2.1.")")});
  expect_check(assess(f), "CHK-009", severity::warning, check_area::mx);
}

TEST(Assess, HistoryBodyChangedIdDidNot) {
  facts f = good();
  f.history = check_history{"20240115", policy_body_hash("version: STSv1\nmode: testing\n")};
  const assessment a = assess(f);
  EXPECT_EQ(a.overall, verdict::problems);
  expect_check(a, "CHK-018", severity::error, check_area::policy);
}

TEST(Assess, HistoryIdChangedBodySame) {
  facts f = good();
  f.history = check_history{"20240101", policy_body_hash(kPolicy)};
  expect_check(assess(f), "CHK-019", severity::info, check_area::policy);
  f.policy.cache_control = "public, max-age=86400";
  expect_check(assess(f), "CHK-020", severity::warning, check_area::policy);
  // A one-minute cache (what STS-HTTP-012 advises) explains nothing: CHK-019.
  f.policy.cache_control = "max-age=60";
  expect_check(assess(f), "CHK-019", severity::info, check_area::policy);
  EXPECT_EQ(find(assess(f), "CHK-020"), nullptr);
  f.history = check_history{"20240115", policy_body_hash(kPolicy)};
  const assessment same = assess(f);
  EXPECT_EQ(find(same, "CHK-018"), nullptr);
  EXPECT_EQ(find(same, "CHK-019"), nullptr);
}

TEST(Assess, HashIsFnv1a) {
  EXPECT_EQ(policy_body_hash(""), 14695981039346656037ULL);
  EXPECT_EQ(policy_body_hash("a"), 0xaf63dc4c8601ec8cULL);
}

TEST(Assess, FrenchMessages) {
  options fr;
  fr.lang = language::fr;
  facts f = good();
  f.policy = {};
  f.policy.outcome = fetch_outcome::opaque_redirect;
  const assessment a = assess(f, fr);
  ASSERT_NE(find(a, "STS-HTTP-006"), nullptr);
  EXPECT_NE(find(a, "STS-HTTP-006")->diag.message.find("redirection"), std::string::npos);
}

TEST(Assess, SenderTimelineExplainsMaxAge) {
  const assessment a = assess(good());
  expect_check(a, "CHK-024", severity::info, check_area::policy);
  EXPECT_NE(find(a, "CHK-024")->diag.message.find("604800 s (7 days)"), std::string::npos);
  options fr;
  fr.lang = language::fr;
  EXPECT_NE(find(assess(good(), fr), "CHK-024")->diag.message.find("(7 jours)"), std::string::npos);
}

TEST(Assess, BroadWildcardOverOwnZone) {
  facts f = good();
  f.policy.body = "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n";
  f.mx = answer("example.com", rrtype::mx, {rr("example.com", 15, R"("10 mx1.example.com.")")});
  const assessment a = assess(f);
  expect_check(a, "CHK-014", severity::info, check_area::mx);
  EXPECT_NE(find(a, "CHK-014")->diag.hint.find("mx: mx1.example.com"), std::string::npos);
  EXPECT_EQ(find(assess(good()), "CHK-014"), nullptr);
}

TEST(Assess, ResolversThatDisagreeAreReported) {
  facts f = good();
  f.sts_txt_other = answer("_mta-sts.example.com", rrtype::txt,
                           {rr("_mta-sts.example.com", 16, R"("\"v=STSv1; id=20230101\"")")});
  f.sts_txt_other.resolver = "google";
  const assessment a = assess(f);
  expect_check(a, "CHK-021", severity::warning, check_area::txt);
  const std::string& m = find(a, "CHK-021")->diag.message;
  EXPECT_NE(m.find("Cloudflare"), std::string::npos) << m;
  EXPECT_NE(m.find("id=20230101"), std::string::npos) << m;
  // Same data, or a failed second resolver: nothing to say.
  facts same = good();
  same.mx_other = same.mx;
  same.mx_other.resolver = "google";
  EXPECT_EQ(find(assess(same), "CHK-021"), nullptr);
  facts failed = good();
  failed.mx_other = make_lookup("google", "", 0, rrtype::mx);
  EXPECT_EQ(find(assess(failed), "CHK-021"), nullptr);
}

TEST(ExplainBounce, RecognisesExchangeOnlineForms) {
  auto one = [](std::string_view text) {
    const auto ds = explain_bounce(text);
    EXPECT_EQ(ds.size(), 1U);
    return ds.empty() ? diagnostic{} : ds.front();
  };
  const diagnostic mx = one("Remote Server returned '550 5.4.8 MX hosts of 'contoso.com' failed MTA-STS validation.'");
  EXPECT_EQ(mx.code, "CHK-025");
  EXPECT_NE(mx.message.find("5.4.8"), std::string::npos);
  EXPECT_NE(mx.message.find("contoso.com"), std::string::npos) << mx.message;
  const diagnostic cert = one("451 4.7.5 Remote certificate failed MTA-STS validation. Reason: ...");
  EXPECT_NE(cert.message.find("certificate"), std::string::npos);
  EXPECT_NE(cert.message.find("4.7.5"), std::string::npos);
  const diagnostic none = one("550 5.1.1 User unknown");
  EXPECT_NE(none.message.find("No MTA-STS failure"), std::string::npos);
  EXPECT_EQ(none.sev, severity::info);
}

TEST(Assess, MxHostThatIsAnAliasOrHasNoAddress) {
  facts f = good();
  facts::mx_host_lookups alias;
  alias.host = "mx1.example.com";
  alias.a = answer("mx1.example.com", rrtype::a,
                   {rr("mx1.example.com", 5, R"("real.mail.example.net.")"),
                    rr("real.mail.example.net", 1, R"("192.0.2.7")")});
  alias.aaaa = answer("mx1.example.com", rrtype::aaaa, {rr("mx1.example.com", 5, R"("real.mail.example.net.")")});
  facts::mx_host_lookups gone;
  gone.host = "a.backup.example.com";
  gone.a = nx("a.backup.example.com", rrtype::a);
  gone.aaaa = nx("a.backup.example.com", rrtype::aaaa);
  f.mx_hosts = {alias, gone};
  const assessment a = assess(f);
  EXPECT_EQ(count(a, "CHK-009"), 2U) << dump(a);
  bool saw_alias = false, saw_gone = false;
  for (const check& c : a.checks) {
    if (c.diag.code != "CHK-009") continue;
    saw_alias = saw_alias || c.diag.message.find("real.mail.example.net") != std::string::npos;
    saw_gone = saw_gone || c.diag.message.find("a.backup.example.com") != std::string::npos;
  }
  EXPECT_TRUE(saw_alias && saw_gone) << dump(a);
  // A failed lookup of the host says nothing.
  facts g = good();
  facts::mx_host_lookups failed;
  failed.host = "mx1.example.com";
  failed.a = make_lookup("cloudflare", "", 0, rrtype::a);
  failed.aaaa = make_lookup("cloudflare", "", 0, rrtype::aaaa);
  g.mx_hosts = {failed};
  EXPECT_EQ(count(assess(g), "CHK-009"), 0U);
}

TEST(Assess, DaneTlsaOnMxHosts) {
  // mx1 publishes TLSA validated by DNSSEC, the backup publishes TLSA without
  // DNSSEC (DANE not in effect): one CHK-015 of each kind, in the MX area,
  // and the verdict is unchanged.
  facts f = good();
  facts::mx_host_lookups signed_host;
  signed_host.host = "mx1.example.com";
  signed_host.a = answer("mx1.example.com", rrtype::a, {rr("mx1.example.com", 1, R"("192.0.2.7")")});
  signed_host.tlsa = answer("_25._tcp.mx1.example.com", rrtype::tlsa,
                            {rr("_25._tcp.mx1.example.com", 52, R"("3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")"),
                             rr("_25._tcp.mx1.example.com", 52, R"("\\# 35 030101aabbccddeeff00112233445566778899aabbccddeeff0011223344556677")")},
                            0, true);
  facts::mx_host_lookups unsigned_host;
  unsigned_host.host = "a.backup.example.com";
  unsigned_host.a = answer("a.backup.example.com", rrtype::a, {rr("a.backup.example.com", 1, R"("192.0.2.8")")});
  unsigned_host.tlsa = answer("_25._tcp.a.backup.example.com", rrtype::tlsa,
                              {rr("_25._tcp.a.backup.example.com", 52, R"("3 1 1 00")")});
  f.mx_hosts = {signed_host, unsigned_host};
  const assessment a = assess(f);
  std::size_t dane = 0, not_in_effect = 0;
  for (const check& c : a.checks) {
    if (c.diag.code != "CHK-015" || c.area != check_area::mx) continue;
    EXPECT_EQ(c.diag.sev, severity::info) << dump(a);
    if (c.diag.message.find("host mx1.example.com ") != std::string::npos) {
      ++dane;
      EXPECT_NE(c.diag.message.find("2 TLSA"), std::string::npos) << c.diag.message;
      EXPECT_NE(c.diag.message.find("_25._tcp.mx1.example.com"), std::string::npos) << c.diag.message;
    }
    if (c.diag.message.find("host a.backup.example.com ") != std::string::npos &&
        c.diag.message.find("not in effect") != std::string::npos)
      ++not_in_effect;
  }
  EXPECT_EQ(dane, 1U) << dump(a);
  EXPECT_EQ(not_in_effect, 1U) << dump(a);
  EXPECT_EQ(a.overall, assess(good()).overall) << dump(a);
  // No TLSA (NXDOMAIN) or a failed TLSA lookup: nothing about DANE.
  facts g = good();
  facts::mx_host_lookups plain;
  plain.host = "mx1.example.com";
  plain.tlsa = nx("_25._tcp.mx1.example.com", rrtype::tlsa);
  facts::mx_host_lookups failed;
  failed.host = "a.backup.example.com";
  failed.tlsa = make_lookup("cloudflare", "", 0, rrtype::tlsa);
  g.mx_hosts = {plain, failed};
  for (const check& c : assess(g).checks)
    EXPECT_FALSE(c.diag.code == "CHK-015" && c.diag.message.find("TLSA") != std::string::npos) << c.diag.message;
}

// The page sends the TLSA lookups with the A and AAAA ones (facts JSON).
TEST(Assess, DaneTlsaFromFactsJson) {
  const std::string facts_json =
      R"({"domain":"example.org","mxHosts":{"mx.example.org":{"tlsa":{"resolver":"google","status":200,)"
      R"("body":"{\"Status\":0,\"AD\":true,\"Question\":[{\"name\":\"_25._tcp.mx.example.org.\",\"type\":52}],)"
      R"(\"Answer\":[{\"name\":\"_25._tcp.mx.example.org.\",\"type\":52,\"TTL\":300,\"data\":\"3 1 1 ab\"}]}"}}}})";
  const facts f = facts_from_json(facts_json);
  ASSERT_EQ(f.mx_hosts.size(), 1U);
  EXPECT_TRUE(f.mx_hosts[0].tlsa.done);
  EXPECT_EQ(f.mx_hosts[0].tlsa.answer.kind, doh_kind::data);
  EXPECT_TRUE(f.mx_hosts[0].tlsa.answer.ad);
  EXPECT_EQ(f.mx_hosts[0].tlsa.resolver, "google");
}

TEST(Assess, DmarcExternalReportDestinations) {
  // rua to a vendor that authorised the reports, ruf to one that did not, and
  // an address in a sibling domain of the same organisation (no check).
  facts f = good();
  f.dmarc = answer("_dmarc.example.com", rrtype::txt,
                   {rr("_dmarc.example.com", 16,
                       R"("\"v=DMARC1; p=reject; rua=mailto:d@reports.vendor.example,mailto:x@mail.example.com; ruf=mailto:f@other.example\"")")});
  f.dmarc_auth = {
      {"reports.vendor.example",
       answer("example.com._report._dmarc.reports.vendor.example", rrtype::txt,
              {rr("example.com._report._dmarc.reports.vendor.example", 16, R"("\"v=DMARC1\"")")})},
      {"other.example", nx("example.com._report._dmarc.other.example", rrtype::txt)},
  };
  const assessment a = assess(f);
  EXPECT_EQ(count(a, "DMARC-021"), 1U) << dump(a);
  expect_check(a, "DMARC-021", severity::warning, check_area::dmarc);
  const std::string& m = find(a, "DMARC-021")->diag.message;
  EXPECT_NE(m.find("other.example"), std::string::npos) << m;
  EXPECT_NE(m.find("example.com._report._dmarc.other.example"), std::string::npos) << m;
  EXPECT_EQ(m.find("vendor"), std::string::npos) << m;
  // Not asked, or no usable answer: nothing is claimed either way.
  facts g = f;
  g.dmarc_auth = {{"other.example", make_lookup("cloudflare", "", 0, rrtype::txt)}};
  EXPECT_EQ(count(assess(g), "DMARC-021"), 0U);
  g.dmarc_auth.clear();
  EXPECT_EQ(count(assess(g), "DMARC-021"), 0U);
}

TEST(Assess, DmarcExternalDestinationsList) {
  const auto rec = validate_dmarc_record(
      "v=DMARC1; p=none; rua=mailto:a@Vendor.Example.,mailto:b@vendor.example,https://r.example.com/x,mailto:c@[192.0.2.1]; "
      "ruf=mailto:d@sub.example.co.uk");
  const auto dests = dmarc_external_destinations("Mail.Example.com.", rec.value);
  ASSERT_EQ(dests.size(), 2U);
  EXPECT_EQ(dests[0].host, "vendor.example");
  EXPECT_EQ(dests[0].name, "mail.example.com._report._dmarc.vendor.example");
  EXPECT_EQ(dests[1].host, "sub.example.co.uk");
  EXPECT_TRUE(dmarc_external_destinations("", rec.value).empty());
}

TEST(Assess, CnameDelegatedStsRecordIsReported) {
  facts f = good();
  f.sts_txt = answer("_mta-sts.example.com", rrtype::txt,
                     {rr("_mta-sts.example.com", 5, R"("_mta-sts.provider.example.")"),
                      rr("_mta-sts.provider.example", 16, R"("\"v=STSv1; id=20240115\"")")});
  const assessment a = assess(f);
  expect_check(a, "STS-TXT-018", severity::info, check_area::txt);
  EXPECT_NE(find(a, "STS-TXT-018")->diag.message.find("_mta-sts.provider.example"), std::string::npos);
  EXPECT_EQ(a.overall, verdict::deployed_ok) << dump(a);
  EXPECT_EQ(find(assess(good()), "STS-TXT-018"), nullptr);
}

}  // namespace
}  // namespace mtasts

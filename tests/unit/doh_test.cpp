// DNS-over-HTTPS JSON parsing (rules.md §11 DOH-001…013, §13.5 vectors).
#include "mtasts/doh.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mtasts {
namespace {

bool has(const doh_answer& a, const std::string& code) {
  for (const diagnostic& d : a.diagnostics)
    if (d.code == code) return true;
  return false;
}

std::string txt_body(const std::string& data_json) {
  return R"({"Status":0,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,)"
         R"("Question":[{"name":"_mta-sts.example.com.","type":16}],)"
         R"("Answer":[{"name":"_mta-sts.example.com.","type":16,"TTL":300,"data":)" +
         data_json + "}]}";
}

std::string decode(const std::string& data_json, std::size_t* strings = nullptr) {
  const doh_answer a = parse_doh_json(txt_body(data_json), 200, rrtype::txt);
  EXPECT_EQ(a.kind, doh_kind::data);
  if (a.records.size() != 1) return "<no record>";
  if (strings != nullptr) *strings = a.records[0].strings;
  return a.records[0].text;
}

// §13.5, every vector.
TEST(DohTxt, DecodesCloudflareQuotedSingleString) {
  std::size_t n = 0;
  EXPECT_EQ(decode(R"("\"v=STSv1; id=20240115\"")", &n), "v=STSv1; id=20240115");
  EXPECT_EQ(n, 1U);
}
TEST(DohTxt, JoinsTwoStringsSeparatedBySpace) {
  std::size_t n = 0;
  EXPECT_EQ(decode(R"("\"v=DKIM1; k=rsa; p=MIIB\" \"IjANBgkq\"")", &n),
            "v=DKIM1; k=rsa; p=MIIBIjANBgkq");
  EXPECT_EQ(n, 2U);
}
TEST(DohTxt, JoinsTwoStringsWithoutSpace) {
  EXPECT_EQ(decode(R"("\"v=DKIM1; k=rsa; p=MIIB\"\"IjANBgkq\"")"),
            "v=DKIM1; k=rsa; p=MIIBIjANBgkq");
}
TEST(DohTxt, UnescapesQuoteBackslashAndDecimal) {
  // data: "a\"b" "c\\d" "\059"
  EXPECT_EQ(decode(R"("\"a\\\"b\" \"c\\\\d\" \"\\059\"")"), "a\"bc\\d;");
}
TEST(DohTxt, TakesGoogleUnquotedVerbatim) {
  EXPECT_EQ(decode(R"("v=STSv1; id=20240115")"), "v=STSv1; id=20240115");
}
TEST(DohTxt, KeepsInnerQuotesOfUnquotedData) {
  EXPECT_EQ(decode(R"("v=spf1 include:a \"b\" -all")"), "v=spf1 include:a \"b\" -all");
}
TEST(DohTxt, EmptyQuotedStringIsAnEmptyRecord) {
  EXPECT_EQ(decode(R"("\"\"")"), "");
}

TEST(DohParse, CloudflareShapeWithAdAndTtl) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"TC":false,"RD":true,"RA":true,"AD":true,"CD":false,"Question":[{"name":"example.com.","type":28}],"Answer":[{"name":"example.com.","type":28,"TTL":1726,"data":"2606:2800:220:1:248:1893:25c8:1946"}]})",
      200, rrtype::aaaa);
  EXPECT_EQ(a.status, doh_status::dns);
  EXPECT_EQ(a.kind, doh_kind::data);
  EXPECT_TRUE(a.ad);
  EXPECT_EQ(a.question, "example.com");
  ASSERT_EQ(a.records.size(), 1U);
  EXPECT_EQ(a.records[0].ttl, 1726U);
  EXPECT_EQ(a.records[0].text, "2606:2800:220:1:248:1893:25c8:1946");
  EXPECT_TRUE(a.diagnostics.empty());
}

TEST(DohParse, GoogleShapeWithCommentAndUnknownKeys) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,"Question":[{"name":"example.com.","type":15}],"Answer":[{"name":"example.com.","type":15,"TTL":300,"data":"10 SMTP.Google.com."},{"name":"example.com.","type":15,"TTL":300,"data":"20 alt1.aspmx.l.google.com."}],"Comment":"Response from 216.239.32.10.","edns_client_subnet":"1.2.3.0/24","Additional":[]})",
      200, rrtype::mx);
  EXPECT_EQ(a.kind, doh_kind::data);
  EXPECT_EQ(a.comment, "Response from 216.239.32.10.");
  EXPECT_TRUE(has(a, "DOH-011"));
  ASSERT_EQ(a.records.size(), 2U);  // DOH-006: never merged
  EXPECT_EQ(a.records[0].preference, 10);
  EXPECT_EQ(a.records[0].text, "smtp.google.com");  // DOH-007
  EXPECT_FALSE(a.records[0].null_mx);
}

TEST(DohParse, NullMx) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"Question":[{"name":"example.com.","type":15}],"Answer":[{"name":"example.com.","type":15,"TTL":300,"data":"0 ."}]})",
      200, rrtype::mx);
  ASSERT_EQ(a.records.size(), 1U);
  EXPECT_TRUE(a.records[0].null_mx);
  EXPECT_EQ(a.records[0].text, "");
}

TEST(DohParse, BadMxDataIsIgnoredWithWarning) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"Question":[{"name":"example.com.","type":15}],"Answer":[{"name":"example.com.","type":15,"TTL":300,"data":"mx.example.com."}]})",
      200, rrtype::mx);
  EXPECT_TRUE(a.records.empty());
  EXPECT_TRUE(has(a, "DOH-007"));
}

TEST(DohParse, FollowsCnameChain) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"Question":[{"name":"_mta-sts.example.com.","type":16}],"Answer":[{"name":"_mta-sts.example.com.","type":5,"TTL":300,"data":"_mta-sts.Provider.net."},{"name":"_mta-sts.provider.net.","type":5,"TTL":300,"data":"sts.provider.net."},{"name":"sts.provider.net.","type":16,"TTL":60,"data":"\"v=STSv1; id=1\""},{"name":"other.net.","type":16,"TTL":60,"data":"\"v=STSv1; id=2\""}]})",
      200, rrtype::txt);
  ASSERT_EQ(a.cname_chain.size(), 2U);
  EXPECT_EQ(a.cname_chain[0], "_mta-sts.provider.net");
  EXPECT_EQ(a.cname_chain[1], "sts.provider.net");
  ASSERT_EQ(a.records.size(), 1U);  // the record of other.net is not at the chain end
  EXPECT_EQ(a.records[0].text, "v=STSv1; id=1");
  EXPECT_TRUE(has(a, "DOH-004"));
}

TEST(DohParse, CnameLoopStops) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"Question":[{"name":"a.example.","type":16}],"Answer":[{"name":"a.example.","type":5,"TTL":1,"data":"b.example."},{"name":"b.example.","type":5,"TTL":1,"data":"a.example."}]})",
      200, rrtype::txt);
  EXPECT_EQ(a.kind, doh_kind::nodata);
  EXPECT_EQ(a.cname_chain.size(), 1U);
}

TEST(DohParse, NxdomainNodataServfailAreDistinct) {
  const doh_answer nx = parse_doh_json(
      R"({"Status":3,"Question":[{"name":"_mta-sts.example.com.","type":16}],"Authority":[{"name":"example.com.","type":6,"TTL":900,"data":"ns. host. 1 2 3 4 5"}]})",
      200, rrtype::txt);
  EXPECT_EQ(nx.kind, doh_kind::nxdomain);
  EXPECT_TRUE(nx.absent());
  EXPECT_TRUE(nx.diagnostics.empty());

  const doh_answer nodata = parse_doh_json(
      R"({"Status":0,"Question":[{"name":"example.com.","type":16}],"Answer":[{"name":"example.com.","type":1,"TTL":1,"data":"192.0.2.1"}]})",
      200, rrtype::txt);
  EXPECT_EQ(nodata.kind, doh_kind::nodata);
  EXPECT_TRUE(nodata.absent());

  const doh_answer sf = parse_doh_json(
      R"({"Status":2,"Question":[{"name":"_mta-sts.example.com.","type":16}],"Comment":"DNSSEC validation failure"})",
      200, rrtype::txt);
  EXPECT_EQ(sf.kind, doh_kind::servfail);
  EXPECT_FALSE(sf.absent());  // never "no record"
  EXPECT_FALSE(sf.conclusive());
  ASSERT_TRUE(has(sf, "DOH-003"));
  EXPECT_NE(sf.diagnostics[0].message.find("DNSSEC validation failure"), std::string::npos);

  const doh_answer refused = parse_doh_json(R"({"Status":5,"Question":[]})", 200, rrtype::txt);
  EXPECT_EQ(refused.kind, doh_kind::refused);
  EXPECT_TRUE(has(refused, "DOH-003"));
}

TEST(DohParse, MalformedJsonIsNotNoRecord) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"Answer":[{"name":"x.","type":16,"data":""v=spf1 -all""}]})", 200,
      rrtype::txt);
  EXPECT_EQ(a.status, doh_status::malformed);
  EXPECT_FALSE(a.absent());
  EXPECT_TRUE(has(a, "DOH-002"));
  EXPECT_EQ(parse_doh_json("[1,2]", 200, rrtype::txt).status, doh_status::malformed);
  EXPECT_EQ(parse_doh_json(R"({"Status":"0"})", 200, rrtype::txt).status, doh_status::malformed);
  EXPECT_EQ(parse_doh_json("", 200, rrtype::txt).status, doh_status::malformed);
}

TEST(DohParse, HttpStatuses) {
  const doh_answer bad = parse_doh_json("{}", 400, rrtype::txt);
  EXPECT_EQ(bad.status, doh_status::bad_request);
  EXPECT_TRUE(has(bad, "DOH-001"));
  EXPECT_EQ(bad.diagnostics[0].sev, severity::error);
  const doh_answer down = parse_doh_json("", 0, rrtype::txt);
  EXPECT_EQ(down.status, doh_status::transport_error);
  EXPECT_TRUE(has(down, "DOH-001"));
  EXPECT_EQ(parse_doh_json("oops", 503, rrtype::txt).status, doh_status::transport_error);
}

TEST(DohParse, MissingQuestionAndDefaults) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"Answer":[{"name":"Example.COM.","type":16,"data":"\"hi\""}]})", 200,
      rrtype::txt);
  EXPECT_TRUE(has(a, "DOH-013"));
  EXPECT_FALSE(a.ad);
  EXPECT_FALSE(a.tc);
  ASSERT_EQ(a.records.size(), 1U);
  EXPECT_EQ(a.records[0].name, "example.com");
  EXPECT_EQ(a.records[0].ttl, 0U);
  const doh_answer b = parse_doh_json(R"({"Status":0,"Question":[{"name":"a.","type":16}]})",
                                      200, rrtype::txt);
  EXPECT_EQ(b.kind, doh_kind::nodata);
  EXPECT_TRUE(b.diagnostics.empty());
}

TEST(DohParse, HexEncodedUnknownTypeTolerated) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"Question":[{"name":"example.com.","type":257}],"Answer":[{"name":"example.com.","type":257,"TTL":300,"data":"\\# 19 00 05 69 73 73 75 65"}]})",
      200, 257);
  ASSERT_EQ(a.records.size(), 1U);
  EXPECT_TRUE(a.records[0].hex);
  EXPECT_TRUE(has(a, "DOH-012"));
}

TEST(DohParse, BadAnswerEntriesIgnored) {
  const doh_answer a = parse_doh_json(
      R"({"Status":0,"Question":[{"name":"e.","type":16}],"Answer":[42,{"name":"e.","type":"16","data":"x"},{"name":"e.","type":16,"TTL":5,"data":"ok"}]})",
      200, rrtype::txt);
  EXPECT_TRUE(has(a, "DOH-013"));
  ASSERT_EQ(a.records.size(), 1U);
  EXPECT_EQ(a.records[0].text, "ok");
}

TEST(DohParse, AnAnswerNobodyCanReadIsNotNoRecord) {
  // Answer not a list, or a list of entries that are all unreadable: DOH-002,
  // inconclusive (the other resolver is asked), never a conclusive NODATA.
  for (const char* body :
       {R"({"Status":0,"Answer":{"name":"a.","type":16,"TTL":1,"data":"\"v=STSv1; id=1\""}})",
        R"({"Status":0,"Answer":"x"})", R"({"Status":0,"Answer":5})",
        R"({"Status":0,"Answer":[{"name":"a.","type":16,"data":5}]})", R"({"Status":0,"Answer":[5]})"}) {
    const doh_answer a = parse_doh_json(body, 200, rrtype::txt);
    EXPECT_EQ(a.status, doh_status::malformed) << body;
    EXPECT_FALSE(a.conclusive()) << body;
    EXPECT_TRUE(has(a, "DOH-002")) << body;
  }
  const doh_answer mx = parse_doh_json(
      R"({"Status":0,"Question":[{"name":"e.","type":15}],"Answer":[{"name":"e.","type":15,"data":"nonsense"}]})",
      200, rrtype::mx);
  EXPECT_FALSE(mx.conclusive());
  // Still conclusive: no Answer at all, or an empty one.
  EXPECT_TRUE(parse_doh_json(R"({"Status":0,"Question":[{"name":"e.","type":16}]})", 200, rrtype::txt).conclusive());
  EXPECT_TRUE(parse_doh_json(R"({"Status":0,"Question":[{"name":"e.","type":16}],"Answer":[]})", 200, rrtype::txt).conclusive());
}

TEST(DohParse, FrenchMessagesAndTxtRrset) {
  options fr;
  fr.lang = language::fr;
  const doh_answer a = parse_doh_json(R"({"Status":2})", 200, rrtype::txt, fr);
  bool found = false;
  for (const diagnostic& d : a.diagnostics)
    if (d.code == "DOH-003") found = d.message.find("Le résolveur") != std::string::npos;
  EXPECT_TRUE(found);
  const doh_answer t = parse_doh_json(txt_body(R"("\"v=STSv1; \" \"id=1\"")"), 200, rrtype::txt);
  const txt_rrset rr = txt_rrset_of(t);
  ASSERT_EQ(rr.size(), 1U);
  EXPECT_EQ(rr[0][0], "v=STSv1; id=1");
  EXPECT_NE(to_json(t).find("\"kind\": \"data\""), std::string::npos);
}

}  // namespace
}  // namespace mtasts

// DMARC record validator: every rule of rules.md §9 that the core judges,
// under RFC 7489 and RFC 9989, pinned by code, severity and position, plus
// the §13.4 acceptance vectors.
#include "mtasts/dmarc.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace mtasts {
namespace {

result<dmarc_record> v7489(std::string_view text) { return validate_dmarc_record(text); }

result<dmarc_record> v9989(std::string_view text) {
  options o;
  o.dmarc = dmarc_spec::rfc9989;
  return validate_dmarc_record(text, o);
}

result<dmarc_record> rrset(const txt_rrset& set, dmarc_spec spec = dmarc_spec::rfc7489) {
  options o;
  o.dmarc = spec;
  return validate_dmarc_record(set, o);
}

int count(const result<dmarc_record>& r, std::string_view code) {
  int n = 0;
  for (const diagnostic& d : r.diagnostics) n += d.code == code ? 1 : 0;
  return n;
}

const diagnostic* find(const result<dmarc_record>& r, std::string_view code) {
  for (const diagnostic& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

// Asserts one diagnostic with `code`, `sev` at UTF-16 [start, end).
::testing::AssertionResult has(const result<dmarc_record>& r, std::string_view code, severity sev,
                               std::uint32_t start, std::uint32_t end) {
  std::string seen;
  for (const diagnostic& d : r.diagnostics) {
    if (d.code == code && d.sev == sev && d.start == start && d.end == end)
      return ::testing::AssertionSuccess();
    seen += "\n  " + d.code + " " + std::string(to_string(d.sev)) + " [" + std::to_string(d.start) +
            "," + std::to_string(d.end) + ") " + d.message;
  }
  return ::testing::AssertionFailure() << "no " << code << " " << to_string(sev) << " at [" << start
                                       << "," << end << "); got:" << seen;
}

bool no_errors_or_warnings(const result<dmarc_record>& r) {
  for (const diagnostic& d : r.diagnostics)
    if (d.sev != severity::info) return false;
  return r.ok;
}

// ---- §13.4 acceptance vectors ------------------------------------------------

TEST(DmarcAcceptance, ValidUnderBoth) {
  for (const char* t :
       {"v=DMARC1; p=none; rua=mailto:d@example.com", "v = DMARC1 ; p = reject ;",
        "v=DMARC1; p=quarantine; sp=reject; adkim=s; aspf=r; fo=1; ruf=mailto:f@example.com"}) {
    EXPECT_TRUE(no_errors_or_warnings(v7489(t))) << t;
    EXPECT_TRUE(no_errors_or_warnings(v9989(t))) << t;
  }
  const auto r = v7489("v = DMARC1 ; p = reject ;");
  ASSERT_TRUE(r.value.v && r.value.p);
  EXPECT_EQ(*r.value.v, "DMARC1");
  EXPECT_EQ(*r.value.p, "reject");
}

TEST(DmarcAcceptance, APastedRecordEndingInALineBreakIsTheRecord) {
  for (const char* t : {"v=DMARC1; p=none; rua=mailto:d@example.com\n",
                        "v=DMARC1; p=none; rua=mailto:d@example.com\r\n"}) {
    EXPECT_TRUE(no_errors_or_warnings(v7489(t))) << t;
    EXPECT_TRUE(no_errors_or_warnings(v9989(t))) << t;
  }
}

TEST(DmarcAcceptance, TwoRecordsPastedOnePerLine) {
  const auto r = v7489("\"v=DMARC1; p=none\"\n\"v=DMARC1; p=reject\"");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(has(r, "DMARC-003", severity::error, 1, 17));
  EXPECT_TRUE(has(r, "DMARC-003", severity::error, 20, 38));
  // A record split over two lines without parentheses stays one text.
  EXPECT_FALSE(has(v7489("v=DMARC1; p=none;\nrua=mailto:d@example.com"), "DMARC-003", severity::error, 0, 0));
}

TEST(DmarcAcceptance, MissingPIsErrorUnder7489WarningUnder9989) {
  const char* t = "v=DMARC1; rua=mailto:d@example.com";
  EXPECT_TRUE(has(v7489(t), "DMARC-006", severity::error, 0, 8));
  EXPECT_FALSE(v7489(t).ok);
  const auto r = v9989(t);
  EXPECT_TRUE(has(r, "DMARC-006", severity::warning, 0, 8));
  EXPECT_TRUE(r.ok);
  ASSERT_TRUE(r.value.p);
  EXPECT_EQ(*r.value.p, "none");
}

TEST(DmarcAcceptance, POrderIsErrorUnder7489WarningUnder9989) {
  const char* t = "v=DMARC1; rua=mailto:d@example.com; p=none";
  EXPECT_TRUE(has(v7489(t), "DMARC-007", severity::error, 36, 42));
  EXPECT_TRUE(has(v9989(t), "DMARC-007", severity::warning, 36, 42));
  EXPECT_TRUE(v9989(t).ok);
}

TEST(DmarcAcceptance, InvalidUnderBoth) {
  struct vec {
    const char* text;
    const char* code;
  };
  for (const vec& v : {vec{"v=dmarc1; p=none", "DMARC-004"}, vec{"p=none; v=DMARC1", "DMARC-004"},
                       vec{"v=DMARC1, p=none", "DMARC-005"}, vec{"v=DMARC1; p=block", "DMARC-008"},
                       vec{"v=DMARC1; p=none; p=reject", "DMARC-022"},
                       vec{"v=DMARC1; p=none; adkim=strict", "DMARC-011"},
                       vec{"v=DMARC1; p=none; rua=d@example.com", "DMARC-017"}}) {
    for (const auto& r : {v7489(v.text), v9989(v.text)}) {
      EXPECT_FALSE(r.ok) << v.text;
      const diagnostic* d = find(r, v.code);
      ASSERT_NE(d, nullptr) << v.text << " lacks " << v.code;
      EXPECT_EQ(d->sev, severity::error) << v.text;
    }
  }
}

TEST(DmarcAcceptance, BisOnlyChecks) {
  const auto t = v9989("v=DMARC1; p=reject; t=y");
  EXPECT_TRUE(t.ok);
  EXPECT_TRUE(has(t, "DMARC-028", severity::info, 20, 23));
  EXPECT_TRUE(has(v9989("v=DMARC1; p=none; fo=0:1"), "DMARC-012", severity::error, 21, 24));
  EXPECT_TRUE(has(v9989("v=DMARC1; p=none; psd=x"), "DMARC-029", severity::error, 22, 23));
  const auto pct = v9989("v=DMARC1; p=reject; pct=50");
  EXPECT_TRUE(pct.ok);
  EXPECT_TRUE(has(pct, "DMARC-014", severity::warning, 20, 26));
  EXPECT_FALSE(pct.value.pct) << "historic pct is not what an RFC 9989 receiver understands";
  for (const auto& d : pct.diagnostics)
    if (d.code == "DMARC-014") EXPECT_NE(d.message.find("RFC 7489 receivers still apply it"), std::string::npos);
  // An invalid pct is ignored by RFC 7489 receivers too: the message must not say they apply it.
  const auto bad = v9989("v=DMARC1; p=reject; pct=150");
  EXPECT_TRUE(has(bad, "DMARC-014", severity::warning, 20, 27));
  for (const auto& d : bad.diagnostics) {
    if (d.code != "DMARC-014") continue;
    EXPECT_EQ(d.message.find("still apply"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("every receiver ignores it"), std::string::npos) << d.message;
  }
  // The same inputs under RFC 7489.
  EXPECT_TRUE(has(v7489("v=DMARC1; p=reject; t=y"), "DMARC-023", severity::info, 20, 23));
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; fo=0:1"), "DMARC-012", severity::info, 21, 24));
  EXPECT_TRUE(has(v7489("v=DMARC1; p=reject; pct=50"), "DMARC-014", severity::warning, 20, 26));
}

// ---- discovery ----------------------------------------------------------------

TEST(DmarcRrset, NoRecordIsInfo) {
  const auto r = rrset({{"v=spf1 -all"}});
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "DMARC-001");
  EXPECT_EQ(r.diagnostics[0].sev, severity::info);
  EXPECT_EQ(r.diagnostics[0].record, -1);
  EXPECT_EQ(rrset({}, dmarc_spec::rfc9989).diagnostics[0].ref, "RFC 9989 §4.10");
}

TEST(DmarcRrset, MultipleRecordsDiscardAll) {
  const auto r = rrset({{"v=DMARC1; p=none"}, {"v=spf1 -all"}, {"V=dmarc1; p=reject"}});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(count(r, "DMARC-003"), 2);
  EXPECT_EQ(r.diagnostics[0].record, 0);
  EXPECT_EQ(r.diagnostics[1].record, 2);
  EXPECT_FALSE(r.value.p);
  EXPECT_FALSE(r.value.v);
}

TEST(DmarcRrset, SingleRecordIsJudgedWithItsIndex) {
  const auto r = rrset({{"v=spf1 -all"}, {"v=DMARC1; ", "p=rejct; ", "rua=mailto:d@example.com"}});
  EXPECT_FALSE(r.ok);
  const diagnostic* d = find(r, "DMARC-008");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->record, 1);
  EXPECT_EQ(d->start, 12u);  // in the joined text "v=DMARC1; p=rejct; rua=…"
  EXPECT_EQ(d->end, 17u);
  ASSERT_TRUE(r.value.p);
  EXPECT_EQ(*r.value.p, "none") << "invalid p with a valid rua falls back to p=none";
}

TEST(DmarcRrset, DiscardedNearMissIsReported) {
  const auto r = rrset({{"p=reject; v=DMARC1"}});
  EXPECT_TRUE(has(r, "DMARC-001", severity::info, 0, 0));
  EXPECT_TRUE(has(r, "DMARC-004", severity::error, 0, 18));
  EXPECT_EQ(find(r, "DMARC-004")->record, 0);
}

TEST(DmarcRrset, LongStringInRrset) {
  const std::string big = "v=DMARC1; p=none; rua=mailto:" + std::string(260, 'a') + "@example.com";
  const auto r = rrset({{big}});
  EXPECT_TRUE(has(r, "DMARC-030", severity::info, 255, static_cast<std::uint32_t>(big.size())));
  EXPECT_EQ(count(rrset({{big.substr(0, 200), big.substr(200)}}), "DMARC-030"), 0);
}

TEST(DmarcOwner, WrongOwnerNameIsError) {
  const auto r = v7489("example.com. IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.com\"");
  EXPECT_TRUE(has(r, "DMARC-002", severity::error, 0, 12));
  EXPECT_NE(find(r, "DMARC-002")->hint.find("_dmarc.example.com"), std::string::npos);
  const auto typo = v9989("dmarc.example.com. IN TXT \"v=DMARC1; p=reject\"");
  EXPECT_NE(find(typo, "DMARC-002")->hint.find("\"_dmarc.example.com\""), std::string::npos);
  EXPECT_EQ(find(typo, "DMARC-002")->ref, "RFC 9989 §4.7");
  EXPECT_EQ(count(v7489("_dmarc.example.com. IN TXT \"v=DMARC1; p=reject\""), "DMARC-002"), 0);
  EXPECT_EQ(count(v7489("_dmarc 300 IN TXT \"v=DMARC1; p=reject\""), "DMARC-002"), 0);
}

TEST(DmarcOwner, SubdomainPolicyOnDeepOwner) {
  const char* t = "_dmarc.mail.example.com. IN TXT \"v=DMARC1; p=reject; sp=reject; np=reject\"";
  //                                              offset 53 ^ sp=reject
  const auto r7 = v7489(t);
  EXPECT_TRUE(has(r7, "DMARC-027", severity::info, 53, 62));
  EXPECT_EQ(count(r7, "DMARC-027"), 1) << "np is unknown to RFC 7489";
  EXPECT_EQ(count(v9989(t), "DMARC-027"), 2);
  EXPECT_EQ(
      count(v7489("_dmarc.example.com. IN TXT \"v=DMARC1; p=reject; sp=reject\""), "DMARC-027"), 0);
}

// ---- version and structure -------------------------------------------------------

TEST(DmarcVersion, Variants) {
  EXPECT_TRUE(has(v7489(""), "DMARC-004", severity::error, 0, 0));
  EXPECT_TRUE(has(v7489("v=dmarc1; p=none"), "DMARC-004", severity::error, 2, 8));
  EXPECT_TRUE(has(v9989("v=DMARC2; p=none"), "DMARC-004", severity::error, 2, 8));
  EXPECT_TRUE(has(v7489("p=none; v=DMARC1"), "DMARC-004", severity::error, 0, 6));
  EXPECT_TRUE(has(v7489(" v=DMARC1; p=none"), "DMARC-004", severity::error, 0, 1));
  EXPECT_FALSE(v7489("v=dmarc1; p=none").value.v);
  const auto upper = v7489("V=DMARC1; p=none; rua=mailto:d@example.com");
  EXPECT_TRUE(upper.ok);
  EXPECT_TRUE(has(upper, "DMARC-024", severity::warning, 0, 1));
}

TEST(DmarcStructure, MissingSeparator) {
  const auto v = v7489("v=DMARC1 p=none");
  EXPECT_TRUE(has(v, "DMARC-005", severity::error, 8, 9));
  EXPECT_EQ(count(v, "DMARC-006"), 0) << "the swallowed p is explained by DMARC-005";
  EXPECT_FALSE(v.value.v);
  const auto rua = v9989("v=DMARC1; p=reject; rua=mailto:a@example.com, ruf=mailto:b@example.com");
  EXPECT_TRUE(has(rua, "DMARC-005", severity::error, 44, 46));
  EXPECT_FALSE(rua.value.rua);
  EXPECT_EQ(count(rua, "DMARC-017"), 0);
}

TEST(DmarcStructure, EmptyAndMalformedTags) {
  const auto r = v7489("v=DMARC1; p=reject;; rua=mailto:a@example.com; 1x=2; reject;");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(has(r, "DMARC-005", severity::warning, 18, 20));  // ";;"
  EXPECT_TRUE(has(r, "DMARC-005", severity::warning, 47, 49));  // "1x"
  EXPECT_TRUE(has(r, "DMARC-005", severity::warning, 53, 59));  // "reject"
  EXPECT_EQ(count(r, "DMARC-005"), 3) << "the trailing ';' is valid (DMARC-032)";
}

TEST(DmarcStructure, TrailingSemicolonIsNotFlagged) {
  for (const char* t : {"v=DMARC1; p=none; rua=mailto:d@example.com;",
                        "v=DMARC1; p=none; rua=mailto:d@example.com ; "}) {
    const auto r = v7489(t);
    EXPECT_TRUE(r.ok) << t;
    EXPECT_EQ(r.diagnostics.size(), 1u) << t;  // DMARC-025 only
  }
}

TEST(DmarcStructure, DuplicateTagKeepsFirst) {
  const auto r = v9989("v=DMARC1; p=none; rua=mailto:d@example.com; P=reject");
  EXPECT_TRUE(has(r, "DMARC-022", severity::error, 44, 52));
  EXPECT_TRUE(has(r, "DMARC-024", severity::warning, 44, 45));
  ASSERT_TRUE(r.value.p);
  EXPECT_EQ(*r.value.p, "none");
}

TEST(DmarcStructure, UnknownTagSuggestsKnownOne) {
  const auto r = v7489("v=DMARC1; p=none; rue=mailto:d@example.com");
  EXPECT_TRUE(has(r, "DMARC-023", severity::warning, 18, 21));
  EXPECT_NE(find(r, "DMARC-023")->message.find("\"rua\""), std::string::npos);
  EXPECT_TRUE(has(r, "DMARC-020", severity::info, 0, 8));
  const auto far = v9989("v=DMARC1; p=none; policy=reject");
  EXPECT_TRUE(has(far, "DMARC-023", severity::warning, 18, 24));
  EXPECT_NE(find(far, "DMARC-023")->hint.find("np"), std::string::npos);
}

TEST(DmarcStructure, InvisibleCharacters) {
  // U+00A0 after the first ';' spoils the p tag's name.
  const auto r = v7489("v=DMARC1;\xC2\xA0p=none; rua=mailto:d@example.com");
  EXPECT_TRUE(has(r, "DMARC-031", severity::warning, 9, 10));
  EXPECT_NE(find(r, "DMARC-031")->message.find("U+00A0"), std::string::npos);
  EXPECT_TRUE(has(r, "DMARC-006", severity::error, 0, 8));
  EXPECT_EQ(count(r, "DMARC-005"), 0);
  // Smart quotes around an address; French names the character in French.
  options fr;
  fr.lang = language::fr;
  const auto q = validate_dmarc_record(
      "v=DMARC1; p=reject; rua=mailto:\xE2\x80\x9C"
      "d@example.com\xE2\x80\x9D",
      fr);
  EXPECT_EQ(count(q, "DMARC-031"), 2);
  EXPECT_NE(find(q, "DMARC-031")->message.find("guillemet anglais ouvrant"), std::string::npos);
  EXPECT_TRUE(has(q, "DMARC-017", severity::error, 31, 32));
}

// ---- tag values -------------------------------------------------------------

TEST(DmarcPolicy, InvalidPolicyFallsBackOnlyWithRua) {
  const auto with = v7489("v=DMARC1; p=reject; sp=strict; rua=mailto:d@example.com");
  EXPECT_TRUE(has(with, "DMARC-009", severity::error, 23, 29));
  ASSERT_TRUE(with.value.p);
  EXPECT_EQ(*with.value.p, "none");
  EXPECT_FALSE(with.value.sp);
  const auto without = v9989("v=DMARC1; p=");
  EXPECT_TRUE(has(without, "DMARC-008", severity::error, 10, 12));
  EXPECT_FALSE(without.value.p);
  EXPECT_NE(find(without, "DMARC-008")->message.find("no DMARC policy"), std::string::npos);
}

TEST(DmarcPolicy, NpPerSpec) {
  const char* t = "v=DMARC1; p=reject; np=drop; rua=mailto:d@example.com";
  const auto r7 = v7489(t);
  EXPECT_TRUE(has(r7, "DMARC-010", severity::info, 20, 27));
  EXPECT_TRUE(r7.ok);
  EXPECT_FALSE(r7.value.np);
  ASSERT_TRUE(r7.value.p);
  EXPECT_EQ(*r7.value.p, "reject");
  const auto r9 = v9989(t);
  EXPECT_TRUE(has(r9, "DMARC-010", severity::error, 23, 27));
  EXPECT_EQ(*r9.value.p, "none");
  EXPECT_EQ(*v9989("v=DMARC1; p=reject; np=Reject").value.np, "reject");
}

TEST(DmarcPolicy, NoneAndWeakerSubdomainPolicy) {
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; rua=mailto:d@example.com"), "DMARC-025", severity::info,
                  10, 16));
  const auto r = v9989("v=DMARC1; p=reject; sp=quarantine; np=none; rua=mailto:d@example.com");
  EXPECT_TRUE(has(r, "DMARC-026", severity::warning, 20, 33));
  EXPECT_TRUE(has(r, "DMARC-026", severity::warning, 35, 42));
  EXPECT_EQ(count(v7489("v=DMARC1; p=quarantine; sp=reject"), "DMARC-026"), 0);
}

TEST(DmarcValues, AlignmentAndCase) {
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; aspf=relaxed"), "DMARC-011", severity::error, 18, 30));
  const auto up = v9989("v=DMARC1; p=Reject; adkim=S");
  EXPECT_TRUE(has(up, "DMARC-024", severity::warning, 12, 18));
  EXPECT_TRUE(has(up, "DMARC-024", severity::warning, 26, 27));
  EXPECT_EQ(*up.value.p, "reject");
  EXPECT_EQ(*up.value.adkim, "s");
}

TEST(DmarcValues, FailureOptions) {
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; fo=2"), "DMARC-012", severity::error, 21, 22));
  EXPECT_TRUE(has(v9989("v=DMARC1; p=none; fo=0,1"), "DMARC-012", severity::error, 21, 24));
  EXPECT_TRUE(has(v9989("v=DMARC1; p=none; fo=d:d"), "DMARC-012", severity::error, 21, 24));
  EXPECT_TRUE(has(v9989("v=DMARC1; p=none; fo=1 : d; ruf=mailto:f@example.com"), "DMARC-012",
                  severity::warning, 21, 26));
  const auto ok7 = v7489("v=DMARC1; p=none; fo=1 : d; ruf=mailto:f@example.com");
  EXPECT_EQ(count(ok7, "DMARC-012"), 0);
  EXPECT_EQ(*ok7.value.fo, "1:d");
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; fo=1"), "DMARC-013", severity::info, 18, 22));
  EXPECT_EQ(count(v7489("v=DMARC1; p=none; fo=1; ruf=mailto:f@example.com"), "DMARC-013"), 0);
}

TEST(DmarcValues, HistoricTags) {
  const char* t = "v=DMARC1; p=reject; pct=150; rf=iodef; ri=1h";
  const auto r7 = v7489(t);
  EXPECT_TRUE(has(r7, "DMARC-014", severity::error, 24, 27));
  EXPECT_TRUE(has(r7, "DMARC-015", severity::error, 32, 37));
  EXPECT_TRUE(has(r7, "DMARC-016", severity::error, 42, 44));
  const auto r9 = v9989(t);
  EXPECT_TRUE(has(r9, "DMARC-014", severity::warning, 20, 27));
  EXPECT_TRUE(has(r9, "DMARC-015", severity::info, 29, 37));
  EXPECT_TRUE(has(r9, "DMARC-016", severity::info, 39, 44));
  EXPECT_TRUE(r9.ok);
  const auto good = v7489("v=DMARC1; p=reject; pct=100; rf=afrf; ri=3600");
  EXPECT_TRUE(good.ok);
  EXPECT_EQ(*good.value.pct, 100u);
  EXPECT_EQ(*good.value.ri, 3600u);
  EXPECT_TRUE(has(good, "DMARC-016", severity::info, 38, 45));
  EXPECT_TRUE(has(v7489("v=DMARC1; p=reject; pct=50%"), "DMARC-014", severity::error, 24, 27));
  EXPECT_TRUE(
      has(v7489("v=DMARC1; p=reject; ri=4294967296"), "DMARC-016", severity::error, 23, 33));
  EXPECT_EQ(*v7489("v=DMARC1; p=reject; ri=4294967295").value.ri, 4294967295u);
}

TEST(DmarcUris, ReportUriChecks) {
  const auto r = v7489(
      "v=DMARC1; p=none; rua=mailto:a@example.com!10m, mailto:b@example.com!10x, "
      "https://r.example.com/d,,"
      "mailto:c!d@example.com");
  EXPECT_TRUE(has(r, "DMARC-018", severity::info, 42, 46));
  EXPECT_TRUE(has(r, "DMARC-017", severity::error, 68, 72));  // !10x
  EXPECT_TRUE(has(r, "DMARC-019", severity::warning, 74, 97));
  EXPECT_TRUE(has(r, "DMARC-017", severity::error, 97, 98));    // empty element
  EXPECT_TRUE(has(r, "DMARC-017", severity::error, 107, 108));  // unencoded "!"
  ASSERT_TRUE(r.value.rua);
  ASSERT_EQ(r.value.rua->size(), 2u);
  EXPECT_EQ((*r.value.rua)[0], "mailto:a@example.com!10m");
  EXPECT_TRUE(has(v9989("v=DMARC1; p=none; rua=mailto:a@example.com!10m"), "DMARC-018",
                  severity::warning, 42, 46));
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; rua=mailto:a b@example.com"), "DMARC-017",
                  severity::error, 30, 31));
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; rua="), "DMARC-017", severity::error, 18, 22));
  EXPECT_TRUE(
      has(v7489("v=DMARC1; p=none; ruf=mailto:f@localhost"), "DMARC-017", severity::error, 22, 40));
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; rua=mailto:%zz@example.com"), "DMARC-017",
                  severity::error, 29, 32));
  EXPECT_TRUE(has(v7489("v=DMARC1; p=none; rua=mailto:d@example.com!99999999999999999999999"),
                  "DMARC-017", severity::error, 42, 66));
}

TEST(DmarcBis, TestModeAndPsd) {
  EXPECT_TRUE(has(v9989("v=DMARC1; p=none; t=y"), "DMARC-028", severity::warning, 18, 21));
  EXPECT_TRUE(has(v9989("v=DMARC1; p=reject; t=yes"), "DMARC-028", severity::error, 22, 25));
  EXPECT_TRUE(has(v9989("v=DMARC1; p=reject; psd=y"), "DMARC-029", severity::info, 20, 25));
  EXPECT_EQ(*v9989("v=DMARC1; p=reject; psd=n").value.psd, "n");
  EXPECT_FALSE(v7489("v=DMARC1; p=reject; psd=n").value.psd);
}

TEST(DmarcText, LongSingleStringAndZoneStrings) {
  const std::string big = "v=DMARC1; p=none; rua=mailto:" + std::string(240, 'a') + "@example.com";
  EXPECT_TRUE(
      has(v7489(big), "DMARC-030", severity::info, 255, static_cast<std::uint32_t>(big.size())));
  const std::string split = "\"" + big.substr(0, 200) + "\" \"" + big.substr(200) + "\"";
  EXPECT_EQ(count(v7489(split), "DMARC-030"), 0);
  // Positions map back to the user's bytes across strings and escapes.
  const auto r = v7489("\"v=DMARC1; p=none\" \"; rua=mailto:d@example.com\\059 fo=1\"");
  EXPECT_TRUE(has(r, "DMARC-013", severity::info, 51, 55));
  EXPECT_TRUE(has(r, "DMARC-025", severity::info, 11, 17));
}

TEST(DmarcRefs, RefsFollowTheSpec) {
  const char* t = "v=DMARC1; p=none; adkim=x";
  EXPECT_EQ(find(v7489(t), "DMARC-011")->ref, "RFC 7489 §6.4");
  EXPECT_EQ(find(v9989(t), "DMARC-011")->ref, "RFC 9989 §4.8");
  EXPECT_EQ(find(v9989(t), "DMARC-025")->ref, "RFC 9989 §4.7");
}

TEST(DmarcRefs, NoRfc7489RefUnderRfc9989) {
  for (const char* t :
       {"_dmarc.a.mail.example.com. IN TXT \"v=DMARC1; p=none; sp=none; np=none; fo=1; pct=5; rf=x; "
        "ri=1; t=y; psd=y; rue=1; P=None; rua=a@b, https://r.example/x!1q,,mailto:d@example.com!5k\"",
        "example.com. IN TXT \"v=DMARC1;; p=x; sp=y; adkim=q; fo=0:1; ruf=mailto:f@example.com; 1=2; "
        "rua=mailto:a@example.com p=reject\"",
        "v=DMARC1 p=none", "v=dmarc1", "p=none", "", "\xC2\xA0v=DMARC2"}) {
    for (const diagnostic& d : v9989(t).diagnostics)
      EXPECT_NE(d.ref.rfind("RFC 7489", 0), 0u) << d.code << " in " << t;
  }
  for (const diagnostic& d :
       rrset({{"v=DMARC1"}, {"v=DMARC1; p=none"}}, dmarc_spec::rfc9989).diagnostics)
    EXPECT_NE(d.ref.rfind("RFC 7489", 0), 0u) << d.code;
}

TEST(DmarcRobustness, NeverThrowsOnHostileInput) {
  std::string junk;
  for (int i = 0; i < 3000; ++i) junk += static_cast<char>((i * 37) % 256);
  (void)v7489(junk);
  (void)v9989(junk);
  std::string many = "v=DMARC1";
  for (int i = 0; i < 5000; ++i) many += "; x" + std::to_string(i) + "=1";
  const auto r = v9989(many);
  // 100 listed, then one diagnostic counting the 4900 others.
  EXPECT_EQ(count(r, "DMARC-023"), 101);
  EXPECT_NE(r.diagnostics.back().message.find("4900 more problems"), std::string::npos);
}

}  // namespace
}  // namespace mtasts

#include "mtasts/tlsrpt.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mtasts {
namespace {

using R = result<tlsrpt_record>;

std::vector<std::string> codes(const R& r) {
  std::vector<std::string> out;
  for (const diagnostic& d : r.diagnostics) out.push_back(d.code);
  return out;
}

const diagnostic* find(const R& r, const std::string& code, int nth = 0) {
  for (const diagnostic& d : r.diagnostics)
    if (d.code == code && nth-- == 0) return &d;
  return nullptr;
}

void expect_at(const R& r, const std::string& code, severity sev, std::uint32_t line,
               std::uint32_t column, std::uint32_t start, std::uint32_t end, int nth = 0) {
  const diagnostic* d = find(r, code, nth);
  ASSERT_NE(d, nullptr) << code << " missing";
  EXPECT_EQ(d->sev, sev) << code;
  EXPECT_EQ(d->line, line) << code;
  EXPECT_EQ(d->column, column) << code;
  EXPECT_EQ(d->start, start) << code;
  EXPECT_EQ(d->end, end) << code;
}

bool has_code(const R& r, const std::string& code) { return find(r, code) != nullptr; }

// ---- §13.3 acceptance vectors ----

TEST(TlsRptVectors, ValidRecords) {
  for (const char* t : {"v=TLSRPTv1;rua=mailto:reports@example.com",
                        "v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt",
                        "v=TLSRPTv1; rua=mailto:a@example.com, https://r.example.com/x;"}) {
    const R r = validate_tlsrpt_record(t);
    EXPECT_TRUE(r.ok) << t;
    for (const diagnostic& d : r.diagnostics) EXPECT_EQ(d.sev, severity::info) << t << d.code;
    EXPECT_EQ(r.value.version, "TLSRPTv1");
  }
}

TEST(TlsRptVectors, APastedRecordEndingInALineBreakIsTheRecord) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com\n");
  EXPECT_TRUE(r.ok);
  for (const diagnostic& d : r.diagnostics) EXPECT_EQ(d.sev, severity::info) << d.code;
  ASSERT_EQ(r.value.rua.size(), 1u);
  EXPECT_EQ(r.value.rua[0], "mailto:a@example.com");
}

TEST(TlsRptVectors, TwoRecordsPastedOnePerLine) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com\nv=TLSRPTv1; rua=mailto:b@example.com\n");
  EXPECT_FALSE(r.ok);
  int n = 0;
  for (const diagnostic& d : r.diagnostics)
    if (d.code == "TLSRPT-003") {
      ++n;
      EXPECT_EQ(d.line, static_cast<std::uint32_t>(n));
    }
  EXPECT_EQ(n, 2);
}

TEST(TlsRptVectors, ValidRecordModelKeepsRuaOrder) {
  const R r =
      validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com, https://r.example.com/x;");
  ASSERT_EQ(r.value.rua.size(), 2u);
  EXPECT_EQ(r.value.rua[0], "mailto:a@example.com");
  EXPECT_EQ(r.value.rua[1], "https://r.example.com/x");
  expect_at(r, "TLSRPT-012", severity::info, 1, 17, 16, 61);
  expect_at(r, "TLSRPT-017", severity::info, 1, 13, 12, 61);
}

TEST(TlsRptVectors, NoRua) {
  expect_at(validate_tlsrpt_record("v=TLSRPTv1"), "TLSRPT-007", severity::error, 1, 1, 0, 10);
  const R r = validate_tlsrpt_record("v=TLSRPTv1;");
  EXPECT_EQ(codes(r), std::vector<std::string>{"TLSRPT-007"});
}

TEST(TlsRptVectors, VersionCase) {
  const R r = validate_tlsrpt_record("v=tlsrptv1; rua=mailto:a@example.com");
  expect_at(r, "TLSRPT-005", severity::error, 1, 1, 0, 10);
  EXPECT_TRUE(r.value.version.empty());
}

TEST(TlsRptVectors, VersionNotFirst) {
  const R r = validate_tlsrpt_record("rua=mailto:a@example.com; v=TLSRPTv1");
  expect_at(r, "TLSRPT-005", severity::error, 1, 1, 0, 24);
  EXPECT_FALSE(has_code(r, "TLSRPT-007"));
  EXPECT_FALSE(has_code(r, "TLSRPT-014"));
}

TEST(TlsRptVectors, HttpIsNotSupported) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=http://r.example.com");
  expect_at(r, "TLSRPT-009", severity::error, 1, 17, 16, 36);
  EXPECT_NE(r.diagnostics[0].message.find("https"), std::string::npos);
}

TEST(TlsRptVectors, BareAddress) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=a@example.com");
  expect_at(r, "TLSRPT-009", severity::error, 1, 17, 16, 29);
  EXPECT_NE(r.diagnostics[0].hint.find("mailto:a@example.com"), std::string::npos);
}

TEST(TlsRptVectors, DmarcSizeSuffix) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com!10m");
  expect_at(r, "TLSRPT-010", severity::error, 1, 37, 36, 40);
  EXPECT_NE(find(r, "TLSRPT-010")->message.find("DMARC"), std::string::npos);
}

TEST(TlsRptVectors, WhitespaceAroundRuaEquals) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua = mailto:a@example.com");
  expect_at(r, "TLSRPT-008", severity::error, 1, 16, 15, 18);
  ASSERT_EQ(r.value.rua.size(), 1u);
}

// ---- rules one by one ----

TEST(TlsRptRules, VersionVariants) {
  expect_at(validate_tlsrpt_record("v=TLSRPTv2; rua=mailto:a@example.com"), "TLSRPT-005",
            severity::error, 1, 3, 2, 10);
  expect_at(validate_tlsrpt_record("v = TLSRPTv1; rua=mailto:a@example.com"), "TLSRPT-005",
            severity::error, 1, 2, 1, 4);
  expect_at(validate_tlsrpt_record("  v=TLSRPTv1; rua=mailto:a@example.com"), "TLSRPT-005",
            severity::error, 1, 1, 0, 2);
  const R other = validate_tlsrpt_record("v=STSv1; id=1");
  EXPECT_EQ(codes(other), std::vector<std::string>{"TLSRPT-005"});
  EXPECT_NE(other.diagnostics[0].message.find("not a TLS-RPT record"), std::string::npos);
  EXPECT_EQ(codes(validate_tlsrpt_record("")), std::vector<std::string>{"TLSRPT-005"});
}

TEST(TlsRptRules, MissingDelimiterAfterVersion) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1 rua=mailto:a@example.com");
  expect_at(r, "TLSRPT-005", severity::error, 1, 11, 10, 11);
  ASSERT_EQ(r.value.rua.size(), 1u);
  EXPECT_FALSE(has_code(r, "TLSRPT-007"));
}

TEST(TlsRptRules, WhitespaceBeforeFirstSemicolonWarns) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1 ; rua=mailto:a@example.com");
  EXPECT_TRUE(r.ok);
  expect_at(r, "TLSRPT-006", severity::warning, 1, 11, 10, 11);
}

TEST(TlsRptRules, NoRuaBesideRuf) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; ruf=mailto:a@example.com");
  expect_at(r, "TLSRPT-007", severity::error, 1, 1, 0, 36);
  expect_at(r, "TLSRPT-014", severity::info, 1, 13, 12, 36);
}

TEST(TlsRptRules, RuaCase) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; RUA=mailto:a@example.com");
  expect_at(r, "TLSRPT-008", severity::error, 1, 13, 12, 15);
  EXPECT_FALSE(has_code(r, "TLSRPT-007"));
  ASSERT_EQ(r.value.rua.size(), 1u);
}

TEST(TlsRptRules, BadSchemeIsAWarningWhenAnotherUriWorks) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com,ftp://x.example.com/r");
  EXPECT_TRUE(r.ok);
  expect_at(r, "TLSRPT-009", severity::warning, 1, 38, 37, 58);
  EXPECT_NE(find(r, "TLSRPT-009")->message.find("\"ftp\""), std::string::npos);
}

TEST(TlsRptRules, NoSchemeWithoutAt) {
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=reports"), "TLSRPT-009", severity::error, 1, 17,
            16, 23);
}

TEST(TlsRptRules, InvalidUris) {
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:"), "TLSRPT-010", severity::error, 1, 17,
            16, 23);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua="), "TLSRPT-010", severity::error, 1, 13, 12,
            16);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a!b@example.com"), "TLSRPT-010",
            severity::error, 1, 25, 24, 25);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=https://r.example.com/a b"), "TLSRPT-010",
            severity::error, 1, 40, 39, 40);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a%zz@example.com"), "TLSRPT-010",
            severity::error, 1, 25, 24, 27);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=https:r.example.com"), "TLSRPT-010",
            severity::error, 1, 17, 16, 35);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=https://r.example.com:99999/"), "TLSRPT-010",
            severity::error, 1, 17, 16, 44);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:reports"), "TLSRPT-010", severity::error,
            1, 17, 16, 30);
}

TEST(TlsRptRules, LiteralCommaInsideAUri) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=https://r.example.com/a,b");
  expect_at(r, "TLSRPT-010", severity::error, 1, 41, 40, 41);
  EXPECT_NE(find(r, "TLSRPT-010")->hint.find("%2C"), std::string::npos);
  EXPECT_FALSE(has_code(r, "TLSRPT-009"));
}

TEST(TlsRptRules, EmptyUrisBetweenCommas) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com,,mailto:b@example.com,");
  expect_at(r, "TLSRPT-010", severity::error, 1, 37, 36, 38, 0);
  expect_at(r, "TLSRPT-010", severity::error, 1, 59, 58, 59, 1);
  EXPECT_EQ(r.value.rua.size(), 2u);
}

TEST(TlsRptRules, SeveralRuaFields) {
  const R r =
      validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com");
  EXPECT_TRUE(r.ok);
  expect_at(r, "TLSRPT-011", severity::warning, 1, 39, 38, 62);
  EXPECT_EQ(r.value.rua.size(), 2u);
}

TEST(TlsRptRules, Extensions) {
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com; _x=1"), "TLSRPT-013",
            severity::error, 1, 39, 38, 39);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com; ext=a b"), "TLSRPT-013",
            severity::error, 1, 44, 43, 44);
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com; foo=bar");
  EXPECT_TRUE(r.ok);
  expect_at(r, "TLSRPT-014", severity::info, 1, 39, 38, 45);
  EXPECT_EQ(r.value.extensions.at("foo"), "bar");
}

TEST(TlsRptRules, NonAsciiIsCaughtByTheFieldRules) {
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com; note=\xC3\xA9");
  expect_at(r, "TLSRPT-013", severity::error, 1, 44, 43, 44);
  const R u = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:r\xC3\xA9@example.com");
  expect_at(u, "TLSRPT-010", severity::error, 1, 25, 24, 25);
}

TEST(TlsRptRules, DoubledDelimiter) {
  expect_at(validate_tlsrpt_record("v=TLSRPTv1;; rua=mailto:a@example.com"), "TLSRPT-015",
            severity::error, 1, 11, 10, 12);
}

TEST(TlsRptRules, TrailingWhitespace) {
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com "), "TLSRPT-008",
            severity::error, 1, 37, 36, 37);
  expect_at(validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:a@example.com; x=1\t"), "TLSRPT-013",
            severity::error, 1, 42, 41, 42);
}

TEST(TlsRptRules, DeliveryInfoOnlyOnAValidRecord) {
  EXPECT_FALSE(
      has_code(validate_tlsrpt_record("v=TLSRPTv1;; rua=mailto:a@example.com"), "TLSRPT-017"));
  const R https = validate_tlsrpt_record("v=TLSRPTv1; rua=https://r.example.com/v1");
  EXPECT_NE(find(https, "TLSRPT-017")->message.find("POST"), std::string::npos);
  EXPECT_FALSE(has_code(https, "TLSRPT-019"));
  const R mail = validate_tlsrpt_record("v=TLSRPTv1; rua=mailto:tls@vendor.example");
  EXPECT_NE(find(mail, "TLSRPT-017")->message.find("DKIM"), std::string::npos);
  expect_at(mail, "TLSRPT-019", severity::info, 1, 17, 16, 41);
  EXPECT_NE(find(mail, "TLSRPT-019")->message.find("\"vendor.example\""), std::string::npos);
}

// ---- zone-file input ----

TEST(TlsRptInput, DraftOwnerName) {
  const R r = validate_tlsrpt_record(
      R"(_smtp-tlsrpt.example.com. IN TXT "v=TLSRPTv1; rua=mailto:a@example.com")");
  expect_at(r, "TLSRPT-002", severity::error, 1, 1, 0, 25);
  EXPECT_EQ(find(r, "TLSRPT-002")->hint, "Publish it at _smtp._tls.example.com.");
}

TEST(TlsRptInput, OwnerTypos) {
  auto hint = [](const char* line) {
    const R r = validate_tlsrpt_record(line);
    const diagnostic* d = find(r, "TLSRPT-002");
    return d == nullptr ? std::string("(none)") : d->hint;
  };
  EXPECT_EQ(hint(R"(_smtp._tcp.example.com. TXT "v=TLSRPTv1; rua=mailto:a@example.com")"),
            "Publish it at _smtp._tls.example.com.");
  EXPECT_EQ(hint(R"(_tls._smtp.example.com. TXT "v=TLSRPTv1; rua=mailto:a@example.com")"),
            "Publish it at _smtp._tls.example.com.");
  EXPECT_EQ(hint(R"(smtp._tls.example.com. TXT "v=TLSRPTv1; rua=mailto:a@example.com")"),
            "Publish it at _smtp._tls.example.com.");
  EXPECT_EQ(hint(R"(example.com. TXT "v=TLSRPTv1; rua=mailto:a@example.com")"),
            "Publish it at _smtp._tls.example.com.");
  EXPECT_EQ(hint(R"(_smtp._tls.example.com. TXT "v=TLSRPTv1; rua=mailto:a@example.com")"),
            "(none)");
}

TEST(TlsRptInput, MultiStringInfo) {
  const R r = validate_tlsrpt_record(R"("v=TLSRPTv1; rua=mailto:" "a@example.com")");
  EXPECT_TRUE(r.ok);
  expect_at(r, "TLSRPT-016", severity::info, 1, 2, 1, 40);
}

TEST(TlsRptInput, French) {
  options o;
  o.lang = language::fr;
  const R r = validate_tlsrpt_record("v=TLSRPTv1; rua=http://r.example.com", o);
  EXPECT_NE(find(r, "TLSRPT-009")->message.find("« http://r.example.com »"), std::string::npos);
}

// ---- RRsets ----

TEST(TlsRptRrset, Discovery) {
  EXPECT_EQ(codes(validate_tlsrpt_record(txt_rrset{})), std::vector<std::string>{"TLSRPT-001"});
  const R two = validate_tlsrpt_record(txt_rrset{{"v=TLSRPTv1; rua=mailto:a@example.com"},
                                                 {"v=TLSRPTv1; rua=mailto:b@example.com"}});
  EXPECT_FALSE(two.ok);
  EXPECT_TRUE(two.value.rua.empty());
  EXPECT_EQ(find(two, "TLSRPT-003", 1)->record, 1);
  const R other =
      validate_tlsrpt_record(txt_rrset{{"v=spf1 -all"}, {"v=TLSRPTv1; rua=mailto:a@example.com"}});
  EXPECT_TRUE(other.ok);
  EXPECT_EQ(find(other, "TLSRPT-004")->record, 0);
  EXPECT_EQ(other.value.rua.size(), 1u);
}

TEST(TlsRptRrset, DecoyAndJoin) {
  const R r = validate_tlsrpt_record(txt_rrset{{"V=TLSRPTv1; rua=mailto:decoy@example.com"},
                                               {"v=TLSRPTv1; rua=mailto:", "a@example.com"}});
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.value.rua.size(), 1u);
  EXPECT_EQ(r.value.rua[0], "mailto:a@example.com");
  EXPECT_EQ(find(r, "TLSRPT-004")->record, 0);
  EXPECT_EQ(find(r, "TLSRPT-016")->record, 1);
}

}  // namespace
}  // namespace mtasts

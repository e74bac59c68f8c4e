#include "mtasts/sts_record.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mtasts {
namespace {

using R = result<sts_record>;

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

// Pins a diagnostic: code, severity, 1-based line/column, UTF-16 [start, end).
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

// ---- RFC 8461 §13.1 acceptance vectors (rules.md) ----

TEST(StsRecordVectors, ValidRecords) {
  for (const char* t : {"v=STSv1; id=20160831085700Z;", "v=STSv1; \t id=20160831085700Z  \t;",
                        "v=STSv1; id=a", "v=STSv1; id=a; more=a; ext=2", "v=STSv1;id=abc"}) {
    const R r = validate_sts_record(t);
    EXPECT_TRUE(r.ok) << t;
    for (const diagnostic& d : r.diagnostics) EXPECT_EQ(d.sev, severity::info) << t << d.code;
  }
}

TEST(StsRecordVectors, APastedRecordEndingInALineBreakIsTheRecord) {
  for (const char* t : {"v=STSv1; id=20240115120000\n", "v=STSv1; id=20240115120000\r\n"}) {
    const R r = validate_sts_record(t);
    EXPECT_TRUE(r.ok) << t;
    EXPECT_EQ(r.value.id, "20240115120000");
    for (const diagnostic& d : r.diagnostics) EXPECT_EQ(d.sev, severity::info) << d.code;
  }
}

TEST(StsRecordVectors, ValidRecordsKeepTheModel) {
  const R r = validate_sts_record("v=STSv1; id=a; more=a; ext=2");
  EXPECT_EQ(r.value.version, "STSv1");
  EXPECT_EQ(r.value.id, "a");
  ASSERT_EQ(r.value.extensions.size(), 2u);
  EXPECT_EQ(r.value.extensions.at("more"), "a");
  EXPECT_EQ(r.value.extensions.at("ext"), "2");
}

TEST(StsRecordVectors, MultiStringJoinsWithoutSpaces) {
  const R r = validate_sts_record(R"("v=STSv1; id=2024" "0115")");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.value.id, "20240115");
  expect_at(r, "STS-TXT-017", severity::info, 1, 2, 1, 24);
  EXPECT_NE(find(r, "STS-TXT-017")->message.find("v=STSv1; id=20240115"), std::string::npos);
}

TEST(StsRecordVectors, WrongVersions) {
  for (const char* t : {"v=STSv0", "v=STSv10", "v=STSv2"}) {
    const R r = validate_sts_record(t);
    EXPECT_FALSE(r.ok);
    expect_at(r, "STS-TXT-004", severity::error, 1, 3, 2,
              static_cast<std::uint32_t>(std::string(t).size()));
    EXPECT_TRUE(r.value.version.empty());
  }
}

TEST(StsRecordVectors, VersionWithoutFields) {
  expect_at(validate_sts_record("v=STSv1"), "STS-TXT-005", severity::error, 1, 1, 0, 7);
  expect_at(validate_sts_record("v=STSv1;"), "STS-TXT-005", severity::error, 1, 1, 0, 8);
  const R r = validate_sts_record("v=STSv1; ext=1");
  expect_at(r, "STS-TXT-007", severity::error, 1, 1, 0, 14);
  EXPECT_FALSE(has_code(r, "STS-TXT-005"));
}

TEST(StsRecordVectors, BadIds) {
  expect_at(validate_sts_record("v=STSv1; id="), "STS-TXT-008", severity::error, 1, 10, 9, 12);
  expect_at(validate_sts_record("v=STSv1; id=012345678901234567890123456789012"), "STS-TXT-008",
            severity::error, 1, 13, 12, 45);
  const R r = validate_sts_record("v=STSv1; id=test-123");
  expect_at(r, "STS-TXT-008", severity::error, 1, 17, 16, 17);
  EXPECT_NE(r.diagnostics[0].message.find("\"-\""), std::string::npos);
  EXPECT_NE(r.diagnostics[0].hint.find("mox and aykevl reject"), std::string::npos);
  EXPECT_NE(r.diagnostics[0].hint.find("PMR and mailauth accept"), std::string::npos);
  EXPECT_EQ(r.value.id, "test-123");  // best effort
}

TEST(StsRecordVectors, BadExtensions) {
  expect_at(validate_sts_record("v=STSv1; id=a; more="), "STS-TXT-014", severity::error, 1, 16, 15,
            20);
  expect_at(validate_sts_record("v=STSv1; id=a; a12345678901234567890123456789012=1"),
            "STS-TXT-013", severity::error, 1, 16, 15, 48);
  expect_at(validate_sts_record("v=STSv1; id=a; 1%=a"), "STS-TXT-013", severity::error, 1, 17, 16,
            17);
  expect_at(validate_sts_record("v=STSv1; id=a; test=="), "STS-TXT-014", severity::error, 1, 21, 20,
            21);
}

TEST(StsRecordVectors, DoubledDelimiter) {
  const R r = validate_sts_record("v=STSv1; id=a;;");
  expect_at(r, "STS-TXT-011", severity::error, 1, 14, 13, 15);
  EXPECT_NE(find(r, "STS-TXT-011")->hint.find("mox rejects"), std::string::npos);
  EXPECT_NE(find(r, "STS-TXT-011")->hint.find("PMR and go-mtasts skip"), std::string::npos);
}

TEST(StsRecordVectors, WhitespaceAroundEquals) {
  expect_at(validate_sts_record("v = STSv1; id=abc"), "STS-TXT-004", severity::error, 1, 2, 1, 4);
  const R r = validate_sts_record("v=STSv1; id = abc");
  expect_at(r, "STS-TXT-010", severity::error, 1, 12, 11, 14);
  EXPECT_EQ(r.value.id, "abc");
  expect_at(validate_sts_record(" v=STSv1; id=abc"), "STS-TXT-004", severity::error, 1, 1, 0, 1);
}

TEST(StsRecordVectors, DecoyIsNotARecord) {
  const R r = validate_sts_record("V=STSv1; id=decoy");
  expect_at(r, "STS-TXT-004", severity::error, 1, 1, 0, 7);
  const diagnostic* d = find(r, "STS-TXT-004");
  EXPECT_NE(d->hint.find("mailauth and checkdmarc"), std::string::npos);
  EXPECT_NE(d->hint.find("PMR and mox"), std::string::npos);
  EXPECT_TRUE(r.value.version.empty());
}

TEST(StsRecordVectors, WhitespaceBeforeFirstSemicolonWarns) {
  const R r = validate_sts_record("v=STSv1 ; id=abc");
  EXPECT_TRUE(r.ok);
  expect_at(r, "STS-TXT-006", severity::warning, 1, 8, 7, 8);
}

// ---- rules one by one ----

TEST(StsRecordRules, EmptyTextIsPresentButNotAPolicyRecord) {
  const R r = validate_sts_record("");
  EXPECT_EQ(codes(r), std::vector<std::string>{"STS-TXT-004"});
  expect_at(r, "STS-TXT-004", severity::error, 1, 1, 0, 0);
  EXPECT_EQ(codes(validate_sts_record("\"\"")), std::vector<std::string>{"STS-TXT-004"});
}

TEST(StsRecordRules, OtherKindOfRecordStopsEarly) {
  const R r = validate_sts_record("v=spf1 include:_spf.example.com -all");
  EXPECT_EQ(codes(r), std::vector<std::string>{"STS-TXT-004"});
  expect_at(r, "STS-TXT-004", severity::error, 1, 1, 0, 6);
  EXPECT_NE(r.diagnostics[0].message.find("not an MTA-STS record"), std::string::npos);
}

TEST(StsRecordRules, EmptyVersionValueIsAWrongVersion) {
  const R r = validate_sts_record("v=; id=1");
  expect_at(r, "STS-TXT-004", severity::error, 1, 3, 2, 2);
  EXPECT_EQ(r.value.id, "1");
}

TEST(StsRecordRules, VersionNotFirst) {
  const R r = validate_sts_record("id=1; v=STSv1");
  expect_at(r, "STS-TXT-004", severity::error, 1, 1, 0, 4);
  EXPECT_NE(r.diagnostics[0].message.find("first field"), std::string::npos);
  EXPECT_EQ(r.value.id, "1");
  EXPECT_FALSE(has_code(r, "STS-TXT-015"));  // the misplaced v is not an extension
}

TEST(StsRecordRules, VersionCaseAndSpacesTogether) {
  const R r = validate_sts_record("V = stsv1; id=1");
  expect_at(r, "STS-TXT-004", severity::error, 1, 1, 0, 9, 0);  // case
  expect_at(r, "STS-TXT-004", severity::error, 1, 2, 1, 4, 1);  // whitespace
}

TEST(StsRecordRules, MissingDelimiterAfterVersionStillReadsTheId) {
  for (const char* t : {"v=STSv1 id=1", "v=STSv1,id=1"}) {
    const R r = validate_sts_record(t);
    expect_at(r, "STS-TXT-005", severity::error, 1, 8, 7, 8);
    EXPECT_EQ(r.value.id, "1") << t;
    EXPECT_FALSE(has_code(r, "STS-TXT-007")) << t;
  }
}

TEST(StsRecordRules, UpperCaseIdIsAnExtension) {
  const R r = validate_sts_record("v=STSv1; ID=20240101");
  expect_at(r, "STS-TXT-007", severity::error, 1, 10, 9, 11);
  EXPECT_NE(r.diagnostics[0].message.find("case-sensitive"), std::string::npos);
  EXPECT_FALSE(has_code(r, "STS-TXT-015"));
  EXPECT_TRUE(r.value.id.empty());
}

TEST(StsRecordRules, UpperCaseIdBesideTheIdIsIgnored) {
  const R r = validate_sts_record("v=STSv1; id=1; ID=2");
  EXPECT_TRUE(r.ok);
  expect_at(r, "STS-TXT-015", severity::info, 1, 16, 15, 19);
}

TEST(StsRecordRules, IdWithoutEquals) {
  expect_at(validate_sts_record("v=STSv1; id"), "STS-TXT-008", severity::error, 1, 10, 9, 11);
}

TEST(StsRecordRules, TimestampIdWithColonsAndDashes) {
  const R r = validate_sts_record("v=STSv1; id=2024-01-15T12:00:00Z");
  expect_at(r, "STS-TXT-008", severity::error, 1, 17, 16, 17);
  EXPECT_EQ(r.diagnostics.size(), 1u);  // the first bad character only
}

TEST(StsRecordRules, DuplicateIdFirstWins) {
  const R r = validate_sts_record("v=STSv1; id=a; id=b");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.value.id, "a");
  expect_at(r, "STS-TXT-009", severity::warning, 1, 16, 15, 19);
  EXPECT_NE(find(r, "STS-TXT-009")->message.find("last"), std::string::npos);
}

TEST(StsRecordRules, WhitespaceAroundExtensionEquals) {
  const R r = validate_sts_record("v=STSv1; id=1; ext =x");
  expect_at(r, "STS-TXT-010", severity::error, 1, 19, 18, 20);
  EXPECT_NE(find(r, "STS-TXT-010")->hint.find("ext=x"), std::string::npos);
}

TEST(StsRecordRules, TrailingWhitespaceWithoutDelimiter) {
  const R r = validate_sts_record("v=STSv1; id=1 ");
  expect_at(r, "STS-TXT-010", severity::error, 1, 14, 13, 14);
  EXPECT_NE(find(r, "STS-TXT-010")->message.find("mox rejects"), std::string::npos);
  EXPECT_TRUE(validate_sts_record("v=STSv1; id=1; ").ok);
}

TEST(StsRecordRules, EmptyFieldInTheMiddle) {
  expect_at(validate_sts_record("v=STSv1;; id=1"), "STS-TXT-011", severity::error, 1, 8, 7, 9);
  expect_at(validate_sts_record("v=STSv1; ; id=1"), "STS-TXT-011", severity::error, 1, 8, 7, 10);
}

TEST(StsRecordRules, TrailingSemicolonIsNotFlagged) {
  const R r = validate_sts_record("v=STSv1; id=20160831085700Z;");
  EXPECT_EQ(codes(r), std::vector<std::string>{"STS-TXT-020"});
}

TEST(StsRecordRules, ExtensionNameRules) {
  expect_at(validate_sts_record("v=STSv1; id=a; _ext=1"), "STS-TXT-013", severity::error, 1, 16, 15,
            16);
  expect_at(validate_sts_record("v=STSv1; id=a; =1"), "STS-TXT-013", severity::error, 1, 16, 15,
            16);
}

TEST(StsRecordRules, ExtensionValueRules) {
  expect_at(validate_sts_record("v=STSv1; id=a; ext=a b"), "STS-TXT-014", severity::error, 1, 21,
            20, 21);
  expect_at(validate_sts_record("v=STSv1; id=a; ext"), "STS-TXT-014", severity::error, 1, 16, 15,
            18);
}

TEST(StsRecordRules, ExtensionsAreIgnoredWithAnInfo) {
  const R r = validate_sts_record("v=STSv1; id=1; foo=bar");
  expect_at(r, "STS-TXT-015", severity::info, 1, 16, 15, 22);
  EXPECT_NE(find(r, "STS-TXT-015")->message.find("\"foo\""), std::string::npos);
}

TEST(StsRecordRules, NonAsciiIsReportedOncePerRun) {
  // "é" is 2 bytes but 1 UTF-16 unit.
  const R r = validate_sts_record("v=STSv1; id=1; note=\xC3\xA9\xC3\xA9");
  EXPECT_FALSE(r.ok);
  expect_at(r, "STS-TXT-016", severity::error, 1, 21, 20, 22);
  EXPECT_FALSE(has_code(r, "STS-TXT-014"));
  EXPECT_TRUE(r.value.extensions.empty());
}

TEST(StsRecordRules, NonAsciiIdIsNotValid) {
  const R r = validate_sts_record("v=STSv1; id=caf\xC3\xA9");
  expect_at(r, "STS-TXT-016", severity::error, 1, 16, 15, 16);
  EXPECT_FALSE(has_code(r, "STS-TXT-020"));
}

TEST(StsRecordRules, OpaqueIdInfoOnceOnAValidId) {
  const R plain = validate_sts_record("v=STSv1; id=abc");
  expect_at(plain, "STS-TXT-020", severity::info, 1, 13, 12, 15);
  EXPECT_NE(find(plain, "STS-TXT-020")->hint.find("UTC timestamp"), std::string::npos);
  const R stamp = validate_sts_record("v=STSv1; id=20240115120000; id=x");
  EXPECT_EQ(find(stamp, "STS-TXT-020", 1), nullptr);
  EXPECT_EQ(find(stamp, "STS-TXT-020")->hint.find("UTC timestamp"), std::string::npos);
}

// ---- zone-file input ----

TEST(StsRecordInput, QuotedPositionsMapToTheInput) {
  // The '-' is at offset 13 of the joined text, offset 17 of the input.
  const R r = validate_sts_record(R"("v=STSv1; " "id=a-b")");
  expect_at(r, "STS-TXT-008", severity::error, 1, 18, 17, 18);
}

TEST(StsRecordInput, WrongOwnerIsPinnedOnTheOwner) {
  const R r = validate_sts_record(R"(example.com. 3600 IN TXT "v=STSv1; id=1")");
  expect_at(r, "STS-TXT-019", severity::error, 1, 1, 0, 12);
  EXPECT_NE(find(r, "STS-TXT-019")->hint.find("_mta-sts.example.com"), std::string::npos);
  EXPECT_EQ(r.value.id, "1");
}

TEST(StsRecordInput, OwnerHints) {
  auto hint = [](const char* line) {
    const R r = validate_sts_record(line);
    const diagnostic* d = find(r, "STS-TXT-019");
    return d == nullptr ? std::string("(none)") : d->hint;
  };
  EXPECT_EQ(hint(R"(_mta_sts.example.com. IN TXT "v=STSv1; id=1")"),
            "Publish it at _mta-sts.example.com.");
  EXPECT_EQ(hint(R"(mta-sts.example.com. IN TXT "v=STSv1; id=1")"),
            "Publish it at _mta-sts.example.com.");
  EXPECT_EQ(hint(R"(_mta-sts._mta-sts.example.com. IN TXT "v=STSv1; id=1")"),
            "Publish it at _mta-sts.example.com.");
  EXPECT_EQ(hint(R"(_dmarc.example.com. IN TXT "v=STSv1; id=1")"),
            "Publish it at _mta-sts.example.com.");
  EXPECT_EQ(hint(R"(_mta-sts.example.com. IN TXT "v=STSv1; id=1")"), "(none)");
  EXPECT_EQ(hint(R"(_mta-sts IN TXT "v=STSv1; id=1")"), "(none)");
}

TEST(StsRecordInput, FrenchMessages) {
  options o;
  o.lang = language::fr;
  const R r = validate_sts_record("v=STSv1; id=a;;", o);
  const diagnostic* d = find(r, "STS-TXT-011");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("« ;; »"), std::string::npos);
  EXPECT_NE(d->hint.find("mox rejette"), std::string::npos);
}

// ---- RRsets (discovery) ----

TEST(StsRecordRrset, EmptySetMeansNoRecord) {
  const R r = validate_sts_record(txt_rrset{});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(codes(r), std::vector<std::string>{"STS-TXT-001"});
  EXPECT_EQ(r.diagnostics[0].record, -1);
}

TEST(StsRecordRrset, DecoyDoesNotHideTheRecord) {
  const R r = validate_sts_record(txt_rrset{{"V=STSv1; id=decoy"}, {"v=STSv1; id=20240101"}});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.value.id, "20240101");
  const diagnostic* d = find(r, "STS-TXT-003");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->record, 0);
  EXPECT_EQ(d->sev, severity::info);
  EXPECT_EQ(d->end, 17u);
  EXPECT_EQ(find(r, "STS-TXT-020")->record, 1);
}

TEST(StsRecordRrset, TwoRecordsMeanNoPolicy) {
  const R r = validate_sts_record(txt_rrset{{"v=STSv1; id=a"}, {"v=STSv1; id=b"}});
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.value.id.empty());
  EXPECT_EQ(find(r, "STS-TXT-002", 0)->record, 0);
  EXPECT_EQ(find(r, "STS-TXT-002", 1)->record, 1);
  EXPECT_EQ(find(r, "STS-TXT-002", 1)->end, 13u);
}

TEST(StsRecordText, SeveralRecordsPastedOnePerLineAreAnRrset) {
  // `dig +short TXT _mta-sts.example.com` with two answers, quoted or not.
  for (const char* t : {"\"v=STSv1; id=a\"\n\"v=STSv1; id=b\"\n", "v=STSv1; id=a\r\nv=STSv1; id=b"}) {
    const R r = validate_sts_record(t);
    EXPECT_FALSE(r.ok) << t;
    EXPECT_TRUE(r.value.id.empty()) << t;
    const diagnostic* second = find(r, "STS-TXT-002", 1);
    ASSERT_NE(second, nullptr) << t;
    EXPECT_EQ(second->line, 2u) << t;
    EXPECT_EQ(second->record, -1) << t;  // a position in the text, not a record index
  }
  const R q = validate_sts_record("\"v=STSv1; id=a\"\n\"v=STSv1; id=b\"");
  expect_at(q, "STS-TXT-002", severity::error, 2, 2, 17, 30, 1);
  // One record whose id line is broken, or a record and a remark: still one text.
  EXPECT_EQ(find(validate_sts_record("v=STSv1;\nid=1"), "STS-TXT-002"), nullptr);
  EXPECT_EQ(find(validate_sts_record("v=STSv1; id=1\nmy note"), "STS-TXT-002"), nullptr);
  // A pasted single record is unchanged.
  EXPECT_TRUE(validate_sts_record("\"v=STSv1; id=a\"\n").ok);
}

TEST(StsRecordRrset, OtherTxtRecordsAreDiscarded) {
  const R r = validate_sts_record(txt_rrset{{"google-site-verification=abc"}, {"v=STSv1; id=1"}});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.value.id, "1");
  EXPECT_EQ(find(r, "STS-TXT-003")->record, 0);
  EXPECT_NE(find(r, "STS-TXT-003")->hint.find("checkdmarc"), std::string::npos);
}

TEST(StsRecordRrset, OnlyOtherRecords) {
  const R r = validate_sts_record(txt_rrset{{"v=spf1 -all"}});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(codes(r), (std::vector<std::string>{"STS-TXT-001", "STS-TXT-003"}));
}

TEST(StsRecordRrset, LoneNearMissIsValidated) {
  const R r = validate_sts_record(txt_rrset{{"V=STSv1; id=decoy"}});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(find(r, "STS-TXT-004")->record, 0);
}

TEST(StsRecordRrset, MultiStringJoinPositionsAreInTheJoinedText) {
  const R r = validate_sts_record(txt_rrset{{"v=STSv1; id=20", "24-01"}});
  const diagnostic* join = find(r, "STS-TXT-017");
  ASSERT_NE(join, nullptr);
  EXPECT_EQ(join->record, 0);
  const diagnostic* id = find(r, "STS-TXT-008");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->start, 16u);
  EXPECT_EQ(id->record, 0);
}

TEST(StsRecordRrset, WhitespaceBeforeSemicolonIsStillACandidate) {
  const R r = validate_sts_record(txt_rrset{{"v=STSv1 ; id=1"}, {"v=STSv10; id=2"}});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.value.id, "1");
  EXPECT_EQ(find(r, "STS-TXT-006")->record, 0);
  EXPECT_EQ(find(r, "STS-TXT-003")->record, 1);
}

}  // namespace
}  // namespace mtasts

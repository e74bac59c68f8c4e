// Generators (rules.md §10, GEN-001…010; generator-input rules GEN-011…014):
// exact outputs, diagnostics pinned by code, field and position, and
// snapshot files of exact bytes (tests/snapshots/generate, GEN-010).
// UPDATE_SNAPSHOTS=1 rewrites the snapshot files (review the diff).
#include "mtasts/generate.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "mtasts/dmarc.hpp"
#include "mtasts/mx.hpp"
#include "mtasts/policy.hpp"
#include "mtasts/sts_record.hpp"
#include "mtasts/tlsrpt.hpp"
#include "report.hpp"

namespace {
using namespace mtasts;

const field_diagnostic* find(const std::vector<field_diagnostic>& ds, std::string_view code,
                             std::string_view field) {
  for (const field_diagnostic& d : ds)
    if (d.code == code && d.field == field) return &d;
  return nullptr;
}

std::string dump(const std::vector<field_diagnostic>& ds) {
  std::string s;
  for (const field_diagnostic& d : ds)
    s += d.code + " [" + d.field + "] " + std::string(to_string(d.sev)) + " " +
         std::to_string(d.start) + "-" + std::to_string(d.end) + ": " + d.message + "\n";
  return s;
}

options french() {
  options o;
  o.lang = language::fr;
  return o;
}

// ---- snapshots (GEN-010: same inputs, same bytes) -------------------------

std::filesystem::path snapshot_root() {
  if (const char* env = std::getenv("MTASTS_SNAPSHOTS")) return env;
  // tests/unit/generate_test.cpp -> tests/snapshots/generate
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "snapshots" / "generate";
}

void expect_snapshot(const std::string& name, const std::string& actual) {
  const std::filesystem::path file = snapshot_root() / name;
  const char* update = std::getenv("UPDATE_SNAPSHOTS");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << actual;
  }
  std::ifstream in(file, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing snapshot " << file << " (run with UPDATE_SNAPSHOTS=1)";
  const std::string expected((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  EXPECT_EQ(expected, actual) << "snapshot " << name;
}

// ===========================================================================
// Policy (GEN-002, GEN-003, GEN-004)

TEST(GeneratePolicy, WritesVersionModeMxMaxAgeWithCrlfAfterEveryLine) {
  const generated_policy g =
      generate_policy({"testing", {"mail.example.com", "backup.example.net"}, "86400", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text,
            "version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmx: backup.example.net\r\n"
            "max_age: 86400\r\n");
  EXPECT_EQ(g.mode, "testing");
  EXPECT_EQ(g.mx, (std::vector<std::string>{"mail.example.com", "backup.example.net"}));
  EXPECT_EQ(g.max_age, 86400u);
}

TEST(GeneratePolicy, DefaultsToTestingAndOneDay) {
  const generated_policy g = generate_policy({"", {"mail.example.com"}, "", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text,
            "version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 86400\r\n");
  const field_diagnostic* d = find(g.diagnostics, "GEN-004", "maxAge");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->sev, severity::info);
  EXPECT_NE(d->message.find("86400"), std::string::npos);
}

TEST(GeneratePolicy, EnforceDefaultsToOneWeek) {
  const generated_policy g = generate_policy({"enforce", {"mail.example.com"}, "", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.max_age, 604800u);
  EXPECT_NE(g.text.find("max_age: 604800\r\n"), std::string::npos);
  // Re-validation advice lands on the max_age field (STS-POL-024, info at one week).
  const field_diagnostic* d = find(g.diagnostics, "STS-POL-024", "maxAge");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->sev, severity::info);
  EXPECT_EQ(d->start, 0u);
  EXPECT_EQ(d->end, 0u);
}

TEST(GeneratePolicy, NormalisesPatternsToLowerCaseALabelsWithoutTrailingDot) {
  const generated_policy g = generate_policy(
      {"enforce", {"MAIL.Example.COM.", "møx.example", "*.Bücher.example"}, "604800", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.mx, (std::vector<std::string>{"mail.example.com", "xn--mx-lka.example",
                                            "*.xn--bcher-kva.example"}));
  const field_diagnostic* d = find(g.diagnostics, "GEN-003", "mx[1]");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->sev, severity::info);
  EXPECT_EQ(d->start, 0u);
  EXPECT_EQ(d->end, 11u);  // "møx.example" is 11 UTF-16 units
  EXPECT_NE(d->message.find("xn--mx-lka.example"), std::string::npos);
  // The fixes are not reported as the validator's errors.
  EXPECT_EQ(find(g.diagnostics, "STS-MX-004", "mx[0]"), nullptr);
  EXPECT_EQ(find(g.diagnostics, "STS-MX-005", "mx[1]"), nullptr);
}

TEST(GeneratePolicy, WritesDuplicatesOnceKeepingOrder) {
  const generated_policy g = generate_policy(
      {"testing", {"b.example.com", "a.example.com", "B.EXAMPLE.COM", "a.example.com."}, "", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.mx, (std::vector<std::string>{"b.example.com", "a.example.com"}));
  const auto repeats = [&](std::string_view field) {
    for (const field_diagnostic& d : g.diagnostics)
      if (d.code == "GEN-003" && d.field == field && d.message.find("repeats") != std::string::npos)
        return true;
    return false;
  };
  EXPECT_TRUE(repeats("mx[2]")) << dump(g.diagnostics);
  EXPECT_TRUE(repeats("mx[3]"));
  EXPECT_FALSE(repeats("mx[1]"));
}

TEST(GeneratePolicy, LeavesBlankRowsOut) {
  const generated_policy g = generate_policy({"testing", {"", "mail.example.com", "  "}, "", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.mx, (std::vector<std::string>{"mail.example.com"}));
  ASSERT_NE(find(g.diagnostics, "GEN-014", "mx[0]"), nullptr);
  ASSERT_NE(find(g.diagnostics, "GEN-014", "mx[2]"), nullptr);
  EXPECT_EQ(find(g.diagnostics, "GEN-014", "mx[2]")->end, 2u);
}

TEST(GeneratePolicy, EnforceWithoutMxGivesAnErrorAndNoText) {
  for (const char* mode : {"enforce", "testing"}) {
    const generated_policy g = generate_policy({mode, {"", " "}, "604800", ""});
    EXPECT_FALSE(g.ok);
    EXPECT_TRUE(g.text.empty());
    EXPECT_TRUE(g.mx.empty());
    const field_diagnostic* d = find(g.diagnostics, "GEN-003", "mx");
    ASSERT_NE(d, nullptr) << dump(g.diagnostics);
    EXPECT_EQ(d->sev, severity::error);
    EXPECT_NE(d->message.find(mode), std::string::npos);
  }
}

TEST(GeneratePolicy, ModeNoneNeedsNoMx) {
  const generated_policy g = generate_policy({"none", {}, "86400", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text, "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n");
}

TEST(GeneratePolicy, ModeNoneKeepsGivenMxWithTheValidatorsNote) {
  const generated_policy g = generate_policy({"none", {"mail.example.com"}, "86400", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_NE(g.text.find("mx: mail.example.com\r\n"), std::string::npos);
  EXPECT_NE(find(g.diagnostics, "STS-POL-027", "mx[0]"), nullptr) << dump(g.diagnostics);
}

TEST(GeneratePolicy, BadPatternGetsTheValidatorsRuleAtItsPosition) {
  const generated_policy g = generate_policy({"testing", {"  mail_1.example.com"}, "", ""});
  EXPECT_FALSE(g.ok);
  EXPECT_TRUE(g.text.empty());
  const field_diagnostic* d = find(g.diagnostics, "STS-MX-002", "mx[0]");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->sev, severity::error);
  EXPECT_EQ(d->start, 6u);  // the "_" after two leading spaces and "mail"
  EXPECT_EQ(d->end, 7u);
  EXPECT_EQ(d->column, 7u);
  EXPECT_EQ(d->line, 1u);
  // No "missing mx" on top of the row's own error.
  EXPECT_EQ(find(g.diagnostics, "GEN-003", "mx"), nullptr);
}

TEST(GeneratePolicy, RejectsWhatTheValidatorRejects) {
  const struct {
    const char* pattern;
    const char* code;
  } cases[] = {
      {".example.net", "STS-MX-003"},
      {"212.114.86.56", "STS-MX-006"},
      {"smtp://mx.example.com", "STS-MX-002"},
      {"mx.example.com:25", "STS-MX-002"},
      {"*.*.example.com", "STS-MX-002"},
      {"mx..example.com", "STS-MX-002"},
      {"-mx.example.com", "STS-MX-002"},
      {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example", "STS-MX-007"},
  };
  for (const auto& c : cases) {
    const generated_policy g = generate_policy({"testing", {c.pattern}, "", ""});
    EXPECT_FALSE(g.ok) << c.pattern;
    EXPECT_TRUE(g.text.empty()) << c.pattern;
    const field_diagnostic* d = find(g.diagnostics, c.code, "mx[0]");
    ASSERT_NE(d, nullptr) << c.pattern << "\n" << dump(g.diagnostics);
    EXPECT_EQ(d->sev, severity::error) << c.pattern;
  }
}

TEST(GeneratePolicy, WarnsOnMicrosoftWildcardButStillGenerates) {
  const generated_policy g = generate_policy({"testing", {"*.mx.microsoft"}, "", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  const field_diagnostic* d = find(g.diagnostics, "STS-MX-013", "mx[0]");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->sev, severity::warning);
  EXPECT_EQ(d->start, 0u);
  EXPECT_EQ(d->end, 14u);
}

TEST(GeneratePolicy, NotesAWildcardOverThePolicyDomain) {
  const generated_policy g = generate_policy({"testing", {"*.Example.com"}, "", "example.com"});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  const field_diagnostic* d = find(g.diagnostics, "GEN-013", "mx[0]");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->sev, severity::info);
  EXPECT_NE(d->message.find("example.com"), std::string::npos);
}

TEST(GeneratePolicy, AttachesCoveredPatternAdviceToTheInputRow) {
  const generated_policy g =
      generate_policy({"testing", {"", "a.example.com", "*.example.com"}, "", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_NE(find(g.diagnostics, "STS-MX-012", "mx[1]"), nullptr) << dump(g.diagnostics);
}

TEST(GeneratePolicy, MaxAgeAboveOneYearIsAnError) {
  const generated_policy g = generate_policy({"enforce", {"mail.example.com"}, "31557601", ""});
  EXPECT_FALSE(g.ok);
  EXPECT_TRUE(g.text.empty());
  const field_diagnostic* d = find(g.diagnostics, "STS-POL-021", "maxAge");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->sev, severity::error);
  EXPECT_EQ(d->start, 0u);
  EXPECT_EQ(d->end, 8u);
}

TEST(GeneratePolicy, MaxAgeMustBeDigits) {
  for (const char* v : {"1w", "-1", "+86400", "86400s", "8.64e4", "12345678901", "une semaine"}) {
    const generated_policy g = generate_policy({"enforce", {"mail.example.com"}, v, ""});
    EXPECT_FALSE(g.ok) << v;
    const field_diagnostic* d = find(g.diagnostics, "STS-POL-020", "maxAge");
    ASSERT_NE(d, nullptr) << v << "\n" << dump(g.diagnostics);
    EXPECT_EQ(d->sev, severity::error);
  }
  const generated_policy unit = generate_policy({"enforce", {"mail.example.com"}, " 1w", ""});
  const field_diagnostic* d = find(unit.diagnostics, "STS-POL-020", "maxAge");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->start, 1u);                               // after the leading space
  EXPECT_NE(d->hint.find("604800"), std::string::npos);  // the validator's conversion
}

TEST(GeneratePolicy, MaxAgeEdgeValues) {
  generated_policy g = generate_policy({"enforce", {"mail.example.com"}, "31557600", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.max_age, 31557600u);
  g = generate_policy({"enforce", {"mail.example.com"}, " 0604800 ", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_NE(g.text.find("max_age: 604800\r\n"), std::string::npos);
  g = generate_policy({"testing", {"mail.example.com"}, "0", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_NE(find(g.diagnostics, "STS-POL-022", "maxAge"), nullptr) << dump(g.diagnostics);
}

TEST(GeneratePolicy, UnknownModeIsAnError) {
  const generated_policy g = generate_policy({"report", {"mail.example.com"}, "", ""});
  EXPECT_FALSE(g.ok);
  const field_diagnostic* d = find(g.diagnostics, "GEN-004", "mode");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->sev, severity::error);
  EXPECT_EQ(d->end, 6u);
  const generated_policy upper = generate_policy({"Enforce", {"mail.example.com"}, "", ""});
  ASSERT_TRUE(upper.ok);
  EXPECT_EQ(upper.mode, "enforce");
}

TEST(GeneratePolicy, RejectsALineBreakInAField) {
  const generated_policy g =
      generate_policy({"testing", {"mail.example.com\nmode: enforce"}, "", ""});
  EXPECT_FALSE(g.ok);
  const field_diagnostic* d = find(g.diagnostics, "GEN-011", "mx[0]");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->start, 16u);
  EXPECT_EQ(d->end, 17u);
  EXPECT_NE(d->message.find("\\n"), std::string::npos);
}

TEST(GeneratePolicy, InvalidDomainBlocksTheOutput) {
  const generated_policy g = generate_policy({"testing", {"mail.example.com"}, "", "exa mple.com"});
  EXPECT_FALSE(g.ok);
  EXPECT_NE(find(g.diagnostics, "GEN-012", "domain"), nullptr);
}

TEST(GeneratePolicy, SpeaksFrench) {
  const generated_policy g = generate_policy({"testing", {"MAIL.example.com"}, "", ""}, french());
  const field_diagnostic* d = find(g.diagnostics, "GEN-003", "mx[0]");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("est écrit « mail.example.com »"), std::string::npos) << d->message;
}

// ===========================================================================
// Policy id and `_mta-sts` record (GEN-001)

TEST(PolicyId, FormatsUtcTimestamps) {
  EXPECT_EQ(policy_id_from_utc(0), "19700101000000");
  EXPECT_EQ(policy_id_from_utc(1705311000), "20240115093000");
  EXPECT_EQ(policy_id_from_utc(951782400), "20000229000000");
  EXPECT_EQ(policy_id_from_utc(1709251199), "20240229235959");
  EXPECT_EQ(policy_id_from_utc(4102444799), "20991231235959");
  EXPECT_EQ(policy_id_from_utc(-5), "19700101000000");
  EXPECT_EQ(policy_id_from_utc(INT64_MAX), "99991231235959");
}

TEST(GenerateStsRecord, WritesValueZoneLineAndHostHint) {
  const generated_sts_record g = generate_sts_record({"20240115093000", "Example.com."});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text, "v=STSv1; id=20240115093000");
  EXPECT_EQ(g.zone_line, "_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=20240115093000\"");
  EXPECT_EQ(g.domain, "example.com");
  EXPECT_EQ(g.policy_host, "mta-sts.example.com");
  EXPECT_EQ(g.policy_url, "https://mta-sts.example.com/.well-known/mta-sts.txt");
  EXPECT_NE(g.host_hint.find("\n;mta-sts.example.com. 3600 IN A 192.0.2.10\n"), std::string::npos);
  EXPECT_NE(g.host_hint.find(";mta-sts.example.com. 3600 IN CNAME "), std::string::npos);
  EXPECT_TRUE(validate_sts_record(g.text).ok);
  EXPECT_TRUE(validate_sts_record(g.zone_line).ok);
}

TEST(GenerateStsRecord, WithoutDomainUsesTheRelativeOwner) {
  const generated_sts_record g = generate_sts_record({"abc123", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.zone_line, "_mta-sts 3600 IN TXT \"v=STSv1; id=abc123\"");
  EXPECT_TRUE(g.policy_url.empty());
  const result<sts_record> r = validate_sts_record(g.zone_line);
  EXPECT_TRUE(r.ok);
}

TEST(GenerateStsRecord, UnicodeDomainBecomesALabel) {
  const generated_sts_record g = generate_sts_record({"1", "Bücher.example"});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.zone_line, "_mta-sts.xn--bcher-kva.example. 3600 IN TXT \"v=STSv1; id=1\"");
  EXPECT_NE(find(g.diagnostics, "GEN-012", "domain"), nullptr);
}

TEST(GenerateStsRecord, WideFormsAreMappedAndCompatibilityFormsRefused) {
  // UTS 46: the ideographic and full-width full stops are dots, full-width
  // letters are ASCII (encoding them as they are gives an A-label no MX has).
  for (const char* d : {"example.com\u3002", "\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com",
                        "example\uff0ecom"}) {
    const generated_sts_record g = generate_sts_record({"1", d});
    ASSERT_TRUE(g.ok) << d << dump(g.diagnostics);
    EXPECT_EQ(g.zone_line, "_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=1\"") << d;
  }
  const generated_policy p = generate_policy({"enforce", {"mail.\uff45xample.com", "mx.example.com\u3002"}, "", ""});
  ASSERT_TRUE(p.ok) << dump(p.diagnostics);
  EXPECT_NE(p.text.find("mx: mail.example.com\r\n"), std::string::npos) << p.text;
  EXPECT_NE(p.text.find("mx: mx.example.com\r\n"), std::string::npos) << p.text;
  // Roman numerals, circled digits…: IDNA2008 disallows them.
  for (const char* d : {"\u2168.example", "\u2460.example"}) {
    const generated_sts_record g = generate_sts_record({"1", d});
    EXPECT_FALSE(g.ok) << d;
  }
}

TEST(GenerateStsRecord, TheLongestRecordNameFitsInADnsName) {
  const std::string l63(63, 'a');
  const std::string too_long = l63 + "." + l63 + "." + l63 + "." + std::string(57, 'b') + ".com";  // 253
  ASSERT_EQ(too_long.size(), 253u);
  const generated_sts_record g = generate_sts_record({"1", too_long});
  EXPECT_FALSE(g.ok);
  const field_diagnostic* d = find(g.diagnostics, "GEN-012", "domain");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("at most 242"), std::string::npos) << d->message;
  const std::string fits = l63 + "." + l63 + "." + l63 + "." + std::string(46, 'b') + ".com";  // 242
  ASSERT_EQ(fits.size(), 242u);
  EXPECT_TRUE(generate_sts_record({"1", fits}).ok);
}

TEST(GenerateStsRecord, IdRules) {
  generated_sts_record g = generate_sts_record({"", "example.com"});
  EXPECT_FALSE(g.ok);
  EXPECT_TRUE(g.text.empty());
  EXPECT_TRUE(g.zone_line.empty());
  ASSERT_NE(find(g.diagnostics, "GEN-001", "id"), nullptr);

  g = generate_sts_record({"2024-01-15", "example.com"});
  EXPECT_FALSE(g.ok);
  const field_diagnostic* d = find(g.diagnostics, "STS-TXT-008", "id");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->start, 4u);
  EXPECT_EQ(d->end, 5u);

  // A space is named (between quotes it would read as nothing), in both languages.
  g = generate_sts_record({"bad id!", "example.com"});
  d = find(g.diagnostics, "STS-TXT-008", "id");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->message, "The policy id \"bad id!\" contains a space; expected only letters A–Z, a–z and digits 0–9.");
  EXPECT_EQ(d->start, 3u);
  options fr;
  fr.lang = language::fr;
  g = generate_sts_record({"bad id!", "example.com"}, fr);
  d = find(g.diagnostics, "STS-TXT-008", "id");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("contient un espace"), std::string::npos) << d->message;

  g = generate_sts_record({std::string(33, 'a'), "example.com"});
  EXPECT_FALSE(g.ok);
  d = find(g.diagnostics, "STS-TXT-008", "id");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("33"), std::string::npos);

  g = generate_sts_record({std::string(32, 'Z'), "example.com"});
  EXPECT_TRUE(g.ok) << dump(g.diagnostics);
}

TEST(GenerateStsRecord, DomainFieldProblems) {
  struct {
    const char* domain;
    bool ok;
    const char* hint_part;
  } cases[] = {
      {"https://example.com/", false, "example.com"},
      {"admin@example.com", false, "example.com"},
      {"_mta-sts.example.com", false, "example.com"},
      {"_smtp._tls.example.com", false, "example.com"},
      {"localhost", false, ""},
      {"exa mple.com", false, ""},
      {"-bad.example", false, ""},
      {"192.0.2.1", false, ""},
      {"mta-sts.example.com", false, "example.com"},
  };
  for (const auto& c : cases) {
    const generated_sts_record g = generate_sts_record({"1", c.domain});
    EXPECT_EQ(g.ok, c.ok) << c.domain << "\n" << dump(g.diagnostics);
    const field_diagnostic* d = find(g.diagnostics, "GEN-012", "domain");
    ASSERT_NE(d, nullptr) << c.domain;
    EXPECT_EQ(d->sev, severity::error) << c.domain;
    EXPECT_NE(d->hint.find(c.hint_part), std::string::npos) << c.domain << ": " << d->hint;
  }
}

// ===========================================================================
// TLS-RPT (GEN-006)

TEST(GenerateTlsRpt, AddsMailtoAndJoinsWithCommas) {
  const generated_tlsrpt g = generate_tlsrpt_record(
      {{"tls-reports@example.com", "HTTPS://reports.example.net/v1/tlsrpt"}, "example.com"});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text,
            "v=TLSRPTv1; rua=mailto:tls-reports@example.com,https://reports.example.net/v1/tlsrpt");
  EXPECT_EQ(g.zone_line,
            "_smtp._tls.example.com. 3600 IN TXT \"v=TLSRPTv1; "
            "rua=mailto:tls-reports@example.com,https://reports.example.net/v1/tlsrpt\"");
  EXPECT_NE(find(g.diagnostics, "GEN-006", "rua[0]"), nullptr);
  const result<tlsrpt_record> r = validate_tlsrpt_record(g.text);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.value.rua, g.rua);
  EXPECT_TRUE(validate_tlsrpt_record(g.zone_line).ok);
}

TEST(GenerateTlsRpt, PercentEncodesReservedCharactersOfABareAddress) {
  const generated_tlsrpt g = generate_tlsrpt_record({{"a,b!c;d'e@Exämple.com"}, ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.rua, (std::vector<std::string>{"mailto:a%2Cb%21c%3Bd%27e@xn--exmple-cua.com"}));
  EXPECT_EQ(g.zone_line.rfind("_smtp._tls 3600 IN TXT ", 0), 0u);
}

TEST(GenerateTlsRpt, RejectsWhatTheValidatorRejects) {
  const struct {
    const char* uri;
    const char* code;
  } cases[] = {
      {"http://reports.example.com/x", "TLSRPT-009"}, {"ftp://reports.example.com/x", "TLSRPT-009"},
      {"mailto:a@example.com!10m", "TLSRPT-010"},     {"mailto:", "TLSRPT-010"},
      {"https://bad_host.example/x", "TLSRPT-010"},
  };
  for (const auto& c : cases) {
    const generated_tlsrpt g = generate_tlsrpt_record({{c.uri}, ""});
    EXPECT_FALSE(g.ok) << c.uri;
    EXPECT_TRUE(g.text.empty());
    const field_diagnostic* d = find(g.diagnostics, c.code, "rua[0]");
    ASSERT_NE(d, nullptr) << c.uri << "\n" << dump(g.diagnostics);
    EXPECT_EQ(d->sev, severity::error);
  }
  const generated_tlsrpt bang = generate_tlsrpt_record({{" mailto:a@example.com!10m"}, ""});
  const field_diagnostic* d = find(bang.diagnostics, "TLSRPT-010", "rua[0]");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->start, 21u);  // the "!" after one leading space
  EXPECT_EQ(d->end, 25u);
}

TEST(GenerateTlsRpt, OneDestinationPerRow) {
  const generated_tlsrpt g =
      generate_tlsrpt_record({{"mailto:a@example.com,mailto:b@example.com"}, ""});
  EXPECT_FALSE(g.ok);
  EXPECT_NE(find(g.diagnostics, "GEN-006", "rua[0]"), nullptr);
  const generated_tlsrpt bad = generate_tlsrpt_record({{"someone@"}, ""});
  EXPECT_FALSE(bad.ok);
  ASSERT_NE(find(bad.diagnostics, "GEN-006", "rua[0]"), nullptr);
  EXPECT_EQ(find(bad.diagnostics, "GEN-006", "rua[0]")->sev, severity::error);
}

TEST(GenerateTlsRpt, NeedsAtLeastOneDestination) {
  const generated_tlsrpt g = generate_tlsrpt_record({{"", "  "}, "example.com"});
  EXPECT_FALSE(g.ok);
  const field_diagnostic* d = find(g.diagnostics, "GEN-006", "rua");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->sev, severity::error);
  EXPECT_NE(find(g.diagnostics, "GEN-014", "rua[1]"), nullptr);
}

TEST(GenerateTlsRpt, WritesDuplicatesOnce) {
  const generated_tlsrpt g =
      generate_tlsrpt_record({{"a@example.com", "mailto:a@example.com"}, ""});
  ASSERT_TRUE(g.ok);
  EXPECT_EQ(g.rua.size(), 1u);
  const field_diagnostic* d = find(g.diagnostics, "GEN-006", "rua[1]");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("repeats"), std::string::npos);
}

// ===========================================================================
// DMARC (GEN-007)

TEST(GenerateDmarc, MinimalRecordIsValidUnderBothSpecs) {
  const generated_dmarc g = generate_dmarc_record({});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text, "v=DMARC1; p=none");
  EXPECT_EQ(g.zone_line, "_dmarc 3600 IN TXT \"v=DMARC1; p=none\"");
}

TEST(GenerateDmarc, WritesTagsInAStableOrderWithPSecond) {
  dmarc_input in;
  in.domain = "example.com";
  in.ruf = {"forensic@example.com"};
  in.rua = {"dmarc@example.com"};
  in.fo = "1";
  in.aspf = "r";
  in.adkim = "S";
  in.t = "y";
  in.np = "reject";
  in.sp = "reject";
  in.p = "Quarantine";
  const generated_dmarc g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text,
            "v=DMARC1; p=quarantine; sp=reject; np=reject; t=y; adkim=s; aspf=r; fo=1; "
            "rua=mailto:dmarc@example.com; ruf=mailto:forensic@example.com");
  EXPECT_EQ(g.zone_line, "_dmarc.example.com. 3600 IN TXT \"" + g.text + "\"");
  EXPECT_TRUE(g.authorizations.empty());
  for (dmarc_spec spec : {dmarc_spec::rfc7489, dmarc_spec::rfc9989}) {
    options o;
    o.dmarc = spec;
    const result<dmarc_record> r = validate_dmarc_record(g.text, o);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.value.p, "quarantine");
  }
  // Re-validation advice is attached to its tag: t is unknown to RFC 7489.
  EXPECT_NE(find(g.diagnostics, "DMARC-023", "t"), nullptr) << dump(g.diagnostics);
}

TEST(GenerateDmarc, LegacyTagsOnlyOnRequest) {
  dmarc_input in;
  in.p = "reject";
  in.pct = "50";
  in.ri = "3600";
  generated_dmarc g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text, "v=DMARC1; p=reject");
  EXPECT_NE(find(g.diagnostics, "GEN-007", "pct"), nullptr);
  EXPECT_NE(find(g.diagnostics, "GEN-007", "ri"), nullptr);

  in.legacy = true;
  in.rf = "AFRF";
  g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text, "v=DMARC1; p=reject; pct=50; rf=afrf; ri=3600");
  options o7489;
  const result<dmarc_record> r = validate_dmarc_record(g.text, o7489);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.value.pct, 50u);
  EXPECT_EQ(r.value.ri, 3600u);

  in.pct = "150";
  g = generate_dmarc_record(in);
  EXPECT_FALSE(g.ok);
  const field_diagnostic* d = find(g.diagnostics, "GEN-007", "pct");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->sev, severity::error);
  // 150 is digits already: the fix names the range.
  EXPECT_EQ(d->hint, "Type a whole number from 0 to 100, in digits only.");
}

TEST(GenerateDmarc, WritesFoSoThatBothSpecsAcceptIt) {
  dmarc_input in;
  in.fo = "0 : 1 : d : d";
  const generated_dmarc g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(g.text, "v=DMARC1; p=none; fo=1:d");
  const field_diagnostic* d = find(g.diagnostics, "GEN-007", "fo");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->sev, severity::info);
  in.fo = "2";
  const generated_dmarc bad = generate_dmarc_record(in);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(find(bad.diagnostics, "GEN-007", "fo")->sev, severity::error);
}

TEST(GenerateDmarc, RejectsValuesOutsideTheirLists) {
  const struct {
    const char* field;
    std::string dmarc_input::*member;
    const char* value;
  } cases[] = {
      {"p", &dmarc_input::p, "block"},         {"sp", &dmarc_input::sp, "strict"},
      {"np", &dmarc_input::np, "drop"},        {"adkim", &dmarc_input::adkim, "strict"},
      {"aspf", &dmarc_input::aspf, "relaxed"}, {"t", &dmarc_input::t, "yes"},
  };
  for (const auto& c : cases) {
    dmarc_input in;
    in.*c.member = c.value;
    const generated_dmarc g = generate_dmarc_record(in);
    EXPECT_FALSE(g.ok) << c.field;
    EXPECT_TRUE(g.text.empty());
    const field_diagnostic* d = find(g.diagnostics, "GEN-007", c.field);
    ASSERT_NE(d, nullptr) << c.field << "\n" << dump(g.diagnostics);
    EXPECT_EQ(d->sev, severity::error);
  }
}

TEST(GenerateDmarc, AuthorisationRecordsForExternalDestinations) {
  dmarc_input in;
  in.domain = "example.com";
  in.rua = {"dmarc@example.com", "d@reports.example.com", "mailto:agg@vendor.example",
            "https://dmarc.vendor.example/r"};
  in.ruf = {"f@vendor.example"};
  const generated_dmarc g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  ASSERT_EQ(g.authorizations.size(), 2u);
  EXPECT_EQ(g.authorizations[0].destination, "vendor.example");
  EXPECT_EQ(g.authorizations[0].name, "example.com._report._dmarc.vendor.example");
  EXPECT_EQ(g.authorizations[0].zone_line,
            "example.com._report._dmarc.vendor.example. 3600 IN TXT \"v=DMARC1\"");
  EXPECT_EQ(g.authorizations[1].destination, "dmarc.vendor.example");
  const field_diagnostic* d = find(g.diagnostics, "GEN-007", "rua[2]");
  ASSERT_NE(d, nullptr) << dump(g.diagnostics);
  EXPECT_EQ(d->sev, severity::warning);
  EXPECT_NE(d->message.find("example.com._report._dmarc.vendor.example"), std::string::npos);
  // ruf to an already listed destination: no second record, no second note.
  EXPECT_EQ(find(g.diagnostics, "GEN-007", "ruf[0]"), nullptr);
  // Non-mailto destinations keep the validator's warning (DMARC-019).
  EXPECT_NE(find(g.diagnostics, "DMARC-019", "rua[3]"), nullptr);
}

TEST(GenerateDmarc, AuthorisationNamesAreDnsNames) {
  dmarc_input in;
  in.domain = "example.com";
  in.rua = {"mailto:d@vendor.example.", "mailto:d@[192.0.2.1]", "https://192.0.2.7/r"};
  const generated_dmarc g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  ASSERT_EQ(g.authorizations.size(), 1u);
  EXPECT_EQ(g.authorizations[0].name, "example.com._report._dmarc.vendor.example");
}

TEST(GenerateDmarc, OrganisationalDomainApproximation) {
  dmarc_input in;
  in.domain = "shop.example.co.uk";
  in.rua = {"d@example.co.uk", "d@mail.example.co.uk", "d@other.co.uk"};
  const generated_dmarc g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  ASSERT_EQ(g.authorizations.size(), 1u);
  EXPECT_EQ(g.authorizations[0].name, "shop.example.co.uk._report._dmarc.other.co.uk");
}

TEST(GenerateDmarc, WithoutDomainSaysDestinationsCannotBeChecked) {
  dmarc_input in;
  in.rua = {"d@vendor.example"};
  const generated_dmarc g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok);
  EXPECT_TRUE(g.authorizations.empty());
  EXPECT_NE(find(g.diagnostics, "GEN-007", "domain"), nullptr);
}

TEST(GenerateDmarc, SplitsLongRecordsInto255OctetStrings) {
  dmarc_input in;
  in.domain = "example.com";
  in.p = "reject";
  for (int i = 0; i < 8; ++i)
    in.rua.push_back("dmarc-aggregate-reports-" + std::to_string(i) + "@reports.example.com");
  const generated_dmarc g = generate_dmarc_record(in);
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  ASSERT_GT(g.text.size(), 255u);
  ASSERT_GE(g.strings.size(), 2u);
  std::string joined;
  for (const std::string& s : g.strings) {
    EXPECT_LE(s.size(), 255u);
    joined += s;
  }
  EXPECT_EQ(joined, g.text);
  EXPECT_NE(find(g.diagnostics, "GEN-007", ""), nullptr);
  for (dmarc_spec spec : {dmarc_spec::rfc7489, dmarc_spec::rfc9989}) {
    options o;
    o.dmarc = spec;
    const result<dmarc_record> r = validate_dmarc_record(g.zone_line, o);
    EXPECT_TRUE(r.ok);
    for (const diagnostic& d : r.diagnostics) EXPECT_NE(d.code, "DMARC-030");
    ASSERT_TRUE(r.value.rua.has_value());
    EXPECT_EQ(*r.value.rua, g.rua);
  }
}

// ===========================================================================
// Presets and the Exchange Online DANE pattern (GEN-005)

TEST(ProviderPresets, OneTableWithSourcesAndBothLanguages) {
  const std::vector<provider_preset> presets = provider_presets();
  std::vector<std::string> ids;
  for (const provider_preset& p : presets) {
    ids.push_back(p.id);
    EXPECT_FALSE(p.name.empty());
    EXPECT_FALSE(p.source.empty()) << p.id;
    EXPECT_FALSE(p.explanation_en.empty()) << p.id;
    EXPECT_FALSE(p.explanation_fr.empty()) << p.id;
    EXPECT_NE(p.explanation_en, p.explanation_fr) << p.id;
    ASSERT_FALSE(p.patterns.empty()) << p.id;
    for (const preset_pattern& x : p.patterns) {
      EXPECT_FALSE(x.note_en.empty()) << x.pattern;
      EXPECT_FALSE(x.note_fr.empty()) << x.pattern;
      // Each pattern passes the validator's mx rules with no warning.
      const result<policy> r = validate_policy("version: STSv1\nmode: enforce\nmx: " + x.pattern +
                                               "\nmax_age: 604800\n");
      EXPECT_TRUE(r.ok) << x.pattern;
      for (const diagnostic& d : r.diagnostics)
        EXPECT_NE(d.sev, severity::warning) << x.pattern << " " << d.code;
    }
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"microsoft365", "google", "fastmail", "proton", "zoho",
                                           "icloud"}));
}

TEST(ProviderPresets, ExactStringsOfGen005) {
  const std::vector<provider_preset> presets = provider_presets();
  const auto patterns = [&](std::string_view id, bool optional) {
    std::vector<std::string> out;
    for (const provider_preset& p : presets)
      if (p.id == id)
        for (const preset_pattern& x : p.patterns)
          if (x.optional == optional) out.push_back(x.pattern);
    return out;
  };
  EXPECT_EQ(patterns("microsoft365", false),
            (std::vector<std::string>{"*.mail.protection.outlook.com"}));
  EXPECT_TRUE(presets[0].dane);
  EXPECT_EQ(
      patterns("google", false),
      (std::vector<std::string>{"smtp.google.com", "aspmx.l.google.com", "*.aspmx.l.google.com"}));
  EXPECT_EQ(patterns("google", true), (std::vector<std::string>{"*.googlemail.com"}));
  EXPECT_EQ(patterns("proton", false),
            (std::vector<std::string>{"mail.protonmail.ch", "mailsec.protonmail.ch"}));
  EXPECT_EQ(patterns("zoho", false),
            (std::vector<std::string>{"mx.zoho.com", "mx2.zoho.com", "mx3.zoho.com"}));
  EXPECT_EQ(patterns("icloud", false),
            (std::vector<std::string>{"mx01.mail.icloud.com", "mx02.mail.icloud.com"}));
  EXPECT_EQ(
      patterns("fastmail", false),
      (std::vector<std::string>{"in1-smtp.messagingengine.com", "in2-smtp.messagingengine.com"}));
}

TEST(ProviderPresets, CoverTheProvidersRealMxHosts) {
  const struct {
    const char* preset;
    const char* host;
  } cases[] = {
      {"microsoft365", "contoso-com.mail.protection.outlook.com."},
      {"google", "smtp.google.com."},
      {"google", "aspmx.l.google.com."},
      {"google", "alt4.aspmx.l.google.com."},
      {"fastmail", "in2-smtp.messagingengine.com."},
      {"proton", "mailsec.protonmail.ch."},
      {"zoho", "mx3.zoho.com."},
      {"icloud", "mx01.mail.icloud.com."},
  };
  const std::vector<provider_preset> presets = provider_presets();
  for (const auto& c : cases) {
    bool covered = false;
    for (const provider_preset& p : presets)
      if (p.id == c.preset)
        for (const preset_pattern& x : p.patterns)
          covered = covered || (!x.optional && mx_pattern_matches(x.pattern, c.host));
    EXPECT_TRUE(covered) << c.preset << " " << c.host;
  }
}

TEST(ProviderPresets, EveryPresetGeneratesAnEnforcePolicy) {
  for (const provider_preset& p : provider_presets()) {
    policy_input in{"enforce", {}, "1209600", ""};
    for (const preset_pattern& x : p.patterns) in.mx.push_back(x.pattern);
    const generated_policy g = generate_policy(in);
    EXPECT_TRUE(g.ok) << p.id << "\n" << dump(g.diagnostics);
    EXPECT_EQ(g.mx.size(), p.patterns.size()) << p.id;
  }
}

TEST(MicrosoftDane, DerivesTheSubZoneWildcard) {
  for (const char* host : {"contoso-com.a-v1.mx.microsoft", " Contoso-Com.A-V1.MX.Microsoft. ",
                           "*.a-v1.mx.microsoft", "a-v1.mx.microsoft"}) {
    const generated g = derive_microsoft_dane_pattern(host);
    ASSERT_TRUE(g.ok) << host << "\n" << dump(g.diagnostics);
    EXPECT_EQ(g.text, "*.a-v1.mx.microsoft") << host;
  }
  const generated g = derive_microsoft_dane_pattern("fabrikam-org.l-v1.mx.microsoft");
  ASSERT_TRUE(g.ok);
  EXPECT_EQ(g.text, "*.l-v1.mx.microsoft");
  EXPECT_TRUE(mx_pattern_matches(g.text, "fabrikam-org.l-v1.mx.microsoft."));
}

TEST(MicrosoftDane, NeverGivesTheTooBroadWildcard) {
  const struct {
    const char* host;
    const char* word;
  } cases[] = {
      {"*.mx.microsoft", "*.mx.microsoft"},
      {"mx.microsoft", "*.mx.microsoft"},
      {"contoso-com.mail.protection.outlook.com", "classic"},
      {"mail.example.com", "not"},
      {"bad_host.a-v1.mx.microsoft", "not"},
      {"", "No MX host"},
  };
  for (const auto& c : cases) {
    const generated g = derive_microsoft_dane_pattern(c.host);
    EXPECT_FALSE(g.ok) << c.host;
    EXPECT_TRUE(g.text.empty()) << c.host;
    const field_diagnostic* d = find(g.diagnostics, "GEN-005", "daneHost");
    ASSERT_NE(d, nullptr) << c.host;
    EXPECT_EQ(d->sev, severity::error);
    EXPECT_NE(d->message.find(c.word), std::string::npos) << d->message;
  }
}

// ===========================================================================
// Hosting snippets (GEN-008)

const std::string kPolicy =
    "version: STSv1\r\nmode: testing\r\nmx: mail.example.com\r\nmax_age: 86400\r\n";

const hosting_snippet* snippet(const generated_hosting& g, std::string_view id) {
  for (const hosting_snippet& s : g.snippets)
    if (s.id == id) return &s;
  return nullptr;
}

// The text between the first `"` after `marker` and its closing quote,
// unescaped the way nginx and JavaScript read it.
std::string quoted_after(const std::string& text, const std::string& marker, char kind) {
  std::size_t i = text.find(marker);
  if (i == std::string::npos) return "<marker not found>";
  const char quote = '"';
  i = text.find(quote, i + marker.size());
  std::string out;
  for (++i; i < text.size() && text[i] != quote; ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    const char n = text[++i];
    switch (n) {
      case 'r':
        out += '\r';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      default:
        out += n;
    }
  }
  if (kind == 'n') {  // nginx: the ${mta_sts_dollar} variable stands for "$"
    const std::string var = "${mta_sts_dollar}";
    for (std::size_t p; (p = out.find(var)) != std::string::npos;) out.replace(p, var.size(), "$");
  }
  return out;
}

// The bytes written by the Apache snippet's `printf '…' > file` line.
std::string printf_bytes(const std::string& text) {
  std::size_t i = text.find("printf '");
  if (i == std::string::npos) return "<printf not found>";
  i += 8;
  std::string fmt;
  while (i < text.size()) {
    if (text.compare(i, 4, "'\\''") == 0) {
      fmt += '\'';
      i += 4;
    } else if (text[i] == '\'') {
      break;
    } else {
      fmt += text[i++];
    }
  }
  std::string out;
  for (std::size_t k = 0; k < fmt.size(); ++k) {
    if (fmt[k] == '%' && k + 1 < fmt.size() && fmt[k + 1] == '%') {
      out += '%';
      ++k;
    } else if (fmt[k] == '\\' && k + 1 < fmt.size()) {
      const char n = fmt[++k];
      out += n == 'r' ? '\r' : n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += fmt[k];
    }
  }
  return out;
}

TEST(GenerateHosting, GivesEverySnippetInOrder) {
  const generated_hosting g = generate_hosting(
      {"example.com", kPolicy, "20240115093000", "v=TLSRPTv1; rua=mailto:t@example.com"});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  std::vector<std::string> ids;
  for (const hosting_snippet& s : g.snippets) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"nginx", "apache", "caddy", "cloudflare-worker",
                                           "github-pages", "zone"}));
  for (const hosting_snippet& s : g.snippets) {
    EXPECT_NE(s.text.find("mta-sts.example.com"), std::string::npos) << s.id;
    if (s.id != "zone") {
      EXPECT_NE(s.text.find("/.well-known/mta-sts.txt"), std::string::npos) << s.id;
      EXPECT_NE(s.text.find("text/plain; charset=utf-8"), std::string::npos) << s.id;
    }
    // No redirect anywhere (RFC 8461 §3.3).
    for (const char* bad : {"return 301", "return 302", "Redirect ", "RewriteRule", "redir "})
      EXPECT_EQ(s.text.find(bad), std::string::npos) << s.id << " " << bad;
  }
}

TEST(GenerateHosting, SnippetsServeThePolicyBytes) {
  // Extension value with every character the snippet syntaxes treat specially.
  const std::string policy =
      "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\nnote: a $b $host \"q\" \\x {host} 'c' %d "
      "é\r\n";
  ASSERT_TRUE(validate_policy(policy).ok);
  const generated_hosting g = generate_hosting({"example.com", policy, "", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(quoted_after(snippet(g, "nginx")->text, "return 200", 'n'), policy);
  EXPECT_NE(snippet(g, "nginx")->text.find("geo $mta_sts_dollar"), std::string::npos);
  EXPECT_EQ(quoted_after(snippet(g, "cloudflare-worker")->text, "\"mta-sts.example.com\",", 'j'),
            policy);
  EXPECT_EQ(printf_bytes(snippet(g, "apache")->text), policy);
  // Caddy serves the file written by its printf command: a Caddyfile string
  // would lose CR, expand {$VAR} from the environment and be re-indented by
  // `caddy fmt`.
  const std::string env = "version: STSv1\r\nmode: none\r\nmax_age: 1\r\nnote: {$HOME} `x`\r\n";
  ASSERT_TRUE(validate_policy(env).ok);
  const generated_hosting t = generate_hosting({"example.com", env, "", ""});
  ASSERT_TRUE(t.ok);
  for (const generated_hosting* h : {&g, &t}) {
    const hosting_snippet* caddy = snippet(*h, "caddy");
    EXPECT_EQ(caddy->text.find("respond `"), std::string::npos);
    EXPECT_NE(caddy->text.find("\t\tfile_server\n"), std::string::npos);
    EXPECT_EQ(printf_bytes(caddy->text), h == &g ? policy : env);
    EXPECT_EQ(caddy->files.at(0).content, h == &g ? policy : env);
  }
  // Files to create hold the exact bytes.
  ASSERT_EQ(snippet(g, "apache")->files.size(), 1u);
  EXPECT_EQ(snippet(g, "apache")->files[0].content, policy);
  const hosting_snippet* pages = snippet(g, "github-pages");
  ASSERT_EQ(pages->files.size(), 4u);
  EXPECT_EQ(pages->files[0].path, ".well-known/mta-sts.txt");
  EXPECT_EQ(pages->files[0].content, policy);
  EXPECT_EQ(pages->files[1].path, ".nojekyll");
  EXPECT_EQ(pages->files[3].content, "mta-sts.example.com\n");
  // Without "$" there is no geo block.
  const generated_hosting plain = generate_hosting({"example.com", kPolicy, "", ""});
  EXPECT_EQ(snippet(plain, "nginx")->text.find("geo "), std::string::npos);
  EXPECT_TRUE(snippet(plain, "nginx")->files.empty());
}

TEST(GenerateHosting, NginxServesAPolicyLongerThanItsStringsFromAFile) {
  // nginx refuses a configuration token over 4096 bytes ("too long parameter").
  std::string policy = "version: STSv1\r\nmode: enforce\r\n";
  for (int i = 0; i < 110; ++i) policy += "mx: mx" + std::to_string(100 + i) + ".mail-cluster.example.com\r\n";
  policy += "max_age: 1209600\r\n";
  ASSERT_GT(policy.size(), 4000u);
  ASSERT_TRUE(validate_policy(policy).ok);
  const generated_hosting g = generate_hosting({"example.com", policy, "", ""});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  const hosting_snippet* nginx = snippet(g, "nginx");
  EXPECT_EQ(nginx->text.find("return 200 \""), std::string::npos);
  EXPECT_NE(nginx->text.find("        root /var/www/mta-sts.example.com;\n"), std::string::npos);
  EXPECT_EQ(printf_bytes(nginx->text), policy);
  ASSERT_EQ(nginx->files.size(), 1u);
  EXPECT_EQ(nginx->files[0].path, "/var/www/mta-sts.example.com/.well-known/mta-sts.txt");
  EXPECT_EQ(nginx->files[0].content, policy);
}

TEST(GenerateHosting, ZoneLinesValidate) {
  const generated_hosting g = generate_hosting(
      {"Bücher.example", kPolicy, "20240115093000", "v=TLSRPTv1; rua=mailto:t@example.com"});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  std::istringstream lines(snippet(g, "zone")->text);
  int checked = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("_mta-sts.", 0) == 0) {
      EXPECT_EQ(line, "_mta-sts.xn--bcher-kva.example. 3600 IN TXT \"v=STSv1; id=20240115093000\"");
      EXPECT_TRUE(validate_sts_record(line).ok);
      ++checked;
    } else if (line.rfind("_smtp._tls.", 0) == 0) {
      EXPECT_TRUE(validate_tlsrpt_record(line).ok) << line;
      ++checked;
    } else {
      EXPECT_EQ(line.front(), ';') << line;  // placeholders stay commented out
    }
  }
  EXPECT_EQ(checked, 2);
}

TEST(GenerateHosting, RequiresAValidPolicyAndADomain) {
  generated_hosting g = generate_hosting({"example.com", "", "", ""});
  EXPECT_FALSE(g.ok);
  EXPECT_TRUE(g.snippets.empty());
  EXPECT_NE(find(g.diagnostics, "GEN-008", "policy"), nullptr);

  g = generate_hosting({"example.com", "version: STSv1\nmode: enforce\nmax_age: 86400\n", "", ""});
  EXPECT_FALSE(g.ok);
  const field_diagnostic* d = find(g.diagnostics, "GEN-008", "policy");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("STS-POL-026"), std::string::npos);

  g = generate_hosting({"", kPolicy, "", ""});
  EXPECT_FALSE(g.ok);
  EXPECT_NE(find(g.diagnostics, "GEN-012", "domain"), nullptr);
}

TEST(GenerateHosting, LeavesBadOrMissingRecordsOutOfTheZone) {
  const generated_hosting g = generate_hosting({"example.com", kPolicy, "bad-id", "v=TLSRPTv1"});
  ASSERT_TRUE(g.ok) << dump(g.diagnostics);
  EXPECT_EQ(find(g.diagnostics, "GEN-008", "id")->sev, severity::warning);
  EXPECT_EQ(find(g.diagnostics, "GEN-008", "tlsrpt")->sev, severity::warning);
  const std::string& zone = snippet(g, "zone")->text;
  EXPECT_EQ(zone.find("\n_mta-sts."), std::string::npos);
  EXPECT_EQ(zone.find("\n_smtp._tls."), std::string::npos);
  EXPECT_NE(zone.find("\n;_smtp._tls.example.com. 3600 IN TXT \"v=TLSRPTv1; "
                      "rua=mailto:tls-reports@example.com\""),
            std::string::npos);
  const generated_hosting none = generate_hosting({"example.com", kPolicy, "", ""});
  EXPECT_EQ(find(none.diagnostics, "GEN-008", "id")->sev, severity::info);
}

TEST(GenerateHosting, CommentsInFrench) {
  const generated_hosting g = generate_hosting({"example.com", kPolicy, "1", ""}, french());
  ASSERT_TRUE(g.ok);
  EXPECT_NE(snippet(g, "nginx")->text.find("# Hôte de politique MTA-STS pour example.com"),
            std::string::npos);
  EXPECT_EQ(snippet(g, "zone")->title, "Enregistrements de zone DNS");
}

// ===========================================================================
// Catalogue and JSON

TEST(GenerateCatalogue, EveryGenMessageIsBilingualAndUsed) {
  // Inputs that, together, produce every generator rule.
  std::set<std::string> seen;
  const auto add = [&](const std::vector<field_diagnostic>& ds) {
    for (const field_diagnostic& d : ds) seen.insert(d.code);
  };
  add(generate_sts_record({"", ""}).diagnostics);  // GEN-001
  add(generate_policy({"enforce", {"", "A.example.com"}, "", "x.example"})
          .diagnostics);                                                            // 003 004 014
  add(generate_policy({"testing", {"*.x.example"}, "", "x.example"}).diagnostics);  // GEN-013
  add(generate_policy({"testing", {"a\tb"}, "", ""}).diagnostics);                  // GEN-011
  add(generate_policy({"testing", {"a.example"}, "", "Example.com"}).diagnostics);  // GEN-012
  add(derive_microsoft_dane_pattern("").diagnostics);                               // GEN-005
  add(generate_tlsrpt_record({{"a@example.com"}, ""}).diagnostics);                 // GEN-006
  dmarc_input fo;
  fo.fo = "1:0";
  add(generate_dmarc_record(fo).diagnostics);                      // GEN-007
  add(generate_hosting({"example.com", "", "", ""}).diagnostics);  // GEN-008
  std::set<std::string> catalogue;
  for (std::size_t i = 0; i < detail::message_count(); ++i) {
    const detail::message_entry& e = detail::entry(static_cast<detail::msg>(i));
    const std::string code = e.code;
    if (code.rfind("GEN-", 0) != 0) continue;
    catalogue.insert(code);
    EXPECT_NE(std::string(e.en), "") << code;
    EXPECT_NE(std::string(e.fr), "") << code;
    EXPECT_NE(std::string(e.en), std::string(e.fr)) << code;
    EXPECT_NE(std::string(e.ref), "") << code;
  }
  // GEN-002 is the self-check: produced only by a bug, so never here.
  for (const std::string& code : catalogue) {
    if (code != "GEN-002") {
      EXPECT_TRUE(seen.count(code)) << code << " never produced";
    }
  }
}

TEST(GenerateJson, CarriesFieldsAndOutputs) {
  const generated_policy g = generate_policy({"testing", {"MX.example.com"}, "", ""});
  const auto j = nlohmann::json::parse(to_json(g), nullptr, false);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["text"], g.text);
  EXPECT_EQ(j["maxAge"], 86400);
  EXPECT_EQ(j["mx"][0], "mx.example.com");
  bool field = false;
  for (const auto& d : j["diagnostics"]) field = field || d["field"] == "mx[0]";
  EXPECT_TRUE(field);
  const auto presets = nlohmann::json::parse(to_json(provider_presets()), nullptr, false);
  ASSERT_TRUE(presets.is_array());
  EXPECT_EQ(presets[0]["id"], "microsoft365");
  EXPECT_EQ(presets[0]["patterns"][0]["pattern"], "*.mail.protection.outlook.com");
  EXPECT_TRUE(presets[0]["explanation"]["fr"].is_string());
}

// ===========================================================================
// Snapshots: exact bytes (GEN-010)

TEST(GenerateSnapshots, Policies) {
  expect_snapshot("policy/testing-one-mx.txt",
                  generate_policy({"testing", {"mail.example.com"}, "", ""}).text);
  policy_input google{"enforce", {}, "1209600", ""};
  const std::vector<provider_preset> presets = provider_presets();
  for (const preset_pattern& x : presets[1].patterns)
    if (!x.optional) google.mx.push_back(x.pattern);
  expect_snapshot("policy/enforce-google-workspace.txt", generate_policy(google).text);
  expect_snapshot(
      "policy/enforce-microsoft-dane.txt",
      generate_policy({"enforce",
                       {"*.mail.protection.outlook.com",
                        derive_microsoft_dane_pattern("contoso-com.a-v1.mx.microsoft").text},
                       "31557600",
                       ""})
          .text);
  expect_snapshot("policy/none-removal.txt", generate_policy({"none", {}, "86400", ""}).text);
  expect_snapshot(
      "policy/normalised-idn.txt",
      generate_policy({"Testing",
                       {" MX1.Bücher.example. ", "møx.example", "mx1.xn--bcher-kva.example"},
                       "0604800",
                       ""})
          .text);
}

TEST(GenerateSnapshots, Records) {
  const generated_sts_record sts =
      generate_sts_record({policy_id_from_utc(1705311000), "example.com"});
  expect_snapshot("sts-record/value.txt", sts.text);
  expect_snapshot("sts-record/zone-line.txt", sts.zone_line);
  expect_snapshot("sts-record/host-hint.en.txt", sts.host_hint);
  expect_snapshot("sts-record/host-hint.fr.txt",
                  generate_sts_record({"20240115093000", "example.com"}, french()).host_hint);
  const generated_tlsrpt tls = generate_tlsrpt_record(
      {{"tls-reports@example.com", "https://reports.example.net/v1/tlsrpt"}, "example.com"});
  expect_snapshot("tls-rpt/value.txt", tls.text);
  expect_snapshot("tls-rpt/zone-line.txt", tls.zone_line);

  dmarc_input d;
  d.domain = "example.com";
  d.p = "quarantine";
  d.sp = "reject";
  d.np = "reject";
  d.t = "y";
  d.adkim = "s";
  d.aspf = "s";
  d.fo = "1";
  d.rua = {"dmarc@example.com", "mailto:agg@vendor.example"};
  d.ruf = {"forensic@example.com"};
  const generated_dmarc dm = generate_dmarc_record(d);
  expect_snapshot("dmarc/full.value.txt", dm.text);
  expect_snapshot("dmarc/full.zone-line.txt", dm.zone_line);
  std::string auth;
  for (const dmarc_authorization& a : dm.authorizations) auth += a.zone_line + "\n";
  expect_snapshot("dmarc/full.authorizations.txt", auth);
  d.legacy = true;
  d.pct = "100";
  d.rf = "afrf";
  d.ri = "86400";
  d.t.clear();
  for (int i = 0; i < 6; ++i)
    d.rua.push_back("reports-" + std::to_string(i) + "@dmarc.vendor.example");
  const generated_dmarc longer = generate_dmarc_record(d);
  expect_snapshot("dmarc/legacy-long.zone-line.txt", longer.zone_line);
}

TEST(GenerateSnapshots, HostingSnippets) {
  for (const options& o : {options{}, french()}) {
    const std::string lang = o.lang == language::fr ? "fr" : "en";
    const generated_hosting g = generate_hosting({"example.com", kPolicy, "20240115093000",
                                                  "v=TLSRPTv1; rua=mailto:tls-reports@example.com"},
                                                 o);
    ASSERT_TRUE(g.ok);
    for (const hosting_snippet& s : g.snippets)
      expect_snapshot("hosting/" + s.id + "." + lang + ".txt", s.text);
  }
  expect_snapshot("presets.json", to_json(provider_presets()) + "\n");
}

TEST(GenerateSnapshots, SameInputsGiveTheSameBytes) {
  const policy_input in{"enforce", {"b.example.com", "A.example.com"}, "604800", "example.com"};
  EXPECT_EQ(to_json(generate_policy(in)), to_json(generate_policy(in)));
  const hosting_input h{"example.com", kPolicy, "1", ""};
  EXPECT_EQ(to_json(generate_hosting(h)), to_json(generate_hosting(h)));
}

}  // namespace

namespace mtasts {
namespace {
TEST(MicrosoftDanePattern, RefusesHostsOutsideAV1Zone) {
  EXPECT_FALSE(derive_microsoft_dane_pattern("contoso-com.mx.microsoft").ok);
  EXPECT_FALSE(derive_microsoft_dane_pattern("x.y.mx.microsoft").ok);
  const auto g = derive_microsoft_dane_pattern("contoso-com.a-v1.mx.microsoft");
  ASSERT_TRUE(g.ok);
  EXPECT_EQ(g.text, "*.a-v1.mx.microsoft");
}
}  // namespace
}  // namespace mtasts

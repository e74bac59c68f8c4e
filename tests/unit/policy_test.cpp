// The MTA-STS policy file (RFC 8461 §3.2): one test per rule of §4 and §5.1
// of the catalogue, pinning code and position, plus the §13.2 vectors.
#include "mtasts/policy.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

namespace mtasts {
namespace {

result<policy> check(std::string_view text, language lang = language::en) {
  options o;
  o.lang = lang;
  return validate_policy(text, o);
}

std::set<std::string> codes(const result<policy>& r) {
  std::set<std::string> out;
  for (const diagnostic& d : r.diagnostics) out.insert(d.code);
  return out;
}

std::string dump(const result<policy>& r) {
  std::string out;
  for (const diagnostic& d : r.diagnostics)
    out += "  " + d.code + " " + std::string(to_string(d.sev)) + " " + std::to_string(d.line) +
           ":" + std::to_string(d.column) + " [" + std::to_string(d.start) + "," +
           std::to_string(d.end) + ") " + d.message + "\n";
  return out;
}

// Some diagnostic has `code` at exactly this place.
::testing::AssertionResult Has(const result<policy>& r, std::string_view code, std::uint32_t line,
                               std::uint32_t column, std::uint32_t start, std::uint32_t end) {
  for (const diagnostic& d : r.diagnostics)
    if (d.code == code && d.line == line && d.column == column && d.start == start && d.end == end)
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no " << code << " at " << line << ":" << column << " ["
                                       << start << "," << end << ") in\n"
                                       << dump(r);
}

const diagnostic* find(const result<policy>& r, std::string_view code) {
  for (const diagnostic& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

std::size_t count(const result<policy>& r, std::string_view code) {
  std::size_t n = 0;
  for (const diagnostic& d : r.diagnostics) n += d.code == code;
  return n;
}

bool has_error(const result<policy>& r) {
  for (const diagnostic& d : r.diagnostics)
    if (d.sev == severity::error) return true;
  return false;
}

// ---- §13.2 valid vectors ----

TEST(StsPolicyVectors, AcceptsMoxValidPolicies) {
  const auto a = check(
      "version: STSv1\nmode: testing\nmx: mx1.example.com\nmx: mx2.example.com\n"
      "mx: mx.backup-example.com\nmax_age: 1296000\n");
  EXPECT_TRUE(a.ok) << dump(a);
  EXPECT_EQ(codes(a), (std::set<std::string>{"STS-POL-002"}));
  EXPECT_EQ(a.value.version, "STSv1");
  EXPECT_EQ(a.value.mode, "testing");
  EXPECT_EQ(a.value.max_age, 1296000u);
  EXPECT_EQ(a.value.mx, (std::vector<std::string>{"mx1.example.com", "mx2.example.com",
                                                  "mx.backup-example.com"}));

  const auto b = check("version: STSv1\nmode: enforce\t\nmx: *.example.com \nmax_age: 0 \n");
  EXPECT_TRUE(b.ok) << dump(b);
  EXPECT_EQ(codes(b), (std::set<std::string>{"STS-POL-002", "STS-POL-022"}));
  EXPECT_TRUE(Has(b, "STS-POL-022", 4, 10, 58, 59));
  EXPECT_EQ(b.value.mode, "enforce");
  EXPECT_EQ(b.value.max_age, 0u);

  const auto c = check(
      "version:STSv1\r\nmode:\tenforce\r\nmx:  \t\t *.example.com\nmax_age: 1\n"
      "more:ext e  ns ion");
  EXPECT_TRUE(c.ok) << dump(c);
  EXPECT_EQ(c.value.extensions.at("more"), "ext e  ns ion");
  EXPECT_EQ(c.value.mx, std::vector<std::string>{"*.example.com"});
  EXPECT_EQ(count(c, "STS-POL-013"), 0u);  // `more` is not read as `mode`
  EXPECT_TRUE(Has(c, "STS-POL-012", 5, 1, 63, 67));

  const auto d = check("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n");
  EXPECT_TRUE(d.ok) << dump(d);
  EXPECT_EQ(codes(d), (std::set<std::string>{"STS-POL-002"}));
  EXPECT_TRUE(d.value.mx.empty());
}

TEST(StsPolicyVectors, RejectsEveryInvalidVector) {
  struct v {
    std::string text;
    const char* code;
  };
  const v vectors[] = {
      {"", "STS-POL-001"},
      {"version:STSv0\nmode:none\nmax_age:0", "STS-POL-015"},
      {"version:STSv10\nmode:none\nmax_age:0", "STS-POL-015"},
      {"version:STSv2\nmode:none\nmax_age:0", "STS-POL-015"},
      {"version:STSv1\nmax_age:0\nmx:example.com", "STS-POL-017"},
      {"version:STSv1\nmode:none", "STS-POL-019"},
      {"version:STSv1\nmax_age:0\nmode:enforce", "STS-POL-026"},
      {"version:STSv1\nmax_age:0\nmode:testing", "STS-POL-026"},
      {"max_age:0\nmode:none", "STS-POL-014"},
      {"version:STSv1\nmode:none\nmax_age:01234567890", "STS-POL-020"},
      {"version:STSv1\nmode:bad\nmax_age:1", "STS-POL-018"},
      {"version:STSv1\nmode:none\nmax_age:a", "STS-POL-020"},
      {"version:STSv1\nmode:enforce\nmax_age:0\nmx:", "STS-MX-001"},
      {"version:STSv1\nmode:enforce\nmax_age:0\nmx:*.*.example", "STS-MX-002"},
      {"version:STSv1\nmode:enforce\nmax_age:0\nmx:**.example", "STS-MX-002"},
      {"version:STSv1\nmode:enforce\nmax_age:0\nmx:**.example-", "STS-MX-002"},
      {"version:STSv1\nmode:enforce\nmax_age:0\nmx:test.example-", "STS-MX-002"},
      {"version:STSv1\nmode:none\nmax_age:0\next:", "STS-POL-011"},
      {"version:STSv1\nmode:none\nmax_age:0\na12345678901234567890123456789012:123", "STS-POL-010"},
      {"version:STSv1\nmode:none\nmax_age:0\n_bad:test", "STS-POL-010"},
      {"version:STSv1\nmode:none\nmax_age:0\nmx: m\xC3\xB8x.example", "STS-MX-005"},
      {"version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 31557601", "STS-POL-021"},
      {"version: STSv1\n\nmode: none\nmax_age: 1", "STS-POL-004"},
      {"version: STSv1\nmode: none\nmax_age: 1\n\n", "STS-POL-004"},
      {"version: STSv1\n mode: none\nmax_age: 1", "STS-POL-005"},
      {"version: STSv1\nmode : none\nmax_age: 1", "STS-POL-006"},
      {"\xEF\xBB\xBFversion: STSv1\nmode: none\nmax_age: 1", "STS-POL-009"},
      {"# comment\nversion: STSv1\nmode: none\nmax_age: 1", "STS-POL-008"},
      {"version: STSv1\rmode: none\rmax_age: 1", "STS-POL-003"},
      {"version: STSv1\nmode: enforce\nmx: mail.example.com.\nmax_age: 604800", "STS-MX-004"},
      {"version: STSv1\nmode: enforce\nmx: 212.114.86.56\nmax_age: 604800", "STS-MX-006"},
      {"version: STSv1\nmode: enforce\nnmx: mx0.example.com\nmax_age: 604800", "STS-POL-013"},
      {"version: STSv1\nmode: enforce\nnmx: mx0.example.com\nmax_age: 604800", "STS-POL-026"},
      {"version: STSv1\nmode: enforce\nmx: mail.example.com\nmax-age: 604800", "STS-POL-013"},
      {"version: STSv1\nmode: enforce\nmx: mail.example.com\nmax-age: 604800", "STS-POL-019"},
      {"version: STSv1\nmode: Enforce\nmx: mail.example.com\nmax_age: 604800", "STS-POL-018"},
  };
  for (const v& x : vectors) {
    const auto r = check(x.text);
    EXPECT_FALSE(r.ok) << x.code << " for " << x.text;
    EXPECT_NE(find(r, x.code), nullptr) << x.code << " for " << x.text << "\n" << dump(r);
  }
}

TEST(StsPolicyVectors, WarnsOnEveryWarningVector) {
  const auto dup =
      check("version: STSv1\nmode: enforce\nmode: testing\nmx: a.example.com\nmax_age: 1209600");
  EXPECT_TRUE(dup.ok);
  EXPECT_NE(find(dup, "STS-POL-028"), nullptr);
  const auto age = check("version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 3600");
  EXPECT_TRUE(age.ok);
  EXPECT_NE(find(age, "STS-POL-023"), nullptr);
  EXPECT_NE(find(age, "STS-POL-024"), nullptr);
  const auto colon = check("version: STSv1\nmode: none\nmax_age: 86400\nreport-uri: https://x");
  EXPECT_TRUE(colon.ok);
  EXPECT_EQ(find(colon, "STS-POL-032")->sev, severity::warning);
  const auto order = check("mode: none\nversion: STSv1\nmax_age: 86400");
  EXPECT_TRUE(order.ok);
  EXPECT_EQ(find(order, "STS-POL-016")->sev, severity::warning);
}

// ---- STS-POL-001 … 009: the body and its lines ----

TEST(StsPolicyParse, RejectsEmptyBody) {
  const auto r = check("");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-001", 1, 1, 0, 0));
  EXPECT_EQ(r.diagnostics.size(), 1u);
  const auto w = check(" \n\t\r\n");
  EXPECT_TRUE(Has(w, "STS-POL-001", 1, 1, 0, 5));
  EXPECT_EQ(w.diagnostics.size(), 1u);
}

TEST(StsPolicyParse, ReportsLineTerminatorStyleOnce) {
  const auto lf = check("version: STSv1\nmode: none\nmax_age: 86400\n");
  EXPECT_TRUE(lf.ok);
  EXPECT_TRUE(Has(lf, "STS-POL-002", 1, 15, 14, 15));
  EXPECT_EQ(count(lf, "STS-POL-002"), 1u);
  EXPECT_NE(find(lf, "STS-POL-002")->message.find("LF"), std::string::npos);
  EXPECT_EQ(find(lf, "STS-POL-002")->sev, severity::info);
  const auto crlf = check("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n");
  EXPECT_TRUE(Has(crlf, "STS-POL-002", 1, 15, 14, 16));
  EXPECT_NE(find(crlf, "STS-POL-002")->message.find("CRLF"), std::string::npos);
  const auto mixed = check("version: STSv1\r\nmode: none\nmax_age: 86400\r\n");
  EXPECT_TRUE(mixed.ok);
  EXPECT_TRUE(Has(mixed, "STS-POL-002", 2, 11, 26, 27));  // the first LF-only end
  EXPECT_NE(find(mixed, "STS-POL-002")->message.find("LF (1) and CRLF (2)"), std::string::npos);
  const auto none = check("version: STSv1");
  EXPECT_EQ(count(none, "STS-POL-002"), 0u);
}

TEST(StsPolicyParse, RejectsBareCr) {
  const auto r = check("version: STSv1\rmode: none\rmax_age: 1");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-003", 1, 15, 14, 15));
  EXPECT_TRUE(Has(r, "STS-POL-003", 2, 11, 25, 26));
  // The fields around are still judged (no cascade of missing fields).
  EXPECT_EQ(codes(r), (std::set<std::string>{"STS-POL-003"}));
  EXPECT_EQ(r.value.mode, "none");
}

TEST(StsPolicyParse, RejectsOtherLineSeparators) {
  const auto r = check("version: STSv1\xE2\x80\xA8mode: none\nmax_age: 1");
  EXPECT_TRUE(Has(r, "STS-POL-003", 1, 15, 14, 15));
  EXPECT_NE(find(r, "STS-POL-003")->message.find("\\u2028"), std::string::npos);
  const auto vt = check("version: STSv1\vmode: none\nmax_age: 1");
  EXPECT_TRUE(Has(vt, "STS-POL-003", 1, 15, 14, 15));
}

TEST(StsPolicyParse, RejectsBlankLines) {
  const auto r = check("version: STSv1\n\nmode: none\nmax_age: 1");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-004", 2, 1, 15, 16));
  const auto t = check("version: STSv1\nmode: none\nmax_age: 1\n\n");
  EXPECT_TRUE(Has(t, "STS-POL-004", 4, 1, 37, 38));
  EXPECT_NE(find(t, "STS-POL-004")->message.find("end"), std::string::npos);
  const auto lead = check("\nversion: STSv1\nmode: none\nmax_age: 1");
  EXPECT_TRUE(Has(lead, "STS-POL-004", 1, 1, 0, 1));
  // A run of blank lines (one with spaces) is one diagnostic.
  const auto run = check("version: STSv1\n\n  \n\nmode: none\nmax_age: 1");
  EXPECT_EQ(count(run, "STS-POL-004"), 1u);
  EXPECT_TRUE(Has(run, "STS-POL-004", 2, 1, 15, 20));
  // Whitespace after the final line break is an extra (blank) line too.
  const auto ws = check("version: STSv1\nmode: none\nmax_age: 1\n  ");
  EXPECT_TRUE(Has(ws, "STS-POL-004", 4, 1, 37, 39));
}

TEST(StsPolicyParse, RejectsLeadingWhitespace) {
  const auto r = check("version: STSv1\n mode: none\nmax_age: 1");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-005", 2, 1, 15, 16));
  EXPECT_EQ(count(r, "STS-POL-017"), 0u);
  EXPECT_NE(find(r, "STS-POL-005")->message.find("\"mode\""), std::string::npos);
}

TEST(StsPolicyParse, RejectsWhitespaceBeforeColon) {
  const auto r = check("version: STSv1\nmode : none\nmax_age: 1");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-006", 2, 5, 19, 20));
  EXPECT_EQ(find(r, "STS-POL-006")->hint, "Write \"mode:\" with the colon right after the key.");
  const auto tab = check("version: STSv1\nmode\t\t: none\nmax_age: 1");
  EXPECT_TRUE(Has(tab, "STS-POL-006", 2, 5, 19, 21));
}

TEST(StsPolicyParse, AcceptsWhitespaceAfterColonAndAfterValue) {
  const auto r =
      check("version:STSv1\nmode:enforce\nmx:  \t *.example.com \nmax_age:\t604800\t \n");
  EXPECT_FALSE(has_error(r)) << dump(r);
  EXPECT_EQ(r.value.mx, std::vector<std::string>{"*.example.com"});
  EXPECT_EQ(r.value.max_age, 604800u);
}

TEST(StsPolicyParse, RejectsLinesWithoutColon) {
  const auto c = check("# MTA-STS policy\nversion: STSv1\nmode: none\nmax_age: 1");
  EXPECT_FALSE(c.ok);
  EXPECT_TRUE(Has(c, "STS-POL-008", 1, 1, 0, 16));
  EXPECT_NE(find(c, "STS-POL-008")->message.find("comment"), std::string::npos);
  EXPECT_EQ(count(c, "STS-POL-016"), 0u);  // a comment line is not a field
  const auto eq = check("version: STSv1\nmode=enforce\nmx: a.example.com\nmax_age: 604800");
  EXPECT_TRUE(Has(eq, "STS-POL-008", 2, 1, 15, 27));
  EXPECT_EQ(find(eq, "STS-POL-008")->hint, "Write \"mode: enforce\".");
  EXPECT_TRUE(Has(eq, "STS-POL-017", 4, 16, 61, 61));  // missing, at the end
  const auto html = check("version: STSv1\n<br>\nmode: none\nmax_age: 1");
  EXPECT_TRUE(Has(html, "STS-POL-008", 2, 1, 15, 19));
  EXPECT_NE(find(html, "STS-POL-008")->message.find("HTML"), std::string::npos);
  const auto ini = check("[policy]\nversion: STSv1\nmode: none\nmax_age: 1");
  EXPECT_TRUE(Has(ini, "STS-POL-008", 1, 1, 0, 8));
  const auto plain = check("version STSv1\nmode: none\nmax_age: 1");
  EXPECT_TRUE(Has(plain, "STS-POL-008", 1, 1, 0, 13));
  EXPECT_TRUE(Has(plain, "STS-POL-014", 1, 1, 0, 0));
}

TEST(StsPolicyParse, RejectsByteOrderMark) {
  const auto r = check("\xEF\xBB\xBFversion: STSv1\nmode: none\nmax_age: 1");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-009", 1, 1, 0, 1));  // 3 bytes, one UTF-16 unit
  EXPECT_EQ(codes(r), (std::set<std::string>{"STS-POL-002", "STS-POL-009"}));
  const auto z = check("\xE2\x80\x8Bversion: STSv1\nmode: none\nmax_age: 1");
  EXPECT_TRUE(Has(z, "STS-POL-009", 1, 1, 0, 1));
  EXPECT_NE(find(z, "STS-POL-009")->message.find("\\u200B"), std::string::npos);
}

// ---- STS-POL-010 … 013: keys ----

TEST(StsPolicyParse, RejectsBadKeys) {
  const std::string base = "version:STSv1\nmode:none\nmax_age:0\n";  // 34 bytes
  const auto u = check(base + "_bad:test");
  EXPECT_TRUE(Has(u, "STS-POL-010", 4, 1, 34, 35));
  const auto sp = check(base + "max age: 1");
  EXPECT_TRUE(Has(sp, "STS-POL-010", 4, 4, 37, 38));
  const std::string key33 = "a12345678901234567890123456789012";
  const auto l = check(base + key33 + ":123");
  EXPECT_TRUE(Has(l, "STS-POL-010", 4, 1, 34, 67));
  EXPECT_NE(find(l, "STS-POL-010")->message.find("33"), std::string::npos);
  const auto ok32 = check(base + key33.substr(0, 32) + ":123");
  EXPECT_TRUE(ok32.ok) << dump(ok32);
  const auto empty = check(base + ": x");
  EXPECT_TRUE(Has(empty, "STS-POL-010", 4, 1, 34, 35));
}

TEST(StsPolicyParse, RejectsBadExtensionValues) {
  const std::string base = "version:STSv1\nmode:none\nmax_age:0\n";
  const auto e = check(base + "ext:");
  EXPECT_FALSE(e.ok);
  EXPECT_TRUE(Has(e, "STS-POL-011", 4, 1, 34, 38));
  EXPECT_TRUE(e.value.extensions.empty());
  const auto tab = check(base + "ext: a\tb");
  EXPECT_TRUE(Has(tab, "STS-POL-011", 4, 7, 40, 41));
  EXPECT_NE(find(tab, "STS-POL-011")->message.find("\\t"), std::string::npos);
  const auto ctl = check(base +
                         "ext: a\x01"
                         "b");
  EXPECT_TRUE(Has(ctl, "STS-POL-011", 4, 7, 40, 41));
  const auto utf8 = check(base + "note: caf\xC3\xA9 cr\xC3\xA8me");
  EXPECT_TRUE(utf8.ok) << dump(utf8);
  EXPECT_EQ(utf8.value.extensions.at("note"), "caf\xC3\xA9 cr\xC3\xA8me");
}

TEST(StsPolicyParse, ListsUnknownFields) {
  const auto r = check("version: STSv1\nmode: none\nmax_age: 1\nfoo: bar\nfoo: baz");
  EXPECT_TRUE(Has(r, "STS-POL-012", 4, 1, 37, 40));
  EXPECT_EQ(count(r, "STS-POL-012"), 1u);
  EXPECT_EQ(find(r, "STS-POL-012")->sev, severity::info);
  EXPECT_EQ(r.value.extensions.at("foo"), "bar");  // first value
}

TEST(StsPolicyParse, WarnsOnNearMissKeys) {
  const auto m = check("version: STSv1\nMode: enforce\nmx: a.example.com\nmax_age: 604800");
  EXPECT_FALSE(m.ok);
  EXPECT_TRUE(Has(m, "STS-POL-013", 2, 1, 15, 19));
  EXPECT_EQ(find(m, "STS-POL-013")->sev, severity::warning);
  EXPECT_EQ(find(m, "STS-POL-013")->hint, "Rename \"Mode\" to \"mode\".");
  EXPECT_TRUE(Has(m, "STS-POL-017", 2, 1, 15, 19));  // the missing field points at it
  EXPECT_EQ(count(m, "STS-POL-012"), 0u);

  const auto mx = check("version: STSv1\nmode: enforce\nMX: a.example.com\nmax_age: 604800");
  EXPECT_TRUE(Has(mx, "STS-POL-013", 3, 1, 29, 31));
  EXPECT_TRUE(Has(mx, "STS-POL-026", 3, 1, 29, 31));

  const auto dash = check("version: STSv1\nmode: enforce\nmx: mail.example.com\nmax-age: 604800");
  EXPECT_TRUE(Has(dash, "STS-POL-013", 4, 1, 50, 57));
  EXPECT_TRUE(Has(dash, "STS-POL-019", 4, 1, 50, 57));
  EXPECT_EQ(find(dash, "STS-POL-013")->hint, "Rename \"max-age\" to \"max_age\".");

  const auto glued = check("version: STSv1\nmode: none\nmaxage: 86400");
  EXPECT_EQ(find(glued, "STS-POL-013")->hint, "Rename \"maxage\" to \"max_age\".");

  const auto nmx = check("version: STSv1\nmode: enforce\nnmx: mx0.example.com\nmax_age: 604800");
  EXPECT_TRUE(Has(nmx, "STS-POL-013", 3, 1, 29, 32));
  EXPECT_TRUE(Has(nmx, "STS-POL-026", 3, 1, 29, 32));
  EXPECT_EQ(find(nmx, "STS-POL-013")->hint, "Write \"mx: mx0.example.com\".");

  // A numbered key is flagged even when other mx lines exist.
  const auto mx1 = check(
      "version: STSv1\nmode: enforce\nmx: a.example.com\nmx1: b.example.com\nmax_age: 604800");
  EXPECT_TRUE(Has(mx1, "STS-POL-013", 4, 1, 47, 50));
  EXPECT_EQ(count(mx1, "STS-POL-026"), 0u);

  // A typo is a near miss only when the field it resembles is missing.
  const auto typo = check("version: STSv1\nmoed: none\nmax_age: 86400");
  EXPECT_TRUE(Has(typo, "STS-POL-013", 2, 1, 15, 19));
  const auto more = check("version: STSv1\nmode: none\nmax_age: 86400\nmore: x");
  EXPECT_EQ(count(more, "STS-POL-013"), 0u);
  EXPECT_EQ(count(more, "STS-POL-012"), 1u);
}

// ---- STS-POL-014 … 016: version ----

TEST(StsPolicyParse, RequiresVersion) {
  const auto r = check("max_age:0\nmode:none");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-014", 1, 1, 0, 0));
  EXPECT_FALSE(r.value.version.has_value());
}

TEST(StsPolicyParse, RejectsWrongVersion) {
  for (std::string_view v : {"STSv0", "STSv10", "STSv2", "stsv1", "STSv1.0"}) {
    const auto r = check("version:" + std::string(v) + "\nmode:none\nmax_age:0");
    EXPECT_FALSE(r.ok) << v;
    EXPECT_TRUE(Has(r, "STS-POL-015", 1, 9, 8, static_cast<std::uint32_t>(8 + v.size()))) << v;
    EXPECT_EQ(r.value.version, v);
  }
  const auto e = check("version:\nmode:none\nmax_age:0");
  EXPECT_TRUE(Has(e, "STS-POL-015", 1, 1, 0, 8));
}

TEST(StsPolicyParse, WarnsWhenVersionIsNotFirst) {
  const auto r = check("mode: none\nversion: STSv1\nmax_age: 86400");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-016", 2, 1, 11, 18));
  EXPECT_EQ(find(r, "STS-POL-016")->sev, severity::warning);
  EXPECT_NE(find(r, "STS-POL-016")->message.find("Google"), std::string::npos);
}

// ---- STS-POL-017, 018: mode ----

TEST(StsPolicyParse, RequiresMode) {
  const auto r = check("version:STSv1\nmax_age:0\nmx:example.com");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-017", 3, 15, 38, 38));
}

TEST(StsPolicyParse, RejectsWrongMode) {
  struct c {
    const char* value;
    const char* hint;
  };
  for (const c& x :
       {c{"Enforce", "Write \"mode: enforce\"."}, c{"enforced", "Write \"mode: enforce\"."},
        c{"report", "Write \"mode: testing\"."}, c{"test", "Write \"mode: testing\"."},
        c{"reject", "Write \"mode: enforce\"."}, c{"NONE", "Write \"mode: none\"."}}) {
    const auto r = check("version: STSv1\nmode: " + std::string(x.value) +
                         "\nmx: a.example.com\nmax_age: 604800");
    EXPECT_FALSE(r.ok) << x.value;
    const auto len = static_cast<std::uint32_t>(std::string_view(x.value).size());
    EXPECT_TRUE(Has(r, "STS-POL-018", 2, 7, 21, 21 + len)) << x.value;
    EXPECT_EQ(find(r, "STS-POL-018")->hint, x.hint) << x.value;
    EXPECT_FALSE(r.value.mode.has_value());
  }
  const auto bad = check("version:STSv1\nmode:bad\nmax_age:1");
  EXPECT_TRUE(Has(bad, "STS-POL-018", 2, 6, 19, 22));
  EXPECT_NE(find(bad, "STS-POL-018")->hint.find("testing"), std::string::npos);
  const auto report = check("version:STSv1\nmode:report\nmx:a.example\nmax_age:86400");
  EXPECT_NE(find(report, "STS-POL-018")->message.find("draft"), std::string::npos);
}

// ---- STS-POL-019 … 025: max_age ----

TEST(StsPolicyParse, RequiresMaxAge) {
  const auto r = check("version:STSv1\nmode:none");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-019", 2, 10, 23, 23));
}

TEST(StsPolicyParse, RejectsMaxAgeSyntax) {
  struct c {
    const char* value;
    const char* needle;  // in message or hint
  };
  for (const c& x :
       {c{"-1", "sign"}, c{"+86400", "sign"}, c{"86400s", "max_age: 86400"},
        c{"1w", "max_age: 604800"}, c{"7 days", "max_age: 604800"}, c{"8.64e4", "1 to 10 digits"},
        c{"a", "1 to 10 digits"}, c{"01234567890", "11 digits"}, c{"9999999999999", "13 digits"}}) {
    const auto r = check("version:STSv1\nmode:none\nmax_age:" + std::string(x.value));
    EXPECT_FALSE(r.ok) << x.value;
    const auto len = static_cast<std::uint32_t>(std::string_view(x.value).size());
    EXPECT_TRUE(Has(r, "STS-POL-020", 3, 9, 32, 32 + len)) << x.value;
    const diagnostic* d = find(r, "STS-POL-020");
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(d->message.find(x.needle) != std::string::npos ||
                d->hint.find(x.needle) != std::string::npos)
        << x.value << ": " << d->message << " / " << d->hint;
    EXPECT_FALSE(r.value.max_age.has_value());
  }
  // A comment: the diagnostic points at the comment.
  const auto cm = check("version:STSv1\nmode:none\nmax_age:604800 # 1 week");
  EXPECT_TRUE(Has(cm, "STS-POL-020", 3, 16, 39, 47));
  EXPECT_EQ(find(cm, "STS-POL-020")->hint, "Write \"max_age: 604800\" without the comment.");
  const auto empty = check("version:STSv1\nmode:none\nmax_age:");
  EXPECT_TRUE(Has(empty, "STS-POL-020", 3, 1, 24, 32));
}

TEST(StsPolicyParse, RejectsMaxAgeAboveOneYear) {
  const auto r = check("version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 31557601");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-021", 4, 10, 56, 64));
  const diagnostic* d = find(r, "STS-POL-021");
  EXPECT_NE(d->message.find("chasquid"), std::string::npos);
  EXPECT_NE(d->message.find("mox does not check"), std::string::npos);
  const auto big = check("version:STSv1\nmode:none\nmax_age:9999999999");
  EXPECT_TRUE(Has(big, "STS-POL-021", 3, 9, 32, 42));
  EXPECT_FALSE(big.value.max_age.has_value());  // does not fit 32 bits
  const auto cap = check("version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 31557600");
  EXPECT_TRUE(cap.ok);
  EXPECT_EQ(cap.value.max_age, 31557600u);
}

TEST(StsPolicyParse, WarnsOnMaxAgeZero) {
  const auto r = check("version:STSv1\nmode:none\nmax_age:0");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-022", 3, 9, 32, 33));
  EXPECT_EQ(find(r, "STS-POL-022")->sev, severity::warning);
  EXPECT_EQ(count(r, "STS-POL-023"), 0u);
}

TEST(StsPolicyParse, WarnsOnShortMaxAge) {
  const auto e = check("version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 3600");
  EXPECT_TRUE(e.ok);
  EXPECT_TRUE(Has(e, "STS-POL-023", 4, 10, 56, 60));
  EXPECT_TRUE(Has(e, "STS-POL-024", 4, 10, 56, 60));
  const auto t = check("version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 3600");
  EXPECT_TRUE(Has(t, "STS-POL-023", 4, 10, 56, 60));
  EXPECT_EQ(count(t, "STS-POL-024"), 0u);
  const auto n = check("version: STSv1\nmode: none\nmax_age: 3600");
  EXPECT_EQ(count(n, "STS-POL-023"), 0u);
}

TEST(StsPolicyParse, GradesEnforceMaxAge) {
  const auto day = check("version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 86400");
  EXPECT_TRUE(Has(day, "STS-POL-024", 4, 10, 56, 61));
  EXPECT_EQ(find(day, "STS-POL-024")->sev, severity::warning);
  EXPECT_EQ(count(day, "STS-POL-023"), 0u);
  const auto week = check("version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 604800");
  EXPECT_TRUE(Has(week, "STS-POL-024", 4, 10, 56, 62));
  EXPECT_EQ(find(week, "STS-POL-024")->sev, severity::info);
  const auto two = check("version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 1209600");
  EXPECT_EQ(count(two, "STS-POL-024"), 0u);
  const auto testing = check("version: STSv1\nmode: testing\nmx: a.example.com\nmax_age: 86400");
  EXPECT_EQ(count(testing, "STS-POL-024"), 0u);
}

TEST(StsPolicyParse, NotesLeadingZeros) {
  const auto r = check("version: STSv1\nmode: enforce\nmx: a.example.com\nmax_age: 01209600");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-025", 4, 10, 56, 64));
  EXPECT_EQ(find(r, "STS-POL-025")->hint, "Write \"max_age: 1209600\".");
  EXPECT_EQ(r.value.max_age, 1209600u);
}

// ---- STS-POL-026 … 029: mx presence, duplicates ----

TEST(StsPolicyParse, RequiresMxUnlessModeNone) {
  for (std::string_view m : {"enforce", "testing"}) {
    const auto r = check("version:STSv1\nmax_age:0\nmode:" + std::string(m));
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(Has(r, "STS-POL-026", 3, 6, 29, static_cast<std::uint32_t>(29 + m.size())));
  }
  const auto none = check("version:STSv1\nmax_age:0\nmode:none");
  EXPECT_EQ(count(none, "STS-POL-026"), 0u);
}

TEST(StsPolicyParse, NotesMxWithModeNone) {
  const auto r = check("version: STSv1\nmode: none\nmx: mx.example.com\nmax_age: 86400");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-027", 3, 1, 26, 44));
}

TEST(StsPolicyParse, FirstDuplicateWinsWithWarning) {
  const auto r =
      check("version: STSv1\nmode: enforce\nmode: testing\nmx: a.example.com\nmax_age: 604800");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-028", 3, 1, 29, 42));
  const diagnostic* d = find(r, "STS-POL-028");
  EXPECT_NE(d->message.find("\"enforce\""), std::string::npos);
  EXPECT_NE(d->message.find("\"testing\""), std::string::npos);
  EXPECT_NE(
      d->message.find("Postfix-mta-sts-resolver, maddy (go-mtasts) and mailauth keep the last"),
      std::string::npos);
  EXPECT_NE(d->message.find("checkdmarc"), std::string::npos);
  EXPECT_EQ(r.value.mode, "enforce");
  const auto same = check("version: STSv1\nversion: STSv1\nmode: none\nmax_age: 1");
  EXPECT_TRUE(Has(same, "STS-POL-028", 2, 1, 15, 29));
  EXPECT_NE(find(same, "STS-POL-028")->message.find("same value"), std::string::npos);
  // A repeated value is still checked: last-wins receivers use it.
  const auto bad = check("version: STSv1\nmode: none\nmax_age: 86400\nmax_age: 99999999999");
  EXPECT_TRUE(Has(bad, "STS-POL-020", 4, 10, 50, 61));
  EXPECT_EQ(bad.value.max_age, 86400u);
}

TEST(StsPolicyParse, NotesRepeatedMx) {
  const auto r =
      check("version: STSv1\nmode: enforce\nmx: a.example.com\nmx: A.example.com\nmax_age: 604800");
  EXPECT_TRUE(Has(r, "STS-POL-029", 4, 5, 51, 64));
  EXPECT_EQ(find(r, "STS-POL-029")->sev, severity::info);
  EXPECT_EQ(count(r, "STS-POL-028"), 0u);
}

// ---- STS-POL-030 … 034 ----

TEST(StsPolicyParse, RejectsInvalidUtf8) {
  const auto r = check("version:STSv1\nmode:enforce\nmax_age:604800\nmx: m\xE9il.example.com");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-030", 4, 6, 47, 48));
  EXPECT_EQ(count(r, "STS-MX-005"), 0u);
  EXPECT_NE(find(r, "STS-POL-030")->message.find("\\xE9"), std::string::npos);
  EXPECT_TRUE(r.value.mx.empty());
  const auto utf16 = check(std::string("\xFF\xFEv\0e\0", 6));
  EXPECT_TRUE(Has(utf16, "STS-POL-030", 1, 1, 0, 2));
  EXPECT_EQ(utf16.diagnostics.size(), 1u);
}

TEST(StsPolicyParse, RejectsHtmlDocumentOnce) {
  const auto r = check(
      "<!DOCTYPE html>\n<html><head><title>Not found</title></head>\n<body>x: y</body></html>\n");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-031", 1, 1, 0, 15));
  EXPECT_EQ(r.diagnostics.size(), 1u) << dump(r);
  const auto ws = check("\n  <html lang=\"en\">");
  EXPECT_TRUE(Has(ws, "STS-POL-031", 2, 3, 3, 19));
}

TEST(StsPolicyParse, WarnsOnColonInExtensionValue) {
  const auto r = check("version: STSv1\nmode: none\nmax_age: 86400\nreport-uri: https://x");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-POL-032", 4, 18, 58, 59));
  EXPECT_EQ(r.value.extensions.at("report-uri"), "https://x");
}

TEST(StsPolicyParse, FlagsLargeBodies) {
  std::string body = "version: STSv1\nmode: none\nmax_age: 86400\n";
  const auto small = check(body);
  EXPECT_EQ(count(small, "STS-POL-034"), 0u);
  std::string five = body;
  while (five.size() < 5000) five += "note: padding padding padding\n";
  const auto r = check(five);
  const diagnostic* info = find(r, "STS-POL-034");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->start, 4096u);
  EXPECT_EQ(info->end, five.size());
  EXPECT_EQ(info->sev, severity::info);
  EXPECT_EQ(count(r, "STS-POL-033"), 0u);
  std::string big = body;
  while (big.size() < 70000) big += "note: padding padding padding\n";
  const auto b = check(big);
  EXPECT_FALSE(b.ok);
  const diagnostic* d = find(b, "STS-POL-033");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->start, 65536u);
  EXPECT_EQ(d->end, big.size());
  EXPECT_EQ(count(b, "STS-POL-034"), 0u);
}

// ---- STS-MX-001 … 013 through the policy ----

std::string with_mx(std::string_view mx) {
  return "version: STSv1\nmode: enforce\nmax_age: 604800\nmx: " + std::string(mx);
}
constexpr std::uint32_t kMxAt = 49;  // offset of the mx value in with_mx()

TEST(StsPolicyMx, RejectsEmptyValue) {
  const auto r = check("version:STSv1\nmode:enforce\nmax_age:0\nmx:");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-001", 4, 1, 37, 40));
  EXPECT_EQ(count(r, "STS-POL-026"), 0u);
  const auto sp = check("version:STSv1\nmode:enforce\nmax_age:0\nmx:    ");
  EXPECT_TRUE(Has(sp, "STS-MX-001", 4, 1, 37, 40));
}

TEST(StsPolicyMx, RejectsBadSyntax) {
  struct c {
    const char* mx;
    std::uint32_t start;  // relative to the value
    std::uint32_t end;
  };
  for (const c& x : {c{"mail_1.example.com", 4, 5}, c{"-mx.example.com", 0, 3},
                     c{"mx-.example.com", 0, 3}, c{"mx..example.com", 2, 4}, c{"*", 0, 1},
                     c{"*example.com", 0, 1}, c{"mail*.example.com", 4, 5}, c{"*.*.example", 2, 3},
                     c{"**.example", 0, 2}, c{"test.example-", 5, 13},
                     c{"mx.example.com:25", 14, 17}, c{"smtp://mx.example.com", 0, 21},
                     c{"mx.example.com/", 14, 15}, c{"a.example.com, b.example.com", 0, 28}}) {
    const auto r = check(with_mx(x.mx));
    EXPECT_FALSE(r.ok) << x.mx;
    EXPECT_TRUE(Has(r, "STS-MX-002", 4, 5 + x.start, kMxAt + x.start, kMxAt + x.end)) << x.mx;
    EXPECT_TRUE(r.value.mx.empty()) << x.mx;
    EXPECT_EQ(count(r, "STS-POL-026"), 0u) << x.mx;  // the line exists, it is just wrong
  }
  const auto two = check(with_mx("**.example-"));
  EXPECT_EQ(count(two, "STS-MX-002"), 2u);
  const auto url = check(with_mx("smtp://mx.example.com"));
  EXPECT_EQ(find(url, "STS-MX-002")->hint, "Write \"mx: mx.example.com\".");
}

TEST(StsPolicyMx, SuggestsWildcardForLeadingDot) {
  const auto r = check(with_mx(".example.net"));
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-003", 4, 5, kMxAt, kMxAt + 1));
  EXPECT_EQ(find(r, "STS-MX-003")->hint, "Write \"mx: *.example.net\".");
}

TEST(StsPolicyMx, RejectsTrailingDot) {
  const auto r = check("version: STSv1\nmode: enforce\nmx: mail.example.com.\nmax_age: 604800");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-004", 3, 21, 49, 50));
  EXPECT_EQ(find(r, "STS-MX-004")->hint, "Write \"mx: mail.example.com\".");
  EXPECT_NE(find(r, "STS-MX-004")->message.find("mox rejects"), std::string::npos);
}

TEST(StsPolicyMx, SuggestsALabelForULabel) {
  const auto r = check("version:STSv1\nmode:none\nmax_age:0\nmx: m\xC3\xB8x.example");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-005", 4, 5, 38, 41));
  EXPECT_EQ(find(r, "STS-MX-005")->hint, "Write \"mx: xn--mx-lka.example\".");
  const auto fr = check(
      "version:STSv1\nmode:none\nmax_age:0\nmx: b\xC3\xBC"
      "cher.example",
      language::fr);
  EXPECT_EQ(find(fr, "STS-MX-005")->hint,
            "\xC3\x89"
            "crivez \xC2\xAB mx: xn--bcher-kva.example \xC2\xBB.");
}

TEST(StsPolicyMx, RejectsIpLiterals) {
  const auto r = check("version: STSv1\nmode: enforce\nmx: 212.114.86.56\nmax_age: 604800");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-006", 3, 5, 33, 46));
  EXPECT_TRUE(Has(check(with_mx("[192.0.2.1]")), "STS-MX-006", 4, 5, kMxAt, kMxAt + 11));
  EXPECT_TRUE(Has(check(with_mx("2001:db8::25")), "STS-MX-006", 4, 5, kMxAt, kMxAt + 12));
}

TEST(StsPolicyMx, RejectsOverlongLabelsAndNames) {
  const std::string label(64, 'a');
  const auto r = check(with_mx("mx." + label + ".example"));
  EXPECT_TRUE(Has(r, "STS-MX-007", 4, 8, kMxAt + 3, kMxAt + 67));
  std::string name;
  while (name.size() < 254) name += "abcdefghi.";
  name += "com";
  const auto n = check(with_mx(name));
  EXPECT_TRUE(Has(n, "STS-MX-007", 4, 5, kMxAt, kMxAt + static_cast<std::uint32_t>(name.size())));
}

TEST(StsPolicyMx, WarnsOnPublicSuffixWildcards) {
  const auto com = check(with_mx("*.com"));
  EXPECT_TRUE(com.ok);
  EXPECT_TRUE(Has(com, "STS-MX-008", 4, 5, kMxAt, kMxAt + 5));
  EXPECT_EQ(find(com, "STS-MX-008")->sev, severity::warning);
  const auto uk = check(with_mx("*.co.uk"));
  EXPECT_TRUE(Has(uk, "STS-MX-008", 4, 5, kMxAt, kMxAt + 7));
  EXPECT_NE(find(uk, "STS-MX-008")->message.find("\"co.uk\""), std::string::npos);
  EXPECT_EQ(count(check(with_mx("*.example.co.uk")), "STS-MX-008"), 0u);
}

TEST(StsPolicyMx, NotesSingleLabel) {
  const auto r = check(with_mx("mail"));
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-010", 4, 5, kMxAt, kMxAt + 4));
}

TEST(StsPolicyMx, LowerCasesAndNotesUpperCase) {
  const auto r = check(with_mx("MAIL.Example.COM"));
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-011", 4, 5, kMxAt, kMxAt + 16));
  EXPECT_EQ(find(r, "STS-MX-011")->sev, severity::info);
  EXPECT_EQ(r.value.mx, std::vector<std::string>{"mail.example.com"});
}

TEST(StsPolicyMx, NotesExactNameCoveredByWildcard) {
  const auto r =
      check("version: STSv1\nmode: enforce\nmx: a.example.com\nmx: *.example.com\nmax_age: 604800");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-012", 3, 5, 33, 46));
  EXPECT_NE(find(r, "STS-MX-012")->message.find("\"*.example.com\""), std::string::npos);
  const auto apex =
      check("version: STSv1\nmode: enforce\nmx: example.com\nmx: *.example.com\nmax_age: 604800");
  EXPECT_EQ(count(apex, "STS-MX-012"), 0u);
}

TEST(StsPolicyMx, WarnsOnMicrosoftWildcard) {
  const auto r = check(with_mx("*.mx.microsoft"));
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(Has(r, "STS-MX-013", 4, 5, kMxAt, kMxAt + 14));
  EXPECT_EQ(count(check(with_mx("*.a-v1.mx.microsoft")), "STS-MX-013"), 0u);
}

// ---- the model ----

TEST(StsPolicyModel, KeepsBestEffortValueDespiteErrors) {
  const auto r = check(
      "version: STSv1\nmode: enforce\nmx: Mail.Example.com\nmx: bad_host.example\n"
      "mx: *.example.net\nmax_age: 604800\nmax_age: 1\nfoo: 1\nfoo: 2\n\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.value.version, "STSv1");
  EXPECT_EQ(r.value.mode, "enforce");
  EXPECT_EQ(r.value.max_age, 604800u);
  EXPECT_EQ(r.value.mx, (std::vector<std::string>{"mail.example.com", "*.example.net"}));
  EXPECT_EQ(r.value.extensions.size(), 1u);
  EXPECT_EQ(r.value.extensions.at("foo"), "1");
}

TEST(StsPolicyModel, RendersFrench) {
  const auto r =
      check("version: STSv1\nmode: Enforce\nmx: a.example.com\nmax_age: 604800", language::fr);
  const diagnostic* d = find(r, "STS-POL-018");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message,
            "Le mode est \xC2\xAB Enforce \xC2\xBB ; il doit \xC3\xAAtre exactement "
            "\xC2\xAB testing \xC2\xBB, \xC2\xAB enforce \xC2\xBB ou \xC2\xAB none \xC2\xBB "
            "(en minuscules).");
  EXPECT_EQ(d->hint,
            "\xC3\x89"
            "crivez \xC2\xAB mode: enforce \xC2\xBB.");
}

// ---- linear time on 1 MiB ----

// Runs `check` on `unit` repeated up to `size` bytes; returns milliseconds.
long long time_check(const std::string& unit, std::size_t size, result<policy>& r) {
  std::string body;
  body.reserve(size + unit.size());
  while (body.size() < size) body += unit;
  body.resize(size);
  const auto t0 = std::chrono::steady_clock::now();
  r = check(body);
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               t0)
      .count();
}

TEST(StsPolicyPerformance, LinearOnWorstShapes) {
  // Shapes that make one diagnostic or one map entry per line, at the
  // largest size that is fully analysed (64 KiB) and at 1 MiB.
  const std::string shapes[] = {"a\n",
                                "mx: a.example.com\n",
                                "k: v\n",
                                "\n",
                                "x",
                                "mx: m\xC3\xA9\xC3\xA9.example\n",
                                "mode: a\n",
                                ":\n",
                                "\r",
                                "\xE9",
                                "a: b\nb: c\n",
                                "mx: *.a.example\nmx: b.a.example\n"};
  for (const std::string& unit : shapes) {
    result<policy> r;
    const long long small = time_check(unit, 65536, r);
    EXPECT_FALSE(r.ok) << unit;
    EXPECT_LT(small, 15000) << unit;
    const long long big = time_check(unit, 1u << 20, r);
    EXPECT_FALSE(r.ok) << unit;
    EXPECT_LT(big, 15000) << unit;
    // Only the first 64 KiB are judged: the output stays bounded.
    EXPECT_LT(r.diagnostics.size(), 40000u) << unit;
    EXPECT_EQ(count(r, "STS-POL-033"), 1u);
  }
}

TEST(StsPolicyPerformance, TruncatesAtTheLastLineBreakBefore64KiB) {
  std::string body = "version: STSv1\nmode: enforce\nmax_age: 604800\n";
  while (body.size() < 70000) body += "mx: mail.example.com\n";
  const auto r = check(body);
  const diagnostic* d = find(r, "STS-POL-033");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->start, 65536u);
  EXPECT_EQ(d->end, body.size());
  // The cut falls after a whole line: no line is judged half-read.
  EXPECT_EQ(count(r, "STS-MX-002"), 0u);
  EXPECT_EQ(r.value.max_age, 604800u);
}

TEST(StsPolicyPerformance, BoundsPunycodeOnHugeLabels) {
  // One huge mx line of distinct non-ASCII code points (Punycode is bounded).
  std::string cjk = "version: STSv1\nmode: enforce\nmax_age: 604800\nmx: ";
  for (char32_t c = 0x4E00; cjk.size() < 60000; c = c == 0x9FFF ? 0x4E00 : c + 1) {
    cjk += static_cast<char>(0xE0 | (c >> 12));
    cjk += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    cjk += static_cast<char>(0x80 | (c & 0x3F));
  }
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = check(cjk);
  EXPECT_LT(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count(),
      5000);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(count(r, "STS-MX-007"), 2u);  // the label and the name
}

}  // namespace
}  // namespace mtasts

// MX matching (RFC 8461 §4.1): every row of the §5.2 table of the rule
// catalogue (STS-MX-100…102), plus edge cases.
#include "mtasts/mx.hpp"

#include <gtest/gtest.h>

namespace mtasts {
namespace {

struct row {
  const char* pattern;
  const char* host;
  bool match;
};

TEST(MxMatch, EveryRowOfTheCatalogueTable) {
  const row rows[] = {
      {"mail.example.com", "mail.example.com.", true},
      {"mail.example.com", "MAIL.EXAMPLE.COM.", true},
      {"*.example.com", "mail.example.com.", true},
      {"*.example.com", "example.com.", false},
      {"*.example.com", "foo.bar.example.com.", false},
      {"*.example.com", "mail.example.com.evil.net.", false},
      {"*.example.com", "mailexample.com.", false},
      {"*.mail.protection.outlook.com", "contoso-com.mail.protection.outlook.com.", true},
      {"*.mx.microsoft", "contoso-com.a-v1.mx.microsoft.", false},
      {"*.a-v1.mx.microsoft", "contoso-com.a-v1.mx.microsoft.", true},
      {"*.aspmx.l.google.com", "aspmx.l.google.com.", false},
      {"*.aspmx.l.google.com", "alt1.aspmx.l.google.com.", true},
      {"aspmx.l.google.com", "smtp.google.com.", false},
      {"*.aspmx.l.google.com", "smtp.google.com.", false},
      {"*.googlemail.com", "aspmx2.googlemail.com.", true},
      {"*.gmail-smtp-in.l.google.com", "alt1.gmail-smtp-in.l.google.com.", true},
      {"xn--mx-lka.example", "m\xC3\xB8x.example.", true},
  };
  for (const row& r : rows)
    EXPECT_EQ(mx_pattern_matches(r.pattern, r.host), r.match) << r.pattern << " vs " << r.host;
}

TEST(MxMatch, RemovesOnlyOneTrailingDot) {
  EXPECT_TRUE(mx_pattern_matches("mail.example.com", "mail.example.com"));
  EXPECT_FALSE(mx_pattern_matches("mail.example.com", "mail.example.com.."));
  EXPECT_TRUE(mx_pattern_matches("*.example.com", "mail.example.com"));
}

TEST(MxMatch, IsCaseInsensitiveOnBothSides) {
  EXPECT_TRUE(mx_pattern_matches("MAIL.Example.com", "mail.example.COM."));
  EXPECT_TRUE(mx_pattern_matches("*.EXAMPLE.com", "Mail.example.com."));
  EXPECT_TRUE(mx_pattern_matches("xn--mx-lka.example", "M\xC3\x98X.EXAMPLE."));  // MØX
}

TEST(MxMatch, WildcardNeedsOneNonEmptyLeftLabel) {
  EXPECT_FALSE(mx_pattern_matches("*.example.com", ".example.com"));
  EXPECT_FALSE(mx_pattern_matches("*.", "a."));
  EXPECT_FALSE(mx_pattern_matches("*.", "a.."));
  EXPECT_TRUE(mx_pattern_matches("*.xn--mx-lka.example", "mail.m\xC3\xB8x.example."));
}

TEST(MxMatch, PatternsAreNotConvertedNorTrimmed) {
  // RFC 8461 §3.2: the pattern must be written as an A-label; a U-label
  // pattern never matches what a sender compares.
  EXPECT_FALSE(mx_pattern_matches("m\xC3\xB8x.example", "m\xC3\xB8x.example."));
  EXPECT_FALSE(mx_pattern_matches("m\xC3\xB8x.example", "xn--mx-lka.example."));
  EXPECT_FALSE(mx_pattern_matches("mail.example.com.", "mail.example.com."));
  EXPECT_FALSE(mx_pattern_matches("", ""));
  EXPECT_FALSE(mx_pattern_matches("", "."));
}

TEST(MxMatch, IllFormedHostNeverMatches) {
  EXPECT_FALSE(mx_pattern_matches("m\xE9il.example.com", "m\xE9il.example.com"));
  EXPECT_FALSE(mx_pattern_matches("*.example.com", "m\xE9il.example.com."));
}

}  // namespace
}  // namespace mtasts

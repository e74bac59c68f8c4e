// Host-name helpers: RFC 3492 Punycode, A-labels, LDH labels, IP literals,
// public suffixes and the `mx` pattern analysis behind STS-MX-001…013.
#include "detail/domain.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace mtasts::detail {
namespace {

struct puny_vector {
  const char* name;
  std::u32string decoded;
  const char* encoded;
};

// RFC 3492 §7.1 sample strings (checked against Python's punycode codec).
const std::vector<puny_vector>& rfc3492_samples() {
  static const std::vector<puny_vector> v = {
      {"A",
       U"\x0644\x064A\x0647\x0645\x0627\x0628\x062A\x0643\x0644\x0645\x0648\x0634\x0639\x0631\x0628"
       U"\x064A\x061F",
       "egbpdaj6bu4bxfgehfvwxn"},
      {"B", U"\x4ED6\x4EEC\x4E3A\x4EC0\x4E48\x4E0D\x8BF4\x4E2D\x6587", "ihqwcrb4cv8a8dqg056pqjye"},
      {"C", U"\x4ED6\x5011\x7232\x4EC0\x9EBD\x4E0D\x8AAA\x4E2D\x6587",
       "ihqwctvzc91f659drss3x8bo0yb"},
      {"D",
       U"\x0050\x0072\x006F\x010D\x0070\x0072\x006F\x0073\x0074\x011B\x006E\x0065\x006D\x006C\x0075"
       U"\x0076\x00ED\x010D\x0065\x0073\x006B\x0079",
       "Proprostnemluvesky-uyb24dma41a"},
      {"E",
       U"\x05DC\x05DE\x05D4\x05D4\x05DD\x05E4\x05E9\x05D5\x05D8\x05DC\x05D0\x05DE\x05D3\x05D1\x05E8"
       U"\x05D9\x05DD\x05E2\x05D1\x05E8\x05D9\x05EA",
       "4dbcagdahymbxekheh6e0a7fei0b"},
      {"F",
       U"\x092F\x0939\x0932\x094B\x0917\x0939\x093F\x0928\x094D\x0926\x0940\x0915\x094D\x092F\x094B"
       U"\x0902\x0928\x0939\x0940\x0902\x092C\x094B\x0932\x0938\x0915\x0924\x0947\x0939\x0948"
       U"\x0902",
       "i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd"},
      {"G",
       U"\x306A\x305C\x307F\x3093\x306A\x65E5\x672C\x8A9E\x3092\x8A71\x3057\x3066\x304F\x308C\x306A"
       U"\x3044\x306E\x304B",
       "n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa"},
      {"H",
       U"\xC138\xACC4\xC758\xBAA8\xB4E0\xC0AC\xB78C\xB4E4\xC774\xD55C\xAD6D\xC5B4\xB97C\xC774\xD574"
       U"\xD55C\xB2E4\xBA74\xC5BC\xB9C8\xB098\xC88B\xC744\xAE4C",
       "989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c"},
      {"I",
       U"\x043F\x043E\x0447\x0435\x043C\x0443\x0436\x0435\x043E\x043D\x0438\x043D\x0435\x0433\x043E"
       U"\x0432\x043E\x0440\x044F\x0442\x043F\x043E\x0440\x0443\x0441\x0441\x043A\x0438",
       "b1abfaaepdrnnbgefbadotcwatmq2g4l"},
      {"J",
       U"\x0050\x006F\x0072\x0071\x0075\x00E9\x006E\x006F\x0070\x0075\x0065\x0064\x0065\x006E\x0073"
       U"\x0069\x006D\x0070\x006C\x0065\x006D\x0065\x006E\x0074\x0065\x0068\x0061\x0062\x006C\x0061"
       U"\x0072\x0065\x006E\x0045\x0073\x0070\x0061\x00F1\x006F\x006C",
       "PorqunopuedensimplementehablarenEspaol-fmd56a"},
      {"K",
       U"\x0054\x1EA1\x0069\x0073\x0061\x006F\x0068\x1ECD\x006B\x0068\x00F4\x006E\x0067\x0074\x0068"
       U"\x1EC3\x0063\x0068\x1EC9\x006E\x00F3\x0069\x0074\x0069\x1EBF\x006E\x0067\x0056\x0069\x1EC7"
       U"\x0074",
       "TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g"},
      {"L", U"\x0033\x5E74\x0042\x7D44\x91D1\x516B\x5148\x751F", "3B-ww4c5e180e575a65lsy2b"},
      {"M",
       U"\x5B89\x5BA4\x5948\x7F8E\x6075\x002D\x0077\x0069\x0074\x0068\x002D\x0053\x0055\x0050\x0045"
       U"\x0052\x002D\x004D\x004F\x004E\x004B\x0045\x0059\x0053",
       "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n"},
      {"N",
       U"\x0048\x0065\x006C\x006C\x006F\x002D\x0041\x006E\x006F\x0074\x0068\x0065\x0072\x002D\x0057"
       U"\x0061\x0079\x002D\x305D\x308C\x305E\x308C\x306E\x5834\x6240",
       "Hello-Another-Way--fc4qua05auwb3674vfr0b"},
      {"O", U"\x3072\x3068\x3064\x5C4B\x6839\x306E\x4E0B\x0032", "2-u9tlzr9756bt3uc0v"},
      {"P", U"\x004D\x0061\x006A\x0069\x3067\x004B\x006F\x0069\x3059\x308B\x0035\x79D2\x524D",
       "MajiKoi5-783gue6qz075azm5e"},
      {"Q", U"\x30D1\x30D5\x30A3\x30FC\x0064\x0065\x30EB\x30F3\x30D0", "de-jg4avhby1noc0d"},
      {"R", U"\x305D\x306E\x30B9\x30D4\x30FC\x30C9\x3067", "d9juau41awczczp"},
      {"S", U"\x002D\x003E\x0020\x0024\x0031\x002E\x0030\x0030\x0020\x003C\x002D", "-> $1.00 <--"},
  };
  return v;
}

TEST(Punycode, EncodesEveryRfc3492Sample) {
  for (const puny_vector& s : rfc3492_samples()) {
    std::string out;
    ASSERT_TRUE(punycode_encode(std::vector<char32_t>(s.decoded.begin(), s.decoded.end()), out))
        << s.name;
    EXPECT_EQ(out, s.encoded) << "sample (" << s.name << ")";
  }
}

TEST(Punycode, EncodesCommonWords) {
  auto enc = [](std::u32string w) {
    std::string out;
    EXPECT_TRUE(punycode_encode(std::vector<char32_t>(w.begin(), w.end()), out));
    return out;
  };
  EXPECT_EQ(enc(U"b\x00FC"
                U"cher"),
            "bcher-kva");
  EXPECT_EQ(enc(U"m\x00F8x"), "mx-lka");
  EXPECT_EQ(enc(U"\x00FC"), "tda");
  EXPECT_EQ(enc(U"\x65E5\x672C\x8A9E"), "wgv71a119e");
  EXPECT_EQ(enc(U"abc"), "abc-");
  EXPECT_EQ(enc(U""), "");
}

TEST(ALabel, ConvertsULabelsAndLowerCases) {
  EXPECT_EQ(to_a_label("b\xC3\xBC"
                       "cher"),
            "xn--bcher-kva");
  EXPECT_EQ(to_a_label("B\xC3\x9C"
                       "CHER"),
            "xn--bcher-kva");  // BÜCHER
  EXPECT_EQ(to_a_label("m\xC3\xB8x"), "xn--mx-lka");
  EXPECT_EQ(to_a_label("M\xC3\x98X"), "xn--mx-lka");  // MØX
  EXPECT_EQ(to_a_label("M\xC3\xBCnchen"), "xn--mnchen-3ya");
  EXPECT_EQ(to_a_label("Mail"), "mail");
  EXPECT_EQ(to_a_label(""), "");
  EXPECT_EQ(to_a_label("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"), "xn--wgv71a119e");
}

TEST(ALabel, RejectsIllFormedUtf8AndOverlongLabels) {
  EXPECT_FALSE(to_a_label("m\xE9il").has_value());
  std::string longest;
  for (int i = 0; i < 63; ++i) longest += "\xC3\xA9";
  EXPECT_TRUE(to_a_label(longest).has_value());
  EXPECT_FALSE(to_a_label(longest + "\xC3\xA9").has_value());
}

TEST(ALabel, ConvertsEveryLabelOfADomain) {
  EXPECT_EQ(domain_to_ascii("M\xC3\xB8x.Example."), "xn--mx-lka.example.");
  EXPECT_EQ(domain_to_ascii("a..b"), "a..b");
  EXPECT_EQ(domain_to_ascii("*.b\xC3\xBC"
                            "cher.de"),
            "*.xn--bcher-kva.de");
  EXPECT_FALSE(domain_to_ascii("ok.m\xE9il").has_value());
}

TEST(Labels, ChecksLdhLabels) {
  EXPECT_TRUE(is_ldh_label("mx1"));
  EXPECT_TRUE(is_ldh_label("a-b"));
  EXPECT_TRUE(is_ldh_label(std::string(63, 'a')));
  EXPECT_FALSE(is_ldh_label(std::string(64, 'a')));
  EXPECT_FALSE(is_ldh_label("-a"));
  EXPECT_FALSE(is_ldh_label("a-"));
  EXPECT_FALSE(is_ldh_label("a_b"));
  EXPECT_FALSE(is_ldh_label(""));
}

TEST(Labels, RecognisesIpLiterals) {
  EXPECT_TRUE(is_ipv4_literal("212.114.86.56"));
  EXPECT_TRUE(is_ipv4_literal("0.0.0.0"));
  EXPECT_FALSE(is_ipv4_literal("256.1.1.1"));
  EXPECT_FALSE(is_ipv4_literal("1.2.3"));
  EXPECT_FALSE(is_ipv4_literal("1.2.3.4.5"));
  EXPECT_FALSE(is_ipv4_literal("1.2.3.a"));
  EXPECT_FALSE(is_ipv4_literal("1..2.3"));
  EXPECT_TRUE(looks_like_ipv6("2001:db8::25"));
  EXPECT_TRUE(looks_like_ipv6("::1"));
  EXPECT_TRUE(looks_like_ipv6("IPv6:2001:db8::1"));
  EXPECT_FALSE(looks_like_ipv6("mx.example.com:25"));
}

TEST(PublicSuffix, KnowsCommonMultiLabelSuffixes) {
  EXPECT_TRUE(is_public_suffix("co.uk"));
  EXPECT_TRUE(is_public_suffix("com.au"));
  EXPECT_TRUE(is_public_suffix("github.io"));
  EXPECT_TRUE(is_public_suffix("gouv.fr"));
  EXPECT_FALSE(is_public_suffix("example.co.uk"));
  EXPECT_FALSE(is_public_suffix("example.com"));
  EXPECT_FALSE(is_public_suffix(""));
}

// The findings of one pattern as (kind, start, end).
struct f {
  mx_issue kind;
  std::size_t start;
  std::size_t end;
  bool operator==(const f& o) const { return kind == o.kind && start == o.start && end == o.end; }
};
std::ostream& operator<<(std::ostream& os, const f& x) {
  return os << "{" << static_cast<int>(x.kind) << ", " << x.start << ", " << x.end << "}";
}
std::vector<f> findings(std::string_view p) {
  std::vector<f> out;
  for (const mx_finding& x : analyze_mx_pattern(p).findings)
    out.push_back({x.kind, x.start, x.end});
  return out;
}

TEST(MxPattern, AcceptsHostsAndWildcards) {
  for (std::string_view p : {"mail.example.com", "*.example.net", "mx1.a-b.example",
                             "xn--mx-lka.example", "1.example"}) {
    const mx_pattern_info info = analyze_mx_pattern(p);
    EXPECT_TRUE(info.valid) << p;
    EXPECT_TRUE(info.findings.empty()) << p;
    EXPECT_EQ(info.normalized, p);
  }
  EXPECT_TRUE(analyze_mx_pattern("*.example.net").wildcard);
  EXPECT_FALSE(analyze_mx_pattern("mail.example.net").wildcard);
}

TEST(MxPattern, EmptyIsStsMx001) {
  EXPECT_EQ(findings(""), (std::vector<f>{{mx_issue::empty, 0, 0}}));
}

TEST(MxPattern, SyntaxErrorsAreStsMx002) {
  EXPECT_EQ(findings("mail_1.example.com"), (std::vector<f>{{mx_issue::bad_char, 4, 5}}));
  EXPECT_EQ(findings("-mx.example.com"), (std::vector<f>{{mx_issue::hyphen_edge, 0, 3}}));
  EXPECT_EQ(findings("mx-.example.com"), (std::vector<f>{{mx_issue::hyphen_edge, 0, 3}}));
  EXPECT_EQ(findings("mx..example.com"), (std::vector<f>{{mx_issue::empty_label, 2, 4}}));
  EXPECT_EQ(findings("*"), (std::vector<f>{{mx_issue::bad_wildcard, 0, 1}}));
  EXPECT_EQ(findings("*."), (std::vector<f>{{mx_issue::bad_wildcard, 0, 2}}));
  EXPECT_EQ(findings("*example.com"), (std::vector<f>{{mx_issue::bad_wildcard, 0, 1}}));
  EXPECT_EQ(findings("mail*.example.com"), (std::vector<f>{{mx_issue::bad_wildcard, 4, 5}}));
  EXPECT_EQ(findings("*.*.example.com"), (std::vector<f>{{mx_issue::bad_wildcard, 2, 3}}));
  EXPECT_EQ(findings("**.example"), (std::vector<f>{{mx_issue::bad_wildcard, 0, 2}}));
  EXPECT_EQ(findings("**.example-"),
            (std::vector<f>{{mx_issue::bad_wildcard, 0, 2}, {mx_issue::hyphen_edge, 3, 11}}));
  EXPECT_EQ(findings("test.example-"), (std::vector<f>{{mx_issue::hyphen_edge, 5, 13}}));
  EXPECT_EQ(findings("mx.example.com:25"), (std::vector<f>{{mx_issue::port, 14, 17}}));
  EXPECT_EQ(findings("smtp://mx.example.com"), (std::vector<f>{{mx_issue::url, 0, 21}}));
  EXPECT_EQ(findings("mx.example.com/"), (std::vector<f>{{mx_issue::bad_char, 14, 15}}));
  EXPECT_EQ(findings("a.example.com b.example.com"), (std::vector<f>{{mx_issue::several, 0, 27}}));
  EXPECT_EQ(findings("10 mx.example.com."), (std::vector<f>{{mx_issue::several, 0, 18}}));
  EXPECT_EQ(analyze_mx_pattern("10 mx.example.com.").findings[0].suggestion, "mx.example.com");
  EXPECT_EQ(analyze_mx_pattern("smtp://mx.example.com:25/").findings[0].suggestion,
            "mx.example.com");
  EXPECT_EQ(analyze_mx_pattern("mx.example.com:25").findings[0].suggestion, "mx.example.com");
}

TEST(MxPattern, LeadingDotIsStsMx003) {
  const mx_pattern_info info = analyze_mx_pattern(".example.net");
  EXPECT_FALSE(info.valid);
  ASSERT_EQ(findings(".example.net"), (std::vector<f>{{mx_issue::leading_dot, 0, 1}}));
  EXPECT_EQ(info.findings[0].suggestion, "*.example.net");
}

TEST(MxPattern, TrailingDotIsStsMx004) {
  const mx_pattern_info info = analyze_mx_pattern("mail.example.com.");
  ASSERT_EQ(findings("mail.example.com."), (std::vector<f>{{mx_issue::trailing_dot, 16, 17}}));
  EXPECT_EQ(info.findings[0].suggestion, "mail.example.com");
  EXPECT_EQ(findings("a.."), (std::vector<f>{{mx_issue::empty_label, 1, 3}}));
}

TEST(MxPattern, ULabelIsStsMx005WithTheALabel) {
  const mx_pattern_info info = analyze_mx_pattern("m\xC3\xB8x.example");
  EXPECT_FALSE(info.valid);
  ASSERT_EQ(findings("m\xC3\xB8x.example"), (std::vector<f>{{mx_issue::u_label, 0, 4}}));
  EXPECT_EQ(info.findings[0].suggestion, "xn--mx-lka.example");
  EXPECT_EQ(analyze_mx_pattern("*.B\xC3\xBC"
                               "cher.example")
                .findings[0]
                .suggestion,
            "*.xn--bcher-kva.example");
  EXPECT_EQ(analyze_mx_pattern(".b\xC3\xBC"
                               "cher.example")
                .findings.back()
                .suggestion,
            "*.xn--bcher-kva.example");
  // Ill-formed UTF-8 is the caller's STS-POL-030, not a U-label.
  const mx_pattern_info bad = analyze_mx_pattern("m\xE9il.example.com");
  EXPECT_TRUE(bad.bad_utf8);
  EXPECT_FALSE(bad.valid);
  EXPECT_TRUE(bad.findings.empty());
}

TEST(MxPattern, IpLiteralIsStsMx006) {
  EXPECT_EQ(findings("212.114.86.56"), (std::vector<f>{{mx_issue::ip_literal, 0, 13}}));
  EXPECT_EQ(findings("[192.0.2.1]"), (std::vector<f>{{mx_issue::ip_literal, 0, 11}}));
  EXPECT_EQ(findings("2001:db8::25"), (std::vector<f>{{mx_issue::ip_literal, 0, 12}}));
}

TEST(MxPattern, LengthLimitsAreStsMx007) {
  const std::string label64(64, 'a');
  EXPECT_EQ(findings(label64 + ".example"), (std::vector<f>{{mx_issue::label_too_long, 0, 64}}));
  EXPECT_EQ(analyze_mx_pattern(label64 + ".example").findings[0].count, 64u);
  EXPECT_TRUE(analyze_mx_pattern(std::string(63, 'a') + ".example").valid);
  std::string name;
  while (name.size() < 254) name += "abcdefghi.";
  name += "com";  // 263 characters
  const mx_pattern_info info = analyze_mx_pattern(name);
  ASSERT_EQ(info.findings.size(), 1u);
  EXPECT_EQ(info.findings[0].kind, mx_issue::name_too_long);
  EXPECT_EQ(info.findings[0].count, name.size());
  std::string ulabel;
  for (int i = 0; i < 64; ++i) ulabel += "\xC3\xA9";  // 64 code points: A-label > 63
  EXPECT_EQ(findings(ulabel + ".example"),
            (std::vector<f>{{mx_issue::u_label_too_long, 0, 128}, {mx_issue::u_label, 0, 128}}));
  // 30 distinct CJK characters fit 63 code points but not 63 octets.
  std::string cjk;
  for (char32_t c = 0x4E00; c < 0x4E00 + 30 * 97; c += 97) {
    cjk += static_cast<char>(0xE0 | (c >> 12));
    cjk += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    cjk += static_cast<char>(0x80 | (c & 0x3F));
  }
  EXPECT_EQ(findings(cjk + ".example"),
            (std::vector<f>{{mx_issue::u_label_too_long, 0, 90}, {mx_issue::u_label, 0, 90}}));
}

TEST(MxPattern, AdviceForValidPatterns) {
  EXPECT_EQ(findings("*.com"), (std::vector<f>{{mx_issue::wildcard_tld, 0, 5}}));
  EXPECT_EQ(findings("*.co.uk"), (std::vector<f>{{mx_issue::wildcard_suffix, 0, 7}}));
  EXPECT_EQ(findings("mail"), (std::vector<f>{{mx_issue::single_label, 0, 4}}));
  EXPECT_EQ(findings("MAIL.Example.COM"), (std::vector<f>{{mx_issue::upper_case, 0, 16}}));
  EXPECT_EQ(analyze_mx_pattern("MAIL.Example.COM").normalized, "mail.example.com");
  EXPECT_TRUE(analyze_mx_pattern("MAIL.Example.COM").valid);
  EXPECT_EQ(findings("*.mx.microsoft"), (std::vector<f>{{mx_issue::microsoft_wildcard, 0, 14}}));
  EXPECT_TRUE(findings("*.a-v1.mx.microsoft").empty());
  for (mx_issue k : {mx_issue::wildcard_suffix, mx_issue::wildcard_tld, mx_issue::single_label,
                     mx_issue::upper_case, mx_issue::microsoft_wildcard})
    EXPECT_FALSE(is_error(k));
  EXPECT_TRUE(is_error(mx_issue::trailing_dot));
}

}  // namespace
}  // namespace mtasts::detail

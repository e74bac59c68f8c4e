#include <gtest/gtest.h>

#include "report.hpp"
#include "text.hpp"
#include "txt_input.hpp"

namespace mtasts::detail {
namespace {

TEST(TextIndex, CountsUtf16UnitsAndLines) {
  // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 units.
  const std::string s = "a\xC3\xA9\n\xF0\x9F\x98\x80x\r\ny\rz";
  const text_index idx(s);
  EXPECT_EQ(idx.at(0).utf16, 0u);
  EXPECT_EQ(idx.at(3).utf16, 2u);  // the LF
  const auto x = idx.at(8);        // 'x' after the emoji
  EXPECT_EQ(x.line, 2u);
  EXPECT_EQ(x.column, 3u);
  EXPECT_EQ(x.utf16, 5u);
  const auto y = idx.at(11);
  EXPECT_EQ(y.line, 3u);
  EXPECT_EQ(y.column, 1u);
  const auto z = idx.at(13);  // after a lone CR
  EXPECT_EQ(z.line, 4u);
  EXPECT_EQ(z.column, 1u);
}

TEST(TextIndex, InvalidBytesCountOneUnitPerMaximalSubpart) {
  // E2 82 is a truncated 3-byte sequence: one U+FFFD, then 'a'.
  const std::string s = "\xE2\x82" "a\xFF" "b";
  const text_index idx(s);
  EXPECT_EQ(idx.at(2).utf16, 1u);
  EXPECT_EQ(idx.at(4).utf16, 3u);
}

TEST(Visible, EscapesControlsAndInvisibleCharacters) {
  EXPECT_EQ(visible("a\tb\r\n"), "a\\tb\\r\\n");
  EXPECT_EQ(visible("x\xC2\xA0y"), "x\\u00A0y");
  EXPECT_EQ(visible("\xFF"), "\\xFF");
  EXPECT_EQ(visible("abcdef", 3), "abc\xE2\x80\xA6");
}

TEST(TxtInput, DecodesQuotedStringsWithoutSeparator) {
  const auto t = decode_txt_input(R"("v=STSv1; id=2024" "0115")");
  EXPECT_EQ(t.text, "v=STSv1; id=20240115");
  EXPECT_EQ(t.strings, 2u);
  ASSERT_EQ(t.map.size(), t.text.size() + 1);
  EXPECT_EQ(t.map[0], 1u);
  EXPECT_EQ(t.map[16], 20u);  // '0' of the second string
}

TEST(TxtInput, DecodesZoneLineAndOwner) {
  const auto t = decode_txt_input("_mta-sts.Example.com. 300 IN TXT \"v=STSv1; id=1\"");
  EXPECT_EQ(t.text, "v=STSv1; id=1");
  EXPECT_EQ(t.owner, "_mta-sts.example.com");
  EXPECT_EQ(t.owner_start, 0u);
  EXPECT_EQ(t.owner_end, 21u);
}

TEST(TxtInput, DecodesParenthesizedZoneLine) {
  const auto t = decode_txt_input("_dmarc.example.com. IN TXT ( \"v=DMARC1; \"\n  \"p=none\" )");
  EXPECT_EQ(t.text, "v=DMARC1; p=none");
  EXPECT_EQ(t.strings, 2u);
  EXPECT_EQ(t.owner, "_dmarc.example.com");
}

TEST(TxtInput, DecodesEscapes) {
  EXPECT_EQ(decode_txt_data(R"("a\"b" "c\\d" "\059")"), "a\"bc\\d;");
  EXPECT_EQ(decode_txt_data(R"("v=DKIM1; p=MIIB""IjAN")"), "v=DKIM1; p=MIIBIjAN");
  EXPECT_EQ(decode_txt_data(R"(v=spf1 include:a "b" -all)"), R"(v=spf1 include:a "b" -all)");
  EXPECT_EQ(decode_txt_data(R"("")"), "");
}

TEST(TxtInput, KeepsMalformedPresentationAsIs) {
  EXPECT_EQ(decode_txt_input("\"v=STSv1; id=1").text, "\"v=STSv1; id=1");
  EXPECT_EQ(decode_txt_input("v=STSv1; id=1").text, "v=STSv1; id=1");
  EXPECT_TRUE(decode_txt_input("v=STSv1; id=1").map.empty());
}

TEST(TxtInput, DropsTheLineBreaksThatEndAPastedRecord) {
  EXPECT_EQ(decode_txt_input("v=STSv1; id=1\n").text, "v=STSv1; id=1");
  EXPECT_EQ(decode_txt_input("v=STSv1; id=1\r\n\r\n").text, "v=STSv1; id=1");
  EXPECT_TRUE(decode_txt_input("v=STSv1; id=1\n").map.empty());
  // Only the final line breaks: inner ones and trailing spaces are judged.
  EXPECT_EQ(decode_txt_input("v=STSv1;\nid=1 \n").text, "v=STSv1;\nid=1 ");
  EXPECT_EQ(decode_txt_input("\n").text, "");
}

TEST(Render, SubstitutesPlaceholders) {
  EXPECT_EQ(render("a {0} b {1} {0}", {"x", "y"}), "a x b y x");
  EXPECT_EQ(render("{2}", {"x"}), "");
}

}  // namespace
}  // namespace mtasts::detail

namespace mtasts::detail {
namespace {

TEST(Reporter, ListsEachCodeAtMostOneHundredTimesThenCountsTheRest) {
  options o;
  reporter rep(o);
  // Any catalogue entry will do; its code is what is counted.
  const msg id = static_cast<msg>(0);
  for (std::size_t i = 0; i < 250; ++i) rep.add(id, i, i + 1);
  const auto ds = rep.finish(std::string(300, 'x'));
  ASSERT_EQ(ds.size(), 101u);
  EXPECT_EQ(ds[99].start, 99u);
  const diagnostic& more = ds[100];
  EXPECT_EQ(more.code, entry(id).code);
  EXPECT_EQ(more.start, 100u);
  EXPECT_EQ(more.message.rfind("150 more problems of this kind (", 0), 0u) << more.message;
  o.lang = language::fr;
  reporter rep_fr(o);
  for (std::size_t i = 0; i < 102; ++i) rep_fr.add(id, i, i + 1);
  const auto fr = rep_fr.finish(std::string(300, 'x'));
  EXPECT_EQ(fr.back().message.rfind("2 autres problèmes", 0), 0u) << fr.back().message;
}

}  // namespace
}  // namespace mtasts::detail

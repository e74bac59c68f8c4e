#include "detail/taglist.hpp"

#include <gtest/gtest.h>

#include "text.hpp"

namespace mtasts::detail {
namespace {

tag_record_spec sts_like() {
  tag_record_spec s{};
  s.version = "STSv1";
  s.version_tag = "v=STSv1";
  s.near_prefix = "stsv";
  s.owner_prefix = "_mta-sts";
  return s;
}

TEST(TagListScan, SplitsAtSemicolonsAndTrimsWsp) {
  const std::string_view t = "v=STSv1; \t id=20160831085700Z  \t;";
  const tag_list l = scan_tag_list(t);
  ASSERT_EQ(l.fields.size(), 2u);
  EXPECT_TRUE(l.trailing_delim);
  EXPECT_EQ(l.fields[0].raw(t), "v=STSv1");
  EXPECT_EQ(l.fields[0].seg_end, 7u);
  EXPECT_EQ(l.fields[1].raw(t), "id=20160831085700Z");
  EXPECT_EQ(l.fields[1].start, 11u);
  EXPECT_EQ(l.fields[1].name(t), "id");
  EXPECT_EQ(l.fields[1].value(t), "20160831085700Z");
  EXPECT_FALSE(l.fields[1].wsp_around_eq());
}

TEST(TagListScan, KeepsEmptyFieldsButNotTheTrailingDelimiter) {
  const std::string_view t = "v=STSv1;; id=1;;";
  const tag_list l = scan_tag_list(t);
  ASSERT_EQ(l.fields.size(), 4u);
  EXPECT_TRUE(l.fields[1].blank());
  EXPECT_EQ(l.fields[1].seg_start, 8u);
  EXPECT_EQ(l.fields[2].raw(t), "id=1");
  EXPECT_TRUE(l.fields[3].blank());
  EXPECT_TRUE(l.trailing_delim);
}

TEST(TagListScan, NoDelimiterMeansNoTrailingDelimiter) {
  const tag_list l = scan_tag_list("v=STSv1");
  ASSERT_EQ(l.fields.size(), 1u);
  EXPECT_FALSE(l.trailing_delim);
  EXPECT_EQ(scan_tag_list("").fields.size(), 1u);
  EXPECT_TRUE(scan_tag_list("").fields[0].blank());
}

TEST(TagListScan, FindsWhitespaceAroundEquals) {
  const std::string_view t = "ext = x";
  const tag_field f = scan_tag_list(t).fields.at(0);
  EXPECT_EQ(f.name(t), "ext");
  EXPECT_EQ(f.name_end, 3u);
  EXPECT_EQ(f.eq, 4u);
  EXPECT_EQ(f.value_start, 6u);
  EXPECT_TRUE(f.wsp_around_eq());
  EXPECT_EQ(f.value(t), "x");
}

TEST(TagListScan, FieldWithoutEqualsIsAllName) {
  const std::string_view t = "a; foo bar";
  const tag_field f = scan_tag_list(t).fields.at(1);
  EXPECT_FALSE(f.has_eq());
  EXPECT_EQ(f.name(t), "foo bar");
  EXPECT_TRUE(f.value(t).empty());
}

TEST(TagListScan, ValueKeepsLaterEqualsSigns) {
  const std::string_view t = "test==";
  const tag_field f = scan_tag_list(t).fields.at(0);
  EXPECT_EQ(f.eq, 4u);
  EXPECT_EQ(f.value(t), "=");
}

TEST(TagListScan, StartsAtTheGivenOffset) {
  const std::string_view t = "v=STSv1 id=1; x=2";
  const tag_list l = scan_tag_list(t, 8);
  ASSERT_EQ(l.fields.size(), 2u);
  EXPECT_EQ(l.fields[0].raw(t), "id=1");
  EXPECT_EQ(l.fields[0].seg_start, 8u);
  EXPECT_EQ(l.fields[1].raw(t), "x=2");
}

TEST(TagListDiscovery, CandidateNeedsExactPrefixThenWspSemicolonOrEnd) {
  const tag_record_spec s = sts_like();
  EXPECT_TRUE(is_candidate("v=STSv1; id=1", s));
  EXPECT_TRUE(is_candidate("v=STSv1 ; id=1", s));
  EXPECT_TRUE(is_candidate("v=STSv1", s));
  EXPECT_FALSE(is_candidate("v=STSv10; id=1", s));
  EXPECT_FALSE(is_candidate("V=STSv1; id=decoy", s));
  EXPECT_FALSE(is_candidate(" v=STSv1; id=1", s));
  EXPECT_FALSE(is_candidate("v=STSv1,id=1", s));
}

TEST(TagListDiscovery, NearMissesAreBotchedVersions) {
  const tag_record_spec s = sts_like();
  EXPECT_TRUE(is_near_miss("V=STSv1; id=decoy", s));
  EXPECT_TRUE(is_near_miss(" v = stsv1; id=1", s));
  EXPECT_TRUE(is_near_miss("v=STSv2; id=1", s));
  EXPECT_FALSE(is_near_miss("v=spf1 -all", s));
  EXPECT_FALSE(is_near_miss("google-site-verification=x", s));
}

TEST(TagListOwner, ReplacesWrongPrefixes) {
  tag_record_spec s = sts_like();
  s.owner_junk = [](std::string_view label, std::string_view) { return label == "mta-sts"; };
  EXPECT_EQ(expected_owner("_mta-sts.example.com", s), "_mta-sts.example.com");
  EXPECT_EQ(expected_owner("_mta-sts", s), "_mta-sts");
  EXPECT_EQ(expected_owner("example.com", s), "_mta-sts.example.com");
  EXPECT_EQ(expected_owner("_mta_sts.example.com", s), "_mta-sts.example.com");
  EXPECT_EQ(expected_owner("mta-sts.example.com", s), "_mta-sts.example.com");
  EXPECT_EQ(expected_owner("_mta-sts._mta-sts.example.com", s), "_mta-sts.example.com");
  EXPECT_EQ(expected_owner("@", s), "_mta-sts");
}

TEST(TagListChars, FindBadCharCanSkipNonAscii) {
  auto alnum = [](char c) { return is_alnum(c); };
  EXPECT_EQ(find_bad_char("ab-c", alnum, false), 2u);
  EXPECT_EQ(find_bad_char("caf\xC3\xA9", alnum, true), tag_npos);
  EXPECT_EQ(find_bad_char("caf\xC3\xA9", alnum, false), 3u);
  EXPECT_EQ(char_len("\xC3\xA9", 0), 2u);
}

}  // namespace
}  // namespace mtasts::detail

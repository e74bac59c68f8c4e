// Golden corpus: every input's JSON result must equal its .expected.json
// byte for byte. UPDATE_GOLDEN=1 rewrites the expected files (review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "report.hpp"
#include "corpus.hpp"

namespace {
using mtasts::testing::golden_case;

std::string corpus_root() {
  const char* env = std::getenv("MTASTS_CORPUS");
  return env != nullptr ? env : "tests/data";
}

const std::vector<golden_case>& corpus() {
  static const std::vector<golden_case> cases = mtasts::testing::list_corpus(corpus_root());
  return cases;
}

class Golden : public ::testing::TestWithParam<golden_case> {};

TEST_P(Golden, MatchesExpectedJson) {
  const golden_case& c = GetParam();
  const auto input = mtasts::testing::read_file(c.input);
  ASSERT_TRUE(input) << "cannot read " << c.input;
  const auto actual = mtasts::testing::run_case(c.format, *input, c.rrset, c.french);
  ASSERT_TRUE(actual) << "unknown format or malformed RRset file: " << c.input;
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    ASSERT_TRUE(mtasts::testing::write_file(c.expected, *actual + "\n"));
  }
  const auto expected = mtasts::testing::read_file(c.expected);
  ASSERT_TRUE(expected) << "missing " << c.expected << " (run with UPDATE_GOLDEN=1)";
  EXPECT_EQ(*expected, *actual + "\n") << c.name;

  const auto j = nlohmann::json::parse(*actual, nullptr, false);
  ASSERT_TRUE(j.is_object());
  if (c.kind == "valid") {
    EXPECT_TRUE(j["ok"].get<bool>()) << c.name << " is in valid/ but has an error";
  } else {
    bool flagged = !j["ok"].get<bool>();
    for (const auto& d : j["diagnostics"]) flagged = flagged || d["severity"] == "warning";
    EXPECT_TRUE(flagged) << c.name << " is in invalid/ but has no error or warning";
  }
}

std::string case_name(const ::testing::TestParamInfo<golden_case>& info) {
  std::string n;
  for (char ch : info.param.name) n += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Golden, ::testing::ValuesIn(corpus()), case_name);

TEST(GoldenCorpus, HasAtLeast250Cases) { EXPECT_GE(corpus().size(), 250u); }

// Every validator rule id of the catalogue is pinned by at least one golden case.
TEST(GoldenCorpus, CoversEveryCatalogueCode) {
  std::set<std::string> seen;
  for (const golden_case& c : corpus()) {
    const auto text = mtasts::testing::read_file(c.expected);
    if (!text) continue;
    const auto j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object() || !j.contains("diagnostics")) continue;
    for (const auto& d : j["diagnostics"]) seen.insert(d["code"].get<std::string>());
  }
  for (std::size_t i = 0; i < mtasts::detail::message_count(); ++i) {
    const std::string code = mtasts::detail::entry(static_cast<mtasts::detail::msg>(i)).code;
    // Generator inputs are pinned by tests/unit/generate_test.cpp; the live
    // checker's rules (DNS, HTTP, cross-checks) by tests/unit/assess_test.cpp.
    bool elsewhere = false;
    for (const char* family : {"GEN-", "DOH-", "CHK-", "STS-HTTP-", "BR-"})
      elsewhere = elsewhere || code.rfind(family, 0) == 0;
    // Rules that need DNS answers (TXT CNAME delegation and TTL, the DMARC
    // report destination's authorisation): the checker's.
    elsewhere = elsewhere || code == "STS-TXT-018" || code == "STS-TXT-021" || code == "DMARC-021";
    if (elsewhere) continue;
    EXPECT_TRUE(seen.count(code) == 1) << code << " has no golden case";
  }
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}

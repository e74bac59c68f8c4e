// Property tests of the generators (issue 3 §6): thousands of random inputs,
// from a fixed seed so every run is the same. For every input that can give
// an artefact: generate → validate gives no error, and what the validator
// reads back equals the inputs (normalised by rules computed here
// independently of the core). Inputs that cannot give an artefact must give
// an error and no output, never a broken one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "mtasts/dmarc.hpp"
#include "mtasts/generate.hpp"
#include "mtasts/policy.hpp"
#include "mtasts/sts_record.hpp"
#include "mtasts/tlsrpt.hpp"

namespace {
using namespace mtasts;

constexpr std::uint32_t kSeed = 20240115;
// Rounds per property (the sanitizer build runs the validators ~20× slower
// than a release build; these counts keep the suite to a few seconds each).
constexpr int kRounds = 2000;
constexpr int kDmarcRounds = 1000;

class gen {
 public:
  explicit gen(std::uint32_t seed) : rng_(seed) {}
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return uniform(0, 99) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(uniform(0, static_cast<int>(v.size()) - 1))];
  }
  char pick_char(std::string_view set) {
    return set[static_cast<std::size_t>(uniform(0, static_cast<int>(set.size()) - 1))];
  }

 private:
  std::mt19937 rng_;
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string randomize_case(gen& g, std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z' && g.chance(30)) c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// An LDH label: letters/digits, inner hyphens, 1–20 chars.
std::string ldh_label(gen& g) {
  const int n = g.uniform(1, 20);
  std::string s;
  for (int i = 0; i < n; ++i) {
    const bool edge = i == 0 || i == n - 1;
    s += edge ? g.pick_char("abcdefghijklmnopqrstuvwxyz0123456789")
              : g.pick_char("abcdefghijklmnopqrstuvwxyz0123456789-");
  }
  // Avoid labels like "ab--cd" that look like IDNA prefixes, and all-digit
  // TLDs that would make a name look like an IP literal.
  if (s.size() >= 4 && s[2] == '-' && s[3] == '-') s[2] = 'x';
  return s;
}

// U-labels with known Punycode (checked against Python's "punycode" codec).
struct idn {
  const char* u;
  const char* a;
};
const std::vector<idn> kIdn = {{"møx", "xn--mx-lka"},         {"bücher", "xn--bcher-kva"},
                               {"münchen", "xn--mnchen-3ya"}, {"exämple", "xn--exmple-cua"},
                               {"café", "xn--caf-dma"},       {"пример", "xn--e1afmkfd"},
                               {"δοκιμή", "xn--jxalpdlp"},    {"straße", "xn--strae-oqa"}};

// A host name: the text to type and its expected normalised form.
struct typed_name {
  std::string typed;
  std::string expected;
};

typed_name host_name(gen& g) {
  typed_name n;
  const int labels = g.uniform(1, 3);
  for (int i = 0; i < labels; ++i) {
    if (i > 0) {
      n.typed += '.';
      n.expected += '.';
    }
    if (g.chance(15)) {
      const idn& x = g.pick(kIdn);
      n.typed += x.u;
      n.expected += x.a;
    } else {
      const std::string l = ldh_label(g);
      n.typed += randomize_case(g, l);
      n.expected += l;
    }
  }
  // A public-looking TLD keeps every name multi-label and not an IP literal.
  const std::string tld = g.pick(std::vector<std::string>{"com", "net", "example", "org", "fr"});
  n.typed += "." + randomize_case(g, tld);
  n.expected += "." + tld;
  return n;
}

// ---------------------------------------------------------------------------

TEST(GeneratePolicyProperty, ValidatesAndReadsBackAsGiven) {
  gen g(kSeed);
  int produced = 0;
  for (int round = 0; round < kRounds; ++round) {
    policy_input in;
    const std::string mode = g.pick(std::vector<std::string>{"testing", "enforce", "none", ""});
    in.mode = randomize_case(g, mode);
    const std::string expected_mode = mode.empty() ? "testing" : mode;

    std::vector<std::string> expected_mx;
    const int rows = g.uniform(0, 6);
    for (int i = 0; i < rows; ++i) {
      if (g.chance(8)) {
        in.mx.push_back(g.chance(50) ? "" : "  ");
        continue;
      }
      if (!expected_mx.empty() && g.chance(10)) {  // a repeat, typed differently
        in.mx.push_back(randomize_case(g, g.pick(expected_mx)) + (g.chance(50) ? "." : ""));
        continue;
      }
      typed_name n = host_name(g);
      if (g.chance(25)) {
        n.typed = "*." + n.typed;
        n.expected = "*." + n.expected;
      }
      if (g.chance(15)) n.typed += '.';
      if (g.chance(15)) n.typed = " " + n.typed + "\t";
      in.mx.push_back(n.typed);
      if (std::find(expected_mx.begin(), expected_mx.end(), n.expected) == expected_mx.end())
        expected_mx.push_back(n.expected);
    }

    std::uint32_t expected_age = 0;
    if (g.chance(15)) {
      expected_age = expected_mode == "enforce" ? kMaxAgeWeek : kMaxAgeDay;
    } else {
      expected_age = static_cast<std::uint32_t>(g.uniform(0, static_cast<int>(kMaxAgeMax)));
      in.max_age = (g.chance(10) ? "00" : "") + std::to_string(expected_age);
    }

    const generated_policy out = generate_policy(in);
    const bool needs_mx = expected_mode != "none";
    if (needs_mx && expected_mx.empty()) {
      EXPECT_FALSE(out.ok) << "round " << round;
      EXPECT_TRUE(out.text.empty());
      continue;
    }
    ASSERT_TRUE(out.ok) << "round " << round << " mx[0]=" << (in.mx.empty() ? "" : in.mx[0])
                        << (out.diagnostics.empty() ? "" : " " + out.diagnostics[0].message);
    ++produced;
    EXPECT_EQ(out.mode, expected_mode);
    EXPECT_EQ(out.mx, expected_mx);
    EXPECT_EQ(out.max_age, expected_age);

    // GEN-002: exact layout.
    std::string layout = "version: STSv1\r\nmode: " + expected_mode + "\r\n";
    for (const std::string& p : expected_mx) layout += "mx: " + p + "\r\n";
    layout += "max_age: " + std::to_string(expected_age) + "\r\n";
    EXPECT_EQ(out.text, layout);

    const result<policy> r = validate_policy(out.text);
    EXPECT_TRUE(r.ok) << out.text;
    EXPECT_EQ(r.value.mode, expected_mode);
    EXPECT_EQ(r.value.max_age, expected_age);
    EXPECT_EQ(r.value.mx, expected_mx);

    // GEN-010: same inputs, same bytes.
    if (round % 10 == 0) {
      EXPECT_EQ(to_json(generate_policy(in)), to_json(out));
    }
  }
  EXPECT_GT(produced, kRounds / 2);
}

TEST(GeneratePolicyProperty, ArbitraryInputNeverGivesABrokenPolicy) {
  gen g(kSeed + 1);
  const std::string alphabet =
      "abcz09.-*_ :/\t\n\r;=@[]!\"\\\x7f\xc3\xa9\xe2\x80\x8b\xff\xef\xbb\xbf"
      "AZ";
  for (int round = 0; round < kRounds; ++round) {
    policy_input in;
    const auto junk = [&](int max) {
      std::string s;
      const int n = g.uniform(0, max);
      for (int i = 0; i < n; ++i) s += g.pick_char(alphabet);
      return s;
    };
    in.mode =
        g.chance(70) ? g.pick(std::vector<std::string>{"testing", "enforce", "none"}) : junk(8);
    const int rows = g.uniform(0, 4);
    for (int i = 0; i < rows; ++i)
      in.mx.push_back(g.chance(50) ? host_name(g).typed + junk(3) : junk(30));
    in.max_age = g.chance(50) ? std::to_string(g.uniform(0, 40000000)) : junk(12);
    in.domain = g.chance(50) ? "" : junk(20);
    const generated_policy out = generate_policy(in);
    if (!out.ok) {
      EXPECT_TRUE(out.text.empty());
      bool error = false;
      for (const field_diagnostic& d : out.diagnostics) error = error || d.sev == severity::error;
      EXPECT_TRUE(error) << "round " << round << ": not ok without an error";
      continue;
    }
    const result<policy> r = validate_policy(out.text);
    EXPECT_TRUE(r.ok) << "round " << round << "\n" << out.text;
    EXPECT_EQ(r.value.mx, out.mx);
  }
}

// ---------------------------------------------------------------------------

TEST(GenerateStsRecordProperty, IdsReadBack) {
  gen g(kSeed + 2);
  const std::string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (int round = 0; round < kRounds; ++round) {
    std::string id;
    if (g.chance(50)) {
      id = policy_id_from_utc(static_cast<std::int64_t>(g.uniform(0, 2000000000)) * 2);
    } else {
      const int n = g.uniform(1, 32);
      for (int i = 0; i < n; ++i) id += g.pick_char(alnum);
    }
    const typed_name d = host_name(g);
    const generated_sts_record out = generate_sts_record({id, g.chance(80) ? d.typed : ""});
    ASSERT_TRUE(out.ok) << id << " " << d.typed;
    EXPECT_EQ(out.text, "v=STSv1; id=" + id);
    const result<sts_record> r = validate_sts_record(out.text);
    EXPECT_TRUE(r.ok);
    EXPECT_EQ(r.value.id, id);
    const result<sts_record> z = validate_sts_record(out.zone_line);
    EXPECT_TRUE(z.ok) << out.zone_line;
    EXPECT_EQ(z.value.id, id);
  }
}

TEST(PolicyIdProperty, IsFourteenDigitsAndOrdered) {
  gen g(kSeed + 3);
  std::int64_t prev_t = -1;
  std::string prev;
  std::vector<std::int64_t> times;
  for (int i = 0; i < kRounds; ++i)
    times.push_back(static_cast<std::int64_t>(g.uniform(0, 2147483647)) * 3);
  std::sort(times.begin(), times.end());
  for (std::int64_t t : times) {
    const std::string id = policy_id_from_utc(t);
    ASSERT_EQ(id.size(), 14u);
    EXPECT_TRUE(std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }));
    if (prev_t >= 0) {
      EXPECT_LE(prev, id);  // lexical order follows time
    }
    // seconds/minutes/hours fields match the time of day
    const std::int64_t day_secs = t % 86400;
    EXPECT_EQ(std::stoll(id.substr(8, 2)), day_secs / 3600);
    EXPECT_EQ(std::stoll(id.substr(10, 2)), (day_secs / 60) % 60);
    EXPECT_EQ(std::stoll(id.substr(12, 2)), day_secs % 60);
    prev_t = t;
    prev = id;
  }
}

// ---------------------------------------------------------------------------

// RFC 6068 percent-encoding of a local part, as the generator must do it:
// unreserved characters and "+" stay, every other octet becomes %XX.
std::string encode_local(const std::string& local) {
  static const char* hex = "0123456789ABCDEF";
  std::string s;
  for (char ch : local) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '+';
    if (keep) {
      s += static_cast<char>(c);
    } else {
      s += '%';
      s += hex[c >> 4];
      s += hex[c & 15];
    }
  }
  return s;
}

struct typed_uri {
  std::string typed;
  std::string expected;
};

typed_uri destination(gen& g, bool dmarc) {
  const typed_name host = host_name(g);
  const int kind = g.uniform(0, 2);
  if (kind == 0) {  // bare address
    std::string local;
    const int n = g.uniform(1, 12);
    for (int i = 0; i < n; ++i) local += g.pick_char("abcXYZ019.-_+,!;'%&=?/#$*~");
    return {local + "@" + host.typed + (g.chance(10) ? "." : ""),
            "mailto:" + encode_local(local) + "@" + host.expected};
  }
  if (kind == 1) {  // mailto: URI as typed
    std::string local = ldh_label(g);
    std::string uri = "mailto:" + local + "@" + host.expected;
    if (dmarc && g.chance(20)) uri += "!" + std::to_string(g.uniform(1, 50)) + "m";
    return {(g.chance(30) ? "MAILTO:" : "mailto:") + uri.substr(7), uri};
  }
  std::string path = "/" + ldh_label(g);
  if (g.chance(30)) path += "/v1?x=" + ldh_label(g);
  const std::string uri = "https://" + host.expected + (g.chance(20) ? ":8443" : "") + path;
  return {uri, uri};
}

TEST(GenerateTlsRptProperty, UrisReadBack) {
  gen g(kSeed + 4);
  for (int round = 0; round < kRounds; ++round) {
    tlsrpt_input in;
    std::vector<std::string> expected;
    const int n = g.uniform(1, 4);
    for (int i = 0; i < n; ++i) {
      const typed_uri u = destination(g, false);
      in.rua.push_back(g.chance(10) ? " " + u.typed + " " : u.typed);
      if (std::find(expected.begin(), expected.end(), u.expected) == expected.end())
        expected.push_back(u.expected);
    }
    in.domain = g.chance(70) ? host_name(g).typed : "";
    const generated_tlsrpt out = generate_tlsrpt_record(in);
    ASSERT_TRUE(out.ok) << "round " << round << " " << in.rua[0] << " "
                        << (out.diagnostics.empty() ? "" : out.diagnostics[0].message);
    EXPECT_EQ(out.rua, expected);
    const result<tlsrpt_record> r = validate_tlsrpt_record(out.text);
    EXPECT_TRUE(r.ok) << out.text;
    EXPECT_EQ(r.value.rua, expected);
    const result<tlsrpt_record> z = validate_tlsrpt_record(out.zone_line);
    EXPECT_TRUE(z.ok) << out.zone_line;
    EXPECT_EQ(z.value.rua, expected);
  }
}

// ---------------------------------------------------------------------------

TEST(GenerateDmarcProperty, TagsReadBackUnderBothSpecs) {
  gen g(kSeed + 5);
  const std::vector<std::string> policies = {"none", "quarantine", "reject"};
  const std::vector<std::string> optional_policies = {"", "none", "quarantine", "reject"};
  const std::vector<std::string> align = {"", "r", "s"};
  const std::vector<std::string> yn = {"", "y", "n"};
  const std::vector<std::string> fo_values = {"",    "0",   "1",   "d",     "s",
                                              "0:d", "1:s", "d:s", "1:d:s", "0:d:s"};
  int split = 0;
  for (int round = 0; round < kDmarcRounds; ++round) {
    dmarc_input in;
    const std::string p = g.pick(policies);
    in.p = randomize_case(g, p);
    const std::string sp = g.pick(optional_policies), np = g.pick(optional_policies);
    in.sp = sp;
    in.np = np;
    const std::string adkim = g.pick(align), aspf = g.pick(align), t = g.pick(yn);
    in.adkim = randomize_case(g, adkim);
    in.aspf = aspf;
    in.t = t;
    const std::string fo = g.pick(fo_values);
    in.fo = fo;
    std::vector<std::string> rua, ruf;
    for (int i = g.uniform(0, 12); i > 0; --i) {
      const typed_uri u = destination(g, true);
      in.rua.push_back(u.typed);
      if (std::find(rua.begin(), rua.end(), u.expected) == rua.end()) rua.push_back(u.expected);
    }
    for (int i = g.uniform(0, 2); i > 0; --i) {
      const typed_uri u = destination(g, true);
      in.ruf.push_back(u.typed);
      if (std::find(ruf.begin(), ruf.end(), u.expected) == ruf.end()) ruf.push_back(u.expected);
    }
    in.legacy = g.chance(30);
    const std::string pct = g.chance(50) ? std::to_string(g.uniform(0, 100)) : "";
    const std::string ri = g.chance(50) ? std::to_string(g.uniform(0, 2000000000)) : "";
    const std::string rf = g.chance(50) ? "afrf" : "";
    in.pct = pct;
    in.ri = ri;
    in.rf = rf;
    const typed_name domain = host_name(g);
    in.domain = g.chance(80) ? domain.typed : "";

    const generated_dmarc out = generate_dmarc_record(in);
    ASSERT_TRUE(out.ok) << "round " << round
                        << (out.diagnostics.empty() ? "" : " " + out.diagnostics.back().message);
    EXPECT_EQ(out.text.rfind("v=DMARC1; p=" + p, 0), 0u) << out.text;
    EXPECT_EQ(out.rua, rua);
    EXPECT_EQ(out.ruf, ruf);

    std::string joined;
    for (const std::string& s : out.strings) {
      EXPECT_LE(s.size(), 255u);
      joined += s;
    }
    EXPECT_EQ(joined, out.text);
    if (out.strings.size() > 1) ++split;

    for (dmarc_spec spec : {dmarc_spec::rfc7489, dmarc_spec::rfc9989}) {
      options o;
      o.dmarc = spec;
      // (The generator itself also checks the zone line under both specs.)
      const std::string text = round % 4 == 0 ? out.zone_line : out.text;
      {
        const result<dmarc_record> r = validate_dmarc_record(text, o);
        ASSERT_TRUE(r.ok) << text;
        const dmarc_record& v = r.value;
        const auto same = [](const std::optional<std::string>& a, const std::string& b) {
          return b.empty() ? !a.has_value() : a == b;
        };
        EXPECT_EQ(v.p, p);
        EXPECT_TRUE(same(v.sp, sp));
        EXPECT_TRUE(same(v.adkim, adkim));
        EXPECT_TRUE(same(v.aspf, aspf));
        const std::string fo_written =
            fo.rfind("0:", 0) == 0 && fo.find('1') != std::string::npos ? fo.substr(2) : fo;
        EXPECT_TRUE(same(v.fo, fo_written)) << fo;
        if (rua.empty()) {
          EXPECT_FALSE(v.rua.has_value());
        } else {
          EXPECT_EQ(v.rua, rua);
        }
        if (ruf.empty()) {
          EXPECT_FALSE(v.ruf.has_value());
        } else {
          EXPECT_EQ(v.ruf, ruf);
        }
        if (spec == dmarc_spec::rfc9989) {
          EXPECT_TRUE(same(v.np, np));
          EXPECT_TRUE(same(v.t, t));
        } else if (in.legacy) {
          EXPECT_EQ(v.pct.has_value(), !pct.empty());
          if (!pct.empty()) {
            EXPECT_EQ(std::to_string(*v.pct), pct);
          }
          EXPECT_EQ(v.ri.has_value(), !ri.empty());
          if (!ri.empty()) {
            EXPECT_EQ(std::to_string(*v.ri), ri);
          }
          EXPECT_TRUE(same(v.rf, rf));
        } else {
          EXPECT_FALSE(v.pct.has_value());
          EXPECT_FALSE(v.ri.has_value());
          EXPECT_FALSE(v.rf.has_value());
        }
      }
    }
    // Every authorisation names a destination outside the policy domain.
    for (const dmarc_authorization& a : out.authorizations) {
      EXPECT_EQ(a.name, domain.expected + "._report._dmarc." + a.destination);
      EXPECT_NE(a.destination, domain.expected);
    }
  }
  EXPECT_GT(split, 20);  // long records were exercised
}

// ---------------------------------------------------------------------------

TEST(GenerateHostingProperty, EveryGeneratedPolicyGetsSnippets) {
  gen g(kSeed + 6);
  for (int round = 0; round < kRounds / 3; ++round) {
    policy_input in{"enforce", {host_name(g).typed, "*." + host_name(g).typed}, "1209600", ""};
    const generated_policy pol = generate_policy(in);
    ASSERT_TRUE(pol.ok);
    const typed_name domain = host_name(g);
    const generated_hosting h = generate_hosting({domain.typed, pol.text, "1", ""});
    ASSERT_TRUE(h.ok) << domain.typed;
    ASSERT_EQ(h.snippets.size(), 6u);
    // nginx serves the policy from its quoted `return 200 "…"` with \r\n escapes.
    std::string escaped;
    for (char c : pol.text)
      escaped += c == '\r'   ? std::string("\\r")
                 : c == '\n' ? std::string("\\n")
                             : std::string(1, c);
    EXPECT_NE(h.snippets[0].text.find("return 200 \"" + escaped + "\";"), std::string::npos);
    EXPECT_NE(h.snippets[0].text.find("server_name mta-sts." + domain.expected + ";"),
              std::string::npos);
  }
}

}  // namespace

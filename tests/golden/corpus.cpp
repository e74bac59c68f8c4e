#include "corpus.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "mtasts/mtasts.hpp"

namespace mtasts::testing {
namespace fs = std::filesystem;

namespace {
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<txt_rrset> parse_rrset(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return std::nullopt;
  txt_rrset set;
  for (const auto& rr : j) {
    if (!rr.is_array()) return std::nullopt;
    txt_rr strings;
    for (const auto& s : rr) {
      if (!s.is_string()) return std::nullopt;
      strings.push_back(s.get<std::string>());
    }
    set.push_back(std::move(strings));
  }
  return set;
}
}  // namespace

std::vector<golden_case> list_corpus(const std::string& root) {
  std::vector<golden_case> out;
  std::error_code ec;
  for (const auto& format_dir : fs::directory_iterator(root, ec)) {
    if (!format_dir.is_directory()) continue;
    for (const char* kind : {"valid", "invalid"}) {
      const fs::path dir = format_dir.path() / kind;
      if (!fs::is_directory(dir)) continue;
      for (const auto& f : fs::directory_iterator(dir)) {
        std::string file = f.path().filename().string();
        golden_case c;
        std::string stem;
        if (ends_with(file, ".expected.json")) continue;
        if (ends_with(file, ".rrset.json")) {
          c.rrset = true;
          stem = file.substr(0, file.size() - std::string(".rrset.json").size());
        } else if (ends_with(file, ".txt")) {
          stem = file.substr(0, file.size() - 4);
        } else {
          continue;
        }
        c.french = ends_with(stem, ".fr");
        c.format = format_dir.path().filename().string();
        c.kind = kind;
        c.input = f.path().string();
        c.expected = (dir / (stem + ".expected.json")).string();
        c.name = c.format + "/" + kind + "/" + file;
        out.push_back(std::move(c));
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const golden_case& a, const golden_case& b) { return a.name < b.name; });
  return out;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

std::optional<std::string> run_case(const std::string& format, const std::string& input,
                                    bool rrset, bool french) {
  options o;
  o.lang = french ? language::fr : language::en;
  std::optional<txt_rrset> set;
  if (rrset) {
    set = parse_rrset(input);
    if (!set) return std::nullopt;
  }
  if (format == "sts-record")
    return to_json(rrset ? validate_sts_record(*set, o) : validate_sts_record(input, o));
  if (format == "tls-rpt")
    return to_json(rrset ? validate_tlsrpt_record(*set, o) : validate_tlsrpt_record(input, o));
  if (format == "dmarc" || format == "dmarc-rfc9989") {
    o.dmarc = format == "dmarc" ? dmarc_spec::rfc7489 : dmarc_spec::rfc9989;
    return to_json(rrset ? validate_dmarc_record(*set, o) : validate_dmarc_record(input, o));
  }
  if (format == "policy" && !rrset) return to_json(validate_policy(input, o));
  return std::nullopt;
}

}  // namespace mtasts::testing

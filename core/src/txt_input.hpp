// Front-end of the TXT record validators: accepts a record's text as typed,
// its zone-file presentation (`"v=STSv1; " "id=1"`), or a whole zone line
// (`_mta-sts.example.com. 3600 IN TXT "v=STSv1; id=1"`), and yields the
// joined record text with a map back to the user's bytes.
#ifndef MTASTS_DETAIL_TXT_INPUT_HPP
#define MTASTS_DETAIL_TXT_INPUT_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mtasts::detail {

struct pending;

struct txt_input {
  std::string text;              // the record as senders see it
  std::vector<std::size_t> map;  // text offset -> input offset (size + 1); empty = identity
  std::size_t strings = 1;       // number of character-strings (1 if unquoted)
  std::string owner;             // owner name of a zone line, lower case, no trailing dot
  std::size_t owner_start = 0;   // its byte range in the input
  std::size_t owner_end = 0;
  bool presentation = false;     // quoted strings were decoded
};

/// Never fails: an input that is not well-formed presentation is taken as
/// the record text itself (the parser then reports what is wrong with it).
txt_input decode_txt_input(std::string_view input);

/// One record of a text that holds several, one per line.
struct txt_line_record {
  std::size_t start = 0;  // the line's offset in the input
  txt_input in;           // the line decoded (its map is relative to the line)
};

/// Several records pasted one per line — `dig +short` output, zone lines, or
/// records as typed — when every non-blank line is one that starts with
/// "v=". Empty otherwise (the text is then one record: decode_txt_input).
std::vector<txt_line_record> split_txt_records(std::string_view input);

/// The positions of several records' diagnostics, moved into the input:
/// each pending item of record k (its offsets relative to that record's
/// text) gets offsets in one virtual text; the returned map takes them back
/// to the input's bytes (for make_result).
std::vector<std::size_t> place_line_records(const std::vector<txt_line_record>& records,
                                            std::vector<pending>& items);

/// Decodes one RFC 1035 presentation `data` field of a DoH answer (DOH-005):
/// a sequence of quoted strings joined with no separator, or the text as is.
/// `strings` receives the number of character-strings.
std::string decode_txt_data(std::string_view data, std::size_t* strings = nullptr);

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_TXT_INPUT_HPP

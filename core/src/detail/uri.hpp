// Report-URI syntax shared by TLS-RPT (RFC 8460 §3) and DMARC (RFC 7489
// §6.4, RFC 9989): RFC 3986 `URI`, plus what `mailto:` (RFC 6068) and
// `https:` need to be usable as a report destination.
#ifndef MTASTS_DETAIL_URI_HPP
#define MTASTS_DETAIL_URI_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace mtasts::detail {

enum class uri_error {
  none,
  empty,           // nothing at all
  no_scheme,       // no "scheme:" (e.g. a bare address)
  bad_scheme,      // scheme with characters outside ALPHA *(ALPHA/DIGIT/+/-/.)
  bad_char,        // a character RFC 3986 does not allow (space, quote, non-ASCII, …)
  bad_percent,     // '%' not followed by two hex digits
  mailto_no_addr,  // "mailto:" with nothing usable after it
  mailto_bad_addr, // the address is not local@domain with a valid domain
  https_no_host,   // "https:" without "//host"
  https_bad_host,  // host is not a valid DNS name or IP literal
  https_bad_port,  // ":port" not 1–65535 digits
};

struct uri_check {
  uri_error error = uri_error::none;
  std::size_t pos = 0;  // byte offset of the problem inside the URI
  std::string scheme;   // lower-cased scheme ("" when none)
};

/// Checks one URI. `forbidden` lists characters that must be percent-encoded
/// in this context although RFC 3986 allows them (e.g. ",!;" for TLS-RPT);
/// they are reported as `bad_char`.
uri_check check_uri(std::string_view uri, std::string_view forbidden = {});

/// True for a syntactically valid DNS host name (LDH labels of 1–63 octets,
/// at least one dot, total ≤ 253, one trailing dot allowed).
bool is_dns_hostname(std::string_view host);

}  // namespace mtasts::detail

#endif  // MTASTS_DETAIL_URI_HPP

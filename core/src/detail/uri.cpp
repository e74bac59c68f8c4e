#include "uri.hpp"

#include "../text.hpp"

namespace mtasts::detail {
namespace {

bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 3986 §2: unreserved / gen-delims / sub-delims (the '%' is checked apart).
bool uri_char(char c) {
  if (is_alnum(c)) return true;
  switch (c) {
    case '-': case '.': case '_': case '~':                       // unreserved
    case ':': case '/': case '?': case '#': case '[': case ']': case '@':  // gen-delims
    case '!': case '$': case '&': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case '=':              // sub-delims
      return true;
    default:
      return false;
  }
}

bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = i;
    unsigned v = 0;
    while (j < s.size() && is_digit(s[j]) && j - i < 3) v = v * 10 + static_cast<unsigned>(s[j++] - '0');
    if (j == i || v > 255) return false;
    ++parts;
    if (j == s.size()) break;
    if (s[j] != '.') return false;
    i = j + 1;
  }
  return parts == 4;
}

}  // namespace

bool is_dns_hostname(std::string_view host) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty() || host.size() > 253) return false;
  std::size_t labels = 0;
  std::size_t start = 0;
  while (start <= host.size()) {
    std::size_t end = host.find('.', start);
    if (end == std::string_view::npos) end = host.size();
    const std::string_view label = host.substr(start, end - start);
    if (label.empty() || label.size() > 63) return false;
    if (!is_alnum(label.front()) || !is_alnum(label.back())) return false;
    for (char c : label)
      if (!is_alnum(c) && c != '-') return false;
    ++labels;
    if (end == host.size()) break;
    start = end + 1;
  }
  return labels >= 2;
}

uri_check check_uri(std::string_view uri, std::string_view forbidden) {
  uri_check r;
  if (uri.empty()) {
    r.error = uri_error::empty;
    return r;
  }
  // Characters first, so a space or a non-ASCII byte is pinned exactly.
  for (std::size_t i = 0; i < uri.size(); ++i) {
    const char c = uri[i];
    if (c == '%') {
      if (i + 2 >= uri.size() || !is_hex(uri[i + 1]) || !is_hex(uri[i + 2])) {
        r.error = uri_error::bad_percent;
        r.pos = i;
        return r;
      }
      i += 2;
      continue;
    }
    if (!uri_char(c) || forbidden.find(c) != std::string_view::npos) {
      r.error = uri_error::bad_char;
      r.pos = i;
      return r;
    }
  }
  const std::size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    r.error = uri_error::no_scheme;
    return r;
  }
  const std::string_view scheme = uri.substr(0, colon);
  if (!is_alpha(scheme.front())) {
    r.error = uri_error::bad_scheme;
    return r;
  }
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    const char c = scheme[i];
    if (!is_alnum(c) && c != '+' && c != '-' && c != '.') {
      r.error = uri_error::bad_scheme;
      r.pos = i;
      return r;
    }
  }
  r.scheme = ascii_lower(scheme);
  const std::string_view rest = uri.substr(colon + 1);
  const std::size_t base = colon + 1;
  if (r.scheme == "mailto") {
    // RFC 6068: mailto:addr-spec[,addr-spec][?hfields]; one address is what
    // report URIs use.
    std::string_view addr = rest.substr(0, rest.find('?'));
    if (addr.empty()) {
      r.error = uri_error::mailto_no_addr;
      r.pos = base;
      return r;
    }
    const std::size_t at = addr.rfind('@');
    if (at == std::string_view::npos || at == 0) {
      r.error = uri_error::mailto_bad_addr;
      r.pos = base;
      return r;
    }
    const std::string_view domain = addr.substr(at + 1);
    if (!is_dns_hostname(domain) &&
        !(domain.size() > 2 && domain.front() == '[' && domain.back() == ']')) {
      r.error = uri_error::mailto_bad_addr;
      r.pos = base + at + 1;
      return r;
    }
  } else if (r.scheme == "https" || r.scheme == "http") {
    if (rest.substr(0, 2) != "//") {
      r.error = uri_error::https_no_host;
      r.pos = base;
      return r;
    }
    const std::size_t a0 = 2;
    std::size_t a1 = rest.find_first_of("/?#", a0);
    if (a1 == std::string_view::npos) a1 = rest.size();
    std::string_view authority = rest.substr(a0, a1 - a0);
    std::size_t host_off = base + a0;
    const std::size_t userinfo = authority.rfind('@');
    if (userinfo != std::string_view::npos) {
      authority.remove_prefix(userinfo + 1);
      host_off += userinfo + 1;
    }
    std::string_view host = authority;
    std::string_view port;
    if (!host.empty() && host.front() == '[') {
      const std::size_t close = host.find(']');
      if (close == std::string_view::npos) {
        r.error = uri_error::https_bad_host;
        r.pos = host_off;
        return r;
      }
      port = host.substr(close + 1);
      host = host.substr(0, close + 1);
      if (!port.empty() && port.front() != ':') {
        r.error = uri_error::https_bad_host;
        r.pos = host_off;
        return r;
      }
    } else {
      const std::size_t pc = host.find(':');
      if (pc != std::string_view::npos) {
        port = host.substr(pc);
        host = host.substr(0, pc);
      }
      if (host.empty()) {
        r.error = uri_error::https_no_host;
        r.pos = host_off;
        return r;
      }
      if (!is_ipv4(host) && !is_dns_hostname(host)) {
        r.error = uri_error::https_bad_host;
        r.pos = host_off;
        return r;
      }
    }
    if (!port.empty()) {
      port.remove_prefix(1);  // ':'
      unsigned long v = 0;
      bool okp = !port.empty() && port.size() <= 5;
      for (char c : port) {
        okp = okp && is_digit(c);
        if (is_digit(c)) v = v * 10 + static_cast<unsigned long>(c - '0');
      }
      if (!okp || v == 0 || v > 65535) {
        r.error = uri_error::https_bad_port;
        r.pos = host_off + host.size();
        return r;
      }
    }
  }
  return r;
}

}  // namespace mtasts::detail

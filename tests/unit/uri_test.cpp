#include <gtest/gtest.h>

#include "detail/uri.hpp"

namespace mtasts::detail {
namespace {

TEST(ReportUri, AcceptsMailtoAndHttps) {
  EXPECT_EQ(check_uri("mailto:reports@example.com").error, uri_error::none);
  EXPECT_EQ(check_uri("mailto:reports@example.com").scheme, "mailto");
  EXPECT_EQ(check_uri("https://reporting.example.com/v1/tlsrpt").error, uri_error::none);
  EXPECT_EQ(check_uri("HTTPS://r.example.com:8443/x?y=1").error, uri_error::none);
  EXPECT_EQ(check_uri("https://[2001:db8::1]/r").error, uri_error::none);
  EXPECT_EQ(check_uri("mailto:a%2Cb@example.com").error, uri_error::none);
}

TEST(ReportUri, PinsTheProblem) {
  EXPECT_EQ(check_uri("").error, uri_error::empty);
  EXPECT_EQ(check_uri("reports@example.com").error, uri_error::no_scheme);
  EXPECT_EQ(check_uri("1http://x.example").error, uri_error::bad_scheme);
  const auto sp = check_uri("mailto:a b@example.com");
  EXPECT_EQ(sp.error, uri_error::bad_char);
  EXPECT_EQ(sp.pos, 8u);
  EXPECT_EQ(check_uri("mailto:a%zz@example.com").error, uri_error::bad_percent);
  EXPECT_EQ(check_uri("mailto:").error, uri_error::mailto_no_addr);
  EXPECT_EQ(check_uri("mailto:reports").error, uri_error::mailto_bad_addr);
  EXPECT_EQ(check_uri("mailto:a@localhost").error, uri_error::mailto_bad_addr);
  EXPECT_EQ(check_uri("https:r.example.com").error, uri_error::https_no_host);
  EXPECT_EQ(check_uri("https://bad_host.example/").error, uri_error::https_bad_host);
  EXPECT_EQ(check_uri("https://r.example.com:99999/").error, uri_error::https_bad_port);
  const auto bang = check_uri("mailto:a@example.com!10m", ",!;");
  EXPECT_EQ(bang.error, uri_error::bad_char);
  EXPECT_EQ(bang.pos, 20u);
}

TEST(ReportUri, HostnameRules) {
  EXPECT_TRUE(is_dns_hostname("example.com"));
  EXPECT_TRUE(is_dns_hostname("example.com."));
  EXPECT_FALSE(is_dns_hostname("example"));
  EXPECT_FALSE(is_dns_hostname("-a.example"));
  EXPECT_FALSE(is_dns_hostname("a..example"));
  EXPECT_FALSE(is_dns_hostname(std::string(64, 'a') + ".example"));
}

}  // namespace
}  // namespace mtasts::detail

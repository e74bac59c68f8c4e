// Hosting snippets (GEN-008): configurations that serve the policy at exactly
// https://mta-sts.<domain>/.well-known/mta-sts.txt with HTTP 200,
// `Content-Type: text/plain; charset=utf-8` and no redirect (RFC 8461 §3.3:
// "HTTP 3xx redirects MUST NOT be followed"), plus the zone lines.
//
// nginx and the Worker embed the policy with the escapes of their syntax, so
// the bytes served are the policy's bytes (CRLF kept); nginx serves a file
// when the policy is longer than one of its strings may be (4 KB). Apache and
// Caddy serve the file written by the printf command they show (Caddyfile
// strings cannot carry CR, and `{$VAR}` in them is read from the environment).
//
// Checked by hand against nginx 1.22, Apache 2.4.57, Caddy 2.6.2 and node 20
// (Worker): status 200, the Content-Type, the exact body, 404 elsewhere.
#include <string>
#include <string_view>

#include "detail/generate_util.hpp"
#include "mtasts/generate.hpp"
#include "mtasts/policy.hpp"
#include "mtasts/sts_record.hpp"
#include "mtasts/tlsrpt.hpp"
#include "report.hpp"
#include "text.hpp"

namespace mtasts {
namespace {

using detail::msg;
using detail::reporter;
using detail::tr;

constexpr std::string_view kPath = "/.well-known/mta-sts.txt";

// The backslash escapes nginx strings, JavaScript strings and printf formats
// share: \\ \r \n \t. Appends one and returns true, or returns false (and
// appends nothing) for any other byte.
bool append_backslash_escape(char c, std::string& o) {
  switch (c) {
    case '\\':
      o += "\\\\";
      return true;
    case '\r':
      o += "\\r";
      return true;
    case '\n':
      o += "\\n";
      return true;
    case '\t':
      o += "\\t";
      return true;
    default:
      return false;
  }
}

// nginx quoted string (ngx_conf_file.c unescapes \" \\ \t \r \n). `$` starts
// a variable in `return` text and has no escape: it is written through the
// variable `$mta_sts_dollar`, defined by a `geo` block when needed.
std::string nginx_string(std::string_view s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"')
      o += "\\\"";
    else if (c == '$')
      o += "${mta_sts_dollar}";
    else if (!append_backslash_escape(c, o))
      o += c;
  }
  o += '"';
  return o;
}

// JavaScript string literal (JSON escapes; U+2028/2029 are legal in string
// literals since ES2019).
std::string js_string(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string o = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') {
      o += "\\\"";
    } else if (append_backslash_escape(c, o)) {
      continue;
    } else if (u < 0x20 || u == 0x7F) {
      o += "\\u00";
      o += kHex[u >> 4];
      o += kHex[u & 0x0F];
    } else {
      o += c;
    }
  }
  o += '"';
  return o;
}

// A POSIX shell `printf` command writing `s` exactly: the format string is
// single-quoted; printf itself turns \r \n \t \\ back into bytes and %% into %.
std::string printf_command(std::string_view s, std::string_view file) {
  std::string o = "printf '";
  for (char c : s) {
    if (c == '\'')
      o += "'\\''";
    else if (c == '%')
      o += "%%";
    else if (!append_backslash_escape(c, o))
      o += c;
  }
  o += "' > ";
  o += file;
  return o;
}

// nginx reads a configuration token of at most 4096 bytes ("too long
// parameter"): a longer `return 200 "…"` string is served from a file.
constexpr std::size_t kNginxTokenMax = 4000;

std::string nginx_snippet(const std::string& host, const std::string& domain,
                          std::string_view policy, const options& o) {
  std::string s;
  s += tr(o, "# MTA-STS policy host for ", "# Hôte de politique MTA-STS pour ");
  s += domain + " (nginx).\n";
  s += tr(o, "# Serves https://", "# Sert https://");
  s += host + std::string(kPath) + "\n";
  s += tr(
      o,
      "# with HTTP 200, Content-Type: text/plain; charset=utf-8 and no redirect (RFC 8461 §3.2, §3.3).\n"
      "# Put it in the http context (e.g. /etc/nginx/conf.d/mta-sts.conf), then: nginx -t && nginx "
      "-s reload\n",
      "# avec HTTP 200, Content-Type: text/plain; charset=utf-8 et sans redirection (RFC 8461 "
      "§3.2, §3.3).\n"
      "# Placez-le dans le contexte http (par ex. /etc/nginx/conf.d/mta-sts.conf), puis : nginx -t "
      "&& nginx -s reload\n");
  const std::string inline_policy = nginx_string(policy);
  const bool from_file = inline_policy.size() > kNginxTokenMax;
  const std::string root = "/var/www/" + host;
  if (from_file) {
    s += tr(o,
            "# The policy is longer than an nginx string may be: nginx serves it from a file with "
            "its exact bytes:\n",
            "# La politique est plus longue qu'une chaîne nginx ne peut l'être : nginx la sert "
            "depuis un fichier, octet pour octet :\n");
    s += "#    mkdir -p " + root + "/.well-known\n";
    s += "#    " + printf_command(policy, root + std::string(kPath)) + "\n";
  }
  s += tr(o, "# Check: curl -sI https://", "# Vérification : curl -sI https://");
  s += host + std::string(kPath) + "\n";
  if (!from_file && policy.find('$') != std::string_view::npos) {
    s += tr(o, "# \"$\" has no escape in nginx strings: this variable stands for it.\n",
            "# « $ » n'a pas d'échappement dans les chaînes nginx : cette variable le remplace.\n");
    s += "geo $mta_sts_dollar {\n    default \"$\";\n}\n";
  }
  s += "server {\n";
  s += "    listen 443 ssl;\n";
  s += "    listen [::]:443 ssl;\n";
  s += "    server_name " + host + ";\n\n";
  s += tr(o, "    # A certificate valid for ", "    # Un certificat valide pour ");
  s += host + tr(o, " (e.g. from Let's Encrypt).\n", " (par ex. de Let's Encrypt).\n");
  s += "    ssl_certificate     /etc/letsencrypt/live/" + host + "/fullchain.pem;\n";
  s += "    ssl_certificate_key /etc/letsencrypt/live/" + host + "/privkey.pem;\n\n";
  s += tr(o,
          "    # The policy, byte for byte. After changing it, publish a new id in the _mta-sts "
          "record.\n",
          "    # La politique, octet pour octet. Après l'avoir modifiée, publiez un nouvel id dans "
          "l'enregistrement _mta-sts.\n");
  s += "    location = " + std::string(kPath) + " {\n";
  s += "        types { }\n";
  s += "        default_type \"text/plain; charset=utf-8\";\n";
  if (from_file)
    s += "        root " + root + ";\n";
  else
    s += "        return 200 " + inline_policy + ";\n";
  s += "    }\n\n";
  s += tr(
      o, "    # Anything else: 404, never a redirect (senders do not follow redirects).\n",
      "    # Tout le reste : 404, jamais de redirection (les expéditeurs ne les suivent pas).\n");
  s += "    location / {\n        return 404;\n    }\n}\n";
  return s;
}

std::string apache_snippet(const std::string& host, const std::string& domain,
                           std::string_view policy, const options& o) {
  const std::string root = "/var/www/" + host;
  std::string s;
  s += tr(o, "# MTA-STS policy host for ", "# Hôte de politique MTA-STS pour ");
  s += domain + " (Apache httpd 2.4, mod_ssl).\n";
  s += tr(o, "# Serves https://", "# Sert https://");
  s += host + std::string(kPath) + "\n";
  s += tr(
      o,
      "# with HTTP 200, Content-Type: text/plain; charset=utf-8 and no redirect (RFC 8461 §3.2, §3.3).\n"
      "# 1. Create the policy file with its exact bytes (or upload the downloaded mta-sts.txt "
      "there):\n",
      "# avec HTTP 200, Content-Type: text/plain; charset=utf-8 et sans redirection (RFC 8461 "
      "§3.2, §3.3).\n"
      "# 1. Créez le fichier de politique avec ses octets exacts (ou déposez-y le mta-sts.txt "
      "téléchargé) :\n");
  s += "#    mkdir -p " + root + "/.well-known\n";
  s += "#    " + printf_command(policy, root + std::string(kPath)) + "\n";
  s += tr(o, "# 2. Add this virtual host (e.g. /etc/apache2/sites-available/mta-sts.conf), then:\n",
          "# 2. Ajoutez cet hôte virtuel (par ex. /etc/apache2/sites-available/mta-sts.conf), puis "
          ":\n");
  s += "#    a2enmod ssl && a2ensite mta-sts && apachectl configtest && apachectl graceful\n";
  s += tr(o, "# Check: curl -sI https://", "# Vérification : curl -sI https://");
  s += host + std::string(kPath) + "\n";
  s += "<VirtualHost *:443>\n";
  s += "    ServerName " + host + "\n";
  s += "    DocumentRoot " + root + "\n\n";
  s += tr(o, "    # A certificate valid for ", "    # Un certificat valide pour ");
  s += host + tr(o, " (e.g. from Let's Encrypt).\n", " (par ex. de Let's Encrypt).\n");
  s += "    SSLEngine on\n";
  s += "    SSLCertificateFile    /etc/letsencrypt/live/" + host + "/fullchain.pem\n";
  s += "    SSLCertificateKeyFile /etc/letsencrypt/live/" + host + "/privkey.pem\n\n";
  s += tr(o, "    # No .htaccess here, so no rewrite or redirect can apply.\n",
          "    # Pas de .htaccess ici, donc aucune réécriture ni redirection ne s'applique.\n");
  s += "    <Directory " + root + ">\n";
  s += "        AllowOverride None\n";
  s += "        Options -Indexes\n";
  s += "        Require all granted\n";
  s += "    </Directory>\n\n";
  s += tr(o, "    # The policy is plain text, whatever the server's MIME settings.\n",
          "    # La politique est du texte brut, quels que soient les réglages MIME du serveur.\n");
  s += "    <Location \"" + std::string(kPath) + "\">\n";
  s += "        ForceType \"text/plain; charset=utf-8\"\n";
  s += "    </Location>\n";
  s += "</VirtualHost>\n";
  return s;
}

// Caddy serves the policy file: an inline `respond` string could not keep
// CRLF, would have `{$VAR}` expanded from the environment when the Caddyfile
// loads, and is re-indented by `caddy fmt`.
std::string caddy_snippet(const std::string& host, const std::string& domain,
                          std::string_view policy, const options& o) {
  const std::string root = "/var/www/" + host;
  std::string s;
  s += tr(o, "# MTA-STS policy host for ", "# Hôte de politique MTA-STS pour ");
  s += domain + " (Caddy 2).\n";
  s += tr(o, "# Serves https://", "# Sert https://");
  s += host + std::string(kPath) + "\n";
  s += tr(
      o,
      "# with HTTP 200, Content-Type: text/plain; charset=utf-8 and no redirect (RFC 8461 §3.2, §3.3).\n"
      "# 1. Create the policy file with its exact bytes (or upload the downloaded mta-sts.txt "
      "there):\n",
      "# avec HTTP 200, Content-Type: text/plain; charset=utf-8 et sans redirection (RFC 8461 "
      "§3.2, §3.3).\n"
      "# 1. Créez le fichier de politique avec ses octets exacts (ou déposez-y le mta-sts.txt "
      "téléchargé) :\n");
  s += "#    mkdir -p " + root + "/.well-known\n";
  s += "#    " + printf_command(policy, root + std::string(kPath)) + "\n";
  s += tr(o,
          "# 2. Add this site to the Caddyfile; Caddy obtains the certificate itself. Then: caddy "
          "reload\n",
          "# 2. Ajoutez ce site au Caddyfile ; Caddy obtient lui-même le certificat. Puis : caddy "
          "reload\n");
  s += tr(o, "# Check: curl -sI https://", "# Vérification : curl -sI https://");
  s += host + std::string(kPath) + "\n";
  s += host + " {\n";
  s += "\thandle " + std::string(kPath) + " {\n";
  s += "\t\troot * " + root + "\n";
  s += "\t\theader Content-Type \"text/plain; charset=utf-8\"\n";
  s += "\t\tfile_server\n";
  s += "\t}\n";
  s += tr(o, "\t# Anything else: 404, never a redirect (senders do not follow redirects).\n",
          "\t# Tout le reste : 404, jamais de redirection (les expéditeurs ne les suivent pas).\n");
  s += "\thandle {\n\t\trespond 404\n\t}\n}\n";
  return s;
}

std::string worker_snippet(const std::string& host, const std::string& domain,
                           std::string_view policy, const options& o) {
  std::string s;
  s += tr(o, "// MTA-STS policy host for ", "// Hôte de politique MTA-STS pour ");
  s += domain + tr(o, ": a Cloudflare Worker.\n", " : un Worker Cloudflare.\n");
  s += tr(o, "// Serves https://", "// Sert https://");
  s += host + std::string(kPath) + "\n";
  s += tr(
      o,
      "// with HTTP 200, Content-Type: text/plain; charset=utf-8 and no redirect (RFC 8461 §3.2, §3.3).\n"
      "// Deploy: Workers & Pages > Create > Worker, paste this code, then\n"
      "// Settings > Domains & Routes > Add > Custom domain: ",
      "// avec HTTP 200, Content-Type: text/plain; charset=utf-8 et sans redirection (RFC 8461 "
      "§3.2, §3.3).\n"
      "// Déploiement : Workers & Pages > Create > Worker, collez ce code, puis\n"
      "// Settings > Domains & Routes > Add > Custom domain : ");
  s += host + "\n";
  s += tr(o,
          "// (Cloudflare then creates the DNS record and the certificate).\n"
          "// Several domains: add one entry per policy host.\n",
          "// (Cloudflare crée alors l'enregistrement DNS et le certificat).\n"
          "// Plusieurs domaines : ajoutez une entrée par hôte de politique.\n");
  s += "const POLICIES = new Map([\n";
  s += "  [" + js_string(host) + ", " + js_string(policy) + "],\n";
  s += "]);\n\n";
  s += "export default {\n";
  s += "  async fetch(request) {\n";
  s += "    const url = new URL(request.url);\n";
  s += "    const policy = POLICIES.get(url.hostname);\n";
  s += "    if (policy !== undefined && url.pathname === \"" + std::string(kPath) + "\") {\n";
  s += "      return new Response(policy, {\n";
  s += "        status: 200,\n";
  s += "        headers: { \"content-type\": \"text/plain; charset=utf-8\" },\n";
  s += "      });\n";
  s += "    }\n";
  s += tr(o, "    // Anything else: 404, never a redirect.\n",
          "    // Tout le reste : 404, jamais de redirection.\n");
  s += "    return new Response(\"Not found\\n\", {\n";
  s += "      status: 404,\n";
  s += "      headers: { \"content-type\": \"text/plain; charset=utf-8\" },\n";
  s += "    });\n";
  s += "  },\n";
  s += "};\n";
  return s;
}

std::string pages_snippet(const std::string& host, const std::string& domain, const options& o) {
  std::string s;
  s += tr(o, "GitHub Pages: MTA-STS policy host for ",
          "GitHub Pages : hôte de politique MTA-STS pour ");
  s += domain + "\n";
  s += tr(o, "Serves https://", "Sert https://");
  s += host + std::string(kPath) + "\n";
  s += tr(
      o,
      "with HTTP 200 and Content-Type: text/plain; charset=utf-8 (GitHub Pages' type for .txt "
      "files).\n\n"
      "1. Create a public repository (e.g. \"mta-sts\") with these files at its root:\n"
      "     .well-known/mta-sts.txt   the policy, exact bytes (use the download)\n"
      "     .nojekyll                 empty: Jekyll would skip the .well-known folder\n"
      "     .gitattributes            keeps the policy's CRLF line ends as they are\n"
      "     CNAME                     the custom domain: ",
      "avec HTTP 200 et Content-Type: text/plain; charset=utf-8 (le type des fichiers .txt sur "
      "GitHub Pages).\n\n"
      "1. Créez un dépôt public (par ex. « mta-sts ») avec ces fichiers à sa racine :\n"
      "     .well-known/mta-sts.txt   la politique, octets exacts (utilisez le téléchargement)\n"
      "     .nojekyll                 vide : Jekyll ignorerait le dossier .well-known\n"
      "     .gitattributes            garde les fins de ligne CRLF de la politique telles quelles\n"
      "     CNAME                     le domaine personnalisé : ");
  s += host + "\n";
  s += tr(o,
          "   Instead of .nojekyll, a _config.yml containing: include: [\".well-known\"]\n"
          "2. Settings > Pages: deploy from the main branch, folder / (root).\n"
          "   Custom domain: ",
          "   À la place de .nojekyll, un _config.yml contenant : include: [\".well-known\"]\n"
          "2. Settings > Pages : déployer depuis la branche main, dossier / (root).\n"
          "   Custom domain : ");
  s += host + tr(o, ", then tick \"Enforce HTTPS\" once the certificate is issued.\n",
                 ", puis cochez « Enforce HTTPS » une fois le certificat émis.\n");
  s += tr(o, "3. DNS (replace <user> with your GitHub account or organisation):\n",
          "3. DNS (remplacez <user> par votre compte ou organisation GitHub) :\n");
  s += "     " + host + ". " + std::to_string(kZoneTtl) + " IN CNAME <user>.github.io.\n";
  s += tr(o, "4. Check that the answer is a 200, not a redirect: curl -sI https://",
          "4. Vérifiez que la réponse est un 200 et non une redirection : curl -sI https://");
  s += host + std::string(kPath) + "\n";
  return s;
}

std::string zone_snippet(const std::string& host, const std::string& domain, std::string_view id,
                         std::string_view tlsrpt, const options& o) {
  const std::string ttl = std::to_string(kZoneTtl);
  std::string s;
  s += tr(o, "; MTA-STS and TLS-RPT records for ", "; Enregistrements MTA-STS et TLS-RPT pour ");
  s += domain +
       tr(o, " (zone-file syntax, TTL 3600 s).\n", " (syntaxe de fichier de zone, TTL 3600 s).\n");
  s += tr(o,
          "; 1. The policy id: publish a new one after every change of the policy (policy first, "
          "then id).\n",
          "; 1. L'id de politique : publiez-en un nouveau après chaque modification de la "
          "politique (la politique d'abord, puis l'id).\n");
  if (!id.empty())
    s += detail::txt_zone_line(detail::zone_owner("_mta-sts", domain),
                               "v=STSv1; id=" + std::string(id)) +
         "\n";
  else
    s += tr(o, "; (generate the _mta-sts record to get this line)\n",
            "; (générez l'enregistrement _mta-sts pour obtenir cette ligne)\n");
  s += tr(o, "; 2. The policy host: uncomment ONE option, with your web server's values.\n",
          "; 2. L'hôte de politique : décommentez UNE option, avec les valeurs de votre serveur "
          "web.\n");
  s += ";" + host + ". " + ttl + " IN A 192.0.2.10\n";
  s += ";" + host + ". " + ttl + " IN AAAA 2001:db8::10\n";
  s += ";" + host + ". " + ttl + " IN CNAME web-host.example.net.\n";
  s += tr(o, "; 3. TLS reports (RFC 8460): where senders report delivery failures.\n",
          "; 3. Rapports TLS (RFC 8460) : où les expéditeurs signalent les échecs de livraison.\n");
  if (!tlsrpt.empty())
    s += detail::txt_zone_line(detail::zone_owner("_smtp._tls", domain), tlsrpt) + "\n";
  else
    s += ";" +
         detail::txt_zone_line(detail::zone_owner("_smtp._tls", domain),
                               "v=TLSRPTv1; rua=mailto:tls-reports@" + domain) +
         "\n";
  return s;
}

}  // namespace

generated_hosting generate_hosting(const hosting_input& in, const options& opts) {
  generated_hosting g;
  auto& out = g.diagnostics;
  const detail::domain_field dom = detail::check_domain(in.domain, true, opts, out);

  // The policy is served exactly as given, so it must be valid.
  reporter rep(opts);
  if (in.policy.empty()) {
    rep.add(msg::gen_policy_missing, 0, 0);
  } else {
    const result<policy> r = validate_policy(in.policy, opts);
    if (!r.ok) rep.add(msg::gen_policy_invalid, 0, 0, {detail::error_codes(r.diagnostics)});
  }
  detail::emit(out, "policy", rep, {});

  // Optional records of the zone snippet: left out (with a warning) if bad.
  std::string id(detail::trim_wsp(in.id));
  std::string tlsrpt(detail::trim_wsp(in.tlsrpt));
  if (id.empty()) {
    reporter r2(opts);
    r2.add(msg::gen_hosting_no_id, 0, 0);
    detail::emit(out, "id", r2, {});
  } else {
    const result<sts_record> r = validate_sts_record("v=STSv1; id=" + id, opts);
    if (!r.ok) {
      reporter r2(opts);
      r2.add(msg::gen_hosting_record_invalid, 0, 0,
             {"_mta-sts", detail::error_codes(r.diagnostics)});
      detail::emit(out, "id", r2, {});
      id.clear();
    }
  }
  if (!tlsrpt.empty()) {
    const result<tlsrpt_record> r = validate_tlsrpt_record(tlsrpt, opts);
    if (!r.ok || tlsrpt.rfind("v=TLSRPTv1", 0) != 0) {
      reporter r2(opts);
      r2.add(msg::gen_hosting_record_invalid, 0, 0,
             {"_smtp._tls", detail::error_codes(r.diagnostics)});
      detail::emit(out, "tlsrpt", r2, {});
      tlsrpt.clear();
    }
  }
  if (!dom.ok || detail::has_error(out)) return g;

  const std::string& domain = dom.a_label;
  const std::string host = "mta-sts." + domain;
  const std::string& p = in.policy;

  const std::string policy_file = "/var/www/" + host + std::string(kPath);
  g.snippets.push_back({"nginx", "nginx", "nginx", nginx_snippet(host, domain, p, opts), {}});
  if (nginx_string(p).size() > kNginxTokenMax) g.snippets.back().files.push_back({policy_file, p});
  g.snippets.push_back({"apache",
                        "Apache httpd",
                        "apache",
                        apache_snippet(host, domain, p, opts),
                        {{policy_file, p}}});
  g.snippets.push_back({"caddy",
                        "Caddy",
                        "caddyfile",
                        caddy_snippet(host, domain, p, opts),
                        {{policy_file, p}}});
  g.snippets.push_back({"cloudflare-worker",
                        "Cloudflare Worker",
                        "javascript",
                        worker_snippet(host, domain, p, opts),
                        {}});
  g.snippets.push_back({"github-pages",
                        "GitHub Pages",
                        "text",
                        pages_snippet(host, domain, opts),
                        {{".well-known/mta-sts.txt", p},
                         {".nojekyll", ""},
                         {".gitattributes", ".well-known/mta-sts.txt -text\n"},
                         {"CNAME", host + "\n"}}});
  g.snippets.push_back({"zone",
                        tr(opts, "DNS zone records", "Enregistrements de zone DNS"),
                        "dns-zone",
                        zone_snippet(host, domain, id, tlsrpt, opts),
                        {}});
  g.ok = true;
  return g;
}

}  // namespace mtasts

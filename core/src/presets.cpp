// Provider presets for the `mx` list (GEN-005): the one table, with where each
// host name comes from. Every preset is a starting point: the live checker
// compares it with the domain's real MX records (CHK-004, CHK-023).
#include <array>
#include <string_view>

#include "mtasts/generate.hpp"

namespace mtasts {
namespace {

struct pattern_row {
  std::string_view pattern;
  bool optional;
  std::string_view en;
  std::string_view fr;
};

struct preset_row {
  std::string_view id;
  std::string_view name;
  std::array<pattern_row, 4> patterns;
  std::size_t count;
  std::string_view en;
  std::string_view fr;
  std::string_view source;
  bool dane;
};

constexpr std::array<preset_row, 6> kPresets{{
    {"microsoft365",
     "Microsoft 365 / Exchange Online",
     {{{"*.mail.protection.outlook.com", false,
        "Every Exchange Online MX host, <domain-with-dashes>.mail.protection.outlook.com (one "
        "label "
        "before mail.protection.outlook.com, as a wildcard requires).",
        "Tout hôte MX d'Exchange Online, <domaine-avec-tirets>.mail.protection.outlook.com (un "
        "seul "
        "label avant mail.protection.outlook.com, comme l'exige un joker)."}}},
     1,
     "Exchange Online receives your mail at <domain-with-dashes>.mail.protection.outlook.com; the "
     "wildcard covers it whatever the tenant. If you turned on inbound SMTP DANE with DNSSEC, your "
     "MX "
     "becomes <tenant>.<x>-v1.mx.microsoft: add the pattern derived from that host (e.g. "
     "*.a-v1.mx.microsoft) and keep both while the MX changes over. Never use *.mx.microsoft: a "
     "wildcard covers one label and those hosts have two before mx.microsoft, so it matches "
     "nothing. "
     "Exchange Online does not serve your policy file: host it yourself.",
     "Exchange Online reçoit votre courrier sur <domaine-avec-tirets>.mail.protection.outlook.com "
     "; "
     "le joker le couvre quel que soit le locataire. Si vous avez activé SMTP DANE entrant avec "
     "DNSSEC, votre MX devient <locataire>.<x>-v1.mx.microsoft : ajoutez le motif déduit de cet "
     "hôte "
     "(par ex. *.a-v1.mx.microsoft) et gardez les deux pendant le changement de MX. N'utilisez "
     "jamais "
     "*.mx.microsoft : un joker couvre un seul label et ces hôtes en ont deux avant mx.microsoft, "
     "il "
     "ne correspond donc à rien. Exchange Online ne sert pas votre fichier de politique : "
     "hébergez-le vous-même.",
     "Microsoft Learn, \"Enhancing mail flow with MTA-STS\" (learn.microsoft.com/purview/"
     "enhancing-mail-flow-with-mta-sts: sample policy with mx: *.mail.protection.outlook.com); "
     "Microsoft Learn, inbound SMTP DANE with DNSSEC (MX <tenant>.<x>-v1.mx.microsoft); "
     "RFC 8461 §4.1 (a wildcard matches exactly one label, so *.mx.microsoft never matches "
     "<tenant>.<x>-v1.mx.microsoft; TLS-RPT reports of such policies show the failures).",
     true},
    {"google",
     "Google Workspace",
     {{{"smtp.google.com", false,
        "The single MX of Google Workspace domains set up since April 2023.",
        "Le MX unique des domaines Google Workspace configurés depuis avril 2023."},
       {"aspmx.l.google.com", false,
        "The primary MX of older set-ups (a wildcard never covers the name itself).",
        "Le MX principal des configurations plus anciennes (un joker ne couvre jamais le nom "
        "lui-même)."},
       {"*.aspmx.l.google.com", false,
        "Their backups alt1.aspmx.l.google.com to alt4.aspmx.l.google.com.",
        "Leurs secours alt1.aspmx.l.google.com à alt4.aspmx.l.google.com."},
       {"*.googlemail.com", true,
        "Legacy: very old set-ups whose MX list aspmx2.googlemail.com to aspmx5.googlemail.com.",
        "Historique : très anciennes configurations dont les MX sont aspmx2.googlemail.com à "
        "aspmx5.googlemail.com."}}},
     4,
     "Domains added to Google Workspace since April 2023 use one MX, smtp.google.com; older ones "
     "use "
     "aspmx.l.google.com and alt1–alt4.aspmx.l.google.com. The preset lists both sets, so the "
     "policy "
     "keeps working whichever your MX records use; remove the set you do not use for a tighter "
     "policy. Add *.googlemail.com only if your MX records still name "
     "aspmx2–aspmx5.googlemail.com.",
     "Les domaines ajoutés à Google Workspace depuis avril 2023 utilisent un seul MX, "
     "smtp.google.com ; les plus anciens utilisent aspmx.l.google.com et "
     "alt1–alt4.aspmx.l.google.com. Le préréglage contient les deux ensembles, la politique "
     "fonctionne donc quels que soient vos enregistrements MX ; retirez celui que vous n'utilisez "
     "pas "
     "pour une politique plus stricte. N'ajoutez *.googlemail.com que si vos MX citent encore "
     "aspmx2–aspmx5.googlemail.com.",
     "Google Workspace Admin Help, MX record values (support.google.com/a/answer/140034: "
     "smtp.google.com, and the legacy ASPMX.L.GOOGLE.COM + ALT1–ALT4 set) and MTA-STS set-up "
     "(support.google.com/a/answer/9276511); RFC 8461 §4.1 wildcard matching.",
     false},
    {"fastmail",
     "Fastmail",
     {{{"in1-smtp.messagingengine.com", false, "Fastmail's primary MX for custom domains.",
        "Le MX principal de Fastmail pour les domaines personnalisés."},
       {"in2-smtp.messagingengine.com", false, "Fastmail's secondary MX for custom domains.",
        "Le MX secondaire de Fastmail pour les domaines personnalisés."},
       {"*.messagingengine.com", true,
        "Any host one label under messagingengine.com: also covers MX hosts Fastmail may add, "
        "but is broader.",
        "Tout hôte d'un label sous messagingengine.com : couvre aussi les MX que Fastmail pourrait "
        "ajouter, mais c'est plus large."}}},
     3,
     "Fastmail receives mail for custom domains at in1-smtp.messagingengine.com (priority 10) and "
     "in2-smtp.messagingengine.com (priority 20). Check that your MX records show these two hosts; "
     "the wildcard is an optional, broader alternative. Host the policy file yourself.",
     "Fastmail reçoit le courrier des domaines personnalisés sur in1-smtp.messagingengine.com "
     "(priorité 10) et in2-smtp.messagingengine.com (priorité 20). Vérifiez que vos "
     "enregistrements "
     "MX indiquent ces deux hôtes ; le joker est une option plus large. Hébergez vous-même le "
     "fichier de politique.",
     "Fastmail help, DNS records for a custom domain (fastmail.help: MX "
     "in1-smtp.messagingengine.com priority 10, in2-smtp.messagingengine.com priority 20). Not "
     "checked against a policy published by Fastmail: compare with your live MX.",
     false},
    {"proton",
     "Proton Mail",
     {{{"mail.protonmail.ch", false, "Proton's primary MX for custom domains (priority 10).",
        "Le MX principal de Proton pour les domaines personnalisés (priorité 10)."},
       {"mailsec.protonmail.ch", false, "Proton's secondary MX (priority 20).",
        "Le MX secondaire de Proton (priorité 20)."}}},
     2,
     "Proton Mail receives custom-domain mail at mail.protonmail.ch and mailsec.protonmail.ch. "
     "Proton "
     "does not host MTA-STS for custom domains: serve the policy yourself (Proton's MX hosts also "
     "publish DANE records, which DANE-capable senders use first).",
     "Proton Mail reçoit le courrier des domaines personnalisés sur mail.protonmail.ch et "
     "mailsec.protonmail.ch. Proton n'héberge pas MTA-STS pour les domaines personnalisés : servez "
     "vous-même la politique (les hôtes MX de Proton publient aussi des enregistrements DANE, que "
     "les expéditeurs compatibles DANE utilisent en premier).",
     "Proton support, custom domain DNS set-up (MX mail.protonmail.ch priority 10, "
     "mailsec.protonmail.ch priority 20); privsec.dev, \"Setting up MTA-STS with a custom domain "
     "on "
     "Proton Mail\" (Proton does not host the policy; MX and TLSA records of protonmail.com).",
     false},
    {"zoho",
     "Zoho Mail",
     {{{"mx.zoho.com", false, "Zoho's primary MX (US data centre, priority 10).",
        "Le MX principal de Zoho (centre de données des États-Unis, priorité 10)."},
       {"mx2.zoho.com", false, "Zoho's second MX (priority 20).",
        "Le deuxième MX de Zoho (priorité 20)."},
       {"mx3.zoho.com", false, "Zoho's third MX (priority 50).",
        "Le troisième MX de Zoho (priorité 50)."}}},
     3,
     "These are the MX hosts of Zoho's US data centre. Accounts in another region use the same "
     "names "
     "under that region's domain: mx.zoho.eu, mx2.zoho.eu, mx3.zoho.eu (Europe), mx.zoho.in… "
     "(India), "
     "mx.zoho.com.au… (Australia). Use exactly the names your MX records show. Zoho's admin "
     "console "
     "can check the policy, but you publish it yourself.",
     "Ce sont les hôtes MX du centre de données américain de Zoho. Les comptes d'une autre région "
     "utilisent les mêmes noms sous le domaine de la région : mx.zoho.eu, mx2.zoho.eu, mx3.zoho.eu "
     "(Europe), mx.zoho.in… (Inde), mx.zoho.com.au… (Australie). Utilisez exactement les noms de "
     "vos "
     "enregistrements MX. La console d'administration de Zoho peut vérifier la politique, mais "
     "c'est vous qui la publiez.",
     "Zoho Mail help, MX records by data centre (mx.zoho.com 10, mx2.zoho.com 20, mx3.zoho.com 50; "
     ".eu, .in and .com.au equivalents); Zoho Mail admin console guide, \"Advanced Security "
     "Configurations\" > MTA-STS (zoho.com/mail/help/adminconsole/"
     "advanced-security-configuration.html).",
     false},
    {"icloud",
     "iCloud+ Custom Email Domain",
     {{{"mx01.mail.icloud.com", false, "Apple's first MX for custom domains (priority 10).",
        "Le premier MX d'Apple pour les domaines personnalisés (priorité 10)."},
       {"mx02.mail.icloud.com", false, "Apple's second MX (priority 10).",
        "Le second MX d'Apple (priorité 10)."}}},
     2,
     "iCloud+ Custom Email Domain receives mail at mx01.mail.icloud.com and mx02.mail.icloud.com, "
     "both at priority 10. Apple does not host the policy file: serve it yourself.",
     "Le domaine de messagerie personnalisé d'iCloud+ reçoit le courrier sur mx01.mail.icloud.com "
     "et mx02.mail.icloud.com, tous deux en priorité 10. Apple n'héberge pas le fichier de "
     "politique : servez-le vous-même.",
     "Apple Support, set up a custom email domain with iCloud Mail: the DNS records iCloud "
     "settings "
     "show (MX mx01.mail.icloud.com and mx02.mail.icloud.com, priority 10).",
     false},
}};

}  // namespace

std::vector<provider_preset> provider_presets() {
  std::vector<provider_preset> out;
  out.reserve(kPresets.size());
  for (const preset_row& row : kPresets) {
    provider_preset p;
    p.id = std::string(row.id);
    p.name = std::string(row.name);
    for (std::size_t i = 0; i < row.count; ++i) {
      const pattern_row& r = row.patterns[i];
      p.patterns.push_back(
          {std::string(r.pattern), r.optional, std::string(r.en), std::string(r.fr)});
    }
    p.explanation_en = std::string(row.en);
    p.explanation_fr = std::string(row.fr);
    p.source = std::string(row.source);
    p.dane = row.dane;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace mtasts

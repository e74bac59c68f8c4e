// @ts-check
// Every user-visible string of the widgets, in English and French. The
// widgets keep their own small catalogue (instead of the site's i18n.js) so
// that an embedding page downloads only what the widgets show. Diagnostics
// themselves come from the core, already in the requested language.

/** @typedef {'en' | 'fr'} Lang */
/** @typedef {(key: string, params?: Record<string, string | number>) => string} Translate */
/** @typedef {string | { one: string, other: string }} Entry */

/** @type {Record<Lang, Record<string, Entry>>} */
export const strings = {
  en: {
    'kit.loading': 'Loading MTA-STS Kit…',
    'kit.failed': 'MTA-STS Kit could not be loaded ({error}).',
    'kit.csp': 'MTA-STS Kit could not start: this page’s Content-Security-Policy does not allow WebAssembly. Add \'wasm-unsafe-eval\' to its script-src.',
    'fullSite': 'Open MTA-STS Kit',
    'severity.error': 'Error',
    'severity.warning': 'Warning',
    'severity.info': 'Info',
    'count.errors': { one: '{n} error', other: '{n} errors' },
    'count.warnings': { one: '{n} warning', other: '{n} warnings' },
    'count.infos': { one: '{n} info', other: '{n} info' },
    'diag.position': 'Line {line}, column {column}',
    'diag.positionLabel': 'Select line {line}, column {column} in the text',
    'diag.hint': 'Fix:',
    'diag.ref': 'Specification:',
    'diag.newTab': '(opens in a new tab)',
    'diag.more': { one: '{n} more diagnostic is not shown.', other: '{n} more diagnostics are not shown.' },
    'diag.listLabel': 'Diagnostics',

    'validator.label': 'MTA-STS Kit validator',
    'validator.format': 'Format',
    'validator.spec': 'DMARC specification',
    'validator.input': 'Record or policy text',
    'validator.help': 'Paste an MTA-STS TXT record or policy, a TLS-RPT or a DMARC record. Checked on this device as you type.',
    'format.auto': 'Auto-detect',
    'format.sts-record': 'MTA-STS TXT record',
    'format.policy': 'MTA-STS policy',
    'format.tls-rpt': 'TLS-RPT record',
    'format.dmarc': 'DMARC record',
    'spec.rfc7489': 'RFC 7489 (DMARC)',
    'spec.rfc9989': 'RFC 9989 (DMARCbis)',
    'summary.empty': 'Nothing to check yet.',
    'summary.unknown': 'This does not look like any of the four formats: choose one in the Format list.',
    'summary.tooLarge': 'This text has {n} characters: the widget checks at most {max} (a policy file is limited to 64 KiB). Use the full site for larger texts.',
    'summary.valid': '{format} — valid: {counts}',
    'summary.invalid': '{format} — invalid: {counts}',
    'understood': 'What a sender understands',
    'value.none': 'none',

    'generator.label': 'MTA-STS Kit generator',
    'generator.domain': 'Mail domain',
    'generator.preset': 'Mail provider',
    'generator.preset.custom': 'Other (type the MX patterns)',
    'generator.mx': 'MX patterns, one per line',
    'generator.mxHelp': 'Exactly as in your MX records; `*.` stands for one whole label.',
    'generator.mode': 'Mode',
    'generator.mode.testing': 'testing — deliver anyway, report failures',
    'generator.mode.enforce': 'enforce — deliver only over valid TLS',
    'generator.mode.none': 'none — withdraw the policy',
    'generator.maxAge': 'Cache lifetime (max_age)',
    'generator.maxAge.86400': '1 day (86400)',
    'generator.maxAge.604800': '1 week (604800)',
    'generator.maxAge.1209600': '2 weeks (1209600)',
    'generator.maxAge.31557600': '1 year (31557600)',
    'generator.rua': 'TLS report address (optional)',
    'generator.ruaHelp': 'An e-mail address or an https: URL that receives TLS-RPT reports.',
    'generator.id': 'Policy id: {id}',
    'generator.newId': 'New id',
    'generator.outPolicy': 'Policy file, served at {url}',
    'generator.outPolicyNoDomain': 'Policy file (enter the domain to see its URL)',
    'generator.outPolicyBadDomain': 'Policy file (its URL follows from a valid domain)',
    'generator.outRecord': 'MTA-STS TXT record',
    'generator.outTlsRpt': 'TLS-RPT TXT record',
    'generator.copy': 'Copy',
    'generator.copyLabel': 'Copy: {what}',
    'generator.copied': 'Copied.',
    'generator.copyFailed': 'Copy failed: select the text and copy it by hand.',
    'generator.notReady': 'Fix the problems above to get this output.',
    'generator.field.domain': 'Domain',
    'generator.field.mx': 'MX pattern {n}',
    'generator.field.mode': 'Mode',
    'generator.field.maxAge': 'max_age',
    'generator.field.id': 'Policy id',
    'generator.field.rua': 'Report address',
    'generator.field.whole': 'Output',

    'checker.label': 'MTA-STS Kit checker',
    'checker.domain': 'Domain to check',
    'checker.run': 'Check',
    'checker.help': 'Looks up the domain’s records over DNS-over-HTTPS ({resolver}) and fetches its policy file.',
    'checker.unavailable': 'The live checker is not available in this version of the widgets.',
    'checker.running': 'Checking {domain}…',
    'checker.failed': 'The check could not run: {error}',
    'checker.needDomain': 'Enter a domain name first.',
    'checker.badDomain': '“{domain}” is not a domain name that can be checked: enter a name like example.com.',
    'checker.verdict.deployed_ok': 'MTA-STS is deployed and works.',
    'checker.verdict.problems': 'MTA-STS is deployed, with problems.',
    'checker.verdict.not_deployed': 'MTA-STS is not deployed on this domain.',
    'checker.verdict.unverified': 'MTA-STS could not be verified completely.',
    'checker.checks': 'Findings',
    'checker.mx': 'MX hosts',
    'checker.mx.preference': 'Preference',
    'checker.mx.host': 'Host',
    'checker.mx.pattern': 'Matching policy pattern',
    'checker.mx.noPattern': 'none — senders will refuse it in enforce mode',
    'checker.mx.implicit': '(implicit MX: no MX record)',
    'checker.mx.nullMx': 'The domain publishes a null MX: it receives no mail.',
    'checker.fullReport': 'Full report on MTA-STS Kit',
  },
  fr: {
    'kit.loading': 'Chargement de MTA-STS Kit…',
    'kit.failed': 'MTA-STS Kit n’a pas pu être chargé ({error}).',
    'kit.csp': 'MTA-STS Kit n’a pas pu démarrer : la Content-Security-Policy de cette page n’autorise pas WebAssembly. Ajoutez \'wasm-unsafe-eval\' à son script-src.',
    'fullSite': 'Ouvrir MTA-STS Kit',
    'severity.error': 'Erreur',
    'severity.warning': 'Avertissement',
    'severity.info': 'Information',
    'count.errors': { one: '{n} erreur', other: '{n} erreurs' },
    'count.warnings': { one: '{n} avertissement', other: '{n} avertissements' },
    'count.infos': { one: '{n} information', other: '{n} informations' },
    'diag.position': 'Ligne {line}, colonne {column}',
    'diag.positionLabel': 'Sélectionner la ligne {line}, colonne {column} dans le texte',
    'diag.hint': 'Correction :',
    'diag.ref': 'Spécification :',
    'diag.newTab': '(s’ouvre dans un nouvel onglet)',
    'diag.more': { one: '{n} autre diagnostic n’est pas affiché.', other: '{n} autres diagnostics ne sont pas affichés.' },
    'diag.listLabel': 'Diagnostics',

    'validator.label': 'Validateur MTA-STS Kit',
    'validator.format': 'Format',
    'validator.spec': 'Spécification DMARC',
    'validator.input': 'Texte de l’enregistrement ou de la politique',
    'validator.help': 'Collez un enregistrement TXT ou une politique MTA-STS, un enregistrement TLS-RPT ou DMARC. Vérifié sur cet appareil pendant la saisie.',
    'format.auto': 'Détection automatique',
    'format.sts-record': 'Enregistrement TXT MTA-STS',
    'format.policy': 'Politique MTA-STS',
    'format.tls-rpt': 'Enregistrement TLS-RPT',
    'format.dmarc': 'Enregistrement DMARC',
    'spec.rfc7489': 'RFC 7489 (DMARC)',
    'spec.rfc9989': 'RFC 9989 (DMARCbis)',
    'summary.empty': 'Rien à vérifier pour l’instant.',
    'summary.unknown': 'Ce texte ne ressemble à aucun des quatre formats : choisissez-en un dans la liste Format.',
    'summary.tooLarge': 'Ce texte compte {n} caractères : le widget en vérifie au plus {max} (un fichier de politique est limité à 64 Kio). Utilisez le site complet pour les textes plus longs.',
    'summary.valid': '{format} — valide : {counts}',
    'summary.invalid': '{format} — invalide : {counts}',
    'understood': 'Ce que comprend un expéditeur',
    'value.none': 'aucun',

    'generator.label': 'Générateur MTA-STS Kit',
    'generator.domain': 'Domaine de messagerie',
    'generator.preset': 'Fournisseur de messagerie',
    'generator.preset.custom': 'Autre (saisissez les motifs MX)',
    'generator.mx': 'Motifs MX, un par ligne',
    'generator.mxHelp': 'Exactement comme dans vos enregistrements MX ; `*.` remplace une étiquette entière.',
    'generator.mode': 'Mode',
    'generator.mode.testing': 'testing — livrer quand même, signaler les échecs',
    'generator.mode.enforce': 'enforce — livrer seulement avec un TLS valide',
    'generator.mode.none': 'none — retirer la politique',
    'generator.maxAge': 'Durée de conservation (max_age)',
    'generator.maxAge.86400': '1 jour (86400)',
    'generator.maxAge.604800': '1 semaine (604800)',
    'generator.maxAge.1209600': '2 semaines (1209600)',
    'generator.maxAge.31557600': '1 an (31557600)',
    'generator.rua': 'Adresse des rapports TLS (facultatif)',
    'generator.ruaHelp': 'Une adresse e-mail ou une URL https: qui reçoit les rapports TLS-RPT.',
    'generator.id': 'Identifiant de la politique : {id}',
    'generator.newId': 'Nouvel identifiant',
    'generator.outPolicy': 'Fichier de politique, servi à {url}',
    'generator.outPolicyNoDomain': 'Fichier de politique (saisissez le domaine pour voir son URL)',
    'generator.outPolicyBadDomain': 'Fichier de politique (son URL découle d’un domaine valide)',
    'generator.outRecord': 'Enregistrement TXT MTA-STS',
    'generator.outTlsRpt': 'Enregistrement TXT TLS-RPT',
    'generator.copy': 'Copier',
    'generator.copyLabel': 'Copier : {what}',
    'generator.copied': 'Copié.',
    'generator.copyFailed': 'La copie a échoué : sélectionnez le texte et copiez-le à la main.',
    'generator.notReady': 'Corrigez les problèmes ci-dessus pour obtenir ce résultat.',
    'generator.field.domain': 'Domaine',
    'generator.field.mx': 'Motif MX {n}',
    'generator.field.mode': 'Mode',
    'generator.field.maxAge': 'max_age',
    'generator.field.id': 'Identifiant',
    'generator.field.rua': 'Adresse des rapports',
    'generator.field.whole': 'Résultat',

    'checker.label': 'Vérificateur MTA-STS Kit',
    'checker.domain': 'Domaine à vérifier',
    'checker.run': 'Vérifier',
    'checker.help': 'Interroge les enregistrements du domaine en DNS sur HTTPS ({resolver}) et télécharge son fichier de politique.',
    'checker.unavailable': 'Le vérificateur en direct n’est pas disponible dans cette version des widgets.',
    'checker.running': 'Vérification de {domain}…',
    'checker.failed': 'La vérification n’a pas pu s’exécuter : {error}',
    'checker.needDomain': 'Saisissez d’abord un nom de domaine.',
    'checker.badDomain': '« {domain} » n’est pas un nom de domaine vérifiable : saisissez un nom comme example.com.',
    'checker.verdict.deployed_ok': 'MTA-STS est déployé et fonctionne.',
    'checker.verdict.problems': 'MTA-STS est déployé, avec des problèmes.',
    'checker.verdict.not_deployed': 'MTA-STS n’est pas déployé sur ce domaine.',
    'checker.verdict.unverified': 'MTA-STS n’a pas pu être entièrement vérifié.',
    'checker.checks': 'Constats',
    'checker.mx': 'Hôtes MX',
    'checker.mx.preference': 'Préférence',
    'checker.mx.host': 'Hôte',
    'checker.mx.pattern': 'Motif de la politique correspondant',
    'checker.mx.noPattern': 'aucun — les expéditeurs le refuseront en mode enforce',
    'checker.mx.implicit': '(MX implicite : aucun enregistrement MX)',
    'checker.mx.nullMx': 'Le domaine publie un MX nul : il ne reçoit aucun courrier.',
    'checker.fullReport': 'Rapport complet sur MTA-STS Kit',
  },
};

/**
 * @param {string} template
 * @param {Record<string, string | number>} params
 */
function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * A translator for one language.
 * @param {Lang} lang
 * @returns {Translate}
 */
export function translator(lang) {
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  return (key, params = {}) => {
    const entry = strings[lang][key] ?? strings.en[key];
    if (entry === undefined) return key;
    if (typeof entry === 'string') return fill(entry, params);
    const n = Number(params.n ?? 0);
    const form = plurals.select(n) === 'one' ? entry.one : entry.other;
    return fill(form, { ...params, n: numbers.format(n) });
  };
}

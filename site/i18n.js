// @ts-check
// Every user-visible string of the page, in English and French, and the small
// I18n class that picks the language, renders strings into the DOM and tells
// the panels when the language changes. Diagnostics themselves come from the
// core, rendered in the chosen language.

/** @typedef {'en' | 'fr'} Lang */
/** @typedef {string | { one: string, other: string }} Entry */

/** @type {Record<Lang, Record<string, Entry>>} */
export const catalogue = {
  en: {
    'doc.title': 'MTA-STS Kit — validator',
    'doc.description':
      'Validate MTA-STS records and policies, TLS-RPT and DMARC records in your browser.',
    'skip.link': 'Skip to the validator',
    'brand.tagline': 'Check MTA-STS, TLS-RPT and DMARC in your browser',
    'nav.label': 'Views',
    'nav.validator': 'Validator',
    'lang.label': 'Language',
    'intro.heading': 'What is MTA-STS?',
    'intro.what':
      'MTA-STS (RFC 8461) lets a domain tell sending mail servers to deliver to it only over encrypted, authenticated connections (TLS), and only to the mail servers (MX hosts) it lists.',
    'intro.artefacts':
      'It takes two pieces: a TXT record at `_mta-sts.<domain>` that announces a policy and its id, and a policy file served over HTTPS at `https://mta-sts.<domain>/.well-known/mta-sts.txt`. A TLS-RPT record (RFC 8460) asks senders to report TLS failures; a DMARC record protects your From: address.',
    'intro.local': 'Everything is checked on this device: nothing you paste or open leaves your browser.',
    'validator.heading': 'Validate a record or a policy',
    'input.label': 'Record or policy text',
    'input.help':
      'Paste a TXT record (plain, as quoted strings or as a zone-file line) or a policy file. Results update as you type.',
    'format.label': 'Format',
    'format.auto': 'Auto-detect',
    'format.sts-record': 'MTA-STS TXT record',
    'format.policy': 'MTA-STS policy',
    'format.tls-rpt': 'TLS-RPT record',
    'format.dmarc': 'DMARC record',
    'format.detected': 'Detected: {format}',
    'format.unrecognised': 'Not recognised: choose a format',
    'spec.label': 'DMARC specification',
    'spec.rfc7489': 'RFC 7489 (DMARC)',
    'spec.rfc9989': 'RFC 9989 (DMARCbis)',
    'file.open': 'Open a file…',
    'file.status': 'Opened “{name}” ({size} bytes; line endings: {eol}). Results refer to the exact bytes of the file until you edit the text.',
    'file.tooLarge': '“{name}” is too large ({size} bytes): the limit here is {limit} bytes.',
    'file.unreadable': '“{name}” could not be read.',
    'eol.lf': 'LF',
    'eol.crlf': 'CRLF',
    'eol.cr': 'lone CR',
    'eol.mixed': 'mixed',
    'eol.none': 'none',
    'examples.heading': 'Examples',
    'examples.intro': 'Load a sample of each format, valid or broken.',
    'examples.valid': 'Valid',
    'examples.broken': 'Broken',
    'replaced.example': 'Example loaded.',
    'replaced.file': 'File opened.',
    'replaced.restore': 'Restore my previous text',
    'replaced.restored': 'Your previous text is back.',
    'save.failed': 'This text is too large to be kept in the browser: it will not survive a reload.',
    'results.heading': 'Results',
    'summary.loading': 'Loading the validator…',
    'summary.loadFailed': 'The validator could not be loaded ({error}). Reload the page to try again.',
    'summary.empty': 'Nothing to check yet: paste a record or a policy, open a file or load an example.',
    'summary.unknown': 'This does not look like any of the four formats: choose one in the Format list.',
    'summary.valid': '{format} — valid: {counts}',
    'summary.invalid': '{format} — invalid: {counts}',
    'count.errors': { one: '{n} error', other: '{n} errors' },
    'count.warnings': { one: '{n} warning', other: '{n} warnings' },
    'count.infos': { one: '{n} info', other: '{n} info' },
    'severity.error': 'Error',
    'severity.warning': 'Warning',
    'severity.info': 'Info',
    'diag.listLabel': 'Diagnostics',
    'diag.select': 'Select a position to highlight it in the text.',
    'diag.position': 'Line {line}, column {column}',
    'diag.hint': 'Fix:',
    'diag.ref': 'Specification:',
    'diag.newTab': '(opens in a new tab)',
    'diag.more': { one: '{n} more diagnostic is not shown.', other: '{n} more diagnostics are not shown.' },
    'diag.none': 'No problem found.',
    'understood.heading': 'What a sender understands',
    'understood.valid': 'A sender reads {thing} as:',
    'understood.invalid': 'Errors were found: a sender may ignore {thing} altogether. What can still be read:',
    'this.sts-record': 'this MTA-STS TXT record',
    'this.policy': 'this MTA-STS policy',
    'this.tls-rpt': 'this TLS-RPT record',
    'this.dmarc': 'this DMARC record',
    'understood.empty': 'Nothing to show yet.',
    'value.notSet': 'not set',
    'value.more': { one: '… and {n} more', other: '… and {n} more' },
    'value.default': '(default)',
    'value.none': 'none',
    'value.ignoredUnder7489': '(not part of RFC 7489: ignored)',
    'value.historicUnder9989': '(historic: ignored under RFC 9989)',
    'field.version': 'Version',
    'field.id': 'Policy id',
    'field.id.note': 'Senders fetch the policy again when this id changes.',
    'field.mode': 'Mode',
    'field.maxAge': 'Cache lifetime (max_age)',
    'field.mx': 'Allowed MX hosts (mx)',
    'field.extensions': 'Ignored fields (extensions)',
    'field.rua.tlsrpt': 'Report destinations (rua)',
    'field.dmarc.v': 'Version (v)',
    'field.dmarc.p': 'Policy for the domain (p)',
    'field.dmarc.sp': 'Policy for subdomains (sp)',
    'field.dmarc.np': 'Policy for non-existent subdomains (np)',
    'field.dmarc.adkim': 'DKIM alignment (adkim)',
    'field.dmarc.aspf': 'SPF alignment (aspf)',
    'field.dmarc.pct': 'Share of failing mail the policy applies to (pct)',
    'field.dmarc.fo': 'Failure report options (fo)',
    'field.dmarc.rf': 'Failure report format (rf)',
    'field.dmarc.ri': 'Aggregate report interval (ri)',
    'field.dmarc.rua': 'Aggregate reports to (rua)',
    'field.dmarc.ruf': 'Failure reports to (ruf)',
    'field.dmarc.t': 'Test mode (t)',
    'field.dmarc.psd': 'Public suffix domain (psd)',
    'mode.enforce': 'enforce — deliver only over valid TLS to a listed MX host; otherwise do not deliver',
    'mode.testing': 'testing — deliver anyway, but report TLS failures (TLS-RPT)',
    'mode.none': 'none — no MTA-STS protection (the policy is being withdrawn)',
    'mx.none': 'no MX host allowed',
    'policy.dmarc.none': 'none — monitor only, deliver as usual',
    'policy.dmarc.quarantine': 'quarantine — treat failing mail as suspicious (for example, spam folder)',
    'policy.dmarc.reject': 'reject — refuse failing mail',
    'policy.dmarc.sameAsP': 'same as p',
    'policy.dmarc.sameAsSp': 'same as sp',
    'align.r': 'relaxed (r): the organizational domains must match',
    'align.s': 'strict (s): the domains must be identical',
    'fo.0': '0: report when every mechanism fails',
    'fo.1': '1: report when any mechanism fails',
    'fo.d': 'd: report when DKIM fails',
    'fo.s': 's: report when SPF fails',
    't.y': 'y — test mode: the policy is applied one step weaker',
    't.n': 'n — the policy applies in full',
    'psd.y': 'y — this is a public suffix domain',
    'psd.n': 'n — this is an organizational domain',
    'psd.u': 'u — unspecified',
    'dmarc.noReports': 'no reports',
    'duration.seconds': { one: '{n} second', other: '{n} seconds' },
    'duration.hours': { one: '{n} hour', other: '{n} hours' },
    'duration.days': { one: '{n} day', other: '{n} days' },
    'duration.weeks': { one: '{n} week', other: '{n} weeks' },
    'duration.format': '{seconds} ({human})',
    'mxTest.label': 'Test an MX host name against these patterns',
    'mxTest.match': '“{host}” matches {pattern}.',
    'mxTest.noMatch': '“{host}” matches no mx pattern: in enforce mode, senders will not deliver to it.',
    'footer.version': 'MTA-STS Kit {version}',
    'footer.local': 'Runs entirely in your browser; nothing is sent anywhere.',
  },
  fr: {
    'doc.title': 'MTA-STS Kit — validateur',
    'doc.description':
      'Validez les enregistrements et politiques MTA-STS, les enregistrements TLS-RPT et DMARC dans votre navigateur.',
    'skip.link': 'Aller au validateur',
    'brand.tagline': 'Vérifiez MTA-STS, TLS-RPT et DMARC dans votre navigateur',
    'nav.label': 'Vues',
    'nav.validator': 'Validateur',
    'lang.label': 'Langue',
    'intro.heading': 'Qu’est-ce que MTA-STS ?',
    'intro.what':
      'MTA-STS (RFC 8461) permet à un domaine de demander aux serveurs de messagerie expéditeurs de ne lui livrer le courrier que par des connexions chiffrées et authentifiées (TLS), et seulement vers les serveurs de messagerie (hôtes MX) qu’il déclare.',
    'intro.artefacts':
      'Il repose sur deux éléments : un enregistrement TXT en `_mta-sts.<domaine>` qui annonce une politique et son identifiant, et un fichier de politique servi en HTTPS à l’adresse `https://mta-sts.<domaine>/.well-known/mta-sts.txt`. Un enregistrement TLS-RPT (RFC 8460) demande aux expéditeurs de signaler les échecs TLS ; un enregistrement DMARC protège votre adresse d’expédition (From:).',
    'intro.local':
      'Tout est vérifié sur cet appareil : rien de ce que vous collez ou ouvrez ne quitte votre navigateur.',
    'validator.heading': 'Valider un enregistrement ou une politique',
    'input.label': 'Texte de l’enregistrement ou de la politique',
    'input.help':
      'Collez un enregistrement TXT (brut, en chaînes entre guillemets ou en ligne de fichier de zone) ou un fichier de politique. Les résultats se mettent à jour pendant la saisie.',
    'format.label': 'Format',
    'format.auto': 'Détection automatique',
    'format.sts-record': 'Enregistrement TXT MTA-STS',
    'format.policy': 'Politique MTA-STS',
    'format.tls-rpt': 'Enregistrement TLS-RPT',
    'format.dmarc': 'Enregistrement DMARC',
    'format.detected': 'Détecté : {format}',
    'format.unrecognised': 'Non reconnu : choisissez un format',
    'spec.label': 'Spécification DMARC',
    'spec.rfc7489': 'RFC 7489 (DMARC)',
    'spec.rfc9989': 'RFC 9989 (DMARCbis)',
    'file.open': 'Ouvrir un fichier…',
    'file.status':
      'Fichier « {name} » ouvert ({size} octets ; fins de ligne : {eol}). Les résultats portent sur les octets exacts du fichier jusqu’à ce que vous modifiiez le texte.',
    'file.tooLarge': '« {name} » est trop volumineux ({size} octets) : la limite ici est de {limit} octets.',
    'file.unreadable': '« {name} » n’a pas pu être lu.',
    'eol.lf': 'LF',
    'eol.crlf': 'CRLF',
    'eol.cr': 'CR seul',
    'eol.mixed': 'mixtes',
    'eol.none': 'aucune',
    'examples.heading': 'Exemples',
    'examples.intro': 'Chargez un exemple de chaque format, valide ou erroné.',
    'examples.valid': 'Valide',
    'examples.broken': 'Erroné',
    'replaced.example': 'Exemple chargé.',
    'replaced.file': 'Fichier ouvert.',
    'replaced.restore': 'Rétablir mon texte précédent',
    'replaced.restored': 'Votre texte précédent est rétabli.',
    'save.failed':
      'Ce texte est trop volumineux pour être conservé dans le navigateur : il ne survivra pas à un rechargement.',
    'results.heading': 'Résultats',
    'summary.loading': 'Chargement du validateur…',
    'summary.loadFailed': 'Le validateur n’a pas pu être chargé ({error}). Rechargez la page pour réessayer.',
    'summary.empty':
      'Rien à vérifier pour l’instant : collez un enregistrement ou une politique, ouvrez un fichier ou chargez un exemple.',
    'summary.unknown':
      'Ce texte ne ressemble à aucun des quatre formats : choisissez-en un dans la liste Format.',
    'summary.valid': '{format} — valide : {counts}',
    'summary.invalid': '{format} — invalide : {counts}',
    'count.errors': { one: '{n} erreur', other: '{n} erreurs' },
    'count.warnings': { one: '{n} avertissement', other: '{n} avertissements' },
    'count.infos': { one: '{n} information', other: '{n} informations' },
    'severity.error': 'Erreur',
    'severity.warning': 'Avertissement',
    'severity.info': 'Information',
    'diag.listLabel': 'Diagnostics',
    'diag.select': 'Choisissez une position pour la mettre en évidence dans le texte.',
    'diag.position': 'Ligne {line}, colonne {column}',
    'diag.hint': 'Correction :',
    'diag.ref': 'Spécification :',
    'diag.newTab': '(s’ouvre dans un nouvel onglet)',
    'diag.more': {
      one: '{n} autre diagnostic n’est pas affiché.',
      other: '{n} autres diagnostics ne sont pas affichés.',
    },
    'diag.none': 'Aucun problème trouvé.',
    'understood.heading': 'Ce que comprend un expéditeur',
    'understood.valid': 'Un expéditeur lit {thing} ainsi :',
    'understood.invalid':
      'Des erreurs ont été trouvées : un expéditeur peut ignorer entièrement {thing}. Ce qui reste lisible :',
    'this.sts-record': 'cet enregistrement TXT MTA-STS',
    'this.policy': 'cette politique MTA-STS',
    'this.tls-rpt': 'cet enregistrement TLS-RPT',
    'this.dmarc': 'cet enregistrement DMARC',
    'understood.empty': 'Rien à afficher pour l’instant.',
    'value.notSet': 'non défini',
    'value.more': { one: '… et {n} autre', other: '… et {n} autres' },
    'value.default': '(par défaut)',
    'value.none': 'aucun',
    'value.ignoredUnder7489': '(absent de la RFC 7489 : ignoré)',
    'value.historicUnder9989': '(historique : ignoré selon la RFC 9989)',
    'field.version': 'Version',
    'field.id': 'Identifiant de politique',
    'field.id.note': 'Les expéditeurs téléchargent de nouveau la politique quand cet identifiant change.',
    'field.mode': 'Mode',
    'field.maxAge': 'Durée de mise en cache (max_age)',
    'field.mx': 'Hôtes MX autorisés (mx)',
    'field.extensions': 'Champs ignorés (extensions)',
    'field.rua.tlsrpt': 'Destinataires des rapports (rua)',
    'field.dmarc.v': 'Version (v)',
    'field.dmarc.p': 'Politique du domaine (p)',
    'field.dmarc.sp': 'Politique des sous-domaines (sp)',
    'field.dmarc.np': 'Politique des sous-domaines inexistants (np)',
    'field.dmarc.adkim': 'Alignement DKIM (adkim)',
    'field.dmarc.aspf': 'Alignement SPF (aspf)',
    'field.dmarc.pct': 'Part du courrier en échec soumise à la politique (pct)',
    'field.dmarc.fo': 'Options des rapports d’échec (fo)',
    'field.dmarc.rf': 'Format des rapports d’échec (rf)',
    'field.dmarc.ri': 'Intervalle des rapports agrégés (ri)',
    'field.dmarc.rua': 'Rapports agrégés envoyés à (rua)',
    'field.dmarc.ruf': 'Rapports d’échec envoyés à (ruf)',
    'field.dmarc.t': 'Mode test (t)',
    'field.dmarc.psd': 'Domaine de suffixe public (psd)',
    'mode.enforce':
      'enforce — livrer uniquement par TLS valide vers un hôte MX déclaré ; sinon, ne pas livrer',
    'mode.testing': 'testing — livrer malgré tout, mais signaler les échecs TLS (TLS-RPT)',
    'mode.none': 'none — aucune protection MTA-STS (la politique est en cours de retrait)',
    'mx.none': 'aucun hôte MX autorisé',
    'policy.dmarc.none': 'none — simple surveillance, livraison normale',
    'policy.dmarc.quarantine':
      'quarantine — traiter le courrier en échec comme suspect (par exemple, dossier spam)',
    'policy.dmarc.reject': 'reject — refuser le courrier en échec',
    'policy.dmarc.sameAsP': 'identique à p',
    'policy.dmarc.sameAsSp': 'identique à sp',
    'align.r': 'souple (r) : les domaines organisationnels doivent correspondre',
    'align.s': 'strict (s) : les domaines doivent être identiques',
    'fo.0': '0 : rapport quand tous les mécanismes échouent',
    'fo.1': '1 : rapport quand un mécanisme échoue',
    'fo.d': 'd : rapport quand DKIM échoue',
    'fo.s': 's : rapport quand SPF échoue',
    't.y': 'y — mode test : la politique est appliquée un cran plus faible',
    't.n': 'n — la politique s’applique entièrement',
    'psd.y': 'y — domaine de suffixe public',
    'psd.n': 'n — domaine organisationnel',
    'psd.u': 'u — non précisé',
    'dmarc.noReports': 'aucun rapport',
    'duration.seconds': { one: '{n} seconde', other: '{n} secondes' },
    'duration.hours': { one: '{n} heure', other: '{n} heures' },
    'duration.days': { one: '{n} jour', other: '{n} jours' },
    'duration.weeks': { one: '{n} semaine', other: '{n} semaines' },
    'duration.format': '{seconds} ({human})',
    'mxTest.label': 'Tester un nom d’hôte MX avec ces motifs',
    'mxTest.match': '« {host} » correspond à {pattern}.',
    'mxTest.noMatch':
      '« {host} » ne correspond à aucun motif mx : en mode enforce, les expéditeurs ne lui livreront pas de courrier.',
    'footer.version': 'MTA-STS Kit {version}',
    'footer.local': 'Fonctionne entièrement dans votre navigateur ; rien n’est envoyé nulle part.',
  },
};

/** @type {readonly Lang[]} */
export const languages = ['en', 'fr'];

/**
 * The first supported language among the browser's preferences, else English.
 * @param {readonly string[]} preferred e.g. navigator.languages
 * @returns {Lang}
 */
export function pickLanguage(preferred) {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'fr') return base;
  }
  return 'en';
}

/**
 * @param {string} template
 * @param {Record<string, string | number>} params
 */
function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export class I18n {
  /** @param {Lang} lang */
  constructor(lang) {
    /** @type {Lang} */
    this.lang = lang;
    /** @type {Set<(lang: Lang) => void>} */
    this.listeners = new Set();
  }

  /**
   * @param {string} key
   * @param {Record<string, string | number>} [params]
   */
  t(key, params = {}) {
    const entry = catalogue[this.lang][key] ?? catalogue.en[key];
    if (entry === undefined) return key;
    if (typeof entry === 'string') return fill(entry, params);
    const n = Number(params.n ?? 0);
    const form = new Intl.PluralRules(this.lang).select(n) === 'one' ? entry.one : entry.other;
    return fill(form, { ...params, n: this.number(n) });
  }

  /** @param {number} n */
  number(n) {
    return new Intl.NumberFormat(this.lang).format(n);
  }

  /** @param {Lang} lang */
  setLang(lang) {
    if (lang === this.lang) return;
    this.lang = lang;
    for (const listener of this.listeners) listener(lang);
  }

  /** @param {(lang: Lang) => void} listener */
  onChange(listener) {
    this.listeners.add(listener);
  }

  /**
   * Renders every `[data-i18n]` element (text; `backticks` become <code>) and
   * every `[data-i18n-attr="attr=key,attr=key"]` attribute under root.
   * @param {ParentNode} root
   */
  apply(root) {
    for (const el of root.querySelectorAll('[data-i18n]')) {
      renderRich(el, this.t(el.getAttribute('data-i18n') ?? ''));
    }
    for (const el of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of (el.getAttribute('data-i18n-attr') ?? '').split(',')) {
        const [attr, key] = pair.split('=').map((s) => s.trim());
        if (attr && key) el.setAttribute(attr, this.t(key));
      }
    }
  }
}

/**
 * Replaces the children of el with text in which `quoted` parts become <code>
 * elements. Built from text nodes only: the catalogue is never parsed as HTML.
 * @param {Element} el
 * @param {string} text
 */
export function renderRich(el, text) {
  const parts = text.split('`');
  el.replaceChildren(
    ...parts.map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const code = document.createElement('code');
      code.textContent = part;
      return code;
    }),
  );
}

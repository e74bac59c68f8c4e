// @ts-check
// Every user-visible string of the page, in English and French, and the small
// I18n class that picks the language, renders strings into the DOM and tells
// the panels when the language changes. Diagnostics themselves come from the
// core, rendered in the chosen language.

/** @typedef {'en' | 'fr'} Lang */
/** @typedef {string | { one: string, other: string }} Entry */

import { checkerStrings } from './i18n-checker.js';
import { appStrings } from './i18n-app.js';

/** @type {Record<Lang, Record<string, Entry>>} */
const pageStrings = {
  en: {
    'doc.title': 'MTA-STS Kit — validator',
    'doc.description':
      'Validate MTA-STS records and policies, TLS-RPT and DMARC records in your browser.',
    'skip.link': 'Skip to the main content',
    'brand.tagline': 'Check MTA-STS, TLS-RPT and DMARC in your browser',
    'nav.label': 'Views',
    'nav.validator': 'Validator',
    'lang.label': 'Language',
    'intro.heading': 'What is MTA-STS?',
    'intro.what':
      'MTA-STS (RFC 8461) lets a domain tell sending mail servers to deliver to it only over encrypted, authenticated connections (TLS), and only to the mail servers (MX hosts) it lists.',
    'intro.artefacts':
      'It takes two pieces: a TXT record at `_mta-sts.<domain>` that announces a policy and its id, and a policy file served over HTTPS at `https://mta-sts.<domain>/.well-known/mta-sts.txt`. A TLS-RPT record (RFC 8460) asks senders to report TLS failures; a DMARC record protects your From: address.',
    'intro.local':
      'The validator and the generators work on this device: nothing you paste or open leaves your browser. The checker asks only DNS-over-HTTPS resolvers and the domain’s policy host.',
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
    'view.loadFailed': 'This part of the page could not be loaded ({error}). Check your connection, then open it again or reload the page.',
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
    'gen.dmarc.option.none': 'none — monitor only',
    'gen.dmarc.option.quarantine': 'quarantine — spam folder',
    'gen.dmarc.option.reject': 'reject — refuse',
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
    'footer.local':
      'The validator and the generators run entirely in your browser; the domain checker contacts only DNS-over-HTTPS resolvers and the domain’s policy host — see [Privacy](#privacy).',
    'footer.embed': 'Embed the widgets in your documentation',
    'footer.embed.href': 'embed.html',
    'field.cut': 'Too long: this field holds at most {max} characters and the text put in had {length}; only its first {max} characters were kept.',
    'field.cut.hint': 'Put one value only here (one name, pattern or address per row); check what was kept.',
    'doc.title.generator': 'MTA-STS Kit — generator',
    'doc.title.guide': 'MTA-STS Kit — deployment guide and FAQ',
    'nav.generator': 'Generator',
    'nav.guide': 'Guide and FAQ',
    'replaced.generator': 'Loaded from the generator.',
    'gen.heading': 'Generate your policy and records',
    'gen.intro':
      'Fill in the form from top to bottom. Every output updates as you type and is checked again by the same validator before it is shown.',
    'gen.share': 'Copy a link to this form',
    'gen.clear': 'Clear the form',
    'gen.saved':
      'Your entries stay in this browser and in the page address, so a reload or a shared link brings them back.',
    'gen.undo': 'Undo',
    'gen.loading': 'Loading the generator…',
    'gen.loadFailed': 'The generator could not be loaded ({error}). Reload the page to try again.',
    'gen.domain.heading': '1. Your domain',
    'gen.domain.label': 'Mail domain',
    'gen.domain.help':
      'The part after @ in your e-mail addresses. A name with accents is accepted: the records use its A-label (xn--…).',
    'gen.sts.heading': '2. MTA-STS policy and TXT record',
    'gen.presets.label': 'Your mail provider (fills in the MX patterns)',
    'gen.mx.legend': 'MX patterns (mx)',
    'gen.mx.help':
      'One pattern per MX host that receives your mail, exactly as in your MX records, e.g. `mail.example.com`. A `*.` at the start stands for exactly one label: `*.example.com` covers `mx1.example.com`, not `example.com` nor `a.b.example.com`.',
    'gen.mx.row': 'MX pattern {n}',
    'gen.mx.rowName': 'MX pattern {n}',
    'gen.mx.add': 'Add an MX pattern',
    'gen.mode.legend': 'Mode',
    'gen.mode.testing': '— senders deliver anyway and report failures (start here)',
    'gen.mode.enforce': '— senders deliver only over valid TLS to a listed MX host',
    'gen.mode.none': '— withdraws the policy (to remove MTA-STS)',
    'gen.maxAge.legend': 'How long senders keep the policy (max_age)',
    'gen.maxAge.day': '1 day',
    'gen.maxAge.dayNote': '— while testing',
    'gen.maxAge.week': '1 week',
    'gen.maxAge.weekNote': '— a first enforce policy',
    'gen.maxAge.year': '1 year',
    'gen.maxAge.yearNote': '— the maximum, for a settled set-up',
    'gen.maxAge.custom': 'Another value',
    'gen.maxAge.customLabel': 'max_age in seconds (0 to 31557600)',
    'gen.id.label': 'Policy id',
    'gen.id.help':
      'Senders fetch the policy again when this id changes. It is renewed (UTC time) whenever the policy changes: put the new policy online first, then publish the record with the new id.',
    'gen.id.new': 'New id',
    'gen.out.policy': 'The policy file',
    'gen.out.record': 'The DNS records',
    'gen.out.tlsrpt': 'The TLS-RPT record',
    'gen.out.dmarc': 'The DMARC record',
    'gen.out.hosting': 'Hosting snippets',
    'gen.out.policyFile': 'Policy file mta-sts.txt',
    'gen.out.stsValue': 'MTA-STS TXT record',
    'gen.out.stsZone': 'MTA-STS zone-file line',
    'gen.out.hostHint': 'Policy host records (mta-sts)',
    'gen.out.tlsrptValue': 'TLS-RPT TXT record',
    'gen.out.tlsrptZone': 'TLS-RPT zone-file line',
    'gen.out.dmarcValue': 'DMARC TXT record',
    'gen.out.dmarcZone': 'DMARC zone-file line',
    'gen.out.dmarcAuth': 'Authorisation records for report addresses in other domains',
    'gen.where.policy':
      'Serve it at `{url}`. Each line ends with CRLF (LF is valid too): download the file to keep the exact bytes.',
    'gen.where.policyNoDomain':
      'Serve it at `https://mta-sts.<domain>/.well-known/mta-sts.txt` (enter your domain above to fill in the address).',
    'gen.where.txt': 'Name `{name}`, type TXT. Most DNS panels want only this value.',
    'gen.where.zone': 'The same record as a zone-file line, for a zone file or a panel that imports one.',
    'gen.where.txtNoDomain':
      'Name `{prefix}.<domain>`, type TXT. Enter your domain above for the zone-file line.',
    'gen.where.hostHint': 'Uncomment one option to point `{host}` at the web server that serves the file.',
    'gen.where.dmarcSplit':
      'Longer than 255 octets: the zone line splits it into {n} strings, which receivers join without spaces.',
    'gen.where.dmarcAuth':
      'Receivers send reports to another domain only if it publishes a record that accepts them. Send these lines to the operator of each destination (report services usually publish them already).',
    'gen.copy': 'Copy',
    'gen.download': 'Download',
    'gen.openInValidator': 'Check in the validator',
    'gen.copied': 'Copied',
    'gen.valid': 'Valid.',
    'gen.checked': 'Checked again by the validator: {counts}.',
    'gen.checkedDmarc': 'Checked again by the validator: RFC 7489 — {a}; RFC 9989 — {b}.',
    'gen.notGenerated': 'Not generated yet:',
    'gen.fixFirst': 'fix these problems first.',
    'gen.goToField': 'Go to “{field}”',
    'gen.announce.copied': '{what}: copied to the clipboard.',
    'gen.announce.copyFailed':
      'The browser did not allow copying: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
    'gen.announce.downloaded': 'Download started: {name}.',
    'gen.announce.linkCopied': 'Link to this form copied to the clipboard.',
    'gen.announce.linkSelected': 'The browser did not allow copying: copy the link from the address bar.',
    'gen.announce.newId': 'New policy id: {id}.',
    'gen.notice.cleared': 'The form is cleared.',
    'gen.notice.preset': 'The MX patterns of {name} replaced your list.',
    'gen.notice.link': 'The form shows the entries of the link you opened.',
    'gen.notice.undone': 'Your previous entries are back.',
    'gen.tlsrpt.heading': '3. TLS reports (TLS-RPT)',
    'gen.tlsrpt.intro':
      'Senders send a daily report of their TLS connections to your domain, successful and failed: in testing mode, it is how you find problems before you enforce.',
    'gen.tlsrpt.legend': 'Where to send the reports (rua)',
    'gen.tlsrpt.help':
      'An e-mail address (`mailto:` is added) or an `https://` endpoint. Reports to another domain need no authorisation.',
    'gen.rua.row': 'Report destination {n}',
    'gen.rua.rowName': 'report destination {n}',
    'gen.rua.add': 'Add a destination',
    'gen.dmarc.heading': '4. DMARC',
    'gen.dmarc.intro':
      'DMARC tells receivers what to do with mail that claims to come from your domain but fails SPF and DKIM. Start with `none` and reports, then tighten.',
    'gen.dmarc.sameAsP': 'not set: same as p',
    'gen.dmarc.sameAsSp': 'not set: same as sp',
    'gen.dmarc.defaultRelaxed': 'not set: relaxed',
    'gen.dmarc.notSet': 'not set',
    'gen.dmarc.ruaHelp':
      'Daily summaries of who sends mail with your domain. An address in another domain must accept your reports: the record to ask for is shown with the output.',
    'gen.dmarc.rufHelp': 'Optional, and sent by few receivers: the details of each failing message.',
    'gen.dmarcRua.row': 'Aggregate report address {n}',
    'gen.dmarcRua.rowName': 'aggregate report address {n}',
    'gen.dmarcRua.add': 'Add an aggregate report address',
    'gen.dmarcRuf.row': 'Failure report address {n}',
    'gen.dmarcRuf.rowName': 'failure report address {n}',
    'gen.dmarcRuf.add': 'Add a failure report address',
    'gen.dmarc.legacy': 'Add the legacy tags pct, rf and ri (RFC 7489 only; RFC 9989 removed them)',
    'gen.hosting.heading': '5. Serve the policy file',
    'gen.hosting.intro':
      'Senders accept the policy only with HTTP status 200, the type `text/plain` and no redirect, at exactly `https://mta-sts.<domain>/.well-known/mta-sts.txt`. Pick your web server: each snippet is filled in with your domain and policy.',
    'gen.next.heading': '6. Publish in the right order',
    'gen.next.1':
      'Put the policy file online and check that its address answers with the file (status 200, no redirect).',
    'gen.next.2': 'Publish the `_mta-sts` TXT record, then the TLS-RPT and DMARC records.',
    'gen.next.3':
      'Read the TLS reports for at least two weeks, then come back, choose `enforce` and publish the new policy first, the new id second.',
    'gen.next.guide':
      'The [deployment guide](#guide) explains each step, how to change or remove a policy, and answers common questions.',
    'hosting.tab.nginx': 'nginx',
    'hosting.tab.apache': 'Apache',
    'hosting.tab.caddy': 'Caddy',
    'hosting.tab.cloudflare-worker': 'Cloudflare Worker',
    'hosting.tab.github-pages': 'GitHub Pages',
    'hosting.tab.zone': 'DNS zone',
    'hosting.snippet': 'Snippet',
    'hosting.snippetTitle.nginx': 'nginx server block',
    'hosting.snippetTitle.apache': 'Apache virtual host',
    'hosting.snippetTitle.caddy': 'Caddyfile site',
    'hosting.snippetTitle.cloudflare-worker': 'Cloudflare Worker script',
    'hosting.snippetTitle.github-pages': 'GitHub Pages set-up',
    'hosting.snippetTitle.zone': 'DNS zone records',
    'hosting.intro.nginx':
      'A server block that returns the policy itself: no file to upload. Add it to the http context, test the configuration, reload.',
    'hosting.intro.apache':
      'A virtual host that serves the policy file as plain text, with no .htaccess that could redirect. Create the file first (listed below).',
    'hosting.intro.caddy':
      'A Caddyfile site: Caddy gets the certificate itself. The policy is written inline with LF line endings, which are valid.',
    'hosting.intro.cloudflare-worker':
      'A Worker that answers for mta-sts.<domain> on Cloudflare, with its custom domain and certificate. Several domains can share it.',
    'hosting.intro.github-pages':
      'A free static host: a repository with these files, a custom domain and “Enforce HTTPS”.',
    'hosting.intro.zone': 'Every DNS record of this page in zone-file syntax, to paste or import.',
    'hosting.files': 'Files to create',
    'hosting.emptyFile': 'An empty file.',
    'preset.covers': 'What the patterns cover:',
    'preset.included': '(in the preset)',
    'preset.optional': '(optional)',
    'preset.source': 'Source:',
    'preset.add': 'Add',
    'preset.addName': 'Add {pattern} to the MX patterns',
    'preset.inList': 'In your list',
    'preset.inListName': '{pattern} is in your MX patterns',
    'dane.label': 'Your Exchange Online DNSSEC/DANE MX host (optional)',
    'dane.help':
      'If you turned on inbound SMTP DANE with DNSSEC, copy the MX host your DNS shows, e.g. contoso-com.a-v1.mx.microsoft: its pattern is derived here.',
    'dane.derived': 'Pattern for this host:',
    'list.up': 'Up',
    'list.down': 'Down',
    'list.remove': 'Remove',
    'list.upName': 'Move {row} up',
    'list.downName': 'Move {row} down',
    'list.removeName': 'Remove {row}',
    'list.full': 'A list holds at most {n} rows.',
    'guide.heading': 'Deploy MTA-STS step by step',
    'guide.intro':
      'This guide takes a domain from nothing to an enforced policy without losing mail. The [generator](#generator) makes every file and record it mentions; the [validator](#validator) checks what you already have.',
    'guide.why.heading': 'Why it matters',
    'guide.why.downgrade':
      'Downgrade attacks: without MTA-STS, a sending server that is told “no encryption here” sends your mail in clear text. With it, senders know that TLS is required.',
    'guide.why.mitm':
      'Interception: senders check that the MX host is one you listed and that its certificate is valid, so an attacker cannot pose as your server.',
    'guide.why.visibility':
      'Visibility: with TLS-RPT, senders tell you every day which connections to your domain failed and why.',
    'guide.why.providers':
      'Adoption: large senders such as Gmail and Microsoft 365 check MTA-STS, and security audits increasingly expect it.',
    'guide.parts.heading': 'What you publish',
    'guide.parts.record': 'A TXT record at `_mta-sts.<domain>`',
    'guide.parts.recordText':
      'It announces that a policy exists and gives its id. `v=STSv1` never changes; the id (1 to 32 letters or digits) changes whenever the policy does.',
    'guide.parts.policy': 'A policy file at `https://mta-sts.<domain>/.well-known/mta-sts.txt`',
    'guide.parts.policyText':
      'It gives the mode, the MX hosts allowed to receive your mail and how long senders may keep it.',
    'guide.parts.tlsrpt': 'A TLS-RPT record at `_smtp._tls.<domain>` (recommended)',
    'guide.parts.tlsrptText': 'It tells senders where to send their daily TLS reports.',
    'guide.checklist.heading': 'Deployment checklist',
    'guide.step.subdomain': 'Create the `mta-sts` subdomain',
    'guide.step.subdomainText':
      'Point `mta-sts.<domain>` at a web server you control (A/AAAA records) or at a hosting service (a CNAME). It only has to serve one small file.',
    'guide.step.certificate': 'Get an HTTPS certificate for it',
    'guide.step.certificateText':
      'The certificate must be valid for `mta-sts.<domain>` (a `*.<domain>` wildcard works too), issued by a public authority and not expired. Let’s Encrypt is fine; renew it automatically, because an expired certificate stops senders from fetching the policy.',
    'guide.step.serve': 'Serve the policy file',
    'guide.step.serveText':
      'Write the policy with `mode: testing` first (the next steps say why) and serve it as `mta-sts.txt` at exactly `/.well-known/mta-sts.txt`, with status 200, the type `text/plain` and no redirect. The [hosting snippets](#gen-step-hosting) do this for nginx, Apache, Caddy, Cloudflare and GitHub Pages. Open the address in a browser before going on.',
    'guide.step.txt': 'Publish the TXT record',
    'guide.step.txtText':
      'Add the TXT record `v=STSv1; id=…` at `_mta-sts.<domain>` once the file is online. A TTL of one hour (3600) or less lets later id changes reach senders quickly.',
    'guide.step.testing': 'Let testing mode run',
    'guide.step.testingText':
      'Begin with `mode: testing` and a short `max_age` such as 86400 (one day): senders deliver as before and only report problems, so a mistake costs no mail.',
    'guide.step.tlsrpt': 'Watch the TLS reports',
    'guide.step.tlsrptText':
      'Publish a TLS-RPT record and read the reports for at least two weeks. Every MX host, backups included, must show successful sessions and no `sts-policy-fetch-error`, `certificate-host-mismatch` or `validation-failure`.',
    'guide.step.enforce': 'Move to enforce with a new id',
    'guide.step.enforceText':
      'Change the file to `mode: enforce` with a longer `max_age` (one week at first, then up to 31557600, one year), put it online, then publish the record with a new id. Without a new id, senders keep the testing policy until it expires.',
    'guide.step.check': 'Check, and keep checking',
    'guide.step.checkText':
      'Run the [checker](#checker) on your domain: it reads the record, fetches the served file and matches your MX hosts against it, as a sender would. Then keep reading the reports: an expiring certificate or a changed MX host shows up there first. (Offline, the [validator](#validator) checks a pasted file or record.)',
    'guide.change.heading': 'Changing a policy',
    'guide.change.1': 'Put the new policy file online first.',
    'guide.change.2':
      'Then publish the TXT record with a new id. Senders that see the new id fetch the new file; the others keep their copy until its `max_age` ends.',
    'guide.change.3':
      'Never change the file without changing the id, nor the id before the file: senders would keep the old policy, or store it under the new id.',
    'guide.change.mx':
      'Before moving your mail to other MX hosts: well ahead of the change (at least one current `max_age`), add the new hosts to the policy with a new id, and lower `max_age` if it is long. Switch the MX records, then remove the old hosts from the policy, with a new id again.',
    'guide.remove.heading': 'Removing MTA-STS',
    'guide.remove.1': 'Publish a policy with `mode: none` and a short `max_age`, such as 86400.',
    'guide.remove.2': 'Publish the TXT record with a new id, so that senders fetch the none policy.',
    'guide.remove.3': 'Wait, from that moment, for as long as the previous policy’s `max_age`: by then every cached copy has expired.',
    'guide.remove.4': 'Only then delete the TXT record and the policy host.',
    'guide.remove.why':
      'Deleting the record at once does not switch MTA-STS off: senders keep applying their cached policy until it expires, and if your MX hosts change meanwhile, mail waits in their queues and then bounces.',
    'guide.faq.heading': 'Frequently asked questions',
    'faq.what.q': 'What does MTA-STS protect, and is it worth it for my domain?',
    'faq.what.a':
      'Mail between servers is encrypted only if both sides agree to it, and an attacker on the path can make the sender believe that your server does not offer encryption. MTA-STS (RFC 8461) lets your domain declare which MX hosts receive its mail and that they must be reached over TLS with a valid certificate. If your domain receives mail, it is worth deploying, together with TLS-RPT.',
    'faq.modes.q': 'What is the difference between testing, enforce and none?',
    'faq.modes.a':
      'In `testing`, a sender that meets a problem (no TLS, an invalid certificate, an MX host that is not listed) still delivers, and reports the failure to your TLS-RPT address. In `enforce`, it does not deliver to that host: the message waits in its queue and eventually bounces. `none` tells senders that the policy is withdrawn; it is used to remove MTA-STS. Start in testing, read the reports, then enforce with a new id.',
    'faq.maxAge.q': 'How long should max_age be?',
    'faq.maxAge.a':
      '`max_age` is how many seconds a sender keeps your policy after fetching it. There is no minimum: every value from 0 to 31557600 (one year) is valid, although 0 means the policy is never kept and so protects nothing. While testing, 86400 (one day) lets you correct mistakes quickly. In enforce, use at least 604800 (one week): RFC 8461 recommends values as long as practical, and many domains use two weeks (1209600) to a year. Lower it well ahead of a planned change of MX hosts.',
    'faq.wildcards.q': 'How far does a * in an mx line reach?',
    'faq.wildcards.a':
      'Yes, but only as `*.` at the start, and the `*` stands for exactly one label: `*.example.com` matches `mail.example.com`, but neither `example.com` nor `a.b.example.com`. So `*.aspmx.l.google.com` does not cover `aspmx.l.google.com` (list both), `*.google.com` does not cover `aspmx.l.google.com`, and `*.mx.microsoft` never matches Exchange Online hosts such as `contoso-com.a-v1.mx.microsoft`. Forms such as `mail*.example.com` or `*.*.example.com` are invalid.',
    'faq.lineEndings.q': 'LF or CRLF line endings?',
    'faq.lineEndings.a':
      'Both are valid, and so is a mix: the RFC’s prose says CRLF, but its grammar accepts LF too (erratum 6253), and so do real senders. Some online checkers wrongly flag LF. This generator writes CRLF after every line, the last one included, so that no checker complains. A lone CR (old Mac style) is not a line break and breaks the file.',
    'faq.contentType.q': 'Which Content-Type must the policy file have?',
    'faq.contentType.a':
      '`text/plain`, optionally with `charset=utf-8` or `charset=us-ascii`. Several senders, such as Postfix’s postfix-mta-sts-resolver and chasquid, reject any other type, including `text/html` and `application/octet-stream`, and a missing header. The nginx, Apache, Caddy and Cloudflare Worker snippets set the type explicitly; GitHub Pages serves `.txt` files as `text/plain; charset=utf-8`.',
    'faq.redirects.q': 'Can the policy address redirect somewhere else?',
    'faq.redirects.a':
      'No. Senders fetch exactly `https://mta-sts.<domain>/.well-known/mta-sts.txt`, do not follow redirects and accept only status 200. Usual causes of a redirect: a rule that sends everything to `www` or to the main site, a trailing-slash rule, a CDN’s “always use www” option, a GitHub Pages custom-domain redirect; a firewall challenge (403) fails too. Senders only use HTTPS, so a redirect from http to https on port 80 does no harm.',
    'faq.newId.q': 'Why does every change need a new id?',
    'faq.newId.a':
      'Senders fetch the policy when they first meet your domain, when their copy expires (`max_age`), or when the id in the TXT record changes — never otherwise. Change the file but keep the id, and senders keep the old policy until it expires. So publish the new file first, then the new id. The id is 1 to 32 letters or digits (no dashes, dots or colons); senders only check whether it changed, so it need not grow. A UTC timestamp such as `20250301084500` is just convenient, and the generator makes a new one whenever the policy changes.',
    'faq.tlsrpt.q': 'Is TLS-RPT worth adding next to MTA-STS?',
    'faq.tlsrpt.a':
      'It is not required, but without it testing mode tells you nothing. A TXT record at `_smtp._tls.<domain>`, such as `v=TLSRPTv1; rua=mailto:tls-reports@example.com`, asks senders to e-mail (or POST to an `https://` address) a daily JSON summary of the TLS sessions to your domain, successful and failed. Unlike DMARC, reports sent to another domain need no authorisation record.',
    'faq.microsoft.q': 'My mail is hosted by Microsoft 365: which mx lines?',
    'faq.microsoft.a':
      'Exchange Online receives your mail at `<domain-with-dashes>.mail.protection.outlook.com`, so the pattern is `*.mail.protection.outlook.com`. If you turned on inbound SMTP DANE with DNSSEC, your MX becomes `<tenant>.<x>-v1.mx.microsoft`: add the pattern derived from it, e.g. `*.a-v1.mx.microsoft`. Never `*.mx.microsoft`: a `*` stands for one label, and those hosts sit two labels below `mx.microsoft`, so it covers none of them. Microsoft does not host your policy file: serve it yourself and publish the TXT record in your DNS. In the [generator](#generator), pick the Microsoft 365 preset.',
    'faq.google.q': 'My mail is hosted by Google Workspace: which mx lines?',
    'faq.google.a':
      'Domains set up since 2023 use a single MX, `smtp.google.com`; older ones use `aspmx.l.google.com` and `alt1` to `alt4.aspmx.l.google.com`, and the oldest also `aspmx2` to `aspmx5.googlemail.com` (covered by `*.googlemail.com`). List what your MX records show: `smtp.google.com`, or `aspmx.l.google.com` plus `*.aspmx.l.google.com` (the wildcard does not cover the bare name). `*.google.com` covers `smtp.google.com` but not the `aspmx` hosts (a wildcard stands for one label only), and it accepts any host under google.com: list the exact names instead. Google asks for the `version` line first and at least two weeks of testing before enforce. Google does not host the policy file either. In the [generator](#generator), pick the Google Workspace preset.',
    'faq.outage.q': 'What happens if the policy host is down?',
    'faq.outage.a':
      'Senders that already hold your policy keep applying it until its `max_age` ends, and try to refresh it meanwhile. Senders without a copy deliver as if you had no MTA-STS. A short outage of the policy host therefore does not block mail; a wrong policy in enforce mode does.',
    'faq.subdomains.q': 'Do subdomains need their own policy?',
    'faq.subdomains.a':
      'Yes: senders never look at the parent domain. Every domain that receives mail needs its own `_mta-sts` record and its own `mta-sts` host. The record may be a CNAME to a shared one, but the policy must still be served with a certificate valid for `mta-sts.<that domain>`.',
    'faq.dane.q': 'How does MTA-STS relate to DANE?',
    'faq.dane.a':
      'They protect the same connections in two ways. DANE uses TLSA records and needs DNSSEC; MTA-STS uses HTTPS and public certificates. A sender that validates DANE must not let MTA-STS override a DANE failure. Publishing both is fine, and common.',
    'guide.myths.heading': 'Common myths',
    'myth.label': 'Myth:',
    'fact.label': 'In fact:',
    'myth.minMaxAge.m': '“max_age must be at least one day (or one week).”',
    'myth.minMaxAge.f':
      'There is no minimum: every value from 0 to 31557600 is valid. Short values protect less, so checkers warn about them, but they are not errors.',
    'myth.maxMaxAge.m': '“max_age can be as long as you like.”',
    'myth.maxMaxAge.f':
      'The maximum is 31557600 seconds (one year); with a larger value, several senders reject the whole policy.',
    'myth.blankLines.m': '“Blank lines, comments or indentation in the policy file are harmless.”',
    'myth.blankLines.f':
      'They are errors: the grammar allows none of them, and senders such as mox and maddy reject the whole policy. Write one field per line from the first column, with no `#` comment and no byte order mark.',
    'myth.crlf.m': '“The policy file must use CRLF line endings.”',
    'myth.crlf.f': 'LF, CRLF and a mix of both are valid (RFC 8461, erratum 6253). Only a lone CR is wrong.',
    'myth.case.m': '“Keywords are not case-sensitive.”',
    'myth.case.f':
      'They are: `Mode: Enforce`, `version: stsv1` or `V=STSv1` are invalid. Write `version`, `mode`, `mx`, `max_age`, `STSv1`, `testing`, `enforce`, `none` and `v=STSv1` exactly.',
    'myth.wildcard.m': '“`*.example.com` also covers `example.com` and every host below it.”',
    'myth.wildcard.f': 'The `*` stands for exactly one label: not zero, not two.',
    'myth.id.m': '“The id must increase, like a DNS serial number.”',
    'myth.id.f':
      'Senders only check whether it changed. Any 1 to 32 letters or digits will do; dashes, dots and colons are invalid.',
    'myth.redirect.m': '“Redirecting the policy address to another page is fine.”',
    'myth.redirect.f': 'Senders do not follow redirects: the exact address must answer with status 200.',
    'myth.delete.m': '“Deleting the TXT record switches MTA-STS off at once.”',
    'myth.delete.f':
      'Senders keep their cached policy until its max_age ends. Publish `mode: none` with a new id first, wait out the old max_age, then delete.',
    'myth.txtOnly.m': '“The TXT record is enough.”',
    'myth.txtOnly.f':
      'Without a policy file that senders can fetch, they deliver as if you had no MTA-STS: the record only announces the file.',
    'guide.tools.heading': 'Tools on this site',
    'guide.tools.generator':
      '[Generator](#generator): the policy file, the MTA-STS, TLS-RPT and DMARC records and the web server configuration for your domain.',
    'guide.tools.validator':
      '[Validator](#validator): paste a record or a policy file and see every problem, with the rule it breaks and how to fix it.',
    'guide.tools.checker':
      '[Checker](#checker): type a domain and see what it publishes — the TXT record, the policy file, the MX hosts it covers, TLS-RPT and DMARC — judged by the same rules, with what a browser cannot see and the commands that check it.',
  },
  fr: {
    'doc.title': 'MTA-STS Kit — validateur',
    'doc.description':
      'Validez les enregistrements et politiques MTA-STS, les enregistrements TLS-RPT et DMARC dans votre navigateur.',
    'skip.link': 'Aller au contenu principal',
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
      'Le validateur et les générateurs fonctionnent sur cet appareil : rien de ce que vous collez ou ouvrez ne quitte votre navigateur. Le vérificateur n’interroge que des résolveurs DNS-over-HTTPS et l’hôte de politique du domaine.',
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
    'view.loadFailed': 'Cette partie de la page n’a pas pu être chargée ({error}). Vérifiez votre connexion, puis rouvrez-la ou rechargez la page.',
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
    'gen.dmarc.option.none': 'none — surveillance seule',
    'gen.dmarc.option.quarantine': 'quarantine — dossier spam',
    'gen.dmarc.option.reject': 'reject — refuser',
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
    'footer.local':
      'Le validateur et les générateurs fonctionnent entièrement dans votre navigateur ; le vérificateur de domaine ne contacte que des résolveurs DNS-over-HTTPS et l’hôte de politique du domaine — voir [Confidentialité](#privacy).',
    'footer.embed': 'Intégrer les widgets à votre documentation',
    'footer.embed.href': 'embed-fr.html',
    'field.cut': 'Trop long : ce champ contient au plus {max} caractères et le texte saisi en comptait {length} ; seuls ses {max} premiers caractères ont été gardés.',
    'field.cut.hint': 'Ne mettez qu’une valeur ici (un nom, un motif ou une adresse par ligne) ; vérifiez ce qui a été gardé.',
    'doc.title.generator': 'MTA-STS Kit — générateur',
    'doc.title.guide': 'MTA-STS Kit — guide de déploiement et FAQ',
    'nav.generator': 'Générateur',
    'nav.guide': 'Guide et FAQ',
    'replaced.generator': 'Chargé depuis le générateur.',
    'gen.heading': 'Générez votre politique et vos enregistrements',
    'gen.intro':
      'Remplissez le formulaire de haut en bas. Chaque résultat se met à jour pendant la saisie et il est revérifié par le même validateur avant d’être affiché.',
    'gen.share': 'Copier un lien vers ce formulaire',
    'gen.clear': 'Vider le formulaire',
    'gen.saved':
      'Vos saisies restent dans ce navigateur et dans l’adresse de la page : un rechargement ou un lien partagé les retrouve.',
    'gen.undo': 'Annuler',
    'gen.loading': 'Chargement du générateur…',
    'gen.loadFailed': 'Le générateur n’a pas pu être chargé ({error}). Rechargez la page pour réessayer.',
    'gen.domain.heading': '1. Votre domaine',
    'gen.domain.label': 'Domaine de messagerie',
    'gen.domain.help':
      'La partie après @ dans vos adresses. Un nom accentué est accepté : les enregistrements utilisent son A-label (xn--…).',
    'gen.sts.heading': '2. Politique MTA-STS et enregistrement TXT',
    'gen.presets.label': 'Votre fournisseur de messagerie (remplit les motifs MX)',
    'gen.mx.legend': 'Motifs MX (mx)',
    'gen.mx.help':
      'Un motif par hôte MX qui reçoit votre courrier, exactement comme dans vos enregistrements MX, par ex. `mail.example.com`. Un `*.` au début remplace exactement un label : `*.example.com` couvre `mx1.example.com`, mais ni `example.com` ni `a.b.example.com`.',
    'gen.mx.row': 'Motif MX {n}',
    'gen.mx.rowName': 'le motif MX {n}',
    'gen.mx.add': 'Ajouter un motif MX',
    'gen.mode.legend': 'Mode',
    'gen.mode.testing': '— les expéditeurs livrent malgré tout et signalent les échecs (commencez ici)',
    'gen.mode.enforce': '— les expéditeurs ne livrent que par TLS valide vers un hôte MX déclaré',
    'gen.mode.none': '— retire la politique (pour supprimer MTA-STS)',
    'gen.maxAge.legend': 'Durée de conservation de la politique par les expéditeurs (max_age)',
    'gen.maxAge.day': '1 jour',
    'gen.maxAge.dayNote': '— pendant les tests',
    'gen.maxAge.week': '1 semaine',
    'gen.maxAge.weekNote': '— une première politique enforce',
    'gen.maxAge.year': '1 an',
    'gen.maxAge.yearNote': '— le maximum, pour une configuration stable',
    'gen.maxAge.custom': 'Une autre valeur',
    'gen.maxAge.customLabel': 'max_age en secondes (de 0 à 31557600)',
    'gen.id.label': 'Identifiant de politique',
    'gen.id.help':
      'Les expéditeurs téléchargent de nouveau la politique quand cet identifiant change. Il est renouvelé (heure UTC) à chaque modification de la politique : mettez d’abord la nouvelle politique en ligne, puis publiez l’enregistrement avec le nouvel identifiant.',
    'gen.id.new': 'Nouvel identifiant',
    'gen.out.policy': 'Le fichier de politique',
    'gen.out.record': 'Les enregistrements DNS',
    'gen.out.tlsrpt': 'L’enregistrement TLS-RPT',
    'gen.out.dmarc': 'L’enregistrement DMARC',
    'gen.out.hosting': 'Configurations d’hébergement',
    'gen.out.policyFile': 'Fichier de politique mta-sts.txt',
    'gen.out.stsValue': 'Enregistrement TXT MTA-STS',
    'gen.out.stsZone': 'Ligne de fichier de zone MTA-STS',
    'gen.out.hostHint': 'Enregistrements de l’hôte de politique (mta-sts)',
    'gen.out.tlsrptValue': 'Enregistrement TXT TLS-RPT',
    'gen.out.tlsrptZone': 'Ligne de fichier de zone TLS-RPT',
    'gen.out.dmarcValue': 'Enregistrement TXT DMARC',
    'gen.out.dmarcZone': 'Ligne de fichier de zone DMARC',
    'gen.out.dmarcAuth': 'Enregistrements d’autorisation pour les adresses de rapport d’autres domaines',
    'gen.where.policy':
      'Servez-le à l’adresse `{url}`. Chaque ligne se termine par CRLF (LF est valide aussi) : téléchargez le fichier pour garder les octets exacts.',
    'gen.where.policyNoDomain':
      'Servez-le à l’adresse `https://mta-sts.<domaine>/.well-known/mta-sts.txt` (saisissez votre domaine plus haut pour compléter l’adresse).',
    'gen.where.txt': 'Nom `{name}`, type TXT. La plupart des interfaces DNS ne demandent que cette valeur.',
    'gen.where.zone':
      'Le même enregistrement en ligne de fichier de zone, pour un fichier de zone ou une interface qui en importe.',
    'gen.where.txtNoDomain':
      'Nom `{prefix}.<domaine>`, type TXT. Saisissez votre domaine plus haut pour obtenir la ligne de fichier de zone.',
    'gen.where.hostHint':
      'Décommentez une option pour faire pointer `{host}` vers le serveur web qui sert le fichier.',
    'gen.where.dmarcSplit':
      'Plus de 255 octets : la ligne de zone le découpe en {n} chaînes, que les destinataires joignent sans espace.',
    'gen.where.dmarcAuth':
      'Les destinataires n’envoient de rapports vers un autre domaine que si celui-ci publie un enregistrement qui les accepte. Transmettez ces lignes à l’exploitant de chaque destination (les services de rapports les publient en général déjà).',
    'gen.copy': 'Copier',
    'gen.download': 'Télécharger',
    'gen.openInValidator': 'Vérifier dans le validateur',
    'gen.copied': 'Copié',
    'gen.valid': 'Valide.',
    'gen.checked': 'Revérifié par le validateur : {counts}.',
    'gen.checkedDmarc': 'Revérifié par le validateur : RFC 7489 — {a} ; RFC 9989 — {b}.',
    'gen.notGenerated': 'Pas encore généré :',
    'gen.fixFirst': 'corrigez d’abord ces problèmes.',
    'gen.goToField': 'Aller à « {field} »',
    'gen.announce.copied': '{what} : copié dans le presse-papiers.',
    'gen.announce.copyFailed':
      'Le navigateur n’a pas autorisé la copie : le texte est sélectionné, appuyez sur Ctrl+C (⌘C sur Mac) pour le copier.',
    'gen.announce.downloaded': 'Téléchargement lancé : {name}.',
    'gen.announce.linkCopied': 'Lien vers ce formulaire copié dans le presse-papiers.',
    'gen.announce.linkSelected':
      'Le navigateur n’a pas autorisé la copie : copiez le lien depuis la barre d’adresse.',
    'gen.announce.newId': 'Nouvel identifiant de politique : {id}.',
    'gen.notice.cleared': 'Le formulaire est vidé.',
    'gen.notice.preset': 'Les motifs MX de {name} ont remplacé votre liste.',
    'gen.notice.link': 'Le formulaire affiche les saisies du lien que vous avez ouvert.',
    'gen.notice.undone': 'Vos saisies précédentes sont rétablies.',
    'gen.tlsrpt.heading': '3. Rapports TLS (TLS-RPT)',
    'gen.tlsrpt.intro':
      'Les expéditeurs envoient chaque jour un rapport sur leurs connexions TLS vers votre domaine, réussies ou non : en mode testing, c’est ainsi que vous trouvez les problèmes avant de passer en enforce.',
    'gen.tlsrpt.legend': 'Où envoyer les rapports (rua)',
    'gen.tlsrpt.help':
      'Une adresse e-mail (`mailto:` est ajouté) ou un point d’accès `https://`. Les rapports vers un autre domaine ne demandent aucune autorisation.',
    'gen.rua.row': 'Destination des rapports {n}',
    'gen.rua.rowName': 'la destination des rapports {n}',
    'gen.rua.add': 'Ajouter une destination',
    'gen.dmarc.heading': '4. DMARC',
    'gen.dmarc.intro':
      'DMARC indique aux destinataires que faire du courrier qui se dit envoyé par votre domaine mais échoue à SPF et à DKIM. Commencez par `none` avec des rapports, puis renforcez.',
    'gen.dmarc.sameAsP': 'non défini : identique à p',
    'gen.dmarc.sameAsSp': 'non défini : identique à sp',
    'gen.dmarc.defaultRelaxed': 'non défini : souple',
    'gen.dmarc.notSet': 'non défini',
    'gen.dmarc.ruaHelp':
      'Des synthèses quotidiennes de qui envoie du courrier avec votre domaine. Une adresse d’un autre domaine doit accepter vos rapports : l’enregistrement à lui demander est affiché avec le résultat.',
    'gen.dmarc.rufHelp': 'Facultatif, et peu de destinataires en envoient : le détail de chaque message en échec.',
    'gen.dmarcRua.row': 'Adresse des rapports agrégés {n}',
    'gen.dmarcRua.rowName': 'l’adresse des rapports agrégés {n}',
    'gen.dmarcRua.add': 'Ajouter une adresse de rapports agrégés',
    'gen.dmarcRuf.row': 'Adresse des rapports d’échec {n}',
    'gen.dmarcRuf.rowName': 'l’adresse des rapports d’échec {n}',
    'gen.dmarcRuf.add': 'Ajouter une adresse de rapports d’échec',
    'gen.dmarc.legacy':
      'Ajouter les balises historiques pct, rf et ri (RFC 7489 seulement ; la RFC 9989 les a supprimées)',
    'gen.hosting.heading': '5. Servir le fichier de politique',
    'gen.hosting.intro':
      'Les expéditeurs n’acceptent la politique qu’avec le statut HTTP 200, le type `text/plain` et sans redirection, exactement à l’adresse `https://mta-sts.<domaine>/.well-known/mta-sts.txt`. Choisissez votre serveur web : chaque configuration est remplie avec votre domaine et votre politique.',
    'gen.next.heading': '6. Publier dans le bon ordre',
    'gen.next.1':
      'Mettez le fichier de politique en ligne et vérifiez que son adresse renvoie bien le fichier (statut 200, sans redirection).',
    'gen.next.2': 'Publiez l’enregistrement TXT `_mta-sts`, puis les enregistrements TLS-RPT et DMARC.',
    'gen.next.3':
      'Lisez les rapports TLS pendant au moins deux semaines, puis revenez, choisissez `enforce` et publiez d’abord la nouvelle politique, ensuite le nouvel identifiant.',
    'gen.next.guide':
      'Le [guide de déploiement](#guide) détaille chaque étape, explique comment modifier ou retirer une politique et répond aux questions fréquentes.',
    'hosting.tab.nginx': 'nginx',
    'hosting.tab.apache': 'Apache',
    'hosting.tab.caddy': 'Caddy',
    'hosting.tab.cloudflare-worker': 'Cloudflare Worker',
    'hosting.tab.github-pages': 'GitHub Pages',
    'hosting.tab.zone': 'Zone DNS',
    'hosting.snippet': 'Configuration',
    'hosting.snippetTitle.nginx': 'Bloc server nginx',
    'hosting.snippetTitle.apache': 'Hôte virtuel Apache',
    'hosting.snippetTitle.caddy': 'Site Caddyfile',
    'hosting.snippetTitle.cloudflare-worker': 'Script Cloudflare Worker',
    'hosting.snippetTitle.github-pages': 'Mise en place GitHub Pages',
    'hosting.snippetTitle.zone': 'Enregistrements de zone DNS',
    'hosting.intro.nginx':
      'Un bloc server qui renvoie lui-même la politique : aucun fichier à déposer. Ajoutez-le au contexte http, testez la configuration, rechargez.',
    'hosting.intro.apache':
      'Un hôte virtuel qui sert le fichier de politique en texte brut, sans .htaccess susceptible de rediriger. Créez d’abord le fichier (ci-dessous).',
    'hosting.intro.caddy':
      'Un site Caddyfile : Caddy obtient lui-même le certificat. La politique y est écrite avec des fins de ligne LF, qui sont valides.',
    'hosting.intro.cloudflare-worker':
      'Un Worker qui répond pour mta-sts.<domaine> chez Cloudflare, avec son domaine personnalisé et son certificat. Plusieurs domaines peuvent le partager.',
    'hosting.intro.github-pages':
      'Un hébergement statique gratuit : un dépôt avec ces fichiers, un domaine personnalisé et « Enforce HTTPS ».',
    'hosting.intro.zone': 'Tous les enregistrements DNS de cette page en syntaxe de fichier de zone, à coller ou importer.',
    'hosting.files': 'Fichiers à créer',
    'hosting.emptyFile': 'Un fichier vide.',
    'preset.covers': 'Ce que couvrent les motifs :',
    'preset.included': '(dans le préréglage)',
    'preset.optional': '(facultatif)',
    'preset.source': 'Source :',
    'preset.add': 'Ajouter',
    'preset.addName': 'Ajouter {pattern} aux motifs MX',
    'preset.inList': 'Dans votre liste',
    'preset.inListName': '{pattern} est dans vos motifs MX',
    'dane.label': 'Votre hôte MX DNSSEC/DANE d’Exchange Online (facultatif)',
    'dane.help':
      'Si vous avez activé SMTP DANE entrant avec DNSSEC, copiez l’hôte MX indiqué par votre DNS, par ex. contoso-com.a-v1.mx.microsoft : son motif est déduit ici.',
    'dane.derived': 'Motif pour cet hôte :',
    'list.up': 'Monter',
    'list.down': 'Descendre',
    'list.remove': 'Supprimer',
    'list.upName': 'Monter {row}',
    'list.downName': 'Descendre {row}',
    'list.removeName': 'Supprimer {row}',
    'list.full': 'Une liste compte au plus {n} lignes.',
    'guide.heading': 'Déployer MTA-STS pas à pas',
    'guide.intro':
      'Ce guide mène un domaine de zéro à une politique appliquée, sans perdre de courrier. Le [générateur](#generator) produit chaque fichier et enregistrement cité ; le [validateur](#validator) vérifie ce que vous avez déjà.',
    'guide.why.heading': 'Pourquoi c’est important',
    'guide.why.downgrade':
      'Attaques par rétrogradation : sans MTA-STS, un serveur expéditeur à qui l’on fait croire que le chiffrement n’est pas disponible envoie votre courrier en clair. Avec MTA-STS, les expéditeurs savent que TLS est obligatoire.',
    'guide.why.mitm':
      'Interception : les expéditeurs vérifient que l’hôte MX fait partie de votre liste et que son certificat est valide ; un attaquant ne peut donc pas se faire passer pour votre serveur.',
    'guide.why.visibility':
      'Visibilité : avec TLS-RPT, les expéditeurs vous indiquent chaque jour quelles connexions vers votre domaine ont échoué, et pourquoi.',
    'guide.why.providers':
      'Adoption : les grands expéditeurs comme Gmail et Microsoft 365 vérifient MTA-STS, et les audits de sécurité l’attendent de plus en plus.',
    'guide.parts.heading': 'Ce que vous publiez',
    'guide.parts.record': 'Un enregistrement TXT en `_mta-sts.<domaine>`',
    'guide.parts.recordText':
      'Il annonce qu’une politique existe et donne son identifiant. `v=STSv1` ne change jamais ; l’identifiant (1 à 32 lettres ou chiffres) change à chaque modification de la politique.',
    'guide.parts.policy': 'Un fichier de politique à l’adresse `https://mta-sts.<domaine>/.well-known/mta-sts.txt`',
    'guide.parts.policyText':
      'Il indique le mode, les hôtes MX autorisés à recevoir votre courrier et combien de temps les expéditeurs peuvent le conserver.',
    'guide.parts.tlsrpt': 'Un enregistrement TLS-RPT en `_smtp._tls.<domaine>` (recommandé)',
    'guide.parts.tlsrptText': 'Il indique aux expéditeurs où envoyer leurs rapports TLS quotidiens.',
    'guide.checklist.heading': 'Liste de contrôle du déploiement',
    'guide.step.subdomain': 'Créez le sous-domaine `mta-sts`',
    'guide.step.subdomainText':
      'Faites pointer `mta-sts.<domaine>` vers un serveur web que vous maîtrisez (enregistrements A/AAAA) ou vers un service d’hébergement (un CNAME). Il n’a qu’un petit fichier à servir.',
    'guide.step.certificate': 'Procurez-vous un certificat HTTPS pour ce sous-domaine',
    'guide.step.certificateText':
      'Le certificat doit couvrir `mta-sts.<domaine>` (un joker `*.<domaine>` aussi), venir d’une autorité publique et être en cours de validité. Un certificat Let’s Encrypt fait l’affaire ; automatisez son renouvellement, car une fois expiré il empêche les expéditeurs de récupérer la politique.',
    'guide.step.serve': 'Servez le fichier de politique',
    'guide.step.serveText':
      'Rédigez d’abord la politique en `mode: testing` (les étapes suivantes disent pourquoi) et publiez-la sous le nom `mta-sts.txt`, exactement à l’adresse `/.well-known/mta-sts.txt`, avec le statut 200, le type `text/plain` et sans redirection. Les [configurations d’hébergement](#gen-step-hosting) le font pour nginx, Apache, Caddy, Cloudflare et GitHub Pages. Ouvrez l’adresse dans un navigateur avant de continuer.',
    'guide.step.txt': 'Publiez l’enregistrement TXT',
    'guide.step.txtText':
      'Ajoutez l’enregistrement TXT `v=STSv1; id=…` en `_mta-sts.<domaine>` une fois le fichier en ligne. Un TTL d’une heure (3600) ou moins permet aux changements d’identifiant d’atteindre vite les expéditeurs.',
    'guide.step.testing': 'Laissez tourner le mode testing',
    'guide.step.testingText':
      'Démarrez avec `mode: testing` et un `max_age` court, par exemple 86400 (un jour) : les expéditeurs livrent comme avant et se contentent de signaler les problèmes ; une erreur ne coûte donc aucun message.',
    'guide.step.tlsrpt': 'Surveillez les rapports TLS',
    'guide.step.tlsrptText':
      'Publiez un enregistrement TLS-RPT et lisez les rapports pendant au moins deux semaines. Chaque hôte MX, secours compris, doit montrer des sessions réussies et aucun `sts-policy-fetch-error`, `certificate-host-mismatch` ni `validation-failure`.',
    'guide.step.enforce': 'Passez en enforce avec un nouvel identifiant',
    'guide.step.enforceText':
      'Passez le fichier en `mode: enforce` avec un `max_age` plus long (une semaine d’abord, puis jusqu’à 31557600, un an), mettez-le en ligne, puis publiez l’enregistrement avec un nouvel identifiant. Sans nouvel identifiant, les expéditeurs gardent la politique testing jusqu’à son expiration.',
    'guide.step.check': 'Vérifiez, et continuez de vérifier',
    'guide.step.checkText':
      'Lancez le [vérificateur](#checker) sur votre domaine : il lit l’enregistrement, récupère le fichier servi et y confronte vos hôtes MX, comme le ferait un expéditeur. Continuez ensuite de lire les rapports : un certificat qui expire ou un hôte MX qui change s’y voit en premier. (Hors ligne, le [validateur](#validator) contrôle un fichier ou un enregistrement collé.)',
    'guide.change.heading': 'Modifier une politique',
    'guide.change.1': 'Mettez d’abord le nouveau fichier de politique en ligne.',
    'guide.change.2':
      'Publiez ensuite l’enregistrement TXT avec un nouvel identifiant. Les expéditeurs qui voient le nouvel identifiant récupèrent le nouveau fichier ; les autres gardent leur copie jusqu’à la fin de son `max_age`.',
    'guide.change.3':
      'Ne modifiez jamais le fichier sans changer l’identifiant, ni l’identifiant avant le fichier : les expéditeurs garderaient l’ancienne politique, ou l’enregistreraient sous le nouvel identifiant.',
    'guide.change.mx':
      'Avant de déplacer votre courrier vers d’autres hôtes MX : bien avant le changement (au moins un `max_age` actuel), ajoutez les nouveaux hôtes à la politique avec un nouvel identifiant, et réduisez `max_age` s’il est long. Basculez les enregistrements MX, puis retirez les anciens hôtes de la politique, de nouveau avec un nouvel identifiant.',
    'guide.remove.heading': 'Retirer MTA-STS',
    'guide.remove.1': 'Publiez une politique avec `mode: none` et un `max_age` court, par exemple 86400.',
    'guide.remove.2': 'Publiez l’enregistrement TXT avec un nouvel identifiant, pour que les expéditeurs récupèrent la politique none.',
    'guide.remove.3':
      'À partir de ce moment, attendez aussi longtemps que le `max_age` de la politique précédente : toutes les copies en cache auront alors expiré.',
    'guide.remove.4': 'Alors seulement, supprimez l’enregistrement TXT et l’hôte de politique.',
    'guide.remove.why':
      'Supprimer tout de suite l’enregistrement ne désactive pas MTA-STS : les expéditeurs continuent d’appliquer la politique en cache jusqu’à son expiration, et si vos hôtes MX changent entre-temps, le courrier attend dans leurs files puis revient en erreur.',
    'guide.faq.heading': 'Questions fréquentes',
    'faq.what.q': 'Que protège MTA-STS, et cela vaut-il la peine pour mon domaine ?',
    'faq.what.a':
      'Le courrier entre serveurs n’est chiffré que si les deux côtés s’entendent, et un attaquant placé sur le chemin peut faire croire à l’expéditeur que votre serveur ne propose pas le chiffrement. MTA-STS (RFC 8461) permet à votre domaine de déclarer quels hôtes MX reçoivent son courrier et qu’ils doivent être joints en TLS avec un certificat valide. Si votre domaine reçoit du courrier, il vaut la peine de le déployer, avec TLS-RPT.',
    'faq.modes.q': 'Quelle différence entre testing, enforce et none ?',
    'faq.modes.a':
      'En `testing`, un expéditeur qui rencontre un problème (pas de TLS, un certificat invalide, un hôte MX absent de la liste) livre quand même et signale l’échec à votre adresse TLS-RPT. En `enforce`, il ne livre pas à cet hôte : le message attend dans sa file puis revient en erreur. `none` indique que la politique est retirée ; il sert à supprimer MTA-STS. Commencez en testing, lisez les rapports, puis passez en enforce avec un nouvel identifiant.',
    'faq.maxAge.q': 'Quelle durée donner à max_age ?',
    'faq.maxAge.a':
      '`max_age` est le nombre de secondes pendant lequel un expéditeur conserve votre politique après l’avoir récupérée. Il n’y a pas de minimum : toute valeur de 0 à 31557600 (un an) est valide, même si 0 signifie que la politique n’est jamais conservée et ne protège donc rien. Pendant les tests, 86400 (un jour) permet de corriger vite une erreur. En enforce, utilisez au moins 604800 (une semaine) : la RFC 8461 recommande des durées aussi longues que possible, et beaucoup de domaines utilisent de deux semaines (1209600) à un an. Réduisez-la bien avant un changement prévu d’hôtes MX.',
    'faq.wildcards.q': 'Jusqu’où s’étend un * dans une ligne mx ?',
    'faq.wildcards.a':
      'Oui, mais seulement sous la forme `*.` au début, et `*` remplace exactement un label : `*.example.com` correspond à `mail.example.com`, mais ni à `example.com` ni à `a.b.example.com`. Ainsi, `*.aspmx.l.google.com` ne couvre pas `aspmx.l.google.com` (indiquez les deux), `*.google.com` ne couvre pas `aspmx.l.google.com`, et `*.mx.microsoft` ne correspond jamais aux hôtes Exchange Online comme `contoso-com.a-v1.mx.microsoft`. Des formes comme `mail*.example.com` ou `*.*.example.com` sont invalides.',
    'faq.lineEndings.q': 'Fins de ligne LF ou CRLF ?',
    'faq.lineEndings.a':
      'Les deux sont valides, et un mélange aussi : le texte de la RFC parle de CRLF, mais sa grammaire accepte aussi LF (erratum 6253), tout comme les vrais expéditeurs. Certains vérificateurs en ligne signalent LF à tort. Ce générateur écrit CRLF après chaque ligne, dernière comprise, pour qu’aucun vérificateur ne proteste. Un CR seul (comme sur les anciens Mac) n’est pas une fin de ligne et casse le fichier.',
    'faq.contentType.q': 'Quel Content-Type le fichier de politique doit-il avoir ?',
    'faq.contentType.a':
      '`text/plain`, éventuellement avec `charset=utf-8` ou `charset=us-ascii`. Plusieurs expéditeurs, comme postfix-mta-sts-resolver pour Postfix et chasquid, rejettent tout autre type, y compris `text/html` et `application/octet-stream`, ainsi qu’un en-tête absent. Les configurations nginx, Apache, Caddy et Cloudflare Worker fixent le type explicitement ; GitHub Pages sert les fichiers `.txt` en `text/plain; charset=utf-8`.',
    'faq.redirects.q': 'L’adresse de la politique peut-elle rediriger ailleurs ?',
    'faq.redirects.a':
      'Non. Les expéditeurs récupèrent exactement `https://mta-sts.<domaine>/.well-known/mta-sts.txt`, ne suivent pas les redirections et n’acceptent que le statut 200. Causes habituelles d’une redirection : une règle qui envoie tout vers `www` ou vers le site principal, une règle de barre oblique finale, l’option « toujours utiliser www » d’un CDN, la redirection de domaine personnalisé de GitHub Pages ; un défi de pare-feu (403) échoue aussi. Les expéditeurs n’utilisent que HTTPS : une redirection de http vers https sur le port 80 ne gêne pas.',
    'faq.newId.q': 'Pourquoi chaque modification exige-t-elle un nouvel identifiant ?',
    'faq.newId.a':
      'Les expéditeurs récupèrent la politique quand ils découvrent votre domaine, quand leur copie expire (`max_age`) ou quand l’identifiant de l’enregistrement TXT change — jamais sinon. Si vous modifiez le fichier en gardant l’identifiant, ils conservent l’ancienne politique jusqu’à son expiration. Publiez donc d’abord le nouveau fichier, puis le nouvel identifiant. L’identifiant compte de 1 à 32 lettres ou chiffres (ni tiret, ni point, ni deux-points) ; les expéditeurs vérifient seulement s’il a changé, il n’a donc pas à augmenter. Un horodatage UTC comme `20250301084500` est simplement pratique, et le générateur en crée un nouveau à chaque modification de la politique.',
    'faq.tlsrpt.q': 'TLS-RPT est-il utile à côté de MTA-STS ?',
    'faq.tlsrpt.a':
      'Ce n’est pas obligatoire, mais sans lui le mode testing ne vous apprend rien. Un enregistrement TXT en `_smtp._tls.<domaine>`, comme `v=TLSRPTv1; rua=mailto:tls-reports@example.com`, demande aux expéditeurs d’envoyer par e-mail (ou par POST vers une adresse `https://`) une synthèse JSON quotidienne des sessions TLS vers votre domaine, réussies ou non. Contrairement à DMARC, des rapports envoyés vers un autre domaine ne demandent aucun enregistrement d’autorisation.',
    'faq.microsoft.q': 'Mon courrier est chez Microsoft 365 : quelles lignes mx ?',
    'faq.microsoft.a':
      'Exchange Online reçoit votre courrier sur `<domaine-avec-tirets>.mail.protection.outlook.com` : le motif est donc `*.mail.protection.outlook.com`. Si vous avez activé SMTP DANE entrant avec DNSSEC, votre MX devient `<locataire>.<x>-v1.mx.microsoft` : ajoutez le motif qui en est déduit, par ex. `*.a-v1.mx.microsoft`. Jamais `*.mx.microsoft` : un `*` remplace un seul label, et ces hôtes sont deux labels sous `mx.microsoft`, il n’en couvre donc aucun. Microsoft n’héberge pas votre fichier de politique : servez-le vous-même et publiez l’enregistrement TXT dans votre DNS. Dans le [générateur](#generator), choisissez le préréglage Microsoft 365.',
    'faq.google.q': 'Mon courrier est chez Google Workspace : quelles lignes mx ?',
    'faq.google.a':
      'Les domaines configurés depuis 2023 utilisent un seul MX, `smtp.google.com` ; les plus anciens utilisent `aspmx.l.google.com` et `alt1` à `alt4.aspmx.l.google.com`, et les tout premiers aussi `aspmx2` à `aspmx5.googlemail.com` (couverts par `*.googlemail.com`). Indiquez ce que montrent vos enregistrements MX : `smtp.google.com`, ou bien `aspmx.l.google.com` avec `*.aspmx.l.google.com` (le joker ne couvre pas le nom seul). `*.google.com` couvre `smtp.google.com` mais pas les hôtes `aspmx` (un joker ne remplace qu’un seul label), et il accepte n’importe quel hôte sous google.com : indiquez plutôt les noms exacts. Google demande la ligne `version` en premier et au moins deux semaines en testing avant enforce. Google n’héberge pas non plus le fichier de politique. Dans le [générateur](#generator), choisissez le préréglage Google Workspace.',
    'faq.outage.q': 'Que se passe-t-il si l’hôte de politique est indisponible ?',
    'faq.outage.a':
      'Les expéditeurs qui détiennent déjà votre politique continuent de l’appliquer jusqu’à la fin de son `max_age`, et tentent de la rafraîchir entre-temps. Ceux qui n’en ont pas de copie livrent comme si vous n’aviez pas MTA-STS. Une courte panne de l’hôte de politique ne bloque donc pas le courrier ; une politique erronée en mode enforce, si.',
    'faq.subdomains.q': 'Les sous-domaines ont-ils besoin de leur propre politique ?',
    'faq.subdomains.a':
      'Oui : les expéditeurs ne consultent jamais le domaine parent. Chaque domaine qui reçoit du courrier a besoin de son propre enregistrement `_mta-sts` et de son propre hôte `mta-sts`. L’enregistrement peut être un CNAME vers un enregistrement commun, mais la politique doit quand même être servie avec un certificat valide pour `mta-sts.<ce domaine>`.',
    'faq.dane.q': 'Quel est le lien entre MTA-STS et DANE ?',
    'faq.dane.a':
      'Ils protègent les mêmes connexions de deux façons. DANE utilise des enregistrements TLSA et exige DNSSEC ; MTA-STS utilise HTTPS et des certificats publics. Un expéditeur qui valide DANE ne doit pas laisser MTA-STS passer outre un échec DANE. Publier les deux est possible, et courant.',
    'guide.myths.heading': 'Idées reçues',
    'myth.label': 'Idée reçue :',
    'fact.label': 'En réalité :',
    'myth.minMaxAge.m': '« max_age doit valoir au moins un jour (ou une semaine). »',
    'myth.minMaxAge.f':
      'Il n’y a pas de minimum : toute valeur de 0 à 31557600 est valide. Une valeur courte protège moins, et les vérificateurs le signalent par un avertissement, mais ce n’est pas une erreur.',
    'myth.maxMaxAge.m': '« max_age peut être aussi long qu’on veut. »',
    'myth.maxMaxAge.f':
      'Le maximum est de 31557600 secondes (un an) ; au-delà, plusieurs expéditeurs rejettent toute la politique.',
    'myth.blankLines.m': '« Des lignes vides, des commentaires ou une indentation dans le fichier de politique ne gênent pas. »',
    'myth.blankLines.f':
      'Ce sont des erreurs : la grammaire n’en autorise aucun, et des expéditeurs comme mox et maddy rejettent toute la politique. Écrivez un champ par ligne dès la première colonne, sans commentaire `#` ni indicateur d’ordre des octets (BOM).',
    'myth.crlf.m': '« Le fichier de politique doit utiliser des fins de ligne CRLF. »',
    'myth.crlf.f': 'LF, CRLF et un mélange des deux sont valides (RFC 8461, erratum 6253). Seul un CR isolé est invalide.',
    'myth.case.m': '« Les mots-clés ne sont pas sensibles à la casse. »',
    'myth.case.f':
      'Ils le sont : `Mode: Enforce`, `version: stsv1` ou `V=STSv1` sont invalides. Écrivez exactement `version`, `mode`, `mx`, `max_age`, `STSv1`, `testing`, `enforce`, `none` et `v=STSv1`.',
    'myth.wildcard.m': '« `*.example.com` couvre aussi `example.com` et tous les hôtes en dessous. »',
    'myth.wildcard.f': 'Le `*` remplace exactement un label : ni zéro, ni deux.',
    'myth.id.m': '« L’identifiant doit augmenter, comme un numéro de série DNS. »',
    'myth.id.f':
      'Les expéditeurs vérifient seulement s’il a changé. N’importe quelle suite de 1 à 32 lettres ou chiffres convient ; les tirets, points et deux-points sont invalides.',
    'myth.redirect.m': '« Rediriger l’adresse de la politique vers une autre page ne pose pas de problème. »',
    'myth.redirect.f': 'Les expéditeurs ne suivent pas les redirections : l’adresse exacte doit répondre avec le statut 200.',
    'myth.delete.m': '« Supprimer l’enregistrement TXT désactive MTA-STS immédiatement. »',
    'myth.delete.f':
      'Les expéditeurs gardent leur politique en cache jusqu’à la fin de son max_age. Publiez d’abord `mode: none` avec un nouvel identifiant, attendez la fin de l’ancien max_age, puis supprimez.',
    'myth.txtOnly.m': '« L’enregistrement TXT suffit. »',
    'myth.txtOnly.f':
      'Sans fichier de politique récupérable, les expéditeurs livrent comme si vous n’aviez pas MTA-STS : l’enregistrement ne fait qu’annoncer le fichier.',
    'guide.tools.heading': 'Outils de ce site',
    'guide.tools.generator':
      '[Générateur](#generator) : le fichier de politique, les enregistrements MTA-STS, TLS-RPT et DMARC et la configuration du serveur web pour votre domaine.',
    'guide.tools.validator':
      '[Validateur](#validator) : collez un enregistrement ou un fichier de politique et voyez chaque problème, avec la règle enfreinte et la correction.',
    'guide.tools.checker':
      '[Vérificateur](#checker) : saisissez un domaine et voyez ce qu’il publie — l’enregistrement TXT, le fichier de politique, les hôtes MX couverts, TLS-RPT et DMARC — jugé selon les mêmes règles, avec ce qu’un navigateur ne peut pas voir et les commandes qui le vérifient.',
  },
};

/**
 * Every string of the site: the page's own plus those of the checker
 * (i18n-checker.js) and of the installed app (i18n-app.js).
 * @type {Record<Lang, Record<string, Entry>>}
 */
export const catalogue = {
  en: { ...pageStrings.en, ...checkerStrings.en, ...appStrings.en },
  fr: { ...pageStrings.fr, ...checkerStrings.fr, ...appStrings.fr },
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

/**
 * A number as Intl.NumberFormat(lang) writes it, for numbers with at most three
 * decimals below 10^15: English 1,234.5; French 1 234,5 (narrow no-break
 * space). Null for anything else (Intl then does it).
 * @param {Lang} lang
 * @param {number} n
 * @returns {string | null}
 */
export function formatPlain(lang, n) {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return null;
  const [whole, fraction = ''] = String(Math.abs(n)).split('.');
  if (fraction.length > 3 || /e/i.test(whole)) return null;
  const group = lang === 'fr' ? '\u202f' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return sign + grouped + (fraction ? (lang === 'fr' ? ',' : '.') + fraction : '');
}

/**
 * CLDR's plural category "one" for English and French: English 1 (a whole
 * number); French |n| < 2 (0, 1 and 1.5 take the singular).
 * @param {Lang} lang
 * @param {number} n
 */
export function pluralOne(lang, n) {
  return lang === 'fr' ? Math.abs(n) < 2 : Math.abs(n) === 1;
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
    const form = pluralOne(this.lang, n) ? entry.one : entry.other;
    return fill(form, { ...params, n: this.number(n) });
  }

  /** @param {number} n */
  number(n) {
    // Building the first Intl formatter of a page costs tens of milliseconds:
    // plain numbers are written here the way Intl writes them.
    const plain = formatPlain(this.lang, n);
    if (plain !== null) return plain;
    // One formatter per language: building one costs more than formatting.
    if (!this.numberFormat || this.numberLang !== this.lang) {
      /** @type {Intl.NumberFormat | undefined} */
      this.numberFormat = new Intl.NumberFormat(this.lang);
      this.numberLang = this.lang;
    }
    return this.numberFormat.format(n);
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
 * elements and [label](#fragment) parts become links within the page (the
 * label may hold `code`). Built from text nodes only: the catalogue is never
 * parsed as HTML.
 * @param {Element} el
 * @param {string} text
 */
export function renderRich(el, text) {
  /** @type {Node[]} */
  const nodes = [];
  const link = /\[([^\]]+)\]\((#[\w-]*)\)/g;
  let last = 0;
  for (let m = link.exec(text); m !== null; m = link.exec(text)) {
    nodes.push(...codeRuns(text.slice(last, m.index)));
    const a = document.createElement('a');
    a.href = m[2];
    a.append(...codeRuns(m[1]));
    nodes.push(a);
    last = m.index + m[0].length;
  }
  nodes.push(...codeRuns(text.slice(last)));
  el.replaceChildren(...nodes);
}

/**
 * Text with `quoted` parts as <code> elements.
 * @param {string} text
 * @returns {Node[]}
 */
function codeRuns(text) {
  return text
    .split('`')
    .map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const code = document.createElement('code');
      code.textContent = part;
      return code;
    })
    .filter((node) => node.textContent !== '' || node.nodeType !== Node.TEXT_NODE);
}

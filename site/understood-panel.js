// @ts-check
// "What a sender understands": the value the core parsed, as a definition list
// in the UI language. For DMARC, the defaults that apply are shown too. For a
// policy, a small field tests an MX host name against the mx patterns.

/** @typedef {import('./i18n.js').I18n} I18n */
/** @typedef {'sts-record' | 'policy' | 'tls-rpt' | 'dmarc'} Format */
/** @typedef {'rfc7489' | 'rfc9989'} DmarcSpec */
/**
 * Finds the first pattern that matches host; null when superseded by a newer call.
 * @typedef {(patterns: string[], host: string) => Promise<{ match: string | null } | null>} MxMatcher
 */

/** @typedef {string | Node | (string | Node)[]} Cell */

export class UnderstoodPanel {
  /**
   * @param {HTMLElement} intro sentence above the list
   * @param {HTMLDListElement} list
   * @param {HTMLElement} mxTest wrapper of the MX test field (shown for policies)
   * @param {HTMLInputElement} mxInput
   * @param {HTMLElement} mxOutput
   * @param {I18n} i18n
   */
  constructor(intro, list, mxTest, mxInput, mxOutput, i18n) {
    this.intro = intro;
    this.list = list;
    this.mxTest = mxTest;
    this.mxInput = mxInput;
    this.mxOutput = mxOutput;
    this.i18n = i18n;
    /** @type {MxMatcher | null} */
    this.matcher = null;
    /** @type {string[]} */
    this.patterns = [];
    mxInput.addEventListener('input', () => void this.testMx());
    /** @param {number} n */
    this.more = (n) => this.i18n.t('value.more', { n });
  }

  /** @param {MxMatcher} matcher */
  setMatcher(matcher) {
    this.matcher = matcher;
  }

  clear() {
    this.intro.textContent = this.i18n.t('understood.empty');
    this.list.replaceChildren();
    this.list.hidden = true;
    this.mxTest.hidden = true;
    this.patterns = [];
  }

  /**
   * @param {Format} format
   * @param {{ ok: boolean, value: any }} result
   * @param {DmarcSpec} spec
   */
  render(format, result, spec) {
    const t = this.i18n.t.bind(this.i18n);
    this.intro.textContent = t(result.ok ? 'understood.valid' : 'understood.invalid', {
      thing: t(`this.${format}`),
    });
    const value = result.value ?? {};
    /** @type {[string, Cell][]} */
    let rows;
    if (format === 'policy') rows = this.policyRows(value);
    else if (format === 'sts-record') rows = this.stsRows(value);
    else if (format === 'tls-rpt') rows = this.tlsRptRows(value);
    else rows = this.dmarcRows(value, spec);
    this.list.replaceChildren(
      ...rows.flatMap(([label, cell]) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.append(...(Array.isArray(cell) ? cell : [cell]));
        return [dt, dd];
      }),
    );
    this.list.hidden = rows.length === 0;
    this.patterns = format === 'policy' && Array.isArray(value.mx) ? value.mx.map(String) : [];
    this.mxTest.hidden = format !== 'policy' || this.patterns.length === 0 || !this.matcher;
    void this.testMx();
  }

  /** @param {any} v */
  policyRows(v) {
    const t = this.i18n.t.bind(this.i18n);
    /** @type {[string, Cell][]} */
    const rows = [
      [t('field.version'), v.version === undefined ? this.notSet() : code(v.version)],
      [t('field.mode'), v.mode === undefined ? this.notSet() : this.known('mode', v.mode)],
      [t('field.maxAge'), v.maxAge === undefined ? this.notSet() : this.duration(Number(v.maxAge))],
      [t('field.mx'), Array.isArray(v.mx) && v.mx.length > 0 ? list(v.mx.map(code), this.more) : t('mx.none')],
    ];
    return rows.concat(this.extensionRows(v.extensions));
  }

  /** @param {any} v */
  stsRows(v) {
    const t = this.i18n.t.bind(this.i18n);
    /** @type {[string, Cell][]} */
    const rows = [
      [t('field.version'), v.version === undefined ? this.notSet() : code(v.version)],
      [
        t('field.id'),
        v.id === undefined ? this.notSet() : [code(v.id), ' ', note(t('field.id.note'))],
      ],
    ];
    return rows.concat(this.extensionRows(v.extensions));
  }

  /** @param {any} v */
  tlsRptRows(v) {
    const t = this.i18n.t.bind(this.i18n);
    /** @type {[string, Cell][]} */
    const rows = [
      [t('field.version'), v.version === undefined ? this.notSet() : code(v.version)],
      [
        t('field.rua.tlsrpt'),
        Array.isArray(v.rua) && v.rua.length > 0 ? list(v.rua.map(code), this.more) : this.notSet(),
      ],
    ];
    return rows.concat(this.extensionRows(v.extensions));
  }

  /**
   * @param {any} v
   * @param {DmarcSpec} spec
   */
  dmarcRows(v, spec) {
    const t = this.i18n.t.bind(this.i18n);
    const bis = spec === 'rfc9989';
    const label = (/** @type {string} */ tag) => t(`field.dmarc.${tag}`);
    const dflt = (/** @type {Cell} */ cell) => [...(Array.isArray(cell) ? cell : [cell]), ' ', note(t('value.default'))];
    const policy = (/** @type {string} */ p) => this.known('policy.dmarc', p);
    /** @type {[string, Cell][]} */
    const rows = [];
    rows.push([label('v'), v.v === undefined ? this.notSet() : code(v.v)]);
    rows.push([label('p'), v.p === undefined ? this.notSet() : policy(v.p)]);
    rows.push([label('sp'), v.sp === undefined ? dflt(t('policy.dmarc.sameAsP')) : policy(v.sp)]);
    if (bis) rows.push([label('np'), v.np === undefined ? dflt(t('policy.dmarc.sameAsSp')) : policy(v.np)]);
    else if (v.np !== undefined) rows.push([label('np'), [code(v.np), ' ', note(t('value.ignoredUnder7489'))]]);
    rows.push([label('adkim'), v.adkim === undefined ? dflt(t('align.r')) : this.known('align', v.adkim)]);
    rows.push([label('aspf'), v.aspf === undefined ? dflt(t('align.r')) : this.known('align', v.aspf)]);
    if (!bis) rows.push([label('pct'), v.pct === undefined ? dflt(this.percent(100)) : this.percent(Number(v.pct))]);
    else if (v.pct !== undefined) rows.push([label('pct'), [this.percent(Number(v.pct)), ' ', note(t('value.historicUnder9989'))]]);
    rows.push([label('rua'), Array.isArray(v.rua) && v.rua.length > 0 ? list(v.rua.map(code), this.more) : t('dmarc.noReports')]);
    rows.push([label('ruf'), Array.isArray(v.ruf) && v.ruf.length > 0 ? list(v.ruf.map(code), this.more) : t('dmarc.noReports')]);
    const fo = v.fo === undefined ? ['0'] : String(v.fo).split(':');
    const foCell = list(fo.map((o) => this.known('fo', o)));
    rows.push([label('fo'), v.fo === undefined ? dflt(foCell) : foCell]);
    if (!bis) {
      rows.push([label('rf'), v.rf === undefined ? dflt(code('afrf')) : code(v.rf)]);
      rows.push([label('ri'), v.ri === undefined ? dflt(this.duration(86400)) : this.duration(Number(v.ri))]);
    } else {
      if (v.rf !== undefined) rows.push([label('rf'), [code(v.rf), ' ', note(t('value.historicUnder9989'))]]);
      if (v.ri !== undefined) rows.push([label('ri'), [this.duration(Number(v.ri)), ' ', note(t('value.historicUnder9989'))]]);
    }
    if (bis) {
      rows.push([label('t'), v.t === undefined ? dflt(t('t.n')) : this.known('t', v.t)]);
      rows.push([label('psd'), v.psd === undefined ? dflt(t('psd.u')) : this.known('psd', v.psd)]);
    } else {
      if (v.t !== undefined) rows.push([label('t'), [code(v.t), ' ', note(t('value.ignoredUnder7489'))]]);
      if (v.psd !== undefined) rows.push([label('psd'), [code(v.psd), ' ', note(t('value.ignoredUnder7489'))]]);
    }
    return rows;
  }

  /** @param {unknown} extensions */
  extensionRows(extensions) {
    if (!extensions || typeof extensions !== 'object') return [];
    const entries = Object.entries(extensions);
    if (entries.length === 0) return [];
    /** @type {[string, Cell][]} */
    const rows = [
      [this.i18n.t('field.extensions'), list(
        entries.map(([k, val]) => code(`${k}: ${String(val)}`)),
        this.more,
      )],
    ];
    return rows;
  }

  /**
   * The catalogue's explanation of a known value, else the raw value as code.
   * @param {string} prefix
   * @param {unknown} raw
   * @returns {string | Node}
   */
  known(prefix, raw) {
    const key = `${prefix}.${String(raw)}`;
    const text = this.i18n.t(key);
    return text === key ? code(String(raw)) : text;
  }

  notSet() {
    return note(this.i18n.t('value.notSet'));
  }

  /** @param {number} n */
  percent(n) {
    return new Intl.NumberFormat(this.i18n.lang, { style: 'percent' }).format(n / 100);
  }

  /** @param {number} seconds */
  duration(seconds) {
    const t = this.i18n.t.bind(this.i18n);
    const secs = t('duration.seconds', { n: seconds });
    /** @type {string | null} */
    let human = null;
    if (seconds >= 604800 && seconds % 604800 === 0) human = t('duration.weeks', { n: seconds / 604800 });
    else if (seconds >= 86400) human = t('duration.days', { n: Math.round((seconds / 86400) * 100) / 100 });
    else if (seconds >= 3600) human = t('duration.hours', { n: Math.round((seconds / 3600) * 100) / 100 });
    return human ? t('duration.format', { seconds: secs, human }) : secs;
  }

  async testMx() {
    const host = this.mxInput.value.trim();
    if (!host || !this.matcher || this.mxTest.hidden) {
      this.mxOutput.textContent = '';
      return;
    }
    let reply;
    try {
      reply = await this.matcher(this.patterns, host);
    } catch {
      reply = null;
    }
    if (!reply || host !== this.mxInput.value.trim()) return;
    const pattern = reply.match;
    this.mxOutput.textContent = pattern
      ? this.i18n.t('mxTest.match', { host, pattern })
      : this.i18n.t('mxTest.noMatch', { host });
    this.mxOutput.dataset.state = pattern ? 'ok' : 'bad';
  }
}

/** @param {unknown} text */
function code(text) {
  const el = document.createElement('code');
  el.textContent = String(text);
  return el;
}

/** @param {string} text */
function note(text) {
  const el = document.createElement('span');
  el.className = 'note';
  el.textContent = text;
  return el;
}

/** A single value is shown inline; longer lists (a huge paste) show their first items and a count of the rest. */
const maxListItems = 50;

/**
 * @param {(string | Node)[]} items
 * @param {(hidden: number) => string} [moreText]
 */
function list(items, moreText) {
  if (items.length === 1) {
    const single = document.createElement('span');
    single.append(items[0]);
    return single;
  }
  const ul = document.createElement('ul');
  ul.className = 'value-list';
  for (const item of items.slice(0, maxListItems)) {
    const li = document.createElement('li');
    li.append(item);
    ul.append(li);
  }
  if (items.length > maxListItems && moreText) {
    const li = document.createElement('li');
    li.className = 'note';
    li.textContent = moreText(items.length - maxListItems);
    ul.append(li);
  }
  return ul;
}

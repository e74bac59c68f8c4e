// @ts-check
// What the checker keeps in this browser (localStorage, failure-proof): the
// history per domain (`mtasts.checker.history`: the id and policy hash of the
// last report, which lets the core notice a policy that changed without a new
// id, CHK-018…020) and the settings (`mtasts.checker.settings`).

/** @typedef {{ resolver: 'cloudflare' | 'google' | 'custom', customUrl: string, timeoutSeconds: number }} Settings */
/** @typedef {{ lastId: string, lastBodyHash: string, at: string }} HistoryEntry */

export const settingsKey = 'mtasts.checker.settings';
export const historyKey = 'mtasts.checker.history';
/** The history keeps this many domains (the most recent). */
const maxDomains = 200;

/** @type {Settings} */
export const defaultSettings = Object.freeze({ resolver: 'cloudflare', customUrl: '', timeoutSeconds: 10 });

/** @returns {Storage | null} */
function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** @param {string} key */
function readJson(key) {
  try {
    const raw = storage()?.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} key
 * @param {unknown} value
 */
function writeJson(key, value) {
  try {
    storage()?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** @returns {Settings} */
export function loadSettings() {
  const raw = readJson(settingsKey);
  const s = { ...defaultSettings };
  if (raw && typeof raw === 'object') {
    if (['cloudflare', 'google', 'custom'].includes(raw.resolver)) s.resolver = raw.resolver;
    if (typeof raw.customUrl === 'string') s.customUrl = raw.customUrl;
    const t = Number(raw.timeoutSeconds);
    if (Number.isFinite(t) && t >= 1 && t <= 60) s.timeoutSeconds = Math.round(t);
  }
  return s;
}

/** @param {Settings} settings */
export function saveSettings(settings) {
  return writeJson(settingsKey, settings);
}

/** @returns {Record<string, HistoryEntry>} */
function loadAll() {
  const raw = readJson(historyKey);
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
}

/**
 * The last report's id and policy hash for a domain, if valid.
 * @param {string} domain
 * @returns {HistoryEntry | null}
 */
export function historyFor(domain) {
  const e = loadAll()[domain];
  if (!e || typeof e.lastId !== 'string' || typeof e.lastBodyHash !== 'string') return null;
  if (e.lastId === '' || !/^[0-9a-f]{16}$/i.test(e.lastBodyHash)) return null;
  return { lastId: e.lastId, lastBodyHash: e.lastBodyHash.toLowerCase(), at: typeof e.at === 'string' ? e.at : '' };
}

/**
 * Remembers a report (only when it has both an id and a policy hash). Under
 * an id already seen, the body first seen with it is kept: that is the one
 * senders may have cached, so a body changed without a new id stays an error
 * (CHK-018) on every check until the id changes.
 * @param {string} domain
 * @param {string | null | undefined} id
 * @param {string | null | undefined} hash
 * @param {Date} [when]
 */
export function rememberReport(domain, id, hash, when = new Date()) {
  if (!id || !hash) return false;
  const all = loadAll();
  const known = all[domain];
  const keep = known && known.lastId === id && typeof known.lastBodyHash === 'string' ? known.lastBodyHash : hash;
  all[domain] = { lastId: id, lastBodyHash: keep, at: when.toISOString() };
  const names = Object.keys(all);
  if (names.length > maxDomains) {
    names
      .sort((a, b) => String(all[a].at).localeCompare(String(all[b].at)))
      .slice(0, names.length - maxDomains)
      .forEach((n) => delete all[n]);
  }
  return writeJson(historyKey, all);
}

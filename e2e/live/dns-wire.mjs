// @ts-check
// A small raw DNS client over UDP (node:dgram), for the test DoH server: it
// keeps what node's dns.Resolver loses (TTLs, rcodes, flags, the authority
// section, TXT character-string boundaries). RFC 1035 §4 wire format.
//
//   const r = await query({ server: '127.0.0.1', port: 5353, name: 'x.example.test', type: 16 });
//   // { rcode, flags: { aa, tc, rd, ra, ad, cd }, answer: [rr], authority: [rr] }
//   // rr = { name: 'x.example.test.', type: 16, ttl: 300, data: <presentation text>, strings?: Buffer[] }

import { createSocket } from 'node:dgram';
import { randomInt } from 'node:crypto';

/** Record types by mnemonic (those the checker asks for, plus what comes back). */
export const TYPES = /** @type {const} */ ({
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, DS: 43,
  RRSIG: 46, NSEC: 47, DNSKEY: 48, TLSA: 52, CAA: 257,
});

/**
 * @typedef {{ name: string, type: number, class: number, ttl: number, data: string,
 *             strings?: Buffer[] }} Rr
 * @typedef {{ id: number, rcode: number,
 *             flags: { qr: boolean, aa: boolean, tc: boolean, rd: boolean, ra: boolean, ad: boolean, cd: boolean },
 *             question: { name: string, type: number }[], answer: Rr[], authority: Rr[] }} DnsMessage
 */

/**
 * Encodes a presentation-format name (no escapes needed by our tests, but
 * `\.` and `\DDD` are honoured) into wire labels.
 * @param {string} name
 * @returns {Buffer}
 */
export function encodeName(name) {
  const parts = [];
  let label = [];
  const n = name.endsWith('.') && !name.endsWith('\\.') ? name.slice(0, -1) : name;
  for (let i = 0; i < n.length; i++) {
    const c = n[i];
    if (c === '\\' && i + 1 < n.length) {
      if (/^[0-9]{3}$/.test(n.slice(i + 1, i + 4))) {
        label.push(Number(n.slice(i + 1, i + 4)));
        i += 3;
      } else {
        label.push(n.charCodeAt(i + 1));
        i += 1;
      }
    } else if (c === '.') {
      parts.push(Buffer.from(label));
      label = [];
    } else {
      label.push(...Buffer.from(c, 'utf8'));
    }
  }
  if (n.length > 0) parts.push(Buffer.from(label));
  const out = [];
  for (const p of parts) {
    if (p.length === 0 || p.length > 63) throw new RangeError(`bad label in ${JSON.stringify(name)}`);
    out.push(Buffer.from([p.length]), p);
  }
  out.push(Buffer.from([0]));
  return Buffer.concat(out);
}

/**
 * @param {number} id
 * @param {string} name
 * @param {number} type
 * @param {{ rd?: boolean }} [opts]
 */
export function buildQuery(id, name, type, opts = {}) {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(opts.rd ? 0x0100 : 0, 2);
  header.writeUInt16BE(1, 4); // QDCOUNT
  header.writeUInt16BE(1, 10); // ARCOUNT: EDNS0 OPT
  const q = Buffer.alloc(4);
  q.writeUInt16BE(type, 0);
  q.writeUInt16BE(1, 2); // IN
  // OPT RR: root name, type 41, UDP payload 4096, no flags, no options.
  const opt = Buffer.from([0, 0, 41, 0x10, 0x00, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, encodeName(name), q, opt]);
}

/** One label byte in presentation form (RFC 4343 escapes). */
function escapeLabelByte(/** @type {number} */ b) {
  if (b === 0x2e || b === 0x5c || b === 0x22 || b === 0x28 || b === 0x29 || b === 0x3b || b === 0x40 || b === 0x24) {
    return '\\' + String.fromCharCode(b);
  }
  if (b <= 0x20 || b >= 0x7f) return '\\' + String(b).padStart(3, '0');
  return String.fromCharCode(b);
}

/**
 * Reads a (possibly compressed) name at `off`.
 * @param {Buffer} msg
 * @param {number} off
 * @returns {{ name: string, next: number }}
 */
function readName(msg, off) {
  const labels = [];
  let next = -1;
  let jumps = 0;
  for (;;) {
    if (off >= msg.length) throw new RangeError('name past the end');
    const len = msg[off];
    if ((len & 0xc0) === 0xc0) {
      if (next < 0) next = off + 2;
      off = ((len & 0x3f) << 8) | msg[off + 1];
      if (++jumps > 64) throw new RangeError('compression loop');
      continue;
    }
    if (len === 0) {
      if (next < 0) next = off + 1;
      break;
    }
    const bytes = msg.subarray(off + 1, off + 1 + len);
    labels.push(Array.from(bytes, escapeLabelByte).join(''));
    off += 1 + len;
  }
  return { name: labels.length ? labels.join('.') + '.' : '.', next };
}

/** A TXT character-string in presentation form: quoted, `"` and `\` escaped, others as \DDD. */
export function quoteCharacterString(/** @type {Buffer} */ s) {
  let out = '"';
  for (const b of s) {
    if (b === 0x22 || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else if (b < 0x20 || b >= 0x7f) out += '\\' + String(b).padStart(3, '0');
    else out += String.fromCharCode(b);
  }
  return out + '"';
}

/**
 * @param {Buffer} msg
 * @param {number} type
 * @param {number} off
 * @param {number} len
 * @returns {{ data: string, strings?: Buffer[] }}
 */
function rdataToText(msg, type, off, len) {
  const rd = msg.subarray(off, off + len);
  switch (type) {
    case TYPES.A:
      return { data: Array.from(rd).join('.') };
    case TYPES.AAAA: {
      const groups = [];
      for (let i = 0; i < 16; i += 2) groups.push(rd.readUInt16BE(i).toString(16));
      // Compress the longest run of zero groups (RFC 5952).
      let best = -1, bestLen = 0;
      for (let i = 0; i < 8; ) {
        if (groups[i] !== '0') { i++; continue; }
        let j = i;
        while (j < 8 && groups[j] === '0') j++;
        if (j - i > bestLen && j - i > 1) { best = i; bestLen = j - i; }
        i = j;
      }
      if (best < 0) return { data: groups.join(':') };
      return { data: `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}` };
    }
    case TYPES.CNAME:
    case TYPES.NS:
    case TYPES.PTR:
      return { data: readName(msg, off).name };
    case TYPES.MX: {
      const pref = msg.readUInt16BE(off);
      return { data: `${pref} ${readName(msg, off + 2).name}` };
    }
    case TYPES.SOA: {
      const m = readName(msg, off);
      const r = readName(msg, m.next);
      const nums = [];
      for (let i = 0; i < 5; i++) nums.push(msg.readUInt32BE(r.next + 4 * i));
      return { data: `${m.name} ${r.name} ${nums.join(' ')}` };
    }
    case TYPES.TXT: {
      const strings = [];
      for (let i = 0; i < rd.length; ) {
        const l = rd[i];
        strings.push(Buffer.from(rd.subarray(i + 1, i + 1 + l)));
        i += 1 + l;
      }
      return { data: strings.map(quoteCharacterString).join(' '), strings };
    }
    default:
      // RFC 3597 generic form, as Cloudflare does for types it does not know (DOH-012).
      return { data: `\\# ${rd.length}${rd.length ? ' ' + rd.toString('hex') : ''}` };
  }
}

/**
 * @param {Buffer} msg
 * @returns {DnsMessage}
 */
export function parseMessage(msg) {
  if (msg.length < 12) throw new RangeError('short DNS message');
  const id = msg.readUInt16BE(0);
  const f = msg.readUInt16BE(2);
  const counts = [4, 6, 8, 10].map((o) => msg.readUInt16BE(o));
  let off = 12;
  const question = [];
  for (let i = 0; i < counts[0]; i++) {
    const n = readName(msg, off);
    question.push({ name: n.name, type: msg.readUInt16BE(n.next) });
    off = n.next + 4;
  }
  /** @type {Rr[][]} */
  const sections = [[], [], []];
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < counts[s + 1]; i++) {
      const n = readName(msg, off);
      const type = msg.readUInt16BE(n.next);
      const klass = msg.readUInt16BE(n.next + 2);
      const ttl = msg.readUInt32BE(n.next + 4);
      const len = msg.readUInt16BE(n.next + 8);
      const rdOff = n.next + 10;
      if (type !== 41) sections[s].push({ name: n.name, type, class: klass, ttl, ...rdataToText(msg, type, rdOff, len) });
      off = rdOff + len;
    }
  }
  return {
    id,
    rcode: f & 0xf,
    flags: {
      qr: Boolean(f & 0x8000), aa: Boolean(f & 0x0400), tc: Boolean(f & 0x0200), rd: Boolean(f & 0x0100),
      ra: Boolean(f & 0x0080), ad: Boolean(f & 0x0020), cd: Boolean(f & 0x0010),
    },
    question,
    answer: sections[0],
    authority: sections[1],
  };
}

/**
 * Sends one query over UDP and waits for the matching answer.
 * @param {{ server: string, port: number, name: string, type: number, timeoutMs?: number }} q
 * @returns {Promise<DnsMessage>}
 */
export function query({ server, port, name, type, timeoutMs = 2000 }) {
  return new Promise((resolveP, rejectP) => {
    const id = randomInt(0, 0x10000);
    const sock = createSocket(server.includes(':') ? 'udp6' : 'udp4');
    const timer = setTimeout(() => {
      sock.close();
      rejectP(new Error(`DNS timeout: ${name} ${type} @${server}:${port}`));
    }, timeoutMs);
    sock.on('error', (e) => {
      clearTimeout(timer);
      sock.close();
      rejectP(e);
    });
    sock.on('message', (buf) => {
      let m;
      try {
        m = parseMessage(buf);
      } catch {
        return;
      }
      if (m.id !== id) return;
      clearTimeout(timer);
      sock.close();
      resolveP(m);
    });
    sock.send(buildQuery(id, name, type), port, server);
  });
}

/** A mnemonic or a number (DoH `type` parameter) → number, or NaN. */
export function typeNumber(/** @type {string} */ t) {
  if (/^[0-9]+$/.test(t)) return Number(t);
  const k = t.toUpperCase();
  return Object.hasOwn(TYPES, k) ? TYPES[/** @type {keyof typeof TYPES} */ (k)] : NaN;
}

// @ts-check
// Draws the app icons of the installed app into site/icons/: the brand mark (a
// white envelope with a padlock badge on the blue square of the page header's
// .brand-mark) as PNG at 192 and 512 px, a maskable 512 px PNG (full bleed, the
// mark inside the 80 % safe circle) and the same mark as SVG for the favicon.
// Plain node: shapes are sampled 4 × 4 per pixel and written as PNG with
// node:zlib, so no image library is needed. Flat colours and their edge blends
// fit a palette of fewer than 256 entries: the PNGs are indexed (a few KB each,
// which the first visit downloads with the rest of the app).
//
//   node scripts/make-icons.mjs [out-dir]      (default site/icons)

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const out = process.argv[2] ?? 'site/icons';

// Colours of site/styles.css (light scheme): --accent.
const blue = [0x0b, 0x57, 0xd0];
const white = [0xff, 0xff, 0xff];
const dark = [0x0a, 0x3d, 0x8f];

/**
 * The mark in a unit square (0..1), drawn over `background`. Returns the colour
 * at (x, y) or null outside every shape.
 * @typedef {(x: number, y: number) => number[] | null} Shader
 */


/**
 * Inside a rounded rectangle.
 * @param {number} x @param {number} y @param {number} x0 @param {number} y0 @param {number} x1 @param {number} y1 @param {number} r
 */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
function segmentDistance(/** @type {number[]} */ [x, y, ax, ay, bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/**
 * The foreground mark (envelope and padlock badge) in its own unit square.
 * @param {number} x @param {number} y @param {number[]} bg colour under the mark at this point
 * @returns {number[] | null}
 */
function mark(x, y, bg) {
  // Padlock badge: a gap in the background colour, a white disc, a dark lock.
  const bx = 0.71;
  const by = 0.67;
  const d = Math.hypot(x - bx, y - by);
  if (d <= 0.175) {
    if (d > 0.145) return bg;
    const body = inRoundRect(x, y, bx - 0.07, by - 0.015, bx + 0.07, by + 0.085, 0.015);
    const shackleRing = Math.hypot(x - bx, y - (by - 0.02));
    const shackle = y <= by - 0.015 + 0.001 && shackleRing >= 0.03 && shackleRing <= 0.05;
    const keyhole = Math.hypot(x - bx, y - (by + 0.025)) <= 0.014 || (Math.abs(x - bx) <= 0.006 && y >= by + 0.025 && y <= by + 0.06);
    if ((body && !keyhole) || shackle) return dark;
    return white;
  }
  // Envelope: a rounded outline and the flap.
  const w = 0.045;
  const outer = inRoundRect(x, y, 0.17, 0.27, 0.8, 0.71, 0.06);
  const inner = inRoundRect(x, y, 0.17 + w, 0.27 + w, 0.8 - w, 0.71 - w, 0.06 - w / 2);
  if (outer && !inner) return white;
  if (inner) {
    const flap = Math.min(
      segmentDistance([x, y, 0.17 + w, 0.27 + w, 0.485, 0.5]),
      segmentDistance([x, y, 0.485, 0.5, 0.8 - w, 0.27 + w]),
    );
    if (flap <= w / 2) return white;
  }
  return null;
}

/**
 * @param {boolean} maskable full-bleed background, mark scaled into the safe zone
 * @returns {Shader}
 */
function icon(maskable) {
  return (x, y) => {
    const bg = blue;
    if (!maskable && !inRoundRect(x, y, 0, 0, 1, 1, 0.2)) return null;
    const scale = maskable ? 0.72 : 1;
    const mx = 0.5 + (x - 0.5) / scale;
    const my = 0.5 + (y - 0.5) / scale;
    return mark(mx, my, bg) ?? bg;
  };
}

/**
 * @param {Shader} shader
 * @param {number} size
 * @returns {Buffer} RGBA rows, each prefixed with filter byte 0
 */
function render(shader, size) {
  const n = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shader((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          // Premultiplied, so edges against transparency stay clean.
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 1;
        }
      }
      const o = row + 1 + px * 4;
      if (sum[3] > 0) {
        raw[o] = Math.round(sum[0] / sum[3]);
        raw[o + 1] = Math.round(sum[1] / sum[3]);
        raw[o + 2] = Math.round(sum[2] / sum[3]);
      }
      raw[o + 3] = Math.round((sum[3] / (n * n)) * 255);
    }
  }
  return raw;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An indexed PNG (palette and transparency chunks) when the image has at most
 * 256 distinct RGBA values, else RGBA.
 * @param {number} size @param {Buffer} raw RGBA rows, each prefixed with filter byte 0
 */
function png(size, raw) {
  const stride = size * 4 + 1;
  /** @type {Map<number, number>} RGBA value → palette index */
  const palette = new Map();
  const indexed = Buffer.alloc(size * (size + 1));
  for (let y = 0; y < size && palette.size <= 256; y++) {
    for (let x = 0; x < size; x++) {
      const o = y * stride + 1 + x * 4;
      const rgba = raw[o + 3] === 0 ? 0 : raw.readUInt32BE(o);
      let i = palette.get(rgba);
      if (i === undefined) palette.set(rgba, (i = palette.size));
      indexed[y * (size + 1) + 1 + x] = i;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  const chunks = [];
  if (palette.size <= 256) {
    ihdr[9] = 3; // indexed
    const colours = [...palette.keys()];
    chunks.push(
      chunk('PLTE', Buffer.from(colours.flatMap((c) => [c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff]))),
      chunk('tRNS', Buffer.from(colours.map((c) => c & 0xff))),
      chunk('IDAT', deflateSync(indexed, { level: 9 })),
    );
  } else {
    ihdr[9] = 6; // RGBA
    chunks.push(chunk('IDAT', deflateSync(raw, { level: 9 })));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...chunks,
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (/** @type {number[]} */ c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

// The same mark as SVG (favicon), in the same unit square scaled to 64.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="12.8" fill="${hex(blue)}"/>
<g fill="none" stroke="#fff" stroke-width="2.88" stroke-linejoin="round" stroke-linecap="round">
<rect x="12.3" y="18.7" width="37.4" height="25.3" rx="2.4"/>
<path d="M13.8 20.2 31 32 48.3 20.2"/>
</g>
<circle cx="45.4" cy="42.9" r="11.2" fill="${hex(blue)}"/>
<circle cx="45.4" cy="42.9" r="9.3" fill="#fff"/>
<path d="M42.2 41.6v-1.3a3.2 3.2 0 0 1 6.4 0v1.3" fill="none" stroke="${hex(dark)}" stroke-width="1.3"/>
<rect x="40.9" y="41.9" width="9" height="6.4" rx="1" fill="${hex(dark)}"/>
<circle cx="45.4" cy="44.5" r="0.9" fill="#fff"/>
</svg>
`;

await mkdir(out, { recursive: true });
const files = [
  ['icon-192.png', png(192, render(icon(false), 192))],
  ['icon-512.png', png(512, render(icon(false), 512))],
  ['icon-maskable-512.png', png(512, render(icon(true), 512))],
  ['icon.svg', Buffer.from(svg)],
];
for (const [name, bytes] of files) {
  await writeFile(join(out, /** @type {string} */ (name)), bytes);
  console.log(`wrote ${join(out, /** @type {string} */ (name))} (${bytes.length} bytes)`);
}

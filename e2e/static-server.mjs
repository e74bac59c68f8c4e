// @ts-check
// A tiny static file server for the built site (build/site): correct MIME
// types (.wasm as application/wasm, .mjs as text/javascript), the same
// Content-Security-Policy as the page's <meta> (on documents and worker
// scripts, see carriesPolicy), ETag and Last-Modified (a 304
// for a file the browser holds), no directory listings, no paths outside the
// root. Used by Playwright's webServer and by `npm start`.
//
//   node e2e/static-server.mjs --root build/site --port 4173 [--host 127.0.0.1]

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy of site/index.html's <meta http-equiv="Content-Security-Policy">. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https://cloudflare-dns.com https://dns.google https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** @type {Record<string, string>} */
export const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Whether a response carries the page policy (Content-Security-Policy and
 * Cross-Origin-Opener-Policy): documents and worker scripts, the only responses
 * a browser applies them to (a script, stylesheet, image or wasm runs under the
 * policy of the document or worker that loads it). Leaving them off the rest
 * spares ~300 bytes of headers per file (site/_headers says the same).
 * @param {string} pathname
 */
export function carriesPolicy(pathname) {
  return pathname.endsWith('/') || pathname.endsWith('.html') || workerScripts.has(pathname.replace(/^.*\//, ''));
}

/**
 * The headers of a file's response, as site/_headers has them (also sent by
 * scripts/bench-site.mjs).
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function responseHeaders(pathname) {
  return carriesPolicy(pathname) ? { ...commonHeaders, ...policyHeaders } : commonHeaders;
}
/** The scripts the site starts as workers (a service worker, the validation worker). */
const workerScripts = new Set(['sw.js', 'validation-worker.js']);

/**
 * The policy as the server sends it: the page's, plus what a <meta> cannot
 * carry: no other site may frame the app (clickjacking).
 */
export const headerPolicy = `${contentSecurityPolicy}; frame-ancestors 'none'`;

/** @type {Record<string, string>} */
const policyHeaders = {
  'Content-Security-Policy': headerPolicy,
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** @type {Record<string, string>} */
const commonHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
  // The widgets (widgets/, kit/) are embedded by pages of other origins.
  'Access-Control-Allow-Origin': '*',
};

/**
 * @param {{ root: string }} options
 * @returns {import('node:http').Server}
 */
export function createStaticServer({ root }) {
  const base = resolve(root);
  return createServer(async (req, res) => {
    const send = (/** @type {number} */ status, /** @type {string} */ text) => {
      res.writeHead(status, { ...commonHeaders, ...policyHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(405, 'Method Not Allowed\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad Request\n');
    }
    if (pathname.includes('\0')) return send(400, 'Bad Request\n');
    let file = resolve(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) return send(404, 'Not Found\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { ...commonHeaders, Location: `${pathname}/` });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return send(404, 'Not Found\n');
      // Validators, as any static host sends: a browser that holds the file
      // asks again with If-None-Match and gets an empty 304.
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const type = mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const validators = { ETag: etag, 'Last-Modified': info.mtime.toUTCString() };
      const headers = responseHeaders(pathname);
      const asked = String(req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
      if (asked.includes(etag) || asked.includes('*')) {
        res.writeHead(304, { ...headers, ...validators });
        return res.end();
      }
      res.writeHead(200, { ...headers, ...validators, 'Content-Type': type, 'Content-Length': info.size });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      send(404, 'Not Found\n');
    }
  });
}

/**
 * @param {string[]} argv
 * @returns {{ root: string, port: number, host: string }}
 */
export function parseArgs(argv) {
  const options = { root: 'build/site', port: 4173, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--root') options.root = value();
    else if (flag === '--port') options.port = Number(value());
    else if (flag === '--host') options.host = value();
    else throw new Error(`unknown argument ${argv[i]} (use --root DIR --port N [--host ADDR])`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`invalid --port ${options.port}`);
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { root, port, host } = parseArgs(process.argv.slice(2));
  const server = createStaticServer({ root });
  server.listen(port, host, () => {
    const address = server.address();
    const actual = address && typeof address === 'object' ? address.port : port;
    console.log(`Serving ${resolve(root)} at http://${host}:${actual}/`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

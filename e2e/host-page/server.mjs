// @ts-check
// The foreign host page's server: another origin (its own port), its own strict
// CSP that names the widgets' origin, and no CORS. The page is index.html with
// {{WIDGETS}} replaced by the widgets' origin (the site under test).
//
//   const host = await startHostServer({ widgetOrigin: 'http://127.0.0.1:4184' });
//   … host.url …; await host.close();
// `${host.url}?no-wasm` serves the page with a CSP that forbids WebAssembly.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

/** @param {string} widgetOrigin */
export function hostPolicy(widgetOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self' ${widgetOrigin} https://cloudflare-dns.com https://dns.google https:`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const files = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/host.css': ['host.css', 'text/css; charset=utf-8'],
  '/host.js': ['host.js', 'text/javascript; charset=utf-8'],
};

/**
 * @param {{ widgetOrigin: string, port?: number }} options
 * @returns {Promise<{ url: string, origin: string, close: () => Promise<void> }>}
 */
export async function startHostServer({ widgetOrigin, port = 0 }) {
  const server = createServer(async (req, res) => {
    const requested = new URL(req.url ?? '/', 'http://localhost');
    const path = requested.pathname;
    // ?no-wasm: the mistake of a host page whose CSP forgets 'wasm-unsafe-eval'.
    const policy = requested.searchParams.has('no-wasm')
      ? hostPolicy(widgetOrigin).replace(" 'wasm-unsafe-eval'", '')
      : hostPolicy(widgetOrigin);
    const entry = /** @type {Record<string, string[]>} */ (files)[path];
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Not Found\n');
    }
    let body = await readFile(new URL(entry[0], import.meta.url), 'utf8');
    body = body.replaceAll('{{WIDGETS}}', widgetOrigin);
    res.writeHead(200, {
      'Content-Type': entry[1],
      'Content-Security-Policy': policy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const actual = address && typeof address === 'object' ? address.port : port;
  const origin = `http://127.0.0.1:${actual}`;
  return {
    url: `${origin}/`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

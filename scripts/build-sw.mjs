// @ts-check
// Writes the precache list and the version into a staged site's service
// worker: every file of the staged app (except those below) with its SHA-256,
// and a version derived from all of them, which names the worker's cache. Any
// change to any file gives a new sw.js, hence an update of the installed app.
//
//   node scripts/build-sw.mjs <staged-site-dir>      (scripts/stage-site.sh runs it)

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files served with the site but not part of the app a visitor runs. */
const excluded = [
  /^sw\.js$/, // the worker itself (the browser keeps it)
  /^_headers$/, // instructions for the static host
  /\.d\.ts$/, // TypeScript types of the npm package
  /\.map$/,
  /\.md$/,
];

/**
 * @param {string} dir
 * @returns {Promise<string[]>} every file under dir, as a path relative to root with / separators
 */
export async function walk(dir, root = dir) {
  /** @type {string[]} */
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, root)));
    else if (entry.isFile()) files.push(relative(root, path).split(sep).join('/'));
  }
  return files;
}

/** The line of sw.js that receives the list (see site/sw.js). */
const marker = /^const BUILD = .*; \/\/ build-sw:.*$/m;

/**
 * @param {string} root the staged site
 * @returns {Promise<{ version: string, files: Record<string, string> }>}
 */
export async function buildManifest(root) {
  const paths = (await walk(root)).filter((p) => !excluded.some((re) => re.test(p))).sort();
  /** @type {Record<string, string>} */
  const files = {};
  const all = createHash('sha256');
  for (const path of paths) {
    const hash = createHash('sha256').update(await readFile(join(root, path))).digest('base64');
    files[path] = hash;
    all.update(`${path}\0${hash}\n`);
  }
  // The worker's own code counts too (without the list, so that running this
  // twice on the same folder gives the same version).
  all.update((await readFile(join(root, 'sw.js'), 'utf8')).replace(marker, ''));
  return { version: all.digest('hex').slice(0, 16), files };
}

/** @param {string} root */
export async function writeServiceWorker(root) {
  const swPath = join(root, 'sw.js');
  const source = await readFile(swPath, 'utf8');
  if (!marker.test(source)) throw new Error(`${swPath}: no "const BUILD = …; // build-sw:" line to replace`);
  const build = await buildManifest(root);
  const line = `const BUILD = ${JSON.stringify(build)}; // build-sw: written by scripts/build-sw.mjs`;
  await writeFile(swPath, source.replace(marker, () => line));
  return build;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: node scripts/build-sw.mjs <staged-site-dir>');
    process.exit(2);
  }
  const { version, files } = await writeServiceWorker(root);
  console.log(`sw.js: version ${version}, ${Object.keys(files).length} files precached`);
}

// @ts-check
// Bundles and minifies the site's modules into a staged site (scripts/stage-site.sh
// runs it before the service worker's precache list is written). The sources
// in site/ stay plain ES modules (node --test imports them as they are); what a
// visitor downloads is a handful of minified files instead of ~40 modules found
// one import at a time.
//
//   node scripts/bundle-site.mjs <site-source-dir> <staged-site-dir>
//
// The staged folder already holds a copy of site/ and the package under kit/.
// This replaces its .js and .css files with the bundles:
//
// - the page: app.js (what the page runs first; the generator and checker
//   views are chunks it imports when needed), pwa.js, boot.js,
//   checker/gather.js (also imported at run time by the checker widget) and the
//   validation worker (started for huge texts only); code two of them share
//   goes to chunks/. The kit (kit/kit.mjs) stays a file of its own, loaded at
//   run time by the page, the worker and the widgets alike;
// - the widgets: widgets/widgets.js, widgets/<name>/define.js and the embed page's
//   script; shared code goes to widgets/chunks/, two folders deep like the
//   define entries, so that the `new URL('../../…', import.meta.url)` of the widget
//   modules and their `../../kit/kit.mjs` import (the package's own file, left
//   out of the bundle) mean the same after bundling;
// - sw.js is left as it is (scripts/build-sw.mjs writes its precache line);
// - the kit's own module (kit/kit.mjs) and the emitted glue (kit/mtasts-core.mjs)
//   are minified in place;
// - the stylesheets are minified;
// - index.html loses the English text of the views that start hidden (generator,
//   checker, guide): app.js draws their strings from the catalogue when they are
//   first shown, so the page does not carry that text twice; it announces the
//   chunks app.js imports and the kit's modules (modulepreload) and the core's
//   wasm (preload), so that they load beside it; those modules carry V8's
//   compile hint (compiled eagerly as they stream in).
//
// A check at the end refuses a bundle that would resolve `import.meta.url`
// somewhere the source did not expect (a module moved to another depth).

import * as esbuild from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { walk } from './build-sw.mjs';

/** The browsers the site supports (module workers, ES2022): Chromium 111+, Firefox 114+, Safari 16.4+. */
const target = ['chrome111', 'firefox114', 'safari16.4'];
/** BUNDLE_MINIFY=0 keeps names and layout, for profiling. */
const minify = process.env.BUNDLE_MINIFY !== '0';

/** Leaves the kit package's module (loaded at run time from kit/) out of the bundles. */
const kitExternal = {
  name: 'kit-external',
  /** @param {esbuild.PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /(^|\/)kit\/kit\.mjs$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * @param {string} src the site's sources (site/)
 * @param {string} out the staged site
 */
export async function bundleSite(src, out) {
  src = resolve(src);
  out = resolve(out);
  // The copies of the sources are replaced by the bundles.
  for (const rel of await walk(out)) {
    const file = join(out, rel);
    if (rel.startsWith('kit/') || rel === 'sw.js') continue;
    if (/\.(m?js|css)$/.test(rel)) await rm(file);
  }
  const common = {
    bundle: true,
    format: /** @type {const} */ ('esm'),
    splitting: true,
    minify,
    target,
    outbase: src,
    outdir: out,
    legalComments: /** @type {const} */ ('none'),
    logLevel: /** @type {const} */ ('warning'),
    plugins: [kitExternal],
    metafile: true,
  };
  const page = await esbuild.build({
    ...common,
    entryPoints: ['app.js', 'pwa.js', 'boot.js', 'checker/gather.js', 'validation-worker.js'].map((p) => join(src, p)),
    chunkNames: 'chunks/[name]-[hash]',
  });
  const widgets = await esbuild.build({
    ...common,
    entryPoints: ['widgets/widgets.js', 'widgets/validator/define.js', 'widgets/generator/define.js', 'widgets/checker/define.js', 'widgets/embed-page.js'].map((p) => join(src, p)),
    chunkNames: 'widgets/chunks/[name]-[hash]',
  });
  await esbuild.build({
    entryPoints: (await walk(src)).filter((p) => p.endsWith('.css')).map((p) => join(src, p)),
    outbase: src,
    outdir: out,
    minify: true,
    target,
    logLevel: 'warning',
    loader: { '.css': 'css' },
  });
  // The kit's module and Emscripten's glue, minified in place (the glue comes
  // out of -Oz with its whitespace gone but its names whole: a quarter less gzip).
  for (const file of ['kit/kit.mjs', 'kit/mtasts-core.mjs']) {
    await esbuild.build({
      entryPoints: [join(out, file)],
      outfile: join(out, file),
      allowOverwrite: true,
      minify,
      format: 'esm',
      target,
      legalComments: 'none',
      logLevel: 'warning',
    });
  }

  // Every source module that reads import.meta.url must sit at the same depth
  // in the bundle as in site/ (a relative URL from it would point elsewhere).
  for (const meta of [page.metafile, widgets.metafile]) {
    for (const [output, info] of Object.entries(meta.outputs)) {
      const code = await readFile(resolve(output), 'utf8').catch(() => '');
      if (!code.includes('import.meta.url')) continue;
      const depth = (/** @type {string} */ p) => relative(out, resolve(p)).split(sep).length;
      for (const input of Object.keys(info.inputs)) {
        const source = await readFile(resolve(input), 'utf8');
        if (source.includes('import.meta.url') && depth(join(out, relative(src, resolve(input)))) !== depth(output)) {
          throw new Error(`bundle-site: ${relative(src, resolve(input))} reads import.meta.url but was bundled into ${relative(out, resolve(output))}, at another depth`);
        }
      }
    }
  }
  const indexPath = join(out, 'index.html');
  let html = withoutHiddenViewText(await readFile(indexPath, 'utf8'));
  // The chunks app.js imports, and the kit's two modules it imports at run
  // time, are announced with the page, so that they load beside app.js rather
  // than one after the other.
  const appOut = Object.entries(page.metafile.outputs).find(([p, info]) => info.entryPoint && resolve(info.entryPoint) === join(src, 'app.js'));
  if (!appOut) throw new Error('bundle-site: no app.js in the page bundle');
  /** The modules app.js needs before its first result, relative to the site. */
  const firstModules = appOut[1].imports
    .filter((i) => i.kind === 'import-statement' && !i.external)
    .map((i) => relative(out, resolve(i.path)).split(sep).join('/'))
    .concat(['kit/kit.mjs', 'kit/mtasts-core.mjs']);
  const preloads = firstModules.map((href) => `<link rel="modulepreload" href="${href}">`);
  // The core itself, asked for with the page's first requests: boot.js's
  // fetch (same URL, mode and credentials) takes this response, so the wasm
  // no longer waits for the first layout to be done before it is even asked
  // for (a fresh renderer lays the page out before it runs any script).
  preloads.unshift('<link rel="preload" href="kit/mtasts-core.wasm" as="fetch" type="application/wasm" crossorigin>');
  // What runs before the first result is compiled eagerly, on a background
  // thread while it streams in, instead of function by function on the main
  // thread as the page starts (V8's explicit compile hint, Chromium 136+;
  // other engines read a comment). A/B on this machine: the first result
  // ~17 ms sooner (median of 31 paired first visits).
  for (const file of [resolve(appOut[0]), ...firstModules.map((p) => join(out, p))]) {
    await writeFile(file, `//# allFunctionsCalledOnLoad\n${await readFile(file, 'utf8')}`);
  }
  const appTag = '<script type="module" src="app.js"></script>';
  if (!html.includes(appTag)) throw new Error(`bundle-site: index.html has no ${appTag}`);
  html = html.replace(appTag, () => [...preloads, appTag].join('\n    '));
  await writeFile(indexPath, html);
  return { page: page.metafile, widgets: widgets.metafile };
}

/** The views that start hidden: app.js draws their strings when first shown. */
const hiddenViews = ['generator', 'checker', 'guide'];

/**
 * index.html without the English text of the views that start hidden: the
 * text of every `data-i18n` element there comes from the catalogue (e2e checks
 * that the two agree), so the page need not carry it twice. Elements whose
 * content holds an element of their own tag are left whole.
 * @param {string} html
 */
export function withoutHiddenViewText(html) {
  const starts = hiddenViews.map((id) => {
    const at = html.indexOf(`<section id="${id}"`);
    if (at < 0) throw new Error(`bundle-site: index.html has no <section id="${id}">`);
    return at;
  });
  const from = Math.min(...starts);
  const end = html.indexOf('</main>', from);
  if (end < 0) throw new Error('bundle-site: index.html has no </main> after the views');
  const views = html.slice(from, end).replace(
    /(<([a-z][a-z0-9]*)\b[^>]*\sdata-i18n="[^"]+"[^>]*>)([\s\S]*?)(<\/\2>)/g,
    (whole, open, tag, inner, close) => (new RegExp(`<${tag}\\b`).test(inner) ? whole : open + close),
  );
  return html.slice(0, from) + views + html.slice(end);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [src, out] = process.argv.slice(2);
  if (!src || !out) {
    console.error('usage: node scripts/bundle-site.mjs <site-source-dir> <staged-site-dir>');
    process.exit(2);
  }
  await bundleSite(src, out);
}

// Builds www/pkg/soc2-readiness.min.js (the site's bundle) and dist/soc2-readiness.html: one
// self-contained file (JS, CSS, both Wasm modules and the catalog inlined)
// that works opened from disk (file://) with no network, under a hash-based CSP it carries itself.
// Written to a temporary file and renamed, so an interrupted build never leaves half a file.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';

// The site's bundle: what the first screen needs in one file, and the exports module's glue in a
// chunk of its own that the page imports on the first export (code splitting), staged aside and
// moved into pkg/ when complete.
// Two builds of the element: soc2-readiness.min.js for pages and CDNs, and soc2-readiness.js, the
// same ES module unminified, for bundlers (the npm package's entry; scripts/package.mjs).
const stage = 'target/bundle.partial';
rmSync(stage, { recursive: true, force: true });
// The bundles sit inside pkg/: the engine's `new URL('./pkg/…', import.meta.url)` become
// `new URL('./…', import.meta.url)`, literal strings a consumer's bundler can follow.
const pkgRelative = {
  name: 'pkg-relative',
  setup(b) {
    b.onLoad({ filter: /[\\/]www[\\/]engine\.js$/ }, async (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll("new URL('./pkg/", "new URL('./"),
      loader: 'js',
    }));
  },
};
// The minified builds carry the stylesheets minified too (styles.js and views/*-styles.js keep
// them readable, with their comments): the CSS inside each String.raw template, minified by
// esbuild as CSS.
const minifiedStyles = {
  name: 'minified-styles',
  setup(b) {
    b.onLoad({ filter: /[\\/]www[\\/](styles|views[\\/](questionnaire|common|summary)-styles)\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const open = 'String.raw`';
      const start = source.indexOf(open) + open.length;
      const end = source.lastIndexOf('`');
      const css = (await transform(source.slice(start, end), { loader: 'css', minify: true, target: 'chrome111' })).code.trim();
      if (css.includes('`') || css.includes('${')) throw new Error('the minified stylesheet cannot sit in a template literal');
      return { contents: source.slice(0, start) + css + source.slice(end), loader: 'js' };
    });
  },
};
for (const [minify, entryNames, chunkNames] of [[true, '[name].min', 'soc2-readiness-[name]-[hash]'], [false, '[name]', 'esm-[name]-[hash]']]) {
  await build({
    entryPoints: ['www/soc2-readiness.js'],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify,
    target: 'es2022',
    legalComments: 'none',
    plugins: minify ? [pkgRelative, minifiedStyles] : [pkgRelative],
    outdir: stage,
    entryNames,
    chunkNames,
    logLevel: 'warning',
  });
}
for (const old of readdirSync('www/pkg').filter((f) => /^(soc2-readiness|esm)-.*\.js$/.test(f))) rmSync(`www/pkg/${old}`);
for (const file of readdirSync(stage)) renameSync(`${stage}/${file}`, `www/pkg/${file}`);

// The standalone page's own script, minified beside the bundle (index.html loads pkg/page.min.js;
// www/page.js stays the readable source).
await build({
  entryPoints: ['www/page.js'],
  bundle: false,
  format: 'esm',
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  outfile: 'target/page.min.js.partial',
  logLevel: 'warning',
});
renameSync('target/page.min.js.partial', 'www/pkg/page.min.js');

const wasm = readFileSync('www/pkg/soc2_readiness_bg.wasm');
const exportsWasm = readFileSync('www/pkg/soc2_readiness_exports_bg.wasm');
// Every language's catalog text and page words: the single file offers them all, and a German
// visitor's file makes no request either.
const languages = readdirSync('www/pkg').map((f) => f.match(/^catalog\.([a-z]{2,3})\.json$/)?.[1]).filter(Boolean);
const perLanguage = (file) => Object.fromEntries([['en', readFileSync(`www/pkg/${file}.json`, 'utf8')],
  ...languages.map((tag) => [tag, readFileSync(`www/pkg/${file}.${tag}.json`, 'utf8')])]);
const catalog = perLanguage('catalog');
const help = perLanguage('catalog-help');
const messages = Object.fromEntries(languages.map((tag) => [tag, readFileSync(`www/pkg/i18n/${tag}.json`, 'utf8')]));

const result = await build({
  entryPoints: ['scripts/single/entry.js'],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  target: 'es2022',
  legalComments: 'none',
  plugins: [minifiedStyles],
  define: {
    __WASM_BASE64__: JSON.stringify(wasm.toString('base64')),
    __EXPORTS_WASM_BASE64__: JSON.stringify(exportsWasm.toString('base64')),
    __CATALOG__: JSON.stringify(catalog),
    __HELP__: JSON.stringify(help),
    __MESSAGES__: JSON.stringify(messages),
  },
  logLevel: 'warning',
});
// A literal "</script" inside the bundle would end the inline script early.
const js = result.outputFiles[0].text.replaceAll('</script', '<\\/script');

const css = [
  ':root{color-scheme:light dark}',
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:Canvas;color:CanvasText}',
  'soc2-readiness{max-width:1400px;margin:0 auto}',
].join('');
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
// The policy the file needs: its own inline script and style by hash, Wasm compilation, blob:
// URLs for downloads; nothing from any network.
export const csp = `default-src 'none'; script-src ${hash(js)} 'wasm-unsafe-eval'; style-src ${hash(css)}; img-src data: blob:`;

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="color-scheme" content="light dark">
<title>SOC 2 readiness self-assessment (offline)</title>
<style>${css}</style>
</head>
<body>
<soc2-readiness storage-key="offline"></soc2-readiness>
<script type="module">${js}</script>
</body>
</html>
`;
mkdirSync('dist', { recursive: true });
writeFileSync('dist/soc2-readiness.html.partial', html);
renameSync('dist/soc2-readiness.html.partial', 'dist/soc2-readiness.html');

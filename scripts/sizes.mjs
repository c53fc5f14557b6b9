// Prints the gzipped size of what the page (www/index.html) downloads, and of the single-file
// build, in three groups: the first screen (what the visitor waits for), the help fetched right
// after it (every visitor downloads it too), and what loads only on demand (an export, an import,
// the report step or printing, the summary view). The element's source modules reach the page as
// one minified bundle, pkg/soc2-readiness.min.js (its stylesheet minified too), and its chunks;
// page.js as pkg/page.min.js.
//   node scripts/sizes.mjs [--check]   --check: exit 1 when a ceiling is exceeded
// Budgets (PRODUCT brief, issue 16): first screen ≤ 80 KB, everything every visitor downloads
// (first screen and help) ≤ 100 KB, Wasm engine ≤ 60 KB, all gzipped and counted here in KiB
// (1 KB = 1,024 bytes); exact byte counts are printed too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const FIRST_SCREEN = [
  'www/index.html',
  'www/page.css',
  'www/pkg/page.min.js',
  'www/favicon.svg',
  'www/pkg/soc2-readiness.min.js',
  'www/pkg/soc2_readiness_bg.wasm',
  'www/pkg/catalog.json',
];
export const AFTER_FIRST_SCREEN = ['www/pkg/catalog-help.json'];
const onExport = () => [
  ...readdirSync('www/pkg').filter((f) => /^soc2-readiness-.*\.js$/.test(f)).map((f) => `www/pkg/${f}`),
  'www/pkg/soc2_readiness_exports_bg.wasm',
];
/** Everything every visitor downloads (the first screen and the help after it). */
export const PAGE_FILES = [...FIRST_SCREEN, ...AFTER_FIRST_SCREEN];
export const BUDGET = { firstScreen: 80 * 1024, total: 100 * 1024, wasm: 60 * 1024 };
// The Wasm budget is met and enforced. The page's are not yet (README "Performance" says where
// the bytes go; issue 16 moves what the first screen does not need out of it): until they are,
// `--check` holds ceilings a little above the sizes measured, so that growth fails the test.
// Raised once, on 2026-11-30, for issue 14's features (the plan, the weak-areas chart, the start
// screen, the owner forms: +2.6 KiB to the element after moving the report, the import and
// page.js out of the first screen and minifying the stylesheet), from 100 and 124 KiB.
export const CEILING = { firstScreen: 102 * 1024, total: 127 * 1024, wasm: BUDGET.wasm };

export function measure(files) {
  return files.map((f) => {
    const bytes = readFileSync(f);
    return { file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KiB';
const sum = (rows) => rows.reduce((a, r) => ({ raw: a.raw + r.raw, gz: a.gz + r.gz }), { raw: 0, gz: 0 });

if (process.argv[1]?.endsWith('sizes.mjs')) {
  const later = onExport();
  const missing = [...PAGE_FILES, ...later].filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(`error: missing ${missing.join(', ')}: run 'make build' first`);
    process.exit(1);
  }
  const first = measure(FIRST_SCREEN);
  const help = measure(AFTER_FIRST_SCREEN);
  const exports = measure(later);
  const line = (name, r, extra = '') => console.log(`  ${name.padEnd(64)} ${kb(r.raw)} ${kb(r.gz)}${extra}`);
  console.log('\nWhat the page downloads (gzip -9):');
  console.log(`  ${"file".padEnd(64)}         raw        gzip`);
  for (const r of first) line(r.file, r);
  const firstTotal = sum(first);
  line('first screen', firstTotal, `   budget ${kb(BUDGET.firstScreen)}   (${firstTotal.gz} bytes)`);
  for (const r of help) line(`${r.file} (after the first screen)`, r);
  const total = sum([...first, ...help]);
  line('every visitor (first screen and help)', total, `   budget ${kb(BUDGET.total)}   (${total.gz} bytes)`);
  // The chunks loaded on demand: the report (its step or printing), the summary view, an import,
  // the card, link and comparison (share.js), the exports.
  const when = (f) => (/-report-/.test(f) ? 'report step or print' : /-summary-/.test(f) ? 'summary view'
    : /-import-/.test(f) ? 'on import' : /-share-/.test(f) ? 'card, link or comparison' : 'on export');
  for (const r of exports) line(`${r.file} (${when(r.file)})`, r);
  const wasm = first.find((r) => r.file.endsWith('_bg.wasm'));
  line('wasm engine alone', { raw: wasm.raw, gz: wasm.gz }, `   budget ${kb(BUDGET.wasm)}   (${wasm.gz} bytes)`);
  if (existsSync('dist/soc2-readiness.html')) {
    const [single] = measure(['dist/soc2-readiness.html']);
    line('dist/soc2-readiness.html (single file)', single);
  }
  const checks = [
    ['first screen', firstTotal.gz, BUDGET.firstScreen, CEILING.firstScreen],
    ['every visitor', total.gz, BUDGET.total, CEILING.total],
    ['wasm engine', wasm.gz, BUDGET.wasm, CEILING.wasm],
  ];
  let exceeded = false;
  for (const [name, size, budget, ceiling] of checks) {
    if (size <= budget) console.log(`  ${name}: within budget`);
    else if (size <= ceiling) console.log(`  ${name}: over budget by ${kb(size - budget).trim()} (ceiling ${kb(ceiling).trim()} holds)`);
    else {
      console.error(`  ${name}: ${kb(size).trim()} exceeds its ceiling ${kb(ceiling).trim()}`);
      exceeded = true;
    }
  }
  if (exceeded && process.argv.includes('--check')) process.exit(1);
}

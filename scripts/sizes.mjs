// Prints the gzipped size of what the page (www/index.html) downloads, and of the single-file
// build, by when the visitor needs it:
//   - a first visit's first screen, the start screen: the page, the element and the chunks it
//     imports statically, the Wasm engine (its question counts);
//   - what a screen of questions adds (a returning visitor's first screen, or every visitor's
//     once they choose): the catalog's first-screen text and the questionnaire's chunk;
//   - the help fetched right after (every visitor downloads it too);
//   - what loads only on demand (an export, an import, the report step or printing, the summary
//     view, the card, link or comparison).
// The element's source modules reach the page as one minified bundle, pkg/soc2-readiness.min.js
// (its stylesheets minified too), and its chunks; page.js as pkg/page.min.js.
//   node scripts/sizes.mjs [--check]   --check: exit 1 when a ceiling is exceeded
// Budgets (PRODUCT brief, issue 16): first screen ≤ 80 KB, everything every visitor downloads
// (first screen and help) ≤ 100 KB, Wasm engine ≤ 60 KB, all gzipped and counted here in KiB
// (1 KB = 1,024 bytes); exact byte counts are printed too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** `file` and the chunks it imports statically (`from"./x.js"`), transitively, in order. */
function withStaticImports(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const deps = [...text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => `www/pkg/${m[1]}`);
  return [file, ...deps.flatMap((d) => withStaticImports(d, seen))];
}
const chunk = (name) => readdirSync('www/pkg').filter((f) => new RegExp(`^soc2-readiness-${name}-[A-Z0-9]+\\.js$`).test(f)).map((f) => `www/pkg/${f}`);

const ELEMENT = 'www/pkg/soc2-readiness.min.js';
export const START_SCREEN = () => [
  'www/index.html',
  'www/page.css',
  'www/pkg/page.min.js',
  'www/favicon.svg',
  ...withStaticImports(ELEMENT),
  'www/pkg/soc2_readiness_bg.wasm',
];
/** What a screen of questions adds to the start screen's files. */
export const QUESTIONS = () => {
  const start = new Set(START_SCREEN());
  return ['www/pkg/catalog.json', ...chunk('questionnaire').flatMap((f) => withStaticImports(f))]
    .filter((f, i, all) => !start.has(f) && all.indexOf(f) === i);
};
export const AFTER_FIRST_SCREEN = ['www/pkg/catalog-help.json'];
/** Everything every visitor downloads (the start screen, the questions, the help). */
export const PAGE_FILES = () => [...START_SCREEN(), ...QUESTIONS(), ...AFTER_FIRST_SCREEN];
const onDemand = () => {
  const page = new Set(PAGE_FILES());
  return [
    ...readdirSync('www/pkg').filter((f) => /^soc2-readiness-.*\.js$/.test(f)).map((f) => `www/pkg/${f}`).filter((f) => !page.has(f)),
    'www/pkg/soc2_readiness_exports_bg.wasm',
  ];
};
export const BUDGET = { firstScreen: 80 * 1024, total: 100 * 1024, wasm: 60 * 1024 };
// The Wasm budget and the start screen's are met and enforced. A returning visitor's first
// screen (the questions) and the page in all are not (README "Performance" says where the bytes
// go): `--check` holds ceilings a little above the sizes measured, so that growth fails the
// test. History (2026-11-30): raised once for issue 14's features (first screen 100 → 102,
// every visitor 124 → 127 KiB); then issue 16 took the catalog and the questionnaire's views
// out of the start screen (102.0 → 79.5 KiB for a first visit), which costs the questions screen
// and the total 2.1 KiB more (two gzip streams and a chunk's imports instead of one bundle):
// ceilings 105 and 130 KiB. Issue 18 (languages): the exports' phrases moved into the catalog's
// help (+1.5 KiB for every visitor), and the page's words into message tables with their keys
// (English in the element's bundle and its chunks; +4.1 KiB for the questions screen and every
// visitor, the start screen kept within 80 KiB by moving the answering and export code into
// chunks): ceilings 109 and 136 KiB. Another language's visitor (printed, not budgeted) also
// downloads its words (i18n/de.json, 8.6 KiB) before the start screen, and its catalog and help
// in place of English's (German's are 3.1 and 7.3 KiB larger).
export const CEILING = { startScreen: BUDGET.firstScreen, questions: 109 * 1024, total: 136 * 1024, wasm: BUDGET.wasm };

export function measure(files) {
  return files.map((f) => {
    const bytes = readFileSync(f);
    return { file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KiB';
const sum = (rows) => rows.reduce((a, r) => ({ raw: a.raw + r.raw, gz: a.gz + r.gz }), { raw: 0, gz: 0 });

if (process.argv[1]?.endsWith('sizes.mjs')) {
  const required = ['www/index.html', ELEMENT, 'www/pkg/soc2_readiness_bg.wasm', 'www/pkg/catalog.json', ...AFTER_FIRST_SCREEN, 'www/pkg/soc2_readiness_exports_bg.wasm'];
  const missing = required.filter((f) => !existsSync(f));
  if (missing.length || !chunk('questionnaire').length) {
    console.error(`error: missing ${missing.join(', ') || 'the questionnaire chunk'}: run 'make build' first`);
    process.exit(1);
  }
  const start = measure(START_SCREEN());
  const questions = measure(QUESTIONS());
  const help = measure(AFTER_FIRST_SCREEN);
  const later = measure(onDemand());
  const line = (name, r, extra = '') => console.log(`  ${name.padEnd(64)} ${kb(r.raw)} ${kb(r.gz)}${extra}`);
  const budget = (b, total) => `   budget ${kb(b)}   (${total.gz} bytes)`;
  console.log('\nWhat the page downloads (gzip -9):');
  console.log(`  ${'file'.padEnd(64)}         raw        gzip`);
  for (const r of start) line(r.file, r);
  const startTotal = sum(start);
  line('first visit: the start screen', startTotal, budget(BUDGET.firstScreen, startTotal));
  for (const r of questions) line(`${r.file} (with the questions)`, r);
  const questionsTotal = sum([...start, ...questions]);
  line('returning visit: the questions and results', questionsTotal, budget(BUDGET.firstScreen, questionsTotal));
  for (const r of help) line(`${r.file} (after the first screen)`, r);
  const total = sum([...start, ...questions, ...help]);
  line('every visitor (all of the above)', total, budget(BUDGET.total, total));
  // The chunks loaded on demand: the report (its step or printing), the summary view, an import,
  // the card, link and comparison (share.js), the exports.
  const when = (f) => (/-report-/.test(f) ? 'report step or print' : /-summary-/.test(f) ? 'summary view'
    : /-import-/.test(f) ? 'on import' : /-share-/.test(f) ? 'card, link or comparison' : 'on export');
  for (const r of later) line(`${r.file} (${when(r.file)})`, r);
  // Another language's visitor (not budgeted; English's words stay in the bundle): its words
  // before the start screen, its catalog and help in place of English's.
  for (const tag of readdirSync('www/pkg/i18n').filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))) {
    const swap = (rows, from, to) => rows.map((r) => (r.file === from ? measure([to])[0] : r));
    const words = measure([`www/pkg/i18n/${tag}.json`]);
    const startTag = sum([...start, ...words]);
    const questionsTag = sum([...start, ...words, ...swap(questions, 'www/pkg/catalog.json', `www/pkg/catalog.${tag}.json`)]);
    const totalTag = sum([...start, ...words, ...swap(questions, 'www/pkg/catalog.json', `www/pkg/catalog.${tag}.json`), ...swap(help, 'www/pkg/catalog-help.json', `www/pkg/catalog-help.${tag}.json`)]);
    line(`${tag}: start screen (with www/pkg/i18n/${tag}.json)`, startTag, `   (${startTag.gz} bytes)`);
    line(`${tag}: questions and results (catalog.${tag}.json)`, questionsTag, `   (${questionsTag.gz} bytes)`);
    line(`${tag}: every visitor (catalog-help.${tag}.json)`, totalTag, `   (${totalTag.gz} bytes)`);
  }
  const wasm = start.find((r) => r.file.endsWith('_bg.wasm'));
  line('wasm engine alone', { raw: wasm.raw, gz: wasm.gz }, budget(BUDGET.wasm, wasm));
  if (existsSync('dist/soc2-readiness.html')) {
    const [single] = measure(['dist/soc2-readiness.html']);
    line('dist/soc2-readiness.html (single file)', single);
  }
  const checks = [
    ['start screen', startTotal.gz, BUDGET.firstScreen, CEILING.startScreen],
    ['questions screen', questionsTotal.gz, BUDGET.firstScreen, CEILING.questions],
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

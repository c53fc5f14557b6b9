// Makes www/pkg the npm package `soc2-readiness` (README "Embedding": npm) and puts the JSON Schema
// where the site serves it. Run by scripts/build.sh after the bundles (scripts/bundle.mjs).
//   - www/pkg/package.json: replaces the one wasm-pack writes (which lists only the engine glue)
//     with the element's package: exports, types, sideEffects, files;
//   - www/pkg/soc2-readiness.d.ts: the element's declarations (www/soc2-readiness.d.ts, whose
//     imports point into pkg/, rewritten for the package's flat layout);
//   - the schema: www/pkg/schema/assessment.schema.json (the package's copy, the one exports made
//     by the element name) and www/schema/assessment.schema.json (beside index.html: the
//     site-relative path `$schema` names in the CLI's exports).
//   node scripts/package.mjs [PKG_DIR]
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const pkg = process.argv[2] ?? 'www/pkg';
const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];

for (const dir of [`${pkg}/schema`, 'www/schema']) {
  mkdirSync(dir, { recursive: true });
  copyFileSync('schema/assessment.schema.json', `${dir}/assessment.schema.json`);
}
writeFileSync(`${pkg}/soc2-readiness.d.ts`, readFileSync('www/soc2-readiness.d.ts', 'utf8').replaceAll("'./pkg/", "'./"));
// wasm-pack's .gitignore ("*") has no place in a package.
rmSync(`${pkg}/.gitignore`, { force: true });

const chunks = readdirSync(pkg).filter((f) => /^(soc2-readiness|esm)-.*\.js$/.test(f));
if (!chunks.some((f) => f.startsWith('esm-'))) throw new Error(`${pkg} has no chunks of the ES module build: run scripts/bundle.mjs first`);

const manifest = {
  name: 'soc2-readiness',
  version: field('version'),
  description: 'SOC 2 readiness self-assessment for API companies as a web component (<soc2-readiness>): a Rust engine in WebAssembly, the control catalog, the JSON Schema of its documents',
  license: field('license'),
  keywords: ['soc2', 'compliance', 'web-component', 'custom-element', 'wasm', 'security', 'audit'],
  type: 'module',
  // The ES module for bundlers; the minified bundle for pages and CDNs (`soc2-readiness/min`).
  // Both define <soc2-readiness> when imported, and find the Wasm and the catalog beside them
  // (`new URL('./…', import.meta.url)`, which Vite, webpack and Rollup follow).
  exports: {
    '.': { types: './soc2-readiness.d.ts', default: './soc2-readiness.js' },
    './min': { types: './soc2-readiness.d.ts', default: './soc2-readiness.min.js' },
    './engine': { types: './soc2_readiness.d.ts', default: './soc2_readiness.js' },
    './catalog.json': './catalog.json',
    './catalog-help.json': './catalog-help.json',
    // The other languages' catalog text and page words (README "Languages").
    './catalog.*.json': './catalog.*.json',
    './catalog-help.*.json': './catalog-help.*.json',
    './i18n/*.json': './i18n/*.json',
    './schema/assessment.schema.json': './schema/assessment.schema.json',
    './soc2_readiness_bg.wasm': './soc2_readiness_bg.wasm',
    './soc2_readiness_exports_bg.wasm': './soc2_readiness_exports_bg.wasm',
    './package.json': './package.json',
  },
  module: './soc2-readiness.js',
  types: './soc2-readiness.d.ts',
  // Importing the element defines the custom element: keep it. The chunks and the engine glue
  // have no effect of their own.
  sideEffects: ['./soc2-readiness.js', './soc2-readiness.min.js'],
  files: [
    'soc2-readiness.js', 'soc2-readiness.min.js', 'esm-*.js', 'soc2-readiness-*.js', 'soc2-readiness.d.ts',
    'soc2_readiness.js', 'soc2_readiness.d.ts', 'soc2_readiness_types.d.ts', 'soc2_readiness_bg.wasm', 'soc2_readiness_bg.wasm.d.ts',
    'soc2_readiness_exports.js', 'soc2_readiness_exports.d.ts', 'soc2_readiness_exports_bg.wasm', 'soc2_readiness_exports_bg.wasm.d.ts',
    'catalog.json', 'catalog-help.json', 'catalog.*.json', 'catalog-help.*.json', 'i18n/*.json', 'schema/assessment.schema.json',
    'README.md', 'LICENSE-MIT', 'LICENSE-APACHE',
  ],
};
writeFileSync(`${pkg}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);

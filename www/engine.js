// What the element runs on, loaded once per page and shared by every element: the Wasm engine
// (an engine `Session` per element), the catalog it renders from (first-screen text, then the
// help), and on the first export the exports module. Sources sit beside this script by default
// (so the element works from any path or CDN: `import.meta.url`), or are bytes and text inlined
// by the single-file build through configureSources().

import init, { Session, limits } from './pkg/soc2_readiness.js';

// Literal `new URL('…', import.meta.url)`: the form bundlers (Vite, webpack, Rollup) recognise and
// copy. The bundles live inside pkg/ itself: scripts/bundle.mjs rewrites './pkg/' to './' here.
const sources = {
  wasm: new URL('./pkg/soc2_readiness_bg.wasm', import.meta.url),
  exportsWasm: new URL('./pkg/soc2_readiness_exports_bg.wasm', import.meta.url),
  catalog: new URL('./pkg/catalog.json', import.meta.url),
  help: new URL('./pkg/catalog-help.json', import.meta.url),
};

/** Where the published JSON Schema is served: beside the engine (the package carries it). */
export const schemaUrl = () => new URL('./pkg/schema/assessment.schema.json', import.meta.url).href;

/** Overrides where the engine loads from (URLs, bytes or text); call before the first element connects. */
export function configureSources({ wasm, exportsWasm, catalog, help } = {}) {
  if (wasm) sources.wasm = wasm;
  if (exportsWasm) sources.exportsWasm = exportsWasm;
  if (catalog) sources.catalog = catalog;
  if (help) sources.help = help;
}

async function json(source, what) {
  if (typeof source === 'string') return JSON.parse(source);
  const response = await fetch(source);
  if (!response.ok) throw new Error(`could not load the ${what} (${response.status} ${response.statusText})`);
  return response.json();
}

let engine;
let catalog;
let memory = null;

/**
 * The engine, once per page: `{ limits, Session }`. Compiled while it downloads (wasm-bindgen's
 * `init` instantiates streaming when the server sends `application/wasm`, and falls back to
 * bytes otherwise).
 */
export function loadEngine() {
  engine ??= (async () => {
    await null; // let a bootstrap script call configureSources() first
    const wasm = await init({ module_or_path: sources.wasm });
    memory = wasm.memory;
    return { limits: limits(), Session };
  })();
  return engine;
}

/**
 * The catalog's first-screen text (titles, questions, labels), once per page. A first visit's
 * start screen does without it: the element asks for it once that screen is painted.
 */
export function loadCatalog() {
  catalog ??= (async () => {
    await null; // as above
    return json(sources.catalog, 'catalog');
  })();
  return catalog;
}

/** Bytes of linear memory the shared engine holds. */
export const engineMemoryBytes = () => memory?.buffer.byteLength ?? 0;

let help;

/**
 * The catalog's help (why auditors ask, evidence, remediation, the glossary), merged into
 * `catalog` once per page. The first screen does without it; the element asks for it as soon as
 * its first screen is up, so it is there before anyone opens a help text.
 */
export function loadHelp(catalog) {
  help ??= json(sources.help, 'catalog help').then((h) => {
    if (h.version !== catalog.version) throw new Error(`catalog help ${h.version} does not match catalog ${catalog.version}; rebuild the site`);
    const byId = new Map(h.controls.map((c) => [c.id, c]));
    for (const c of catalog.controls) Object.assign(c, byId.get(c.id));
    catalog.glossary = h.glossary;
    return catalog;
  });
  return help;
}

let exportsModule;

/** The exports module (`render`, `oscalSet`), fetched and compiled on first use. */
export function loadExports() {
  exportsModule ??= import('./pkg/soc2_readiness_exports.js').then(async (m) => {
    await m.default({ module_or_path: sources.exportsWasm });
    return m;
  });
  return exportsModule;
}

// What the element runs on, loaded once per page and shared by every element: the Wasm engine
// (an engine `Session` per element), the catalog it renders from (first-screen text, then the
// help), and on the first export the exports module. Sources sit beside this script by default
// (so the element works from any path or CDN: `import.meta.url`), or are bytes and text inlined
// by the single-file build through configureSources().

import init, { Session, limits } from './pkg/soc2_readiness.js';

// Literal `new URL('…', import.meta.url)`: the form bundlers (Vite, webpack, Rollup) recognise and
// copy. The bundles live inside pkg/ itself: scripts/bundle.mjs rewrites './pkg/' to './' here.
// The catalog's text and the page's own words are per language (only the chosen one's files are
// fetched): English is `catalog.json` and the bundle's own words; another language `<tag>` is
// `catalog.<tag>.json` and `i18n/<tag>.json` (which the build copies into pkg/i18n/).
const sources = {
  wasm: new URL('./pkg/soc2_readiness_bg.wasm', import.meta.url),
  exportsWasm: new URL('./pkg/soc2_readiness_exports_bg.wasm', import.meta.url),
  catalog: { en: new URL('./pkg/catalog.json', import.meta.url), de: new URL('./pkg/catalog.de.json', import.meta.url) },
  help: { en: new URL('./pkg/catalog-help.json', import.meta.url), de: new URL('./pkg/catalog-help.de.json', import.meta.url) },
  messages: { de: new URL('./i18n/de.json', import.meta.url) },
};

/** Where the published JSON Schema is served: beside the engine (the package carries it). */
export const schemaUrl = () => new URL('./pkg/schema/assessment.schema.json', import.meta.url).href;

/** A source per language: `{ en, de }`, or one source (a URL or text), which is English's. */
const perLanguage = (given) => (given && typeof given === 'object' && !(given instanceof URL) ? given : { en: given });

/**
 * Overrides where the engine loads from (URLs, bytes or text); call before the first element
 * connects. `catalog`, `help` and `messages` take one source per language (`{ en, de }`); a
 * single catalog or help source is English's.
 */
export function configureSources({ wasm, exportsWasm, catalog, help, messages } = {}) {
  if (wasm) sources.wasm = wasm;
  if (exportsWasm) sources.exportsWasm = exportsWasm;
  if (catalog) Object.assign(sources.catalog, perLanguage(catalog));
  if (help) Object.assign(sources.help, perLanguage(help));
  if (messages) Object.assign(sources.messages, messages);
}

async function json(source, what) {
  if (typeof source === 'string') return JSON.parse(source);
  const response = await fetch(source);
  if (!response.ok) throw new Error(`could not load the ${what} (${response.status} ${response.statusText})`);
  return response.json();
}

let engine;
const catalogs = {};
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
 * The catalog's first-screen text (titles, questions, labels) in language `lang`, once per page
 * and language. A first visit's start screen does without it: the element asks for it once that
 * screen is painted.
 */
export function loadCatalog(lang = 'en') {
  catalogs[lang] ??= (async () => {
    await null; // as above
    return json(sources.catalog[lang], `catalog (${lang})`);
  })();
  return catalogs[lang];
}

/** Bytes of linear memory the shared engine holds. */
export const engineMemoryBytes = () => memory?.buffer.byteLength ?? 0;

const helps = new WeakMap();

/**
 * The catalog's help (why auditors ask, evidence, remediation, the glossary, the exports'
 * phrases) in language `lang`, merged into `catalog` (that language's, from loadCatalog) once
 * per page. The first screen does without it; the element asks for it as soon as its first
 * screen is up, so it is there before anyone opens a help text.
 */
export function loadHelp(catalog, lang = 'en') {
  if (!helps.has(catalog)) {
    helps.set(catalog, json(sources.help[lang], `catalog help (${lang})`).then((h) => {
      if (h.version !== catalog.version || h.language !== catalog.language) throw new Error(`catalog help ${h.version} (${h.language}) does not match catalog ${catalog.version} (${catalog.language}); rebuild the site`);
      const byId = new Map(h.controls.map((c) => [c.id, c]));
      for (const c of catalog.controls) Object.assign(c, byId.get(c.id));
      catalog.glossary = h.glossary;
      catalog.report = h.report;
      return catalog;
    }, (err) => {
      helps.delete(catalog); // tried again next time
      throw err;
    }));
  }
  return helps.get(catalog);
}

/** The page's words in language `lang` (not English, which the bundle carries), once per page. */
const messages = {};
export function loadMessages(lang) {
  messages[lang] ??= json(sources.messages[lang], `page text (${lang})`).catch((err) => {
    delete messages[lang];
    throw err;
  });
  return messages[lang];
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

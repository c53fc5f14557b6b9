// Entry of the single-file build (dist/soc2-readiness.html): the element with both Wasm modules
// and the catalog inlined, so the file works opened from disk with no network at all.
// __WASM_BASE64__, __EXPORTS_WASM_BASE64__, __CATALOG__, __HELP__ and __MESSAGES__ are replaced
// with literals by scripts/bundle.mjs (the catalog, its help and the page's words: every language's,
// as { en, de } of JSON texts).
import { configureSources } from '../../www/soc2-readiness.js';

/* global __WASM_BASE64__, __EXPORTS_WASM_BASE64__, __CATALOG__, __HELP__, __MESSAGES__ */
const bytes = (base64) => {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
};
// Runs before the element reads its sources: it waits a microtask after connecting.
configureSources({ wasm: bytes(__WASM_BASE64__), exportsWasm: bytes(__EXPORTS_WASM_BASE64__), catalog: __CATALOG__, help: __HELP__, messages: __MESSAGES__ });

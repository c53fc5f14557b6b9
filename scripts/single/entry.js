// Entry of the single-file build (dist/soc2-readiness.html): the element with its Wasm engine
// and catalog inlined, so the file works opened from disk with no network at all.
// __WASM_BASE64__ and __CATALOG__ are replaced with string literals by scripts/bundle.mjs.
import { configureSources } from '../../www/soc2-readiness.js';

/* global __WASM_BASE64__, __CATALOG__ */
const binary = atob(__WASM_BASE64__);
const wasm = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i++) wasm[i] = binary.charCodeAt(i);
// Runs before the element reads its sources: it waits a microtask after connecting.
configureSources({ wasm, catalog: __CATALOG__ });

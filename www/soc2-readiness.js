// <soc2-readiness>: the SOC 2 readiness questionnaire as one web component.
//
// Everything it shows comes from the engine (Wasm) and the catalog it was built from: question and
// help text live only in the catalog. The element never uses innerHTML: user text (notes, imported
// strings) reaches the DOM as text nodes only. Styles are a constructable stylesheet in an open
// shadow root, so it runs under `style-src 'self'` and host CSS cannot reach it.
//
// Host API (README "Embedding"): attributes mode, categories, storage-key, layout, start-date;
// property `assessment` (get/set the document) and `results`; events soc2-readiness-ready,
// soc2-readiness-change and soc2-readiness-export.

import init, * as engine from './pkg/soc2_readiness.js';
import { styles } from './styles.js';
import { AssessmentStore, legacyKey, storageKey } from './storage.js';
import { clipChars, countChars, utf8Bytes } from './text.js';

const ELEMENT = 'soc2-readiness';
const STATUS_LABELS = {
  implemented: 'Implemented',
  partial: 'Partially',
  planned: 'Planned',
  notImplemented: 'Not implemented',
  notApplicable: 'Not applicable',
};
const STATE_LABELS = { ...STATUS_LABELS, partial: 'Partially implemented', unanswered: 'Unanswered', inherited: 'Inherited from cloud provider' };
const BAND_LABELS = { auditReady: 'Audit-ready', findingsLikely: 'Findings likely', materialGaps: 'Material gaps', notReady: 'Not ready', notAssessed: 'Not assessed' };
const DISCLAIMER = 'A self-assessment, not an attestation: these answers are your own and no auditor has examined them.';
/** A 0–100 score as text; a set with no counted control has none. */
const scoreText = (v) => (v == null ? '–' : `${v} %`);
/** Whether records of operation (Type II evidence) can apply to an answer with this status. */
const takesEvidence = (status) => status === 'implemented' || status === 'partial';

// Where the engine and catalog come from: beside this script by default (so the element works from
// any path or CDN), or bytes and text inlined by the single-file build via configureSources().
// The minified bundle lives inside pkg/ itself; its build defines the directory as "./".
const PKG_DIR = globalThis.__SOC2_READINESS_PKG_DIR__ ?? './pkg/';
const sources = {
  wasm: new URL(`${PKG_DIR}soc2_readiness_bg.wasm`, import.meta.url),
  catalog: new URL(`${PKG_DIR}catalog.json`, import.meta.url),
};

/** Overrides where the engine loads from; call before the first element connects. */
export function configureSources({ wasm, catalog } = {}) {
  if (wasm) sources.wasm = wasm;
  if (catalog) sources.catalog = catalog;
}

let engineReady;
let engineMemory = null;
/** Loads the Wasm engine and the catalog once per page; every element shares them. */
function loadEngine() {
  engineReady ??= (async () => {
    await null; // let a bootstrap script call configureSources() first
    const catalogText = typeof sources.catalog === 'string'
      ? Promise.resolve(sources.catalog)
      : fetch(sources.catalog).then((r) => {
        if (!r.ok) throw new Error(`could not load the catalog (${r.status} ${r.statusText})`);
        return r.text();
      });
    const [text, exports] = await Promise.all([catalogText, init({ module_or_path: sources.wasm })]);
    engineMemory = exports.memory;
    const provided = engine.provideCatalogText(text);
    if (!provided.ok) throw new Error(`catalog: ${provided.error.message}`);
    return JSON.parse(text);
  })();
  return engineReady;
}

let sheet;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
  }
  return sheet;
}

/** Creates an element. `attrs` values: strings/booleans set attributes; functions (on*) listen. */
function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}

function bar(cls, valuePercent) {
  return h('svg:svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    h('svg:rect', { class: 'track', width: 100, height: 8, rx: 4 }),
    h('svg:rect', { class: cls, width: Math.max(0, Math.min(100, valuePercent)), height: 8, rx: 4 }));
}

function band(b) {
  return h('span', { class: `band b-${b}`, text: BAND_LABELS[b] ?? b });
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A size for messages, e.g. "4.2 MiB". */
const mib = (bytes) => `${Number((bytes / 1048576).toFixed(1))} MiB`;

/** The document part of an export (what import reads back), detached from it. */
function documentOf(result) {
  const { version, mode, profile, answers } = result;
  return structuredClone({ version, mode, profile, answers });
}

/** How a value handed to the `assessment` setter is described in its TypeError. */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value === 'undefined' ? '' : 'a '}${typeof value}`;
}

function download(name, type, content, root) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

let instances = 0;

export class Soc2Readiness extends HTMLElement {
  static observedAttributes = ['layout'];

  #root;
  #uid = `s${++instances}`;
  #catalog = null;
  #controls = new Map();
  #glossary = new Map();
  #doc = null;
  #result = null;
  #step = 'scope';
  #started = false;
  #limits = null;
  #store = null;
  /** Why saving is paused ('unreadable', 'conflict'), or null. Never silently: a notice says so. */
  #holdSaves = null;
  /** Changes made in this tab that are not saved yet. */
  #dirty = false;
  #saveNotice = null;
  #tabNotice = null;
  /** Bytes of the document as compact JSON (null: not measured since the last change). */
  #docBytes = null;
  #els = {};
  #selectedCriterion = null;
  #announceTimer = 0;
  #saveTimer = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styleSheet()];
  }

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    this.#root.replaceChildren(h('p', { class: 'loading', role: 'status', text: 'Loading the SOC 2 readiness assessment…' }));
    loadEngine().then((catalog) => this.#start(catalog)).catch((err) => this.#fatal(err));
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'layout' && value != null && value !== 'compact' && value !== 'full') {
      console.warn(`<${ELEMENT}>: layout="${value}" is not "compact" or "full"; using the default layout`);
    }
  }

  /** The assessment document (profile and answers), as exported. A copy. */
  get assessment() {
    return this.#doc ? structuredClone(this.#doc) : null;
  }

  /** Replaces the assessment. Throws a TypeError naming the JSON path when it is invalid. */
  set assessment(doc) {
    if (!this.#catalog) throw new Error(`<${ELEMENT}> is not ready yet; wait for the soc2-readiness-ready event`);
    let text = doc;
    if (typeof doc !== 'string') {
      try {
        text = JSON.stringify(doc);
      } catch (err) {
        throw new TypeError(`$: the assessment cannot be read as JSON (${err.message})`);
      }
      if (typeof text !== 'string') throw new TypeError(`$: expected an assessment document (an object or JSON text), got ${describe(doc)}`);
    }
    const r = engine.importDocument(text);
    if (!r.ok) throw new TypeError(`${r.error.path}: ${r.error.message}`);
    const failed = this.#setDocument(r.value.document);
    if (failed) throw new TypeError(`${failed.path}: ${failed.message}`);
  }

  /** Bytes of linear memory the (shared) Wasm engine holds; for monitoring and benchmarks. */
  get engineMemoryBytes() {
    return engineMemory?.buffer.byteLength ?? 0;
  }

  /** The latest results: the document with readiness, blockers, gaps, timeline. A copy. */
  get results() {
    return this.#result ? structuredClone(this.#result) : null;
  }

  // ---- start-up --------------------------------------------------------------------------

  #fatal(err) {
    console.error(`<${ELEMENT}>:`, err);
    this.#root.replaceChildren(h('div', { class: 'notice error', role: 'alert' },
      h('p', { text: `The assessment could not start: ${err?.message ?? err}. Reload the page; if it persists, the site's copy of the engine is incomplete.` })));
  }

  #attr(name, allowed, fallback) {
    const v = this.getAttribute(name);
    if (v == null || v === '') return fallback;
    if (allowed(v)) return v;
    console.warn(`<${ELEMENT}>: ignoring ${name}="${v}"; using the default`);
    return fallback;
  }

  #start(catalog) {
    this.#catalog = catalog;
    this.#limits = catalog.limits;
    for (const c of catalog.controls) this.#controls.set(c.id, c);
    for (const t of catalog.glossary) this.#glossary.set(t.id, t);
    const where = [this.getAttribute('storage-key'), this.getAttribute('storage-scope'), globalThis.location?.protocol];
    const { key, warning } = storageKey(...where);
    if (warning) console.warn(`<${ELEMENT}>: ${warning}`);
    this.#store = key ? new AssessmentStore(key) : null;
    this.#buildShell();
    const restored = this.#restore(legacyKey(...where));
    const failed = restored && this.#setDocument(restored.document);
    if (failed) this.#rescue(restored.raw, failed);
    if (!restored || failed) {
      const error = this.#setDocument(this.#newDocument(), { save: false });
      if (error) throw new Error(`${error.path}: ${error.message}`);
    } else {
      // Import warnings (unknown fields) and the engine's (answers to unknown ids, …) alike.
      const warnings = restored.warnings.concat(this.#result.warnings);
      if (warnings.length) this.#notice('warning', `Restored your saved assessment with notes: ${warnings.map((w) => `${w.path}: ${w.message}`).join('; ')}`);
    }
    this.#store?.watch((raw) => this.#onStored(raw));
    // Hosts and the benchmark read this: first questions and scores are in the DOM.
    performance.mark('soc2-readiness:ready');
    this.dispatchEvent(new CustomEvent('soc2-readiness-ready', { bubbles: true, composed: true, detail: { results: this.results } }));
  }

  #newDocument() {
    const start = this.#attr('start-date', (v) => engine.newDocument(v).ok, today());
    const r = engine.newDocument(start);
    const doc = r.ok ? r.value : engine.newDocument(today()).value;
    doc.mode = this.#attr('mode', (v) => v === 'quick' || v === 'full', 'full');
    const known = new Set(this.#catalog.categories.map((c) => c.id));
    for (const name of (this.getAttribute('categories') ?? '').split(/[\s,]+/).filter(Boolean)) {
      if (!known.has(name)) console.warn(`<${ELEMENT}>: ignoring unknown category "${name}" in categories`);
      else if (!doc.profile.categories.includes(name)) doc.profile.categories.push(name);
    }
    return doc;
  }

  // ---- persistence -----------------------------------------------------------------------

  /** The saved assessment: { document, warnings, raw }, or null (nothing usable saved). */
  #restore(legacy) {
    if (!this.#store) return null;
    let read = this.#store.read();
    if (read.error) {
      this.#store = null;
      this.#notice('warning', 'This browser is not letting the page save (private mode or storage blocked). Your answers stay in this tab only: export JSON to keep them.');
      return null;
    }
    // Saved by an earlier version under the key this store replaced (copied, never moved).
    if (read.raw == null && legacy) read = this.#store.read(legacy);
    const raw = read.raw;
    if (raw == null) return null;
    const r = engine.importDocument(raw);
    if (r.ok) return { document: r.value.document, warnings: r.value.warnings, raw };
    this.#rescue(raw, r.error);
    return null;
  }

  /**
   * Saved data that cannot be read is never discarded: it is copied aside (never over an earlier
   * copy) and offered for download. When there is no room for a copy, it stays where it is and
   * nothing is saved over it until the user has downloaded it or chosen to discard it.
   */
  #rescue(raw, error) {
    const kept = this.#store.rescue(raw);
    const why = `Your saved assessment could not be restored (${error.path}: ${error.message}).`;
    const offer = (then) => h('button', { class: 'btn small', type: 'button', text: 'Download the saved data', onclick: () => {
      download('soc2-readiness-saved-data.json', 'application/json', raw, this.#root);
      then?.();
    } });
    if (kept.key) {
      this.#notice('error', `${why} A fresh assessment was started; the saved data is kept aside in this browser (${kept.key}) and can be downloaded.`, offer());
      return;
    }
    this.#holdSaves = 'unreadable';
    const reason = kept.quota ? 'the browser\'s storage for this site is full' : kept.error?.message ?? 'storage refused it';
    const note = this.#notice('error', `${why} It could not be copied aside (${reason}), so it stays where it is and nothing will be saved over it until you download it or discard it. A fresh assessment was started in this tab.`,
      offer(() => release('Downloaded. Your answers are saved in this browser again.')),
      h('button', { class: 'btn small', type: 'button', text: 'Discard it and save my answers', onclick: () => release('Your answers are saved in this browser again.') }),
      { dismiss: false });
    const release = (message) => {
      if (this.#holdSaves !== 'unreadable') return;
      this.#holdSaves = null;
      note.remove();
      this.#notice('info', message);
      this.#save();
    };
  }

  #save() {
    clearTimeout(this.#saveTimer);
    if (!this.#store || this.#holdSaves) return;
    const w = this.#store.write(JSON.stringify(this.#doc));
    if (w.ok) {
      this.#dirty = false;
      this.#saveNotice?.remove();
      this.#saveNotice = null;
      return;
    }
    if (this.#saveNotice?.isConnected) return;
    this.#saveNotice = this.#notice('warning', w.quota
      ? 'Your latest answers could not be saved: this browser\'s storage for this site is full, so what is saved is an earlier version. What you see stays in this tab: export JSON to keep it.'
      : `Your answers can no longer be saved in this browser (${w.error?.name ?? 'storage blocked'}). They stay in this tab: export JSON to keep them.`);
  }

  #scheduleSave() {
    this.#dirty = true;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#save(), 300);
  }

  /** Another tab or window saved this assessment: take its version, or ask when both changed. */
  #onStored(raw) {
    if (this.#holdSaves === 'conflict') return; // the open question reads the latest version
    if (this.#holdSaves || this.#dirty) {
      this.#conflict();
      return;
    }
    const r = engine.importDocument(raw);
    const failed = r.ok ? this.#setDocument(r.value.document, { save: false }) : r.error;
    if (failed) {
      this.#conflict(`The version saved there cannot be read here (${failed.path}: ${failed.message}).`);
      return;
    }
    this.#store.last = raw;
    this.#tabNotice?.remove();
    this.#tabNotice = this.#notice('info', 'Updated with the changes saved in another tab or window.');
  }

  #conflict(detail = '') {
    clearTimeout(this.#saveTimer);
    if (this.#holdSaves === 'unreadable') return; // already holding; its notice stays
    this.#holdSaves = 'conflict';
    this.#tabNotice?.remove();
    const resolve = () => { this.#holdSaves = null; note.remove(); };
    const note = this.#notice('warning', `This assessment was also changed in another tab or window. ${detail} Nothing is saved here until you choose which version to keep.`,
      h('button', { class: 'btn small', type: 'button', text: 'Use the other version', 'data-choice': 'theirs', onclick: () => {
        const read = this.#store.read();
        const r = read.raw == null ? null : engine.importDocument(read.raw);
        const failed = !r ? { path: '$', message: 'nothing is saved there any more' } : r.ok ? this.#setDocument(r.value.document, { save: false }) : r.error;
        if (failed) {
          this.#notice('error', `The other version cannot be used (${failed.path}: ${failed.message}); this tab's version is kept.`);
          return;
        }
        this.#dirty = false;
        resolve();
      } }),
      h('button', { class: 'btn small', type: 'button', text: 'Keep this version', 'data-choice': 'mine', onclick: () => { resolve(); this.#save(); } }),
      h('button', { class: 'btn small', type: 'button', text: 'Download this version', onclick: () => this.#export('json') }),
      { dismiss: false });
  }

  // ---- document changes ------------------------------------------------------------------

  /**
   * Replaces the document, all or nothing: when the engine refuses it, nothing changes (state,
   * view, storage) and the engine's error is returned for the caller to report; null otherwise.
   */
  #setDocument(doc, { save = true } = {}) {
    const r = engine.assess(doc);
    if (!r.ok) return r.error;
    this.#doc = doc;
    this.#result = r.value;
    this.#docBytes = null;
    if (!this.#steps().includes(this.#step)) this.#step = 'scope';
    this.#renderAll();
    if (save) this.#save();
    return null;
  }

  /** After any answer or profile change: recompute, update the results and tell the host. */
  #changed({ rerenderStep = false } = {}) {
    const r = engine.assess(this.#doc);
    if (!r.ok) {
      // Undo the change everywhere: the last assessed document is in the results.
      this.#doc = documentOf(this.#result);
      this.#renderAll();
      this.#notice('error', `That change could not be applied (${r.error.path}: ${r.error.message}); nothing was changed.`);
      return;
    }
    this.#result = r.value;
    this.#docBytes = null;
    if (rerenderStep) this.#renderStep({ focus: false });
    this.#renderNav();
    this.#renderResults();
    this.#scheduleSave();
    this.#announce();
    this.dispatchEvent(new CustomEvent('soc2-readiness-change', { bubbles: true, composed: true, detail: { results: this.results } }));
  }

  #answer(id) {
    return this.#doc.answers[id];
  }

  #setStatus(id, status) {
    const prev = this.#answer(id);
    const evidence = takesEvidence(status) && (prev?.evidence ?? false);
    // A note typed before the first answer is only in its textarea so far: keep it.
    const typed = prev ? null : clipChars(this.#root.querySelector(`textarea[data-note="${CSS.escape(id)}"]`)?.value ?? '', this.#limits.noteChars);
    this.#doc.answers[id] = { status, evidence, note: prev?.note ?? typed ?? '' };
    const ev = this.#root.getElementById(`${this.#uid}-ev-${id}`);
    if (ev) {
      ev.disabled = !takesEvidence(status);
      ev.checked = evidence;
    }
    this.#changed();
  }

  // ---- layout ----------------------------------------------------------------------------

  #buildShell() {
    const uid = this.#uid;
    const mode = h('div', { class: 'mode', role: 'radiogroup', 'aria-label': 'Assessment mode' },
      ...[['quick', 'Quick check'], ['full', 'Full assessment']].map(([value, label]) =>
        h('label', {}, h('input', { type: 'radio', name: `${uid}-mode`, value, onchange: () => this.#setMode(value) }), h('span', { text: label }))));
    const exportMenu = h('details', { class: 'menu' },
      h('summary', { class: 'btn', text: 'Export' }),
      h('div', { class: 'menu-list' },
        h('button', { type: 'button', class: 'btn', 'data-format': 'json', text: 'Assessment (JSON, re-importable)' }),
        h('button', { type: 'button', class: 'btn', 'data-format': 'markdown', text: 'Summary for a wiki (Markdown)' }),
        h('button', { type: 'button', class: 'btn', 'data-format': 'csv', text: 'Gaps for an issue tracker (CSV)' }),
        h('button', { type: 'button', class: 'btn', 'data-format': 'oscal', text: 'OSCAL assessment results (JSON)' }),
        h('button', { type: 'button', class: 'btn', 'data-format': 'print', text: 'Print or save as PDF' })));
    exportMenu.addEventListener('click', (e) => {
      const format = e.target.closest('button')?.dataset.format;
      if (!format) return;
      exportMenu.open = false;
      this.#export(format);
    });
    const file = h('input', { type: 'file', accept: 'application/json,.json', hidden: true, onchange: (e) => this.#importFile(e.target) });
    const reset = h('span', { class: 'confirm' },
      h('button', { type: 'button', class: 'btn', text: 'Start over', onclick: () => this.#confirmReset(true) }));
    const progressText = h('span', {});
    const progressBar = bar('fill', 0);
    const live = h('p', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });

    // Below 1120 px of width the step list folds into a menu, so the questions come first.
    const stepList = h('ol');
    const stepSummary = h('summary', { class: 'steps-summary' });
    const stepMenu = h('details', { open: true }, stepSummary, stepList);
    const nav = h('nav', { class: 'steps', 'aria-label': 'Assessment steps' }, stepMenu);
    const main = h('main', { class: 'step', 'aria-live': 'off' });
    const results = h('aside', { class: 'results', 'aria-labelledby': `${uid}-results-h` });
    const notices = h('div', { class: 'notices' });
    const printArea = h('div', { class: 'print-area print-only' });

    this.#root.replaceChildren(h('div', { class: 'app' },
      h('header', { class: 'top' },
        h('h1', {}, 'SOC 2 readiness', h('small', { text: 'Self-assessment for API companies. Your answers stay in this browser.' })),
        h('div', { class: 'actions' }, mode,
          h('button', { type: 'button', class: 'btn', text: 'Import', onclick: () => file.click() }), file,
          exportMenu, reset)),
      h('div', { class: 'progress' }, progressText, progressBar),
      notices,
      h('div', { class: 'layout' }, nav, main, results),
      live),
    printArea);
    Object.assign(this.#els, { mode, nav, stepList, stepSummary, stepMenu, main, results, notices, progressText, progressBar, live, reset, printArea });
    this.#buildResults();
    if (this.clientWidth && this.clientWidth < 760) this.#els.toggle.click();
    if (this.#narrowNav()) stepMenu.open = false;
    // A menu folded while narrow opens again when the element grows wide (its summary is hidden).
    new ResizeObserver(() => { if (!this.#narrowNav()) stepMenu.open = true; }).observe(this);
    main.addEventListener('change', (e) => this.#onChange(e));
    main.addEventListener('input', (e) => this.#onInput(e));
    globalThis.addEventListener?.('beforeprint', () => this.#renderReport(printArea));
  }

  #renderAll() {
    for (const input of this.#els.mode.querySelectorAll('input')) input.checked = input.value === this.#doc.mode;
    this.#renderNav();
    this.#renderStep({ focus: false });
    this.#renderResults();
  }

  /** Shows a notice; a last argument `{ dismiss: false }` leaves out its Dismiss button. */
  #notice(kind, message, ...extra) {
    const options = extra.at(-1)?.dismiss === false ? extra.pop() : {};
    const note = h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
      h('p', { text: message }), ...extra,
      options.dismiss !== false && h('button', { type: 'button', class: 'btn small', text: 'Dismiss', onclick: () => note.remove() }));
    this.#els.notices?.append(note);
    return note;
  }

  #clearNotices(kind) {
    for (const n of this.#els.notices.querySelectorAll(`.notice.${kind}`)) n.remove();
  }

  // ---- steps -----------------------------------------------------------------------------

  /** Step ids: the scope, each section with questions for this profile and mode, the report. */
  #steps() {
    const asked = this.#result.readiness.sections;
    return ['scope', ...this.#catalog.sections.filter((s) => asked[s.id]).map((s) => s.id), 'report'];
  }

  #stepTitle(id) {
    if (id === 'scope') return 'Scope';
    if (id === 'report') return 'Report';
    return this.#catalog.sections.find((s) => s.id === id)?.title ?? id;
  }

  /** Whether the step list is shown as a folding menu (narrow layouts). */
  #narrowNav() {
    return this.getAttribute('layout') === 'compact' || (this.clientWidth > 0 && this.clientWidth < 1120);
  }

  #go(step) {
    this.#step = step;
    if (this.#narrowNav()) this.#els.stepMenu.open = false;
    this.#renderNav();
    this.#renderStep({ focus: true });
  }

  #renderNav() {
    const sections = this.#result.readiness.sections;
    const items = this.#steps().map((id) => {
      const s = sections[id];
      const count = s ? `${s.counts.answered}/${s.counts.asked}` : '';
      return h('li', { class: s && s.counts.answered === s.counts.asked ? 'done' : null },
        h('button', { type: 'button', 'data-step': id, 'aria-current': id === this.#step ? 'step' : null, onclick: () => this.#go(id) },
          h('span', { text: this.#stepTitle(id) }),
          count && h('span', { class: 'count', text: count, 'aria-label': `${s.counts.answered} of ${s.counts.asked} answered` })));
    });
    this.#keepFocus('step', () => this.#els.stepList.replaceChildren(...items));
    const steps = this.#steps();
    const current = sections[this.#step];
    this.#els.stepSummary.textContent = `Step ${steps.indexOf(this.#step) + 1} of ${steps.length}: ${this.#stepTitle(this.#step)}${current ? ` (${current.counts.answered}/${current.counts.asked})` : ''}`;
    const o = this.#result.readiness.overall;
    this.#els.progressText.textContent = `${o.counts.answered} of ${o.counts.asked} questions answered (${o.completion ?? 0} %)${this.#result.estimate ? ' · quick check' : ''}`;
    this.#els.progressBar.lastChild.setAttribute('width', o.completion ?? 0);
  }

  #renderStep({ focus }) {
    const main = this.#els.main;
    const steps = this.#steps();
    const i = steps.indexOf(this.#step);
    let body;
    if (this.#step === 'scope') body = this.#scopeForm();
    else if (this.#step === 'report') body = this.#reportView();
    else body = this.#sectionView(this.#step);
    const heading = h('h2', { tabindex: '-1', text: this.#stepTitle(this.#step) });
    const prev = steps[i - 1];
    const next = steps[i + 1];
    main.replaceChildren(
      h('div', { class: 'step-head' }, heading, body.intro),
      body.content,
      h('div', { class: 'pager' },
        prev ? h('button', { type: 'button', class: 'btn', text: `← ${this.#stepTitle(prev)}`, onclick: () => this.#go(prev) }) : h('span'),
        next ? h('button', { type: 'button', class: 'btn primary', text: `${this.#stepTitle(next)} →`, onclick: () => this.#go(next) }) : h('span')));
    if (focus) {
      heading.focus();
      if (this.getBoundingClientRect().top < 0) heading.scrollIntoView({ block: 'start' });
    }
  }

  #scopeForm() {
    const p = this.#doc.profile;
    const id = (name) => `${this.#uid}-p-${name}`;
    const num = (name, label, hint, min) => h('div', { class: 'field' },
      h('label', { for: id(name), text: label }),
      h('input', { id: id(name), type: 'number', inputmode: 'numeric', min, max: this.#limits.maxCount, step: 1, value: p[name], 'data-profile': name, 'aria-describedby': `${id(name)}-hint` }),
      h('span', { class: 'hint', id: `${id(name)}-hint`, text: hint }));
    const text = (name, label, hint) => h('div', { class: 'field' },
      h('label', { for: id(name), text: label }),
      // No maxlength: it counts UTF-16 units, the engine counts characters (see #onInput).
      h('input', { id: id(name), type: 'text', value: p[name], 'data-profile': name, autocomplete: 'off', 'aria-describedby': `${id(name)}-hint` }),
      h('span', { class: 'hint', id: `${id(name)}-hint`, text: hint }));
    const check = (name, label) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', 'data-profile': name, checked: !!p[name] }), h('span', { text: label }));

    const cats = h('fieldset', {}, h('legend', { text: 'Trust Services categories in scope' }),
      h('div', { class: 'cats' }, ...this.#catalog.categories.map((c) => h('div', {},
        h('label', { class: 'check' },
          h('input', { type: 'checkbox', 'data-category': c.id, checked: c.required || p.categories.includes(c.id), disabled: c.required, 'aria-describedby': `${id(c.id)}-hint` }),
          h('span', { text: c.required ? `${c.title} (always in scope)` : c.title })),
        h('p', { class: 'hint muted', id: `${id(c.id)}-hint`, text: c.summary })))));
    const windowSet = h('fieldset', {}, h('legend', { text: 'Type II observation window' }),
      h('div', { class: 'options' }, ...this.#limits.observationWindows.map((m) => h('label', {},
        h('input', { type: 'radio', name: `${this.#uid}-window`, value: m, checked: p.observationMonths === m, 'data-profile': 'observationMonths' }),
        h('span', { text: `${m} months` })))),
      h('p', { class: 'muted', text: 'How long the auditor observes your controls operating. 3 or 6 months is common for a first report.' }));
    return {
      intro: h('p', { text: 'Tell us what the audit covers. This decides which questions apply and drives the timeline.' }),
      content: h('div', { class: 'form' },
        cats,
        h('fieldset', {}, h('legend', { text: 'Your API surface' }),
          h('div', { class: 'fields' },
            num('endpoints', 'API endpoints', 'Public and internal endpoints in scope.', 0),
            num('apiVersions', 'Live API versions', 'Versions customers can still call.', 1),
            num('integrations', 'Third-party integrations', 'Sub-processors and services your API depends on.', 0),
            num('regions', 'Countries or regions with data', 'Where customer data is processed or stored.', 1))),
        h('fieldset', {}, h('legend', { text: 'Team and hosting' }),
          h('div', { class: 'fields' },
            num('teamSize', 'Engineers and operators', 'People who can work on remediation.', 1),
            text('organization', 'Organisation', 'Shown on reports.'),
            text('complianceOwner', 'Compliance owner', 'Accountable for the programme.'),
            text('cloudProvider', 'Cloud provider', 'For example AWS, Google Cloud, Azure.')),
          check('cloudHosted', 'We run on a cloud provider'),
          check('cloudProviderSoc2', 'Our cloud provider has its own SOC 2 report (we inherit its data-centre controls)')),
        h('fieldset', {}, h('legend', { text: 'Timing' }),
          h('div', { class: 'fields' }, h('div', { class: 'field' },
            h('label', { for: id('startDate'), text: 'Start date' }),
            h('input', { id: id('startDate'), type: 'date', required: true, min: this.#limits.startDateMin, max: this.#limits.startDateMax, value: p.startDate, 'data-profile': 'startDate', 'aria-describedby': `${id('startDate')}-hint` }),
            h('span', { class: 'hint', id: `${id('startDate')}-hint`, text: 'When remediation starts; the timeline counts from it.' })))),
        windowSet),
    };
  }

  #sectionView(sectionId) {
    const section = this.#catalog.sections.find((s) => s.id === sectionId);
    const asked = this.#result.readiness.sections[sectionId]?.controls ?? [];
    const criteria = new Map(this.#catalog.criteria.map((c) => [c.id, c]));
    const standings = this.#result.standings;
    const reportControl = this.#controls.get(this.#catalog.providerReportControl);
    const cards = asked.map((cid) => {
      const c = this.#controls.get(cid);
      const a = this.#answer(cid);
      const base = `${this.#uid}-${cid}`;
      const statuses = Object.keys(STATUS_LABELS).filter((s) => s !== 'notApplicable' || c.allowsNotApplicable);
      const evidenceOn = a && takesEvidence(a.status);
      return h('fieldset', { class: 'control', id: base, 'data-control': cid },
        h('legend', { id: `${base}-q`, text: c.question }),
        h('div', { class: 'tags' },
          c.critical && h('span', { class: 'tag critical', text: 'Critical' }),
          h('span', { class: 'tag', text: c.title }),
          h('span', { class: 'tag', text: c.criteria.join(' · '), title: c.criteria.map((k) => `${k}: ${criteria.get(k)?.title ?? ''}`).join('\n') })),
        standings[cid]?.state === 'inherited' && h('p', { class: 'inherited', text: `Counted as in place from your cloud provider’s SOC 2 report, while “${reportControl?.title}” is not answered planned or not implemented. Answer to override.` }),
        c.inherited && !a && standings[cid]?.state === 'unanswered' && this.#doc.profile.cloudProviderSoc2 && h('p', { class: 'inherited', text: `Not credited from your provider’s report: “${reportControl?.title}” says the report is not on record yet.` }),
        h('div', { class: 'options' }, ...statuses.map((s) => h('label', {},
          h('input', { type: 'radio', name: base, value: s, checked: a?.status === s, 'data-status': cid }),
          h('span', { text: STATUS_LABELS[s] })))),
        h('label', { class: 'check' },
          h('input', { type: 'checkbox', id: `${this.#uid}-ev-${cid}`, 'data-evidence': cid, checked: !!a?.evidence, disabled: !evidenceOn }),
          h('span', { text: 'We have records of this operating over time (needed for Type II)' })),
        h('details', { class: 'help' }, h('summary', { text: 'Why it matters, evidence, how to fix' }),
          h('dl', {},
            h('dt', { text: 'Why auditors ask' }), h('dd', { text: c.why }),
            h('dt', { text: 'Evidence to collect' }), h('dd', { text: c.evidence }),
            h('dt', { text: 'How to put it in place' }), h('dd', { text: c.remediation }),
            ...c.glossary.flatMap((t) => {
              const term = this.#glossary.get(t);
              return term ? [h('dt', { text: term.term }), h('dd', { text: term.definition })] : [];
            }))),
        h('div', { class: 'note' }, h('label', {}, 'Note (optional)',
          // No maxlength: it counts UTF-16 units, the engine characters (see #onInput).
          h('textarea', { 'data-note': cid, rows: 1, text: a?.note ?? '', 'aria-describedby': `${base}-count` })),
        h('span', { class: 'hint char-count', id: `${base}-count`, 'data-count': cid, 'aria-live': 'polite', hidden: true })),
        a && h('button', { type: 'button', class: 'btn small', text: 'Clear answer', onclick: () => { delete this.#doc.answers[cid]; this.#changed({ rerenderStep: true }); } }));
    });
    return { intro: h('p', { text: section?.summary ?? '' }), content: h('div', { class: 'form' }, ...cards) };
  }

  #onChange(e) {
    const t = e.target;
    if (t.dataset.status) this.#setStatus(t.dataset.status, t.value);
    else if (t.dataset.evidence) {
      const a = this.#answer(t.dataset.evidence);
      if (a) { a.evidence = t.checked; this.#changed(); }
    } else if (t.dataset.category) {
      const cats = new Set(this.#doc.profile.categories);
      t.checked ? cats.add(t.dataset.category) : cats.delete(t.dataset.category);
      this.#doc.profile.categories = this.#catalog.categories.map((c) => c.id).filter((c) => cats.has(c) || c === 'security');
      this.#changed();
    } else if (t.dataset.profile) this.#setProfile(t);
  }

  #onInput(e) {
    const t = e.target;
    if (t.dataset.note) {
      const id = t.dataset.note;
      const limit = this.#limits.noteChars;
      const value = this.#clipInput(t, limit);
      const a = this.#answer(id);
      if (a && !this.#fits(a.note, value)) {
        t.value = a.note;
        this.#notice('error', `This assessment has reached its size limit (${mib(this.#limits.documentBytes)} of text as saved), so the note was not lengthened. Shorten other notes first.`);
      } else if (a) {
        a.note = value;
        // Notes do not change scores, but `results` carries the answers: keep its copy in step.
        const ra = this.#result?.answers?.[id];
        if (ra) ra.note = a.note;
        this.#scheduleSave();
      }
      const n = countChars(t.value);
      const count = this.#root.querySelector(`[data-count="${CSS.escape(id)}"]`);
      if (count) {
        count.hidden = n < limit * 0.9;
        count.textContent = `${n} of ${limit} characters${value !== t.value || n < limit ? '' : ' (the limit)'}`;
      }
    } else if (t.dataset.profile && t.type === 'text') {
      this.#clipInput(t, this.#limits.nameChars);
    }
  }

  /** Cuts an input's text to `limit` characters, at a character boundary; returns the text. */
  #clipInput(input, limit) {
    const value = clipChars(input.value, limit);
    if (value !== input.value) input.value = value;
    return value;
  }

  /** Whether replacing `before` with `after` in a note keeps the document within its size. */
  #fits(before, after) {
    const grows = utf8Bytes(JSON.stringify(after)) - utf8Bytes(JSON.stringify(before));
    if (grows <= 0) {
      if (this.#docBytes != null) this.#docBytes += grows;
      return true;
    }
    this.#docBytes ??= utf8Bytes(JSON.stringify(this.#doc));
    if (this.#docBytes + grows > this.#limits.documentBytes) return false;
    this.#docBytes += grows;
    return true;
  }

  #setProfile(input) {
    const name = input.dataset.profile;
    const p = this.#doc.profile;
    const before = p[name];
    if (input.type === 'checkbox') p[name] = input.checked;
    else if (input.type === 'number' || name === 'observationMonths') {
      const n = Number(input.value);
      const max = this.#limits.maxCount;
      if (!Number.isInteger(n) || n < Number(input.min || 0) || n > max) {
        input.setCustomValidity(`Enter a whole number from ${input.min || 0} to ${max}.`);
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      p[name] = n;
    } else if (name === 'startDate') {
      if (!engine.newDocument(input.value).ok) {
        input.setCustomValidity(`Enter a date from ${this.#limits.startDateMin} to ${this.#limits.startDateMax}.`);
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      p[name] = input.value;
    } else p[name] = this.#clipInput(input, this.#limits.nameChars);
    if (before !== p[name]) this.#changed();
  }

  #setMode(mode) {
    if (this.#doc.mode === mode) return;
    this.#doc.mode = mode;
    this.#changed();
    if (!this.#steps().includes(this.#step)) this.#step = 'scope';
    this.#renderNav();
    this.#renderStep({ focus: false });
  }

  // ---- results ---------------------------------------------------------------------------

  #buildResults() {
    const uid = this.#uid;
    const meter = (label) => {
      const value = h('span', { class: 'value' });
      const svg = bar('fill', 0);
      const bandSlot = h('span', { class: 'band' });
      return { el: h('div', { class: 'meter' }, h('span', { class: 'label', text: label }), value, svg, bandSlot), value, svg, bandSlot };
    };
    const design = meter('Type I · design readiness');
    const operating = meter('Type II · operating readiness');
    const body = h('div', { class: 'results-body', id: `${uid}-results-body` });
    const toggle = h('button', { type: 'button', class: 'btn small results-toggle', 'aria-expanded': 'true', 'aria-controls': body.id, text: 'Hide', onclick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? 'Hide' : 'Show';
      body.hidden = !open;
    } });
    const summary = h('span', { class: 'summary', 'aria-hidden': 'true' });
    const head = h('div', { class: 'results-head' }, h('h2', { id: `${uid}-results-h`, text: 'Readiness' }), summary, toggle);
    const estimate = h('p', { class: 'estimate', hidden: true });
    const completion = h('p', { class: 'muted' });
    const caps = h('ul', { class: 'caps' });
    const categories = h('tbody');
    const blockers = h('ul', { class: 'list' });
    const blockersHead = h('h3');
    const gaps = h('ol', { class: 'list' });
    const cells = h('div', { class: 'cells', role: 'group', 'aria-label': 'Readiness by criterion' });
    const cellDetail = h('div', { class: 'cell-detail', 'aria-live': 'polite' }, h('p', { class: 'muted', text: 'Select a criterion to see which controls drive it.' }));
    const plans = h('div');
    const why = h('details', { class: 'help' }, h('summary', { text: 'How scores work' }),
      h('dl', {},
        h('dt', { text: 'Type I (design)' }), h('dd', { text: 'Implemented counts fully, partially implemented half, planned and not implemented nothing; unanswered counts as not in place. Critical controls weigh three times a supporting one.' }),
        h('dt', { text: 'Type II (operating)' }), h('dd', { text: 'The same, but only for controls with records of operating over time.' }),
        h('dt', { text: 'Bands' }), h('dd', { text: '90 and above audit-ready, 70 findings likely, 40 material gaps, below that not ready. A critical control not in place caps the band at material gaps (partially in place: findings likely), whatever the percentage; so does a criterion in scope with nothing in place. A quick check is an estimate and never shows audit-ready.' }),
        h('dt', { text: 'Not assessed' }), h('dd', { text: 'A criterion, category or section no question covers (or whose questions are all not applicable) has no score: it is not assessed, never 100 %.' }),
        h('dt', { text: 'Not applicable' }), h('dd', { text: 'Only offered where a company can legitimately go without the control; such answers leave the score.' })));
    body.append(
      estimate,
      h('div', { class: 'meters' }, design.el, operating.el),
      completion,
      caps,
      h('table', {}, h('caption', { class: 'sr-only', text: 'Readiness by category' }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Category' }), h('th', { scope: 'col', class: 'num', text: 'Type I' }), h('th', { scope: 'col', class: 'num', text: 'Type II' }))),
        categories),
      h('section', {}, blockersHead, blockers),
      h('section', {}, h('h3', { text: 'Top gaps' }), gaps),
      h('section', {}, h('h3', { text: 'Criteria in scope' }), cells, cellDetail),
      h('section', {}, h('h3', { text: 'Timeline' }), plans),
      why,
      h('p', { class: 'muted disclaimer', text: DISCLAIMER }));
    this.#els.results.replaceChildren(head, body);
    Object.assign(this.#els, { summary, toggle, design, operating, estimate, caps, completion, categories, blockers, blockersHead, gaps, cells, cellDetail, plans });
  }

  #renderResults() {
    const r = this.#result;
    const e = this.#els;
    const o = r.readiness.overall;
    for (const [m, v, b] of [[e.design, o.design, o.band], [e.operating, o.operating, o.operatingBand]]) {
      m.value.textContent = scoreText(v);
      m.svg.lastChild.setAttribute('width', v ?? 0);
      m.bandSlot.replaceWith(m.bandSlot = band(b));
    }
    e.summary.textContent = `Type I ${scoreText(o.design)} · Type II ${scoreText(o.operating)}`;
    e.estimate.hidden = !r.estimate;
    e.estimate.textContent = r.estimate ? `Estimate from the ${o.counts.asked} key questions of the quick check, never shown as audit-ready; criteria they do not cover are not assessed. The full assessment gives the complete picture.` : '';
    e.caps.replaceChildren(...this.#capReasons(o).map((t) => h('li', { text: t })));
    e.completion.textContent = `${o.counts.answered} of ${o.counts.asked} answered${o.counts.inherited ? ` (${o.counts.inherited} inherited from your cloud provider’s SOC 2 report)` : ''}.`;
    const titles = Object.fromEntries(this.#catalog.categories.map((c) => [c.id, c.title]));
    e.categories.replaceChildren(...Object.entries(r.readiness.categories).map(([id, s]) => h('tr', {},
      h('th', { scope: 'row', text: titles[id] ?? id }),
      h('td', { class: 'num' }, `${scoreText(s.design)} `, band(s.band)),
      h('td', { class: 'num' }, `${scoreText(s.operating)} `))));

    const type1 = r.blockers.filter((b) => b.blocks === 'type1');
    e.blockersHead.textContent = r.blockers.length ? `Blockers (${r.blockers.length})` : 'Blockers';
    const shown = (type1.length ? type1 : r.blockers).slice(0, 5);
    e.blockers.replaceChildren(...(r.blockers.length === 0
      ? [h('li', { class: 'muted', text: 'No critical control is holding the bands down.' })]
      : [...shown.map((b) => h('li', {},
        h('span', { class: 'gap-title', text: b.title }),
        h('span', { class: 'muted', text: `${STATE_LABELS[b.state]} · ${b.blocks === 'type1' ? 'blocks Type I and II' : 'no evidence yet: blocks Type II'} · caps at ${BAND_LABELS[b.capsAt]}` }))),
      r.blockers.length > shown.length && h('li', { class: 'muted', text: `…and ${r.blockers.length - shown.length} more.` })]));

    e.gaps.replaceChildren(...(r.gaps.length === 0
      ? [h('li', { class: 'muted', text: 'No gaps: every control asked is in place and evidenced.' })]
      : r.gaps.slice(0, 5).map((g) => h('li', {},
        h('details', {}, h('summary', {}, h('span', { class: 'gap-title', text: g.title }), ' ',
          h('span', { class: 'muted', text: `${g.critical ? 'critical · ' : ''}${g.kind === 'design' ? STATE_LABELS[g.state] : 'no evidence yet'} · ~${Math.max(1, Math.round(g.effortHours / 8))} person-day${g.effortHours > 8 ? 's' : ''}` })),
          h('p', { text: `Fix: ${g.remediation}` }),
          h('p', { text: `Evidence: ${g.evidence}` }))))));

    this.#renderCells();
    this.#renderPlans();
  }

  /** Why the Type I band is below what the score alone gives, in words (nothing when no cap bites). */
  #capReasons(score) {
    if (score.band === score.uncappedBand) return [];
    const criteria = this.#result.readiness.criteria;
    const unmet = score.cappedBy.filter((id) => criteria[id]);
    const controls = score.cappedBy.filter((id) => !criteria[id]);
    const list = (ids, name) => (ids.length > 4 ? `${ids.slice(0, 3).map(name).join(', ')} and ${ids.length - 3} more` : ids.map(name).join(', '));
    const reasons = [];
    if (unmet.length === 1) reasons.push(`${unmet[0]} has nothing in place (${this.#criterionTitle(unmet[0])}): an auditor would qualify the opinion on it, so the band is at most ${BAND_LABELS.materialGaps}.`);
    else if (unmet.length) reasons.push(`${list(unmet, (id) => id)} have nothing in place: an auditor would qualify the opinion on each, so the band is at most ${BAND_LABELS.materialGaps}.`);
    if (controls.length) reasons.push(`Critical control${controls.length > 1 ? 's' : ''} not fully in place: ${list(controls, (id) => this.#controls.get(id)?.title ?? id)}. Each caps the band whatever the percentage.`);
    return reasons;
  }

  #criterionTitle(id) {
    return this.#catalog.criteria.find((c) => c.id === id)?.title ?? '';
  }

  #renderCells() {
    const criteria = this.#result.readiness.criteria;
    const e = this.#els;
    this.#keepFocus('criterion', () => e.cells.replaceChildren(...Object.entries(criteria).map(([id, s]) => h('button', {
      type: 'button', class: `cell b-${s.band}`, 'data-criterion': id, 'aria-pressed': String(id === this.#selectedCriterion),
      'aria-label': `${id} ${s.assessed ? `${s.design}%` : 'not assessed'}: ${BAND_LABELS[s.band]}`,
      onclick: () => { this.#selectedCriterion = id; this.#renderCells(); },
    }, h('b', { text: id }), h('span', { text: s.assessed ? `${s.design}%` : 'not assessed' })))));
    const id = this.#selectedCriterion;
    const s = id && criteria[id];
    if (!s) return;
    const standings = this.#result.standings;
    e.cellDetail.replaceChildren(
      h('p', {}, h('strong', { text: `${id} ` }), this.#criterionTitle(id)),
      h('p', { text: s.assessed
        ? `Type I ${scoreText(s.design)} · Type II ${scoreText(s.operating)} · ${BAND_LABELS[s.band]}${s.earned === 0 ? ' · nothing in place: caps the overall band' : ''}${s.cappedBy.length ? ` (capped by ${s.cappedBy.length} critical control${s.cappedBy.length > 1 ? 's' : ''})` : ''}`
        : s.counts.asked ? 'Not assessed: every question behind it is answered not applicable.' : 'Not assessed: no question in this mode covers it.' }),
      h('ul', {}, ...(s.controls ?? []).map((cid) => {
        const st = standings[cid];
        return h('li', {}, `${this.#controls.get(cid)?.title ?? cid}: ${STATE_LABELS[st?.state] ?? STATE_LABELS.unanswered}${st?.operating ? ', evidenced' : ''}`);
      })));
  }

  #renderPlans() {
    const t = this.#result.timeline;
    const scale = Math.max(1, t.type2.weeks.high);
    const pct = (w) => (w / scale) * 100;
    const plan = (name, p) => h('div', { class: 'plan' },
      h('div', { class: 'plan-head' }, h('strong', { text: `${name}: ${p.weeks.low}–${p.weeks.high} weeks` }),
        h('span', { class: 'muted', text: `report ${p.reportDates.low} to ${p.reportDates.high}` })),
      h('ol', { class: 'phases' }, ...p.phases.map((ph) => h('li', { class: 'phase' },
        h('span', { text: ph.label }),
        h('span', { class: 'muted', text: ph.weeks.low === ph.weeks.high ? `${ph.weeks.low} wk` : `${ph.weeks.low}–${ph.weeks.high} wk` }),
        h('svg:svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
          h('svg:rect', { class: 'track', width: 100, height: 10, rx: 2 }),
          h('svg:rect', { class: 'ph-high', x: pct(ph.starts.low), width: Math.max(0.6, pct(ph.ends.high - ph.starts.low)), height: 10, rx: 2 }),
          h('svg:rect', { class: 'ph-low', x: pct(ph.starts.low), width: Math.max(0.6, pct(ph.weeks.low)), height: 10, rx: 2 }))))));
    this.#els.plans.replaceChildren(
      plan('Type I', t.type1), plan('Type II', t.type2),
      h('p', { class: 'muted', text: `From ${t.startDate}. Assumes ${t.drivers.capacityHoursPerWeek} person-hours a week on remediation (${Math.round(t.drivers.remediationHours / 8)} person-days of gaps) and ${Math.round(t.drivers.documentationHours / 8)} person-days documenting API data flows. Dark bars: best case; light: worst case.` }));
  }

  /** Runs `rebuild`, then puts keyboard focus back on the element with the same data-`key`. */
  #keepFocus(key, rebuild) {
    const active = this.#root.activeElement;
    const value = active?.dataset?.[key];
    rebuild();
    if (value != null) this.#root.querySelector(`[data-${key}="${CSS.escape(value)}"]`)?.focus();
  }

  #announce() {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const o = this.#result.readiness.overall;
      this.#els.live.textContent = `Type I readiness ${scoreText(o.design)}, ${BAND_LABELS[o.band]}. Type II ${scoreText(o.operating)}. ${o.counts.answered} of ${o.counts.asked} answered.`;
    }, 500);
  }

  // ---- report, export, import, reset -----------------------------------------------------

  #reportView() {
    const content = h('div', { class: 'report' });
    this.#renderReport(content);
    return {
      intro: h('p', { text: 'A clean summary to print, save as PDF or share. Exports carry the full detail.' }),
      content: h('div', { class: 'form' },
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'btn primary', text: 'Print or save as PDF', onclick: () => this.#export('print') }),
          h('button', { type: 'button', class: 'btn', text: 'Download JSON', onclick: () => this.#export('json') })),
        content),
    };
  }

  #renderReport(into) {
    const r = this.#result;
    const p = this.#doc.profile;
    const o = r.readiness.overall;
    const titles = Object.fromEntries(this.#catalog.categories.map((c) => [c.id, c.title]));
    into.replaceChildren(h('div', { class: 'report' },
      h('h3', { text: `${p.organization ? `${p.organization}: ` : ''}SOC 2 readiness ${r.estimate ? '(quick estimate)' : ''}` }),
      h('p', { class: 'muted', text: `Start ${p.startDate} · window ${p.observationMonths} months · in scope: ${r.profile.categories.map((c) => titles[c]).join(', ')}${p.complianceOwner ? ` · owner: ${p.complianceOwner}` : ''}` }),
      h('p', { class: 'disclaimer', text: DISCLAIMER }),
      r.estimate && h('p', { class: 'estimate', text: 'Quick check: an estimate from the key questions, never shown as audit-ready.' }),
      h('div', { class: 'scores' },
        h('div', { class: 'score' }, 'Type I design', h('strong', { text: scoreText(o.design) }), band(o.band)),
        h('div', { class: 'score' }, 'Type II operating', h('strong', { text: scoreText(o.operating) }), band(o.operatingBand)),
        h('div', { class: 'score' }, 'Answered', h('strong', { text: scoreText(o.completion) }), h('span', { class: 'muted', text: `${o.counts.answered} of ${o.counts.asked}` }))),
      h('ul', { class: 'caps' }, ...this.#capReasons(o).map((t) => h('li', { text: t }))),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', { text: 'Category' }), h('th', { class: 'num', text: 'Type I' }), h('th', { class: 'num', text: 'Type II' }))),
        h('tbody', {}, ...Object.entries(r.readiness.categories).map(([id, s]) => h('tr', {}, h('td', { text: titles[id] }), h('td', { class: 'num', text: `${scoreText(s.design)} · ${BAND_LABELS[s.band]}` }), h('td', { class: 'num', text: scoreText(s.operating) }))))),
      h('h3', { text: `Timeline` }),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', { text: 'Report' }), h('th', { class: 'num', text: 'Weeks' }), h('th', { text: 'Expected' }))),
        h('tbody', {}, ...[['Type I', r.timeline.type1], ['Type II', r.timeline.type2]].map(([n, t]) => h('tr', {}, h('td', { text: n }), h('td', { class: 'num', text: `${t.weeks.low}–${t.weeks.high}` }), h('td', { text: `${t.reportDates.low} to ${t.reportDates.high}` }))))),
      h('h3', { text: `Gaps (${r.gaps.length})` }),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', { text: 'Control' }), h('th', { text: 'Status' }), h('th', { text: 'What to do' }))),
        h('tbody', {}, ...r.gaps.map((g) => h('tr', {},
          h('td', {}, h('strong', { text: g.title }), g.critical ? ' (critical)' : ''),
          h('td', { text: g.kind === 'design' ? STATE_LABELS[g.state] : 'No evidence yet' }),
          h('td', { text: g.remediation }))))),
      h('p', { class: 'muted', text: `Generated by ${r.generator}, catalog ${r.catalog.version}. ${DISCLAIMER}` })));
  }

  #export(format) {
    if (format === 'print') {
      this.#renderReport(this.#els.printArea);
      globalThis.print?.();
      this.#emitExport(format, null);
      return;
    }
    const stamp = today();
    const out = engine.report(this.#doc, format, format === 'oscal' ? new Date().toISOString().replace(/\.\d+Z$/, 'Z') : undefined);
    if (!out.ok) {
      this.#notice('error', `Export failed: ${out.error.path}: ${out.error.message}`);
      return;
    }
    const [ext, type] = { json: ['json', 'application/json'], markdown: ['md', 'text/markdown'], csv: ['csv', 'text/csv'], oscal: ['oscal.json', 'application/json'] }[format];
    const name = `soc2-readiness-${stamp}.${ext}`;
    download(name, type, out.value, this.#root);
    this.#emitExport(format, name);
  }

  #emitExport(format, filename) {
    this.dispatchEvent(new CustomEvent('soc2-readiness-export', { bubbles: true, composed: true, detail: { format, filename, results: this.results } }));
  }

  async #importFile(input) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.#clearNotices('error');
    const limit = this.#limits.inputBytes;
    if (file.size > limit) {
      this.#notice('error', `Import failed: ${file.name} is ${mib(file.size)}; assessment files are at most ${mib(limit)}. Your current answers are unchanged.`);
      return;
    }
    let text;
    try {
      // The CLI's rules for a file's bytes: UTF-8 only (invalid bytes are an error, never
      // replaced by U+FFFD) and one leading byte order mark skipped, by the engine, as for the
      // CLI (ignoreBOM keeps it in the text for the engine to see).
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
    } catch (err) {
      const why = err instanceof TypeError ? '$: not UTF-8 text: the file holds bytes that are not valid UTF-8; save it as UTF-8' : `it could not be read (${err.message})`;
      this.#notice('error', `Import failed: ${file.name}: ${why}. Your current answers are unchanged.`);
      return;
    }
    const r = engine.importDocument(text);
    const failed = r.ok ? this.#setDocument(r.value.document) : r.error;
    if (failed) {
      this.#notice('error', `Import failed: ${file.name}: ${failed.path}: ${failed.message}. Your current answers are unchanged.`);
      return;
    }
    const warnings = r.value.warnings.concat(this.#result.warnings);
    this.#notice(warnings.length ? 'warning' : 'info', `Imported ${file.name}: ${Object.keys(r.value.document.answers).length} answers. Scores were recomputed.${warnings.length ? ` Notes: ${warnings.map((w) => `${w.path}: ${w.message}`).join('; ')}` : ''}`);
    this.dispatchEvent(new CustomEvent('soc2-readiness-change', { bubbles: true, composed: true, detail: { results: this.results } }));
  }

  #confirmReset(ask) {
    const box = this.#els.reset;
    if (ask) {
      const cancel = h('button', { type: 'button', class: 'btn', text: 'Cancel', onclick: () => this.#confirmReset(false) });
      box.replaceChildren(h('span', { text: 'Erase all answers?' }),
        h('button', { type: 'button', class: 'btn danger', text: 'Erase', onclick: () => {
          this.#confirmReset(false);
          this.#step = 'scope';
          const failed = this.#setDocument(this.#newDocument());
          this.#notice(failed ? 'error' : 'info', failed ? `A new assessment could not be started: ${failed.path}: ${failed.message}` : 'Started a new assessment.');
        } }),
        cancel);
      cancel.focus();
    } else {
      box.replaceChildren(h('button', { type: 'button', class: 'btn', text: 'Start over', onclick: () => this.#confirmReset(true) }));
    }
  }
}

if (!customElements.get(ELEMENT)) customElements.define(ELEMENT, Soc2Readiness);

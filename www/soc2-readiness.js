// <soc2-readiness>: the SOC 2 readiness questionnaire as one web component.
//
// The element coordinates; the parts live in their own modules (ARCHITECTURE.md "www/"):
// engine.js loads the Wasm engine and the catalog, an engine Session per element owns the
// assessment and computes every result; catalog.js names what the engine returns; views/ render
// the start screen, the steps, the results panel and the report (the questionnaire's views and
// the report are chunks loaded when needed); saved.js keeps the assessment in the browser;
// exports.js lists the downloads. Question and help text live only in the catalog, rules and
// limits only in the engine. User text reaches the DOM as text, never as markup. Styles are a
// constructable stylesheet in an open shadow root (`style-src 'self'`; host CSS cannot reach it).
//
// Host API (README "Embedding"): attributes mode, modes, features, categories, storage-key,
// layout, start-date, results-open, view, lang (the language: README "Languages"); slots cta and privacy; ::part() names on the main
// blocks; properties `assessment` (get/set the document) and `results`; events
// soc2-readiness-ready, -change, -step, -complete (details: the small summary of eventSummary())
// and soc2-readiness-export.

import { styles } from './styles.js';
import { configureSources, engineMemoryBytes, loadCatalog, loadEngine, loadExports, loadHelp, loadMessages, schemaUrl } from './engine.js';
import { CatalogView } from './catalog.js';
import { addEnglish, pick, speaker } from './i18n.js';
import { bar, download, h, today } from './dom.js';
import { format, FORMATS } from './exports.js';
import { Notices } from './notices.js';
import { SavedAssessment } from './saved.js';
import { startView } from './views/start.js';
import { progressOf, QUICK } from './views/progress.js';

export { configureSources };

const ELEMENT = 'soc2-readiness';
const MODES = ['quick', 'full'];
/** The tools a host can show or hide with `features` (all when the attribute is absent). */
const FEATURES = ['import', 'export', 'print', 'reset'];

/**
 * What events carry: a small summary built from the engine's Summary (no notes, no names), with
 * titles from the catalog. The full results stay on the element's `results` property.
 */
function eventSummary(summary, mode, catalog) {
  const score = (s) => ({ type1: s.design, type2: s.operating, band: s.band });
  const weeks = (t) => ({ weeks: { ...t.weeks }, reportDates: { ...t.reportDates } });
  return {
    mode,
    readiness: { ...score(summary.overall), type2Band: summary.overall.operatingBand, completion: summary.overall.completion },
    categories: Object.fromEntries(Object.entries(summary.categories).map(([id, s]) => [id, score(s)])),
    topActions: summary.plan.first.slice(0, 3).map((a) => ({ controlId: a.controlId, title: catalog.control(a.controlId)?.title ?? a.controlId, kind: a.kind, critical: a.critical, window: a.window })),
    timeline: { type1: weeks(summary.timeline.type1), type2: weeks(summary.timeline.type2) },
  };
}

let sheet;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
  }
  return sheet;
}

let instances = 0;

/**
 * A chunk that brings its own stylesheet (its `styles`), loaded once per page: `load()` resolves
 * when it has (a failure is tried again next time); then `module` is the chunk and `adoptedBy(root)`
 * adopts its stylesheet into a shadow root (after the element's own) and returns the module.
 */
function styledChunk(importChunk) {
  const chunk = {
    module: null,
    sheet: null,
    loading: null,
    load: () => (chunk.loading ??= importChunk().then((m) => {
      addEnglish(m.english); // the English words of what the chunk draws (other languages load as data)
      chunk.sheet = new CSSStyleSheet();
      chunk.sheet.replaceSync(m.styles);
      chunk.module = m;
    }).catch((err) => {
      chunk.loading = null;
      throw err;
    })),
    adoptedBy: (root) => {
      if (!root.adoptedStyleSheets.includes(chunk.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, chunk.sheet];
      return chunk.module;
    },
  };
  return chunk;
}

/** The questionnaire's views (views/questionnaire.js), loaded with the catalog; `Q` once loaded. */
const questionnaire = styledChunk(() => import('./views/questionnaire.js'));
let Q = null;
const loadQuestionnaire = () => questionnaire.load().then(() => { Q = questionnaire.module; });

/**
 * The report (views/report.js), loaded for the Report step and printing. It imports nothing from
 * the element's modules; what it shares with them is handed in (the report renders only once the
 * questionnaire has loaded).
 */
const report = styledChunk(() => import('./views/report.js'));
const REPORT_LIB = {
  h, bar,
  get capReasons() { return Q.capReasons; },
  get chartRows() { return Q.chartRows; },
};

/**
 * The `$schema` of exports made here: the JSON Schema served beside the engine (the package and
 * the site carry it), where that is a web address; otherwise the engine's (site-relative) one.
 */
let schema;
const servedSchema = () => (schema ??= [schemaUrl()].find((u) => /^https?:/.test(u)) ?? '');
/** `text` (a JSON export, whose first member is `$schema`) naming the served schema. */
const withSchema = (text) => (servedSchema() ? text.replace(/^(\{\s*"\$schema":\s*)"[^"\\]*"/, (_, key) => key + JSON.stringify(servedSchema())) : text);

export class Soc2Readiness extends HTMLElement {
  static observedAttributes = ['layout', 'modes', 'features', 'lang'];

  #root;
  #uid = `s${++instances}`;
  #started = false;
  /** The words in the element's language (i18n.js): `t(key, params)`, `t.lang`, `t.pct`, `t.date`. */
  #t = speaker();
  /** The latest language change asked for (an older one still loading gives way to it). */
  #langAsked = null;
  /** The engine session: the assessment and its results live there. */
  #session = null;
  /** What the page shows of the latest results (what the session returned for the last change). */
  #summary = null;
  /** The full latest results, fetched from the session when a view needs them. */
  #results = null;
  /** A copy of the session's document for rendering, fetched when needed after a change. */
  #doc = null;
  #ctx = null;
  #step = 'scope';
  #saved = null;
  #notices = new Notices(this.#t);
  #views = null;
  /** Releases what this element registered outside itself (observers, listeners, timers). */
  #cleanup = [];
  #announceTimer = 0;
  /** The start date of a new assessment: the `start-date` attribute, or today. */
  #startDate = null;
  /** The document's mode (kept here: events name it without copying the document). */
  #mode = 'full';
  /** Whether every asked question was answered at the last change (soc2-readiness-complete). */
  #complete = false;
  /** The engine's Session class (a file is read by a session of its own before it replaces anything). */
  #Session = null;
  /** Whether the start screen (quick check or full assessment) is shown: a first visit. */
  #starting = false;
  /** What the last "None of these yet" answered, for its Undo: { step, ids }, or null. */
  #bulk = null;
  /** What the visitor types and clicks on the questions (answering.js, with the questionnaire). */
  #answering = null;
  /** The file import (import.js, loaded on the first import; it keeps what "Undo import" restores). */
  #importer = null;
  /** share.js's Sharing, loading (a promise) and loaded. */
  #sharing = null;
  #shared = null;
  /** The catalog and the questionnaire's views, loaded and built (#questionnaire()). */
  #built = null;
  /** The host's call to action (slot `cta`): in the results panel, or at the end of the report. */
  #cta = h('div', { class: 'cta', part: 'cta', hidden: true }, h('slot', { name: 'cta', onslotchange: (e) => {
    e.target.parentNode.hidden = !e.target.assignedNodes().length;
  } }));

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styleSheet()];
  }

  connectedCallback() {
    if (this.#started) {
      if (this.#views) this.#listen(); // moved or re-added: listen again
      return;
    }
    this.#started = true;
    // The language's words (English is in the bundle; another language's file is fetched beside
    // the engine), then the loading line in it.
    const [lang] = this.#wantedLang();
    const words = this.#relang();
    words.then(() => this.#views || this.#root.replaceChildren(h('p', { class: 'loading', role: 'status', lang: this.#t.lang, text: this.#t('loading') })), () => {});
    // The catalog (and the questionnaire's views) load with the engine when the first screen
    // shows questions; a first visit's start screen needs neither, so they wait for its paint.
    if (this.#summaryView || !this.#offersStart() || SavedAssessment.exists(this.#where())) {
      loadCatalog(lang).catch(() => {}); // reported where awaited
      if (!this.#summaryView) loadQuestionnaire().catch(() => {});
    }
    Promise.all([loadEngine(), words]).then(([engine]) => this.isConnected && this.#start(engine)).catch((err) => this.#fatal(err));
  }

  /**
   * The language asked for: the element's `lang`, else the nearest ancestor's (`<html lang>`
   * included), else the browser's languages, else English; the first the page speaks, as
   * `[language, tag]` (i18n.js pick).
   */
  #wantedLang() {
    return pick([this.getAttribute('lang'), this.parentElement?.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages ?? [])]);
  }

  /**
   * Speaks the language asked for: its words (and, once the questionnaire has its catalog, the
   * catalog in it) loaded, then everything drawn again in it. Answers are the session's and
   * language-neutral: all of them are kept.
   */
  async #relang() {
    const [lang, tag] = this.#wantedLang();
    const asked = (this.#langAsked = {});
    const catalog = () => (this.#ctx?.catalog ? loadCatalog(lang) : null);
    let words;
    try {
      [words] = await Promise.all([lang === 'en' ? undefined : loadMessages(lang), catalog()]);
      await this.#built?.catch(() => {}); // a questionnaire being built in the former language: then again
      await catalog();
    } catch (err) {
      // Not started yet: it starts in the language it speaks (English), and says why.
      if (!this.#views) console.warn(`<${ELEMENT}>: speaking ${this.#t.lang}: ${err.message}`);
      else this.#notices.show('error', this.#t('langFailed', { lang, reason: err.message }));
      return;
    }
    if (asked !== this.#langAsked) return;
    if (lang === this.#t.lang && tag === this.#t.tag && (!this.#ctx?.catalog || this.#ctx.catalog.json.language === lang)) return;
    this.#t.use(lang, words, tag);
    if (!this.#views) return; // not started: it starts in this language
    if (this.#ctx.catalog) {
      const hadHelp = this.#ctx.catalog.hasHelp;
      this.#ctx.catalog = new CatalogView(await loadCatalog(lang));
      if (hadHelp) this.#help().catch(() => {});
    }
    if (this.#summaryView) {
      this.#views.summary.el.lang = lang;
      this.#views.summary.render();
      return;
    }
    const open = this.#views.results && !this.#views.results.body.hidden;
    this.#buildFrame();
    if (this.#ctx.catalog && this.#built) {
      this.#buildQuestionnaire();
      this.#views.results.setOpen(open);
    }
    this.#renderAll();
    this.#shared?.refresh();
  }

  disconnectedCallback() {
    for (const release of this.#cleanup.splice(0)) release();
    clearTimeout(this.#announceTimer);
    if (this.#saved?.dirty) this.#saved.save(); // nothing typed is lost when the element leaves
    this.#saved?.close();
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'lang' && this.#started && old !== value) this.#relang().catch(() => {});
    if (name === 'layout' && value != null && value !== 'compact' && value !== 'full') {
      console.warn(`<${ELEMENT}>: layout="${value}" is not "compact" or "full"; using the default layout`);
    }
    // A host (or a framework) may change the funnel after start: applied at once.
    if (this.#views && !this.#summaryView && (name === 'modes' || name === 'features')) {
      if (name === 'modes' && this.#restrictMode()) this.#replaced({ save: false });
      this.#applyFeatures();
      this.#renderAll();
    }
  }

  /** Tokens of a list attribute that are in `known`; others are warned about. Null when absent. */
  #tokens(name, known) {
    const v = this.getAttribute(name);
    if (v == null) return null;
    const out = [];
    for (const t of v.split(/[\s,]+/).filter(Boolean)) {
      if (!known.includes(t)) console.warn(`<${ELEMENT}>: ignoring "${t}" in ${name}; expected ${known.join(', ')}`);
      else if (!out.includes(t)) out.push(t);
    }
    return out;
  }

  /** The modes a visitor may choose (`modes`); both when absent or when nothing valid is listed. */
  #allowedModes() {
    const listed = this.#tokens('modes', MODES);
    return listed?.length ? listed : MODES;
  }

  /** Whether a tool is shown (`features`; all when absent). */
  #feature(name) {
    return this.#tokens('features', FEATURES)?.includes(name) ?? true;
  }

  get #summaryView() {
    return this.getAttribute('view') === 'summary';
  }

  /** Puts the document in an allowed mode when `modes` restricts it (a restriction wins over saved state). */
  #restrictMode() {
    const allowed = this.#allowedModes();
    if (allowed.includes(this.#mode)) return false;
    return this.#session.setMode(allowed[0]).ok;
  }

  /** The assessment document (profile and answers), as exported. A copy. */
  get assessment() {
    return this.#session ? this.#session.document() : null;
  }

  /** Replaces the assessment. Throws a TypeError naming the JSON path when it is invalid. */
  set assessment(doc) {
    if (!this.#session) throw new Error(`<${ELEMENT}> is not ready yet; wait for the soc2-readiness-ready event`);
    const r = this.#session.replace(doc);
    if (!r.ok) throw new TypeError(`${r.error.path}: ${r.error.message}`);
    this.#replaced({ save: true });
  }

  /** Bytes of linear memory the (shared) Wasm engine holds; for monitoring and benchmarks. */
  get engineMemoryBytes() {
    return engineMemoryBytes();
  }

  /** The latest results: the document with readiness, blockers, gaps, timeline. A copy. */
  get results() {
    const r = this.#session ? this.#session.exported() : null;
    if (r && servedSchema()) r.$schema = servedSchema();
    return r;
  }

  // ---- start-up --------------------------------------------------------------------------

  #fatal(err) {
    console.error(`<${ELEMENT}>:`, err);
    this.#root.replaceChildren(h('div', { class: 'notice error', role: 'alert', lang: this.#t.lang },
      h('p', { text: this.#t('fatal', { reason: err?.message ?? err }) })));
  }

  /** Where this element's assessment is kept: its storage-key and storage-scope, and the page's protocol. */
  #where() {
    return [this.getAttribute('storage-key'), this.getAttribute('storage-scope'), globalThis.location?.protocol];
  }

  #attr(name, allowed, fallback) {
    const v = this.getAttribute(name);
    if (v == null || v === '') return fallback;
    if (allowed(v)) return v;
    console.warn(`<${ELEMENT}>: ignoring ${name}="${v}"; using the default`);
    return fallback;
  }

  #start({ limits, Session }) {
    const inRange = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= limits.startDateMin && v <= limits.startDateMax;
    this.#startDate = () => this.#attr('start-date', inRange, today());
    this.#session = new Session(this.#startDate());
    this.#Session = Session;
    const element = this;
    this.#ctx = {
      root: this.#root,
      uid: this.#uid,
      /** The catalog's view (catalog.js), once the catalog has loaded (null before). */
      catalog: null,
      limits,
      /** The element's words and formats in its language (i18n.js). */
      t: this.#t,
      /** Who wrote the results (the engine's name and version), for the report's footer. */
      get generator() { return element.#session.exported().generator; },
      get summary() { return element.#summary; },
      get mode() { return element.#mode; },
      get results() { element.#results ??= element.#session.exported(); return element.#results; },
      get document() { return element.#document(); },
      /** Sets who owns an action of the plan and by when (`due` null: no date). */
      assign: (id, owner, due) => element.#change(element.#session.setAssignment(id, owner, due)),
    };
    this.#saved = new SavedAssessment({
      where: this.#where(),
      session: this.#session,
      notices: this.#notices,
      root: this.#root,
      t: this.#t,
      onReplaced: () => this.#replaced({ save: false }),
      exportJson: () => this.#export('json'),
    });
    if (this.#summaryView) {
      // The read-only summary (wikis without scripts): restores, never saves, lazily loaded.
      this.#saved.readOnly = true;
      if (!this.#saved.restore()) this.#applyNewDocumentAttributes();
      Promise.all([loadCatalog(this.#t.lang), import('./views/summary.js')]).then(([catalog, { SummaryView, english, styles }]) => {
        if (!this.isConnected) return;
        addEnglish(english);
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(styles);
        this.#root.adoptedStyleSheets = [...this.#root.adoptedStyleSheets, sheet];
        this.#ctx.catalog = new CatalogView(catalog);
        this.#views = { summary: new SummaryView(this.#ctx, { h }) };
        this.#views.summary.el.lang = this.#t.lang;
        this.#root.replaceChildren(this.#views.summary.el, this.#notices.el);
        this.#replaced({ save: false });
        this.#saved.watch();
        this.#emit('soc2-readiness-ready');
      }).catch((err) => this.#fatal(err));
      return;
    }
    this.#buildFrame();
    const restored = this.#saved.restore();
    if (restored) this.#step = this.#saved.step() ?? 'scope'; // reopened where the visitor left
    else this.#applyNewDocumentAttributes();
    this.#starting = !restored && this.#offersStart();
    this.#replaced({ save: false, keepStart: true });
    this.#saved.watch();
    this.#listen();
    if (this.#starting) {
      // The start screen is the first screen: the rest loads once it is painted.
      requestAnimationFrame(() => setTimeout(() => this.#questionnaire().catch(() => {})));
    } else this.#questionnaire().catch(() => {});
  }

  /**
   * The catalog and the questionnaire's views, loaded once: builds the steps, the questions and
   * the results panel (behind the start screen while it shows), then the element is ready. A
   * failure replaces the element's content with the reason.
   */
  #questionnaire() {
    this.#built ??= Promise.all([loadCatalog(this.#t.lang), loadQuestionnaire()]).then(([catalog]) => {
      this.#ctx.catalog = new CatalogView(catalog);
      this.#buildQuestionnaire();
      this.#step = this.#fitStep(this.#step);
      this.#renderAll();
      this.#openLink();
      // Hosts and the benchmark read this: first questions and scores are in the DOM.
      performance.mark('soc2-readiness:ready');
      this.#emit('soc2-readiness-ready');
      // The help the first screen did without: fetched now, shown where it was waited for.
      this.#help().catch((err) => this.#notices.show('error', this.#t('helpFailed', { reason: err.message })));
    }, (err) => {
      this.#fatal(err);
      throw err;
    });
    return this.#built;
  }

  /** The catalog with its help merged in (loaded once per page). */
  async #help() {
    await this.#questionnaire();
    const catalog = this.#ctx.catalog;
    if (catalog.hasHelp) return catalog;
    await loadHelp(catalog.json, catalog.json.language);
    if (!catalog.hasHelp) {
      catalog.helpLoaded();
      if (catalog === this.#ctx.catalog) { // (not when the language changed meanwhile)
        Q.fillHelp(this.#ctx, this.#views.main); // in place: a help opened while it loaded stays open
        this.#views.results.render();
      }
    }
    return catalog;
  }

  /** A new assessment takes the element's `mode` and `categories` attributes. */
  #applyNewDocumentAttributes() {
    const allowed = this.#allowedModes();
    const mode = this.#attr('mode', (v) => MODES.includes(v), allowed.at(-1));
    // A mode the `modes` restriction leaves out gives way to the first allowed one.
    const chosen = allowed.includes(mode) ? mode : allowed[0];
    if (chosen !== 'full') this.#session.setMode(chosen);
    // Each category is the engine's to accept (its profile rules know the ids).
    const categories = ['security'];
    for (const name of (this.getAttribute('categories') ?? '').split(/[\s,]+/).filter(Boolean)) {
      if (categories.includes(name)) continue;
      if (this.#session.setProfile({ categories: [...categories, name] }).ok) categories.push(name);
      else console.warn(`<${ELEMENT}>: ignoring unknown category "${name}" in categories`);
    }
  }

  /** Registers what lives outside the element; disconnectedCallback releases it. */
  #listen() {
    if (this.#summaryView) {
      if (!this.#saved.unwatch) this.#saved.watch();
      this.#cleanup.push(() => this.#saved.close());
      return;
    }
    const observer = new ResizeObserver(() => {
      // A menu folded while narrow opens again when the element grows wide (its summary is hidden).
      if (!this.#narrowNav() && this.#views.steps) this.#views.steps.menu.open = true;
    });
    observer.observe(this);
    // Printing shows the report. Its chunk is loaded by then once the Report step or the print
    // export was used; otherwise this starts loading it and the print styles show the results
    // panel instead (the print area stays empty).
    const beforePrint = () => {
      if (!this.#views.results) return; // the start screen, before the questionnaire: printed as shown
      if (report.sheet) report.adoptedBy(this.#root).renderReport(this.#ctx, REPORT_LIB, this.#views.printArea);
      else report.load().catch(() => {});
    };
    globalThis.addEventListener?.('beforeprint', beforePrint);
    // A shared link pasted into this page's address bar changes only the fragment.
    const hashChange = () => this.#openLink();
    globalThis.addEventListener?.('hashchange', hashChange);
    if (!this.#saved.unwatch) this.#saved.watch();
    this.#cleanup.push(() => observer.disconnect(), () => globalThis.removeEventListener?.('beforeprint', beforePrint),
      () => globalThis.removeEventListener?.('hashchange', hashChange), () => this.#saved.close());
  }

  /** The small summary events carry (see eventSummary). */
  get #eventSummary() {
    return eventSummary(this.#summary, this.#mode, this.#ctx.catalog);
  }

  #emit(name, detail = this.#eventSummary) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  /** Whether every asked question is answered (the engine's counts). */
  #answeredAll() {
    const { asked, answered } = this.#summary.overall.counts;
    return asked > 0 && answered === asked;
  }

  /** A change by the visitor: `change`, and `complete` when it answered the last open question. */
  #changed() {
    this.#emit('soc2-readiness-change');
    const complete = this.#answeredAll();
    if (complete && !this.#complete) this.#emit('soc2-readiness-complete');
    this.#complete = complete;
  }

  // ---- document and results --------------------------------------------------------------

  #document() {
    this.#doc ??= this.#session.document();
    return this.#doc;
  }

  /**
   * The session's whole document was replaced (import, restore, another tab, the property). A
   * replaced document ends the start screen unless `keepStart` (a new assessment).
   */
  #replaced({ save, keepStart = false }) {
    if (!keepStart) this.#starting = false;
    this.#bulk = null;
    this.#doc = null;
    this.#mode = this.#document().mode;
    if (this.#restrictMode()) {
      this.#doc = null;
      this.#mode = this.#document().mode;
    }
    this.#summary = this.#session.summary();
    this.#results = null;
    this.#complete = this.#answeredAll();
    if (this.#summaryView) {
      this.#views.summary?.render();
      return;
    }
    if (this.#views.results) this.#step = this.#fitStep(this.#step);
    this.#renderAll();
    if (save) this.#saved.save();
  }

  /**
   * The step to show for `step` in this mode: itself when it is one; a section's questions are on
   * the quick check's step in quick mode, and the quick check's in the first section in full mode.
   */
  #fitStep(step) {
    const ids = this.#views?.steps?.ids() ?? [];
    if (ids.includes(step)) return step;
    if (ids.includes(QUICK) && this.#ctx.catalog.section(step)) return QUICK;
    return step === QUICK ? ids[1] : 'scope';
  }

  /** Whether a new assessment opens on the start screen: the host picked no mode and allows both. */
  #offersStart() {
    return !MODES.includes(this.getAttribute('mode')) && this.#allowedModes().length > 1;
  }

  /**
   * Applies a change through the session. The session changes all or nothing: refused, nothing
   * changes (state, view, storage) and the reason is shown. Returns whether it applied.
   */
  #change(outcome, { rerenderStep = false, refused } = {}) {
    if (!outcome.ok) {
      if (refused) {
        refused(outcome.error);
      } else {
        this.#doc = null;
        this.#renderStep({ focus: false }); // the fields show the document again
        this.#notices.show('error', this.#t('changeFailed', outcome.error));
      }
      return false;
    }
    this.#summary = outcome.value;
    this.#results = null;
    if (rerenderStep) {
      this.#doc = null;
      this.#renderStep({ focus: false });
    }
    this.#views.steps.render(this.#step);
    this.#views.results.render();
    this.#saved.schedule();
    this.#announce();
    this.#changed();
    return true;
  }

  /** Sets an answer; the cached document follows the session when it accepts it. */
  #setAnswer(id, status, evidence, note, options) {
    const applied = this.#change(this.#session.setAnswer(id, status, evidence, note), options);
    if (applied && this.#doc) {
      if (status == null) delete this.#doc.answers[id];
      else this.#doc.answers[id] = { status, evidence, note };
    }
    // "None of these yet" counts the open questions left (unless its Undo is offered).
    const form = this.#views.main.querySelector(':scope > .form:has(> .bulk-area)');
    if (applied && form && !this.#bulk) Q.renderNoneYet(this.#ctx, form, this.#bulkActions());
    return applied;
  }

  /** What "None of these yet" on the current step does, and what its Undo would undo. */
  #bulkActions() {
    return {
      none: (ids) => this.#answering.noneYet(ids),
      undo: () => this.#answering.undo(),
      undone: this.#bulk?.step === this.#step ? this.#bulk.ids : null,
    };
  }

  // ---- layout ----------------------------------------------------------------------------

  /**
   * The element's frame: header and toolbar, notices, the start screen's place, the dialog. The
   * questionnaire (#buildQuestionnaire) goes into its layout once the catalog has loaded.
   */
  #buildFrame() {
    const uid = this.#uid;
    const t = this.#t;
    const mode = h('div', { class: 'mode', role: 'radiogroup', 'aria-label': t('modeLabel'), part: 'modes' },
      ...MODES.map((value) =>
        h('label', { 'data-mode': value }, h('input', { type: 'radio', name: `${uid}-mode`, value, onchange: () => this.#setMode(value) }), h('span', { text: t(value) }))));
    const exportMenu = h('details', { class: 'menu', 'data-feature': 'export' },
      h('summary', { class: 'btn', text: t('export') }),
      h('div', { class: 'menu-list' },
        ...FORMATS.map((f) => h('button', { type: 'button', class: 'btn', 'data-format': f.id, 'data-feature': f.print ? 'print' : null, text: t(`format.${f.id}`) }))));
    exportMenu.addEventListener('click', (e) => {
      const id = e.target.closest('button')?.dataset.format;
      if (!id) return;
      exportMenu.open = false;
      this.#export(id);
    });
    const file = h('input', { type: 'file', accept: 'application/json,.json', hidden: true, onchange: (e) => this.#importFile(e.target) });
    const reset = h('span', { class: 'confirm', 'data-feature': 'reset' },
      h('button', { type: 'button', class: 'btn', text: t('startOver'), onclick: () => this.#confirmReset(true) }));
    const live = h('p', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const printArea = h('div', { class: 'print-area print-only', lang: t.lang });
    const start = h('div', { class: 'start-area' });
    const layout = h('div', { class: 'layout' });
    // Questions asked of the visitor (a file replacing answers): a modal dialog in the element.
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': `${uid}-dialog-h`, 'aria-describedby': `${uid}-dialog-d` });

    // The privacy sentence is the host's to set (slot `privacy`): a host that forwards results
    // to a CRM must not say that answers stay in the browser.
    // `lang`: screen readers speak it in that language, and words hyphenate in it.
    const app = h('div', { class: 'app', part: 'app', lang: t.lang },
      h('header', { class: 'top', part: 'header' },
        h('h1', {}, t('title'), h('small', {}, `${t('tagline')} `,
          h('slot', { name: 'privacy' }, t('privacy')))),
        h('div', { class: 'actions', part: 'toolbar' }, mode,
          h('button', { type: 'button', class: 'btn', text: t('import'), 'data-feature': 'import', onclick: () => file.click() }), file,
          exportMenu, reset)),
      this.#notices.el,
      start,
      layout,
      live, dialog);
    this.#root.replaceChildren(app, printArea);
    this.#notices.el.part = 'notices';
    this.#views = { app, start, layout, dialog, file, mode, printArea, live, reset, exportMenu };
    this.#applyFeatures();
  }

  /** The steps, the current step's questions and the results panel, in the frame's layout. */
  #buildQuestionnaire() {
    const { app, layout } = this.#views;
    questionnaire.adoptedBy(this.#root);
    const steps = new Q.Steps(this.#ctx, (step) => this.#go(step));
    const main = h('main', { class: 'step', 'aria-live': 'off' });
    const results = new Q.ResultsPanel(this.#ctx);
    app.insertBefore(steps.progress, this.#notices.el);
    layout.append(steps.el, main, results.el);
    steps.progress.part = 'progress';
    steps.el.part = 'steps';
    main.part = 'step';
    results.el.part = 'results';
    Object.assign(this.#views, { steps, main, results });
    this.#ctaInPanel();
    this.#applyFeatures();
    // Narrow, the panel starts folded behind "Show" unless the host asks for it open.
    if (this.clientWidth && this.clientWidth < 760 && !this.hasAttribute('results-open')) results.setOpen(false);
    if (this.#narrowNav()) steps.fold();
    const element = this;
    // What the visitor types and clicks (answering.js, in the questionnaire's chunk).
    this.#answering ??= new Q.Answering({
      ctx: this.#ctx, session: this.#session, notices: this.#notices,
      get main() { return element.#views.main; },
      get step() { return element.#step; },
      get bulk() { return element.#bulk; },
      set bulk(v) { element.#bulk = v; },
      setAnswer: (...args) => this.#setAnswer(...args),
      change: (...args) => this.#change(...args),
      fresh: () => { this.#doc = null; },
      renderStep: () => this.#renderStep({ focus: false }),
    });
    main.addEventListener('change', (e) => this.#answering.onChange(e));
    main.addEventListener('input', (e) => this.#answering.onInput(e));
    main.addEventListener('click', (e) => {
      const id = e.target.closest('button[data-clear]')?.dataset.clear;
      if (id) this.#setAnswer(id, null, false, '', { rerenderStep: true });
    });
  }

  /** The call to action's place in the results panel: right after the headline scores. */
  #ctaInPanel() {
    const body = this.#views?.results?.body;
    if (!body) return;
    body.insertBefore(this.#cta, body.querySelector(':scope > table'));
  }

  /** Shows the tools `features` lists and the modes `modes` allows. */
  #applyFeatures() {
    const root = this.#root;
    for (const el of root.querySelectorAll('[data-feature]')) el.hidden = !this.#feature(el.dataset.feature);
    const allowed = this.#allowedModes();
    for (const label of this.#views.mode.querySelectorAll('label')) label.hidden = !allowed.includes(label.dataset.mode);
    this.#views.mode.hidden = allowed.length < 2;
  }

  #renderAll() {
    if (this.#starting && !this.#offersStart()) this.#starting = false; // the host picked a mode since
    this.#views.app.classList.toggle('starting', this.#starting);
    this.#views.start.replaceChildren(...(this.#starting ? [this.#startScreen()] : []));
    for (const input of this.#views.mode.querySelectorAll('input')) input.checked = input.value === this.#mode;
    // The start screen hides the steps, the questions and the results: they are drawn when the
    // visitor chooses (#begin), not for a first screen that never shows them; nor before the
    // questionnaire has loaded (#questionnaire draws them then).
    if (this.#starting || !this.#views.results) return;
    this.#views.steps.render(this.#step);
    this.#renderStep({ focus: false });
    this.#views.results.render();
  }

  /** Whether the step list is shown as a folding menu (narrow layouts). */
  #narrowNav() {
    return this.getAttribute('layout') === 'compact' || (this.clientWidth > 0 && this.clientWidth < 1120);
  }

  /** The start screen, with how many questions each mode asks of the visitor for this profile. */
  #startScreen() {
    const counts = {};
    for (const mode of MODES) {
      // The other mode's count: the session switched there and back (nothing else changes).
      const summary = mode === this.#mode ? this.#summary : this.#session.setMode(mode).value;
      counts[mode] = summary ? progressOf(summary.overall.counts).open : '–';
      if (mode !== this.#mode) this.#session.setMode(this.#mode);
    }
    return startView(this.#uid, this.#t, counts, {
      choose: (mode) => this.#begin(mode),
      importFile: this.#feature('import') ? () => this.#views.file.click() : null,
    });
  }

  /** The visitor chose on the start screen: that mode, saved at once, on its first step. */
  async #begin(mode) {
    try {
      await this.#questionnaire(); // loaded once the start screen was painted: at once, usually
    } catch {
      return; // the element says why
    }
    if (!this.#starting) return; // chosen twice
    this.#starting = false;
    if (mode !== this.#mode) this.#setMode(mode);
    this.#saved.save();
    this.#renderAll();
    this.#go(mode === 'quick' ? this.#fitStep(QUICK) : 'scope');
  }

  #go(step) {
    this.#step = step;
    this.#bulk = null;
    this.#saved.saveStep(step);
    if (this.#narrowNav()) this.#views.steps.fold();
    this.#views.steps.render(step);
    this.#renderStep({ focus: true });
    const ids = this.#views.steps.ids();
    this.#emit('soc2-readiness-step', { step, title: this.#views.steps.title(step), index: ids.indexOf(step), count: ids.length, summary: this.#eventSummary });
  }

  #renderStep({ focus }) {
    const { main, steps } = this.#views;
    const ids = steps.ids();
    const i = ids.indexOf(this.#step);
    const actions = { export: (f) => this.#export(f), can: (f) => this.#feature(f === 'json' ? 'export' : f) };
    let body;
    const bulk = this.#bulkActions();
    if (this.#step === 'scope') body = Q.scopeView(this.#ctx);
    else if (this.#step === 'report') {
      body = this.#reportStep(actions);
      body.content.part = 'report';
    } else if (this.#step === QUICK) body = Q.quickView(this.#ctx, steps.sections(), bulk);
    else body = Q.sectionView(this.#ctx, this.#step, bulk);
    // The call to action ends the report; elsewhere it sits in the results panel.
    if (this.#step === 'report') body.content.append(this.#cta);
    else this.#ctaInPanel();
    const heading = h('h2', { tabindex: '-1', text: steps.title(this.#step) });
    const prev = ids[i - 1];
    const next = ids[i + 1];
    main.replaceChildren(
      h('div', { class: 'step-head' }, heading, body.intro),
      body.content,
      h('div', { class: 'pager' },
        prev ? h('button', { type: 'button', class: 'btn', text: this.#t('prev', { step: steps.title(prev) }), onclick: () => this.#go(prev) }) : h('span'),
        next ? h('button', { type: 'button', class: 'btn primary', text: this.#t('next', { step: steps.title(next) }), onclick: () => this.#go(next) }) : h('span')));
    if (focus) {
      heading.focus();
      if (this.getBoundingClientRect().top < 0) heading.scrollIntoView({ block: 'start' });
    }
  }

  /** The Report step: print and download buttons, then the report (at once, or when its chunk has loaded). */
  #reportStep(actions) {
    const box = h('div', { class: 'report' });
    const fill = () => report.adoptedBy(this.#root).renderReport(this.#ctx, REPORT_LIB, box);
    if (report.sheet) fill();
    else {
      box.append(h('p', { class: 'muted', role: 'status', text: this.#t('loadingReport') }));
      report.load().then(() => box.isConnected && fill(), (err) => {
        box.replaceChildren();
        this.#notices.show('error', this.#t('reportFailed', { reason: err.message }));
      });
    }
    return {
      intro: h('p', { text: this.#t('reportIntro') }),
      content: h('div', { class: 'form' },
        h('div', { class: 'actions' },
          actions.can('print') && h('button', { type: 'button', class: 'btn primary', text: this.#t('format.print'), onclick: () => actions.export('print') }),
          actions.can('json') && h('button', { type: 'button', class: 'btn', text: this.#t('downloadJson'), onclick: () => actions.export('json') })),
        box),
    };
  }

  #setMode(mode) {
    if (this.#mode === mode || !this.#allowedModes().includes(mode)) return;
    this.#mode = mode;
    if (!this.#change(this.#session.setMode(mode))) {
      this.#mode = this.#document().mode;
      return;
    }
    this.#doc = null;
    this.#step = this.#fitStep(this.#step);
    this.#views.steps.render(this.#step);
    this.#renderStep({ focus: false });
  }

  #announce() {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const o = this.#summary.overall;
      const p = progressOf(o.counts);
      const t = this.#t;
      this.#views.live.textContent = t('announce', { type1: t.pct(o.design), band: this.#ctx.catalog.band(o.band), type2: t.pct(o.operating), n: p.yours, open: p.open });
    }, 500);
  }

  // ---- export, import, reset -------------------------------------------------------------

  /** An export (exporting.js, a chunk loaded on the first export). */
  #export(id) {
    const element = this;
    return import('./exporting.js').then(({ exportAs }) => exportAs({
      t: this.#t, notices: this.#notices, root: this.#root, session: this.#session, withSchema, download, today, loadExports, loadCatalog, loadHelp,
      help: () => this.#help(), more: () => this.#more(),
      print: () => Promise.all([this.#help(), report.load()]).then(() => report.adoptedBy(this.#root).renderReport(this.#ctx, REPORT_LIB, this.#views.printArea)),
      exported: (format, filename) => this.#emit('soc2-readiness-export', { format, filename, summary: this.#eventSummary }),
      get shared() { return element.#shared; },
    }, format(id)), (err) => this.#notices.show('error', this.#t('failed', { reason: err.message })));
  }

  /** The import (import.js, loaded on first use; share.js adopts a link's answers through it). */
  #importerGet() {
    const views = () => this.#views; // (drawn again when the language changes)
    // Its words come with the questionnaire's chunk.
    return (this.#importer ??= Promise.all([import('./import.js'), this.#questionnaire()]).then(([{ Importer, english }]) => addEnglish(english) && new Importer({
      h, t: this.#t, uid: this.#uid, limits: this.#ctx.limits, notices: this.#notices, get dialog() { return views().dialog; },
      Session: this.#Session, startDate: () => this.#startDate(), session: this.#session,
      answered: () => Object.keys(this.#document().answers).length,
      replaced: () => this.#replaced({ save: true }),
      changed: () => this.#emit('soc2-readiness-change'),
    })));
  }

  /**
   * share.js, loaded on first use (a chunk of its own, handed what it shares): the results card,
   * the link to the results and what opens one, the comparison with an earlier export.
   */
  #more() {
    const views = () => this.#views; // (drawn again when the language changes)
    return (this.#sharing ??= Promise.all([import('./share.js'), this.#questionnaire()]).then(([{ Sharing, english }]) => addEnglish(english) && (this.#shared = new Sharing({
      h, bar, download, today, uid: this.#uid, root: this.#root, get app() { return views().app; }, ctx: this.#ctx,
      notices: this.#notices, get dialog() { return views().dialog; }, Session: this.#Session, startDate: () => this.#startDate(),
      session: this.#session, help: () => this.#help(), loadExports, importer: () => this.#importerGet(), reportLib: REPORT_LIB, can: (f) => this.#feature(f),
      report: () => Promise.all([this.#help(), report.load()]).then(() => report.adoptedBy(this.#root)),
      exported: (format, filename) => this.#emit('soc2-readiness-export', { format, filename, summary: this.#eventSummary }),
    })), (err) => {
      this.#sharing = null; // tried again next time
      throw err;
    }));
  }

  /** Opens the shared results of the page's `#share=` fragment, if it has one. */
  #openLink() {
    const link = new URLSearchParams(location.hash.slice(1)).get('share');
    if (link != null) this.#questionnaire().then(() => this.#more()).then((m) => m.open(link), (err) => this.#notices.show('error', this.#t('linkFailed', { reason: err.message })));
  }

  /** Imports the chosen file (import.js, loaded on the first import). */
  async #importFile(input) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      await (await this.#importerGet()).run(file);
    } catch (err) {
      this.#importer = null;
      this.#notices.show('error', this.#t('importFailed', { name: file.name, reason: err.message }));
    }
  }

  #confirmReset(ask) {
    const box = this.#views.reset;
    if (ask) {
      const cancel = h('button', { type: 'button', class: 'btn', text: this.#t('cancel'), onclick: () => this.#confirmReset(false) });
      box.replaceChildren(h('span', { text: this.#t('eraseAll') }),
        h('button', { type: 'button', class: 'btn danger', text: this.#t('erase'), onclick: () => {
          this.#confirmReset(false);
          this.#step = 'scope';
          this.#saved.saveStep('scope');
          const r = this.#session.reset(this.#startDate());
          if (r.ok) {
            this.#applyNewDocumentAttributes();
            this.#importer?.then((i) => i.forget());
            this.#starting = this.#offersStart(); // a new assessment: the choice again
          }
          this.#replaced({ save: true, keepStart: true });
          this.#notices.show(r.ok ? 'info' : 'error', this.#t(r.ok ? 'started' : 'resetFailed', r.error));
          if (r.ok) this.#root.querySelector(this.#starting ? '.start h2' : 'main h2')?.focus();
        } }),
        cancel);
      cancel.focus();
    } else {
      box.replaceChildren(h('button', { type: 'button', class: 'btn', text: this.#t('startOver'), onclick: () => this.#confirmReset(true) }));
    }
  }
}

if (!customElements.get(ELEMENT)) customElements.define(ELEMENT, Soc2Readiness);

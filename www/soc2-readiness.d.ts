// Types for the <soc2-readiness> element (www/soc2-readiness.js; in the npm package
// `soc2-readiness` and `soc2-readiness/min`). The document and result types come from the
// engine's generated declarations.
//
// Attributes (README "Embedding", reference):
//   mode="quick|full"             mode of a new assessment (set: a first visit skips the start screen)
//   modes="quick full"            the modes a visitor may choose; a restriction wins over saved state
//   features="import export print reset"  the tools shown (all when absent; none when empty)
//   categories="availability,…"   optional categories preselected for a new assessment
//   storage-key, storage-scope    where answers are saved (`none`: not saved)
//   layout="compact|full"         one column, or adapt to the width
//   start-date="YYYY-MM-DD"       start date of a new assessment
//   results-open                  the score panel starts expanded in narrow columns
//   view="summary"                the read-only, compact summary (no questions, never saves)
//   lang="de"                     the language (else the nearest ancestor's lang, the browser's,
//                                 English); changed, the element is drawn again, answers kept
// Slots: `cta` (the host's call to action: in the results panel, and at the end of the report),
// `privacy` (replaces "Your answers stay in this browser.").
// Parts: app, header, toolbar, modes, progress, notices, steps, step, results, report, cta, summary.
import type { AssessmentDocument, Band, Export, Mode } from './pkg/soc2_readiness.js';

export type { AssessmentDocument, Band, Export, Mode };

/** A score as events carry it: percentages (null when not assessed) and the Type I band. */
export interface Soc2ReadinessScore {
  type1: number | null;
  type2: number | null;
  band: Band;
}

/** A timeline as events carry it: weeks (low–high) and the report's expected dates. */
export interface Soc2ReadinessPlan {
  weeks: { low: number; high: number };
  reportDates: { low: string; high: string };
}

/**
 * What `soc2-readiness-ready`, `-change` and `-complete` carry (and `-step` and `-export` as
 * `summary`): a small summary of the latest results, without notes or names. The full results are
 * the element's `results` property.
 */
export interface Soc2ReadinessSummary {
  mode: Mode;
  readiness: Soc2ReadinessScore & { type2Band: Band; completion: number | null };
  /** Category id (security, availability, …) → its scores. */
  categories: Record<string, Soc2ReadinessScore>;
  /** The three gaps ranked first; titles from the catalog. */
  topActions: { controlId: string; title: string; kind: 'design' | 'evidence'; critical: boolean; window: 'days30' | 'days60' | 'days90' | 'later' }[];
  timeline: { type1: Soc2ReadinessPlan; type2: Soc2ReadinessPlan };
}

/** @deprecated The change event's detail is the summary; read full results from `element.results`. */
export type Soc2ReadinessChangeDetail = Soc2ReadinessSummary;

/** Detail of `soc2-readiness-step`: the visitor moved to a step. */
export interface Soc2ReadinessStepDetail {
  /** `scope`, a section id (full assessment), `quick` (the quick check's one step), or `report`. */
  step: string;
  title: string;
  /** Position of the step (0 is the scope) among `count` steps. */
  index: number;
  count: number;
  summary: Soc2ReadinessSummary;
}

/** Detail of `soc2-readiness-export`. */
export interface Soc2ReadinessExportDetail {
  format: 'json' | 'markdown' | 'csv' | 'oscal' | 'print' | 'card-svg' | 'card-png' | 'comparison-markdown' | 'comparison-csv';
  /** Name of the downloaded file; for print, the PDF's suggested name. */
  filename: string;
  summary: Soc2ReadinessSummary;
}

export declare class Soc2Readiness extends HTMLElement {
  /** A copy of the assessment document; null until the engine has loaded. */
  get assessment(): AssessmentDocument | null;
  /** Replaces the assessment; throws a TypeError naming the JSON path when it is invalid. */
  set assessment(document: AssessmentDocument | string);
  /** A copy of the latest results; null until the engine has loaded. */
  get results(): Export | null;
  /** Bytes of linear memory the shared Wasm engine holds. */
  get engineMemoryBytes(): number;
}

/** A source per language tag (`{ en, de }`); a single catalog or help source is English's. */
export type PerLanguage = Partial<Record<string, URL | string>>;

/** Loads the engine from other sources (URLs, or bytes and text inlined); call before the first element connects. */
export declare function configureSources(sources: {
  wasm?: URL | string | BufferSource;
  exportsWasm?: URL | string | BufferSource;
  catalog?: URL | string | PerLanguage;
  help?: URL | string | PerLanguage;
  /** The element's words in a language other than English (`i18n/<tag>.json`'s text or URL). */
  messages?: PerLanguage;
}): void;

declare global {
  interface HTMLElementTagNameMap {
    'soc2-readiness': Soc2Readiness;
  }
  interface HTMLElementEventMap {
    'soc2-readiness-ready': CustomEvent<Soc2ReadinessSummary>;
    'soc2-readiness-change': CustomEvent<Soc2ReadinessSummary>;
    'soc2-readiness-complete': CustomEvent<Soc2ReadinessSummary>;
    'soc2-readiness-step': CustomEvent<Soc2ReadinessStepDetail>;
    'soc2-readiness-export': CustomEvent<Soc2ReadinessExportDetail>;
  }
}

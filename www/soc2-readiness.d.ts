// Types for the <soc2-readiness> element (www/soc2-readiness.js and pkg/soc2-readiness.min.js).
// The document and result types come from the engine's generated declarations.
import type { AssessmentDocument, Export } from './pkg/soc2_readiness.js';

export type { AssessmentDocument, Export };

/** Detail of `soc2-readiness-ready` and `soc2-readiness-change`. */
export interface Soc2ReadinessChangeDetail {
  results: Export;
}

/** Detail of `soc2-readiness-export`. */
export interface Soc2ReadinessExportDetail {
  format: 'json' | 'markdown' | 'csv' | 'oscal' | 'print';
  /** Name of the downloaded file; null for print. */
  filename: string | null;
  results: Export;
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

/** Loads the engine from other sources (URLs, or bytes and text inlined); call before the first element connects. */
export declare function configureSources(sources: {
  wasm?: URL | string | BufferSource;
  exportsWasm?: URL | string | BufferSource;
  catalog?: URL | string;
}): void;

declare global {
  interface HTMLElementTagNameMap {
    'soc2-readiness': Soc2Readiness;
  }
  interface HTMLElementEventMap {
    'soc2-readiness-ready': CustomEvent<Soc2ReadinessChangeDetail>;
    'soc2-readiness-change': CustomEvent<Soc2ReadinessChangeDetail>;
    'soc2-readiness-export': CustomEvent<Soc2ReadinessExportDetail>;
  }
}

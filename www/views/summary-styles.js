// The read-only summary view's rules (views/summary.js), in its chunk: adopted after the element's
// own stylesheet when the view is drawn. Minified by the bundle like styles.js.
import { common } from './common-styles.js';

export const styles = common + String.raw`
.summary-view { display: grid; gap: 8px; padding: 12px; font-size: .875em; max-width: 40em; }
.summary-view h2 { font-size: 1.15em; }
.summary-view h3 { font-size: 1em; }
.sv-scores { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
.sv-score { display: flex; gap: 6px; align-items: baseline; }
.sv-score strong { font-size: 1.3em; font-variant-numeric: tabular-nums; }
.sv-gaps ol { list-style: decimal; padding-inline-start: 1.4em; }
.summary-view table { font-size: 1em; }
`;

// Styles of the questionnaire (the steps, the questions, the scope form, the results panel), in
// the questionnaire's chunk with its views (views/questionnaire.js): adopted after the element's
// own stylesheet (www/styles.js: the frame, the start screen, notices, dialogs) once the
// chunk has loaded, with the rules it shares with the summary view (views/common-styles.js).
// Minified by the bundle like that one.
import { common } from './common-styles.js';

export const styles = common + String.raw`
.progress { display: grid; gap: 4px; font-size: .875em; color: var(--muted); }
.progress svg { width: 100%; height: 8px; display: block; }
.layout { display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); align-items: start; }
.layout > .results { order: -1; }
.layout > nav { order: -2; }
@container (min-width: 760px) {
  .layout > .results, .layout > nav { order: 0; }
  .layout { grid-template-columns: minmax(0, 1fr) minmax(280px, 340px); }
  .layout > nav { grid-column: 1 / -1; }
}
@container (min-width: 1120px) {
  .layout { grid-template-columns: 220px minmax(0, 1fr) minmax(300px, 360px); }
  .layout > nav { grid-column: auto; position: sticky; top: 8px; }
  .results { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; }
}
:host([layout="compact"]) .layout { grid-template-columns: minmax(0, 1fr); }
:host([layout="compact"]) .layout > nav { grid-column: auto; position: static; }
:host([layout="compact"]) .results { position: static; max-height: none; }

.steps ol { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.steps-summary {
  cursor: pointer; min-height: 40px; padding: 8px 12px; border: 1px solid var(--border);
  border-radius: var(--radius); font-weight: 600; background: var(--surface);
}
@container (min-width: 1120px) {
  .steps-summary { display: none; }
  .steps ol { margin-top: 0; }
}
:host([layout="compact"]) .steps-summary { display: list-item; }
@container (min-width: 1120px) { .steps ol { display: grid; } }
:host([layout="compact"]) .steps ol { display: flex; }
.steps button {
  display: flex; justify-content: space-between; gap: 8px; width: 100%; min-height: 36px; padding: 4px 10px;
  border: 1px solid transparent; border-radius: var(--radius); background: none; cursor: pointer; text-align: start; font-size: .9em;
}
.steps button:hover { border-color: var(--border); }
.steps button[aria-current="step"] { background: var(--surface); border-color: var(--accent); font-weight: 600; }
.steps .count { color: var(--muted); font-variant-numeric: tabular-nums; font-weight: 400; white-space: nowrap; }
.steps .done .count { color: var(--good); }

main.step { display: grid; gap: 16px; min-width: 0; }
.step-head { display: grid; gap: 4px; }
.step-head h2 { font-size: 1.35em; line-height: 1.3; }
.step-head p { color: var(--muted); }
.step-head h2:focus { outline: none; }
.pager { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; }

.control, .card { border: 1px solid var(--border); border-radius: var(--radius); padding: 14px 16px; display: grid; gap: 10px; min-width: 0; }
/* A word longer than a phone's line (German compounds: "Informationssicherheitsrichtlinie")
   breaks rather than widening the card. */
.control { overflow-wrap: anywhere; }
.control legend { float: inline-start; width: 100%; padding: 0; font-weight: 600; }
.control legend + * { clear: both; }
.tags { display: flex; flex-wrap: wrap; gap: 6px; font-size: .78em; color: var(--muted); }
.tag { border: 1px solid var(--border); border-radius: 999px; padding: 0 8px; min-width: 0; overflow-wrap: anywhere; }
.tag.critical { color: var(--bad); border-color: var(--bad); }
.options { display: flex; flex-wrap: wrap; gap: 6px; }
.options label {
  display: inline-flex; align-items: center; gap: 6px; min-height: 36px; padding: 4px 10px;
  border: 1px solid var(--border); border-radius: var(--radius); cursor: pointer;
}
.options label:has(input:checked) { border-color: var(--accent); background: var(--surface); background: color-mix(in srgb, var(--accent) 14%, var(--surface)); box-shadow: inset 0 0 0 1px var(--accent); }
.options input, .check input { accent-color: var(--accent); width: 18px; height: 18px; margin: 0; }
.check { display: inline-flex; align-items: center; gap: 8px; }
.check:has(input:disabled) { color: var(--muted); }
.inherited { font-size: .875em; color: var(--muted); }
details.help > summary { cursor: pointer; color: var(--accent); width: fit-content; }
details.help dl { display: grid; gap: 6px; margin-top: 8px; padding: 10px 12px; background: var(--surface); border-radius: var(--radius); }
details.help dt { font-weight: 600; font-size: .875em; }
.note label { display: grid; gap: 4px; font-size: .875em; color: var(--muted); }
.note textarea { width: 100%; min-height: 2.6em; padding: 6px 8px; border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg); resize: vertical; }
.note .char-count { display: block; margin-top: 4px; font-size: .8em; color: var(--muted); }

.form { display: grid; gap: 16px; }
.form fieldset { border: 1px solid var(--border); border-radius: var(--radius); padding: 12px 16px 16px; display: grid; gap: 10px; min-width: 0; }
.form legend { font-weight: 600; padding: 0 4px; }
.fields { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr)); }
.field { display: grid; gap: 4px; align-content: start; }
.field label, .field .label { font-weight: 600; font-size: .9em; }
.field .hint { font-size: .8em; color: var(--muted); }
.field input[type="text"], .field input[type="number"], .field input[type="date"] {
  width: 100%; min-height: 40px; padding: 6px 8px; border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg);
}
.field input:invalid { border-color: var(--bad); }
.cats { display: grid; gap: 6px; }
.cats .hint { margin-inline-start: 26px; }
.group { display: grid; gap: 12px; }
.group > h3 { font-size: 1.05em; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
.group + .group { margin-top: 8px; }
.bulk-area { display: contents; }
.bulk {
  display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; padding: 8px 12px;
  border: 1px dashed var(--border); border-radius: var(--radius);
}
.bulk p { flex: 1 1 16em; }
.bulk p[role="status"] { color: var(--text); font-size: .875em; }
.card-foot { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; }
.card-foot > details[open] { flex-basis: 100%; }
.card-foot > .btn { margin-inline-start: auto; }
.results { display: grid; gap: 14px; border: 1px solid var(--border); border-radius: var(--radius); padding: 14px; background: var(--bg); min-width: 0; }
.results h2 { font-size: 1.1em; }
.results h3 { font-size: .95em; margin-bottom: 6px; }
.results-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; flex-wrap: wrap; }
.results-head .summary { font-variant-numeric: tabular-nums; font-size: .875em; }
@container (min-width: 760px) { .results-head .summary { display: none; } }
.results-body { display: grid; gap: 14px; }
@container (min-width: 760px) { .results-toggle { display: none; } .results-body[hidden] { display: grid !important; } }
.estimate { font-size: .85em; padding: 6px 10px; border-radius: var(--radius); background: var(--fair-bg); color: var(--fair); }
.meters { display: grid; gap: 10px; }
.meter { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; align-items: center; }
.meter .label { font-size: .875em; }
.meter .value { font-variant-numeric: tabular-nums; font-weight: 700; font-size: 1.25em; min-width: 4.5ch; text-align: end; }
.meter svg { grid-column: 1 / -1; width: 100%; height: 8px; display: block; }
.meter .band { grid-column: 1 / -1; }
.track { fill: var(--surface); stroke: var(--border); stroke-width: .3; }
.fill { fill: var(--accent); }
.list { display: grid; gap: 6px; font-size: .875em; }
/* Sizes are relative to the element's own font size (em), never the page root's (rem): where a
   small text sits inside a small container, the inner size is divided by the outer one. */
.list .muted { font-size: 1em; }
.phases .muted { font-size: calc(.875em / .8); }
table .band { font-size: calc(.78em / .875); white-space: nowrap; }
/* A score and its band wrap onto two lines where the band's name is long ("Feststellungen wahrscheinlich"). */
td.num:has(.band) { white-space: normal; }
.list li { display: grid; gap: 2px; }
.gap-title { font-weight: 600; overflow-wrap: anywhere; }
.list details > summary { cursor: pointer; }
.list details p { margin-top: 4px; }
/* The plan: numbered actions, blockers marked by a bar and the word (not colour alone). */
.plan-intro { display: grid; gap: 4px; container: plan-intro / inline-size; }
.windows { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 4px; font-size: .75em; }
.windows li { white-space: nowrap; padding: 4px 6px; background: var(--surface); border-radius: 6px; line-height: 1.3; }
@container plan-intro (max-width: 21em) { .windows { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.windows strong { font-size: 1.25em; font-variant-numeric: tabular-nums; display: block; }
.filters { display: flex; flex-wrap: wrap; gap: 4px; border: 0; padding: 0; margin: 6px 0; }
.filters label { display: inline-flex; }
.filters input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.filters span { font-size: .8em; padding: 2px 10px; border: 1px solid var(--border); border-radius: 999px; cursor: pointer; }
.filters input:checked + span { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
.filters input:focus-visible + span { outline: 3px solid var(--focus); outline-offset: 2px; }
ol.actions { display: grid; gap: 8px; font-size: .875em; }
.action { display: grid; grid-template-columns: 2em 1fr; gap: 0 4px; padding-inline-start: 6px; border-inline-start: 3px solid transparent; }
.action.blocker { border-inline-start-color: var(--bad); }
.action .rank { font-variant-numeric: tabular-nums; color: var(--muted); }
.action-body { display: grid; gap: 2px; min-width: 0; }
.action-body .muted, .action-body .owner { font-size: 1em; }
.actions > li.muted { font-size: 1em; }
.assign > summary { cursor: pointer; color: var(--accent); width: fit-content; }
.assign-form { display: grid; grid-template-columns: auto 1fr; gap: 4px 8px; align-items: center; margin-top: 4px; }
.assign-form input { min-height: 36px; padding: 4px 6px; border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg); min-width: 0; width: 100%; }
[data-plan-more] { justify-self: start; margin-top: 6px; }
/* Where the weak areas are: each area's name, then Type I and Type II side by side, each a
   number over a bar (Type II's bar outlined: the words, not the colour, tell them apart). */
.chart { display: grid; gap: 8px; font-size: .8em; }
.chart li { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12px; }
.chart-area { grid-column: 1 / -1; font-weight: 600; overflow-wrap: anywhere; }
.chart-value { display: grid; grid-template-columns: 1fr auto; align-items: baseline; }
.chart-label { color: var(--muted); }
.chart-num { font-variant-numeric: tabular-nums; font-weight: 600; }
.chart-value svg { grid-column: 1 / -1; width: 100%; height: 8px; display: block; }
.chart-value.operating .fill { fill: none; stroke: var(--accent); stroke-width: 1.5; }
[data-chart-more] { justify-self: start; margin-top: 6px; }
.weak-areas { display: grid; gap: 4px; }
/* Criteria in scope: id, title and score in each row's summary; the controls behind it inside. */
.criteria-map > summary { cursor: pointer; font-weight: 600; font-size: .95em; }
.criteria { display: grid; gap: 2px; margin-top: 6px; font-size: .8em; }
.criterion > summary { display: grid; grid-template-columns: 3.6em minmax(0, 1fr) auto; gap: 6px; padding: 2px 6px; border-radius: 6px; cursor: pointer; list-style: none; align-items: baseline; }
.criterion > summary::-webkit-details-marker { display: none; }
.criterion .ctitle { overflow-wrap: anywhere; }
.criterion .pct { font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
.criterion-detail { margin: 4px 0 6px; font-size: calc(.85em / .8); padding: 8px 10px; background: var(--surface); border-radius: var(--radius); }
.criterion-detail ul { margin-top: 4px; display: grid; gap: 2px; }
.phases { display: grid; gap: 6px; font-size: .8em; }
.phase { display: grid; grid-template-columns: 1fr auto; gap: 0 8px; }
.phase svg { grid-column: 1 / -1; width: 100%; height: 10px; display: block; }
.ph-low { fill: var(--accent); }
.ph-high { fill: var(--accent); opacity: .35; }
.plan { display: grid; gap: 6px; }
.plan + .plan { margin-top: 10px; }
.plan-head { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.plan-head strong { font-variant-numeric: tabular-nums; }
@media print {
  /* The report prints alone; until its chunk has loaded (printing before the Report step or the
     print export was used), the readiness panel prints instead. */
  .app:has(~ .print-area:not(:empty)) { display: none !important; }
  .app > :not(.layout), .layout > :not(.results), .results-head > :not(h2), .results button, .results details, .results .filters { display: none !important; }
  .app, .layout { display: block; padding: 0; }
  .results { position: static; max-height: none; overflow: visible; border: 0; padding: 0; }
  .results-body[hidden] { display: grid !important; }
  .card, .phase { break-inside: avoid; }
}
`;

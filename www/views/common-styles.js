// Rules the questionnaire's chunk and the summary view's share: the bands' badges, what caps a
// band, the disclaimer, tables. Not on the start screen, so not in the element's own stylesheet
// (styles.js): each chunk's stylesheet begins with these. Minified by the bundle like that one.
export const common = String.raw`
.band { display: inline-block; width: fit-content; font-size: .78em; font-weight: 600; padding: 0 8px; border-radius: 999px; }
.b-auditReady { color: var(--good); background: var(--good-bg); }
.b-findingsLikely { color: var(--fair); background: var(--fair-bg); }
.b-materialGaps { color: var(--poor); background: var(--poor-bg); }
.b-notReady { color: var(--bad); background: var(--bad-bg); }
.b-notAssessed { color: var(--muted); background: var(--surface); border: 1px dashed var(--border); }
.caps { display: grid; gap: 4px; font-size: .85em; color: var(--poor); }
.caps:empty { display: none; }
.disclaimer { font-size: .8em; }
table { border-collapse: collapse; width: 100%; font-size: .875em; }
th, td { text-align: start; padding: 4px 6px; border-bottom: 1px solid var(--border); vertical-align: top; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
`;

// What the Export menu offers: one entry per format. A format the engine renders names its file
// extension and media type; `render` formats go through the exports module, loaded on first use;
// `set` is the OSCAL set (the exports module's `oscalSet`, zipped by oscal-zip.js); `more` entries
// are not downloads of the assessment itself (below).
// Adding a format: an entry here (and, for an engine format, a `ReportFormat` in src/report.rs).

export const FORMATS = [
  { id: 'json', label: 'Assessment (JSON, re-importable)', ext: 'json', type: 'application/json' },
  { id: 'markdown', label: 'Summary for a wiki (Markdown)', ext: 'md', type: 'text/markdown' },
  { id: 'csv', label: 'Gaps for an issue tracker (CSV)', ext: 'csv', type: 'text/csv' },
  { id: 'oscal', label: 'OSCAL: catalog, SSP, plan and results (ZIP)', ext: 'oscal.zip', type: 'application/zip', set: true },
  { id: 'print', label: 'Print or save as PDF', print: true },
  // `more`: what share.js does (loaded on first use): the results card as an image, a link to the
  // results, a comparison with an earlier export.
  { id: 'card-svg', label: 'Results card (SVG image)', more: true },
  { id: 'card-png', label: 'Results card (PNG image)', more: true },
  { id: 'link', label: 'Copy a link to these results…', more: true },
  { id: 'compare', label: 'Compare with a previous assessment…', more: true },
];

export const format = (id) => FORMATS.find((f) => f.id === id);

/** A UTC timestamp to the second, for OSCAL's `generatedAt` (the engine reads no clock). */
export const nowStamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

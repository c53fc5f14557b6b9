// What the Export menu offers: one entry per format. A format the engine renders names its file
// extension and media type; `render` formats go through the exports module, loaded on first use;
// `set` is the OSCAL set (the exports module's `oscalSet`, zipped by oscal-zip.js); `more` entries
// are not downloads of the assessment itself (below).
// Adding a format: an entry here, its menu label `format.<id>` in i18n/en.js and every
// i18n/<tag>.json (and, for an engine format, a `ReportFormat` in src/report.rs).

export const FORMATS = [
  { id: 'json', ext: 'json', type: 'application/json' },
  { id: 'markdown', ext: 'md', type: 'text/markdown' },
  { id: 'csv', ext: 'csv', type: 'text/csv' },
  { id: 'oscal', ext: 'oscal.zip', type: 'application/zip', set: true },
  { id: 'print', print: true },
  // `more`: what share.js does (loaded on first use): the results card as an image, a link to the
  // results, a comparison with an earlier export.
  { id: 'card-svg', more: true },
  { id: 'card-png', more: true },
  { id: 'link', more: true },
  { id: 'compare', more: true },
];

export const format = (id) => FORMATS.find((f) => f.id === id);

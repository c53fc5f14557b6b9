// The comparison view: what moved between an earlier assessment and this one, from the exports
// module's `compare` (src/compare.rs, the CLI's `diff`). Overall, per category, section and
// criterion: before → now, the points gained or lost for Type I and Type II, band changes; a
// before/after chart per category; the controls that moved; how each report's expected dates
// moved. Names come from the catalog (states, bands, categories, sections, criteria, control
// titles); an id the catalog no longer has is shown as the id. Part of share.js's chunk.

/** The movements, in the order shown (the Markdown's headings, src/compare.rs). */
const MOVEMENTS = [
  ['improved', 'Improved'],
  ['regressed', 'Regressed'],
  ['changed', 'Changed state, same credit'],
  ['appeared', 'Asked now, not before'],
  ['dropped', 'Asked before, not now'],
  ['retired', 'Retired: answered before under an id this catalog no longer has'],
];

/** "+14", "−3", "±0". */
const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/**
 * The view of comparison `c`. lib: { h, bar, scoreText, catalog, uid }; src: { source (what the
 * earlier assessment is, for the heading) }; actions: { download(format), close, closeLabel }.
 */
export function comparisonView(c, lib, src, actions) {
  const { h, catalog, uid } = lib;
  const answers = (s) => `${s.answered} answer${s.answered === 1 ? '' : 's'}`;
  const version = (s) => s.catalogVersion ?? catalog.json.version;
  return h('section', { class: 'cmp', 'aria-labelledby': `${uid}-cmp-h` },
    h('div', { class: 'cmp-head' },
      h('h2', { id: `${uid}-cmp-h`, tabindex: '-1', text: `What moved since ${c.before.startDate}` }),
      h('p', { class: 'muted', text: `Before: ${src.source}, starting ${c.before.startDate} (${answers(c.before)}, catalog ${version(c.before)}). Now: your answers in this browser, starting ${c.after.startDate} (${answers(c.after)}, catalog ${version(c.after)}).` }),
      h('div', { class: 'cmp-actions' },
        h('button', { type: 'button', class: 'btn', 'data-compare-as': 'markdown', text: 'Download Markdown', onclick: () => actions.download('markdown') }),
        h('button', { type: 'button', class: 'btn', 'data-compare-as': 'csv', text: 'Download CSV', onclick: () => actions.download('csv') }),
        h('button', { type: 'button', class: 'btn primary', 'data-compare-close': '', text: actions.closeLabel, onclick: actions.close }))),
    c.catalogChanged && h('p', { class: 'notice warning', 'data-catalog-changed': '' }, h('span', { text: `The catalog changed in between (${version(c.before)} then, ${version(c.after)} now): questions may have been added (listed as asked now, not before) or retired (listed as retired), so part of the movement is the catalog's, not yours.` })),
    c.warnings.length > 0 && h('div', { class: 'notice warning' }, h('p', { text: 'Reading the two assessments noticed:' }),
      h('ul', { class: 'cmp-warnings' }, ...c.warnings.map((w) => h('li', { text: `${w.path}: ${w.message}` })))),
    overall(c, lib),
    categories(c, lib),
    controls(c, lib),
    moved(c.sections, lib, 'Areas that moved', 'Area', (id) => catalog.section(id)?.title ?? id, 'sections'),
    moved(c.criteria, lib, 'Criteria that moved', 'Criterion', (id) => `${id} ${catalog.criterionTitle(id)}`.trim(), 'criteria'),
    timeline(c, lib));
}

/** "38 % → 52 % (+14)"; a side out of scope is "not in scope". */
function change(lib, ch, key, points) {
  const { scoreText } = lib;
  const side = (s) => (s ? scoreText(s[key]) : 'not in scope');
  const p = ch[points];
  return `${side(ch.before)} → ${side(ch.after)}${p == null ? '' : ` (${signed(p)})`}`;
}

/** "Not ready → Findings likely", or "Not ready, unchanged". */
function bands(lib, ch, key) {
  const name = (s) => (s ? lib.catalog.band(s[key]) : 'not in scope');
  const [b, a] = [name(ch.before), name(ch.after)];
  return a === b ? `${a}, unchanged` : `${b} → ${a}`;
}

/** Overall: Type I and Type II, before → now, with the bands. */
function overall(c, lib) {
  const { h } = lib;
  const o = c.overall;
  const card = (name, key, points, band) => h('div', { class: 'cmp-score', 'data-overall': key },
    h('span', { class: 'score-name', text: name }),
    h('strong', { text: change(lib, o, key, points) }),
    h('span', { class: 'muted', text: bands(lib, o, band) }));
  return h('section', { class: 'cmp-overall', 'aria-label': 'Overall' },
    card('Type I readiness (design)', 'design', 'designPoints', 'band'),
    card('Type II readiness (operating)', 'operating', 'operatingPoints', 'operatingBand'));
}

/**
 * Each category before and after: a chart (per type, a bar for before and one for now, each
 * with its number as text; before outlined, now filled: the words say which is which, not the
 * colours) with the points and the band change.
 */
function categories(c, lib) {
  const { h, bar, scoreText, catalog } = lib;
  const pair = (ch, key, points, label) => {
    const row = (label, s, cls) => h('span', { class: 'cmp-bar' },
      h('span', { class: 'cmp-when', text: label }), bar(cls, s?.[key] ?? 0),
      h('span', { class: 'cmp-num', text: s ? scoreText(s[key]) : 'not in scope' }));
    return h('td', { 'data-label': label },
      row('Before', ch.before, 'fill-before'),
      row('Now', ch.after, 'fill'),
      h('span', { class: 'cmp-points', text: ch[points] == null ? '' : `${signed(ch[points])} point${Math.abs(ch[points]) === 1 ? '' : 's'}` }));
  };
  const rows = Object.entries(c.categories).map(([id, ch]) => h('tr', { 'data-category': id },
    h('th', { scope: 'row' }, h('span', { class: 'cmp-cat', text: catalog.categoryTitle(id) }), h('span', { class: 'muted cmp-band', text: `Type I: ${bands(lib, ch, 'band')}` })),
    pair(ch, 'design', 'designPoints', 'Type I (design)'),
    pair(ch, 'operating', 'operatingPoints', 'Type II (operating)')));
  return h('section', { class: 'cmp-cats' },
    h('h3', { text: 'By category' }),
    h('table', { class: 'cmp-chart' },
      h('caption', { class: 'sr-only', text: 'Readiness by category, before and now, 0 to 100 %' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Category' }), h('th', { scope: 'col', text: 'Type I (design)' }), h('th', { scope: 'col', text: 'Type II (operating)' }))),
      h('tbody', {}, ...rows)));
}

/** Whether a score change is worth a row: points, a band, or a side in or out of scope. */
const moving = (ch) => ch.bandChanged || (ch.designPoints ?? 0) !== 0 || (ch.operatingPoints ?? 0) !== 0 || !ch.before !== !ch.after;

/** Sections or criteria that moved, as a table; how many did not. */
function moved(map, lib, heading, column, name, kind) {
  const { h } = lib;
  const all = Object.entries(map);
  const rows = all.filter(([, ch]) => moving(ch));
  const still = all.length - rows.length;
  const table = rows.length
    ? h('table', { class: 'cmp-table' },
        h('thead', {}, h('tr', {}, ...[column, 'Type I', 'Type II', 'Band (Type I)'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, ...rows.map(([id, ch]) => h('tr', { 'data-id': id },
          h('th', { scope: 'row', text: name(id) }),
          h('td', { 'data-label': 'Type I', text: change(lib, ch, 'design', 'designPoints') }),
          h('td', { 'data-label': 'Type II', text: change(lib, ch, 'operating', 'operatingPoints') }),
          h('td', { 'data-label': 'Band (Type I)', text: bands(lib, ch, 'band') })))))
    : null;
  const rest = h('p', { class: 'muted', text: rows.length ? (still ? `${still} others did not move.` : '') : `None moved (${all.length} compared).` });
  // A long list (a category brought into scope moves all its criteria) is folded.
  if (rows.length > 12) {
    return h('section', { class: 'cmp-moved', 'data-moved': kind },
      h('details', { class: 'cmp-group' }, h('summary', {}, h('h3', { class: 'cmp-fold', text: `${heading} (${rows.length})` })), table, rest));
  }
  return h('section', { class: 'cmp-moved', 'data-moved': kind }, h('h3', { text: heading }), table, rest);
}

/** The controls that moved, by movement; long lists folded. */
function controls(c, lib) {
  const { h, catalog } = lib;
  const state = (s) => (s ? catalog.state(s) : 'not asked');
  const groups = MOVEMENTS.map(([kind, heading]) => [kind, heading, c.controls.filter((x) => x.change === kind)]).filter(([, , items]) => items.length);
  return h('section', { class: 'cmp-controls' },
    h('h3', { text: c.controls.length ? `Questions that moved (${c.controls.length})` : 'Questions that moved' }),
    c.controls.length === 0 && h('p', { class: 'muted', text: 'No answer moved.' }),
    ...groups.map(([kind, heading, items]) => h('details', { class: 'cmp-group', 'data-movement': kind, open: items.length <= 12 },
      h('summary', {}, h('span', { class: 'cmp-kind', text: heading }), ` (${items.length})`),
      h('ul', {}, ...items.map((x) => {
        const known = catalog.control(x.controlId);
        return h('li', { 'data-control': x.controlId },
          known ? h('span', { class: 'cmp-title', text: known.title }) : h('code', { text: x.controlId }),
          h('span', { class: 'muted', text: kind === 'retired' ? `${state(x.before)} before; no longer asked` : `${state(x.before)} → ${state(x.after)}` }));
      })))));
}

/** How each report's expected dates moved. */
function timeline(c, lib) {
  const { h } = lib;
  const closer = (d) => (d === 0 ? 'no change' : d > 0 ? `${d} days earlier` : `${-d} days later`);
  const dates = (d) => `${d.low} to ${d.high}`;
  const row = (name, r) => h('li', { 'data-report': name },
    h('strong', { text: `${name} report` }),
    h('span', { text: `Expected ${dates(r.reportDatesBefore)} before, ${dates(r.reportDatesAfter)} now` }),
    h('span', { class: 'muted', text: `${closer(r.earlierByDays.low)} at the early end, ${closer(r.earlierByDays.high)} at the late end (${r.weeksBefore.low}–${r.weeksBefore.high} weeks from the start date before, ${r.weeksAfter.low}–${r.weeksAfter.high} now)` }));
  return h('section', { class: 'cmp-timeline' },
    h('h3', { text: 'When each report can be expected' }),
    h('ul', {}, row('Type I', c.timeline.type1), row('Type II', c.timeline.type2)));
}

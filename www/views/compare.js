// The comparison view: what moved between an earlier assessment and this one, from the exports
// module's `compare` (src/compare.rs, the CLI's `diff`). Overall, per category, section and
// criterion: before → now, the points gained or lost for Type I and Type II, band changes; a
// before/after chart per category; the controls that moved; how each report's expected dates
// moved. Names come from the catalog (states, bands, categories, sections, criteria, control
// titles); an id the catalog no longer has is shown as the id. Part of share.js's chunk.

/** The movements, in the order shown (the Markdown's headings, src/compare.rs); their words are `moved.<id>`. */
const MOVEMENTS = ['improved', 'regressed', 'changed', 'appeared', 'dropped', 'retired'];

/** "+14", "−3", "±0". */
const signed = (t, n) => (n > 0 ? `+${t.num(n)}` : n < 0 ? `−${t.num(-n)}` : '±0');

/**
 * The view of comparison `c`. lib: { h, bar, t (the element's words), catalog, uid }; src: { source (what the
 * earlier assessment is, for the heading) }; actions: { download(format), close, closeLabel }.
 */
export function comparisonView(c, lib, src, actions) {
  const { h, catalog, uid, t } = lib;
  const side = (s) => ({ date: t.date(s.startDate), answers: t('answers', { n: s.answered }), version: s.catalogVersion ?? catalog.json.version });
  const [before, after] = [side(c.before), side(c.after)];
  return h('section', { class: 'cmp', 'aria-labelledby': `${uid}-cmp-h` },
    h('div', { class: 'cmp-head' },
      h('h2', { id: `${uid}-cmp-h`, tabindex: '-1', text: t('cmp.title', { date: before.date }) }),
      h('p', { class: 'muted', text: t('cmp.sides', { source: src.source, date: before.date, answers: before.answers, version: before.version, nowDate: after.date, nowAnswers: after.answers, nowVersion: after.version }) }),
      h('div', { class: 'cmp-actions' },
        h('button', { type: 'button', class: 'btn', 'data-compare-as': 'markdown', text: t('cmp.markdown'), onclick: () => actions.download('markdown') }),
        h('button', { type: 'button', class: 'btn', 'data-compare-as': 'csv', text: t('cmp.csv'), onclick: () => actions.download('csv') }),
        h('button', { type: 'button', class: 'btn primary', 'data-compare-close': '', text: actions.closeLabel, onclick: actions.close }))),
    c.catalogChanged && h('p', { class: 'notice warning', 'data-catalog-changed': '' }, h('span', { text: t('cmp.catalogChanged', { before: before.version, after: after.version }) })),
    c.warnings.length > 0 && h('div', { class: 'notice warning' }, h('p', { text: t('cmp.noticed') }),
      h('ul', { class: 'cmp-warnings' }, ...c.warnings.map((w) => h('li', { text: `${w.path}: ${w.message}` })))),
    overall(c, lib),
    categories(c, lib),
    controls(c, lib),
    moved(c.sections, lib, t('cmp.areas'), t('area'), (id) => catalog.section(id)?.title ?? id, 'sections'),
    moved(c.criteria, lib, t('cmp.criteria'), t('criterion'), (id) => `${id} ${catalog.criterionTitle(id)}`.trim(), 'criteria'),
    timeline(c, lib));
}

/** "38 % → 52 % (+14)"; a side out of scope is "not in scope". */
function change({ t }, ch, key, points) {
  const side = (s) => (s ? t.pct(s[key]) : t('notInScope'));
  const p = ch[points];
  return `${side(ch.before)} → ${side(ch.after)}${p == null ? '' : ` (${signed(t, p)})`}`;
}

/** "Not ready → Findings likely", or "Not ready, unchanged". */
function bands(lib, ch, key) {
  const name = (s) => (s ? lib.catalog.band(s[key]) : lib.t('notInScope'));
  const [b, a] = [name(ch.before), name(ch.after)];
  return a === b ? lib.t('unchanged', { band: a }) : `${b} → ${a}`;
}

/** Overall: Type I and Type II, before → now, with the bands. */
function overall(c, lib) {
  const { h, t } = lib;
  const o = c.overall;
  const card = (name, key, points, band) => h('div', { class: 'cmp-score', 'data-overall': key },
    h('span', { class: 'score-name', text: name }),
    h('strong', { text: change(lib, o, key, points) }),
    h('span', { class: 'muted', text: bands(lib, o, band) }));
  return h('section', { class: 'cmp-overall', 'aria-label': t('cmp.overall') },
    card(t('card.type1'), 'design', 'designPoints', 'band'),
    card(t('card.type2'), 'operating', 'operatingPoints', 'operatingBand'));
}

/**
 * Each category before and after: a chart (per type, a bar for before and one for now, each
 * with its number as text; before outlined, now filled: the words say which is which, not the
 * colours) with the points and the band change.
 */
function categories(c, lib) {
  const { h, bar, t, catalog } = lib;
  const pair = (ch, key, points, label) => {
    const row = (label, s, cls) => h('span', { class: 'cmp-bar' },
      h('span', { class: 'cmp-when', text: label }), bar(cls, s?.[key] ?? 0),
      h('span', { class: 'cmp-num', text: s ? t.pct(s[key]) : t('notInScope') }));
    return h('td', { 'data-label': label },
      row(t('cmp.before'), ch.before, 'fill-before'),
      row(t('cmp.now'), ch.after, 'fill'),
      h('span', { class: 'cmp-points', text: ch[points] == null ? '' : t('points', { n: Math.abs(ch[points]), signed: signed(t, ch[points]) }) }));
  };
  const rows = Object.entries(c.categories).map(([id, ch]) => h('tr', { 'data-category': id },
    h('th', { scope: 'row' }, h('span', { class: 'cmp-cat', text: catalog.categoryTitle(id) }), h('span', { class: 'muted cmp-band', text: `${t('type1')}: ${bands(lib, ch, 'band')}` })),
    pair(ch, 'design', 'designPoints', t('how.type1')),
    pair(ch, 'operating', 'operatingPoints', t('how.type2'))));
  return h('section', { class: 'cmp-cats' },
    h('h3', { text: t('cmp.byCategory') }),
    h('table', { class: 'cmp-chart' },
      h('caption', { class: 'sr-only', text: t('cmp.caption') }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('category') }), h('th', { scope: 'col', text: t('how.type1') }), h('th', { scope: 'col', text: t('how.type2') }))),
      h('tbody', {}, ...rows)));
}

/** Whether a score change is worth a row: points, a band, or a side in or out of scope. */
const moving = (ch) => ch.bandChanged || (ch.designPoints ?? 0) !== 0 || (ch.operatingPoints ?? 0) !== 0 || !ch.before !== !ch.after;

/** Sections or criteria that moved, as a table; how many did not. */
function moved(map, lib, heading, column, name, kind) {
  const { h, t } = lib;
  const all = Object.entries(map);
  const rows = all.filter(([, ch]) => moving(ch));
  const still = all.length - rows.length;
  const table = rows.length
    ? h('table', { class: 'cmp-table' },
        h('thead', {}, h('tr', {}, ...[column, t('type1'), t('type2'), t('bandType1')].map((text) => h('th', { scope: 'col', text })))),
        h('tbody', {}, ...rows.map(([id, ch]) => h('tr', { 'data-id': id },
          h('th', { scope: 'row', text: name(id) }),
          h('td', { 'data-label': t('type1'), text: change(lib, ch, 'design', 'designPoints') }),
          h('td', { 'data-label': t('type2'), text: change(lib, ch, 'operating', 'operatingPoints') }),
          h('td', { 'data-label': t('bandType1'), text: bands(lib, ch, 'band') })))))
    : null;
  const rest = h('p', { class: 'muted', text: rows.length ? (still ? t('cmp.still', { n: still }) : '') : t('cmp.noneMoved', { n: all.length }) });
  // A long list (a category brought into scope moves all its criteria) is folded.
  if (rows.length > 12) {
    return h('section', { class: 'cmp-moved', 'data-moved': kind },
      h('details', { class: 'cmp-group' }, h('summary', {}, h('h3', { class: 'cmp-fold', text: `${heading} (${rows.length})` })), table, rest));
  }
  return h('section', { class: 'cmp-moved', 'data-moved': kind }, h('h3', { text: heading }), table, rest);
}

/** The controls that moved, by movement; long lists folded. */
function controls(c, lib) {
  const { h, catalog, t } = lib;
  const state = (s) => (s ? catalog.state(s) : t('notAsked'));
  const groups = MOVEMENTS.map((kind) => [kind, t(`moved.${kind}`), c.controls.filter((x) => x.change === kind)]).filter(([, , items]) => items.length);
  return h('section', { class: 'cmp-controls' },
    h('h3', { text: c.controls.length ? t('cmp.questionsCount', { n: c.controls.length }) : t('cmp.questions') }),
    c.controls.length === 0 && h('p', { class: 'muted', text: t('cmp.noAnswer') }),
    ...groups.map(([kind, heading, items]) => h('details', { class: 'cmp-group', 'data-movement': kind, open: items.length <= 12 },
      h('summary', {}, h('span', { class: 'cmp-kind', text: heading }), ` (${items.length})`),
      h('ul', {}, ...items.map((x) => {
        const known = catalog.control(x.controlId);
        return h('li', { 'data-control': x.controlId },
          known ? h('span', { class: 'cmp-title', text: known.title }) : h('code', { text: x.controlId }),
          h('span', { class: 'muted', text: kind === 'retired' ? t('cmp.retired', { state: state(x.before) }) : `${state(x.before)} → ${state(x.after)}` }));
      })))));
}

/** How each report's expected dates moved. */
function timeline(c, lib) {
  const { h, t } = lib;
  const closer = (d) => (d === 0 ? t('noChange') : d > 0 ? t('daysEarlier', { n: d }) : t('daysLater', { n: -d }));
  const dates = (d) => t('dates', { from: t.date(d.low), to: t.date(d.high) });
  const weeks = (w) => t('weeks', { low: w.low, high: w.high });
  const row = (name, r) => h('li', { 'data-report': name },
    h('strong', { text: t(`cmp.${name}`) }),
    h('span', { text: t('cmp.expected', { before: dates(r.reportDatesBefore), now: dates(r.reportDatesAfter) }) }),
    h('span', { class: 'muted', text: t('cmp.moved', { early: closer(r.earlierByDays.low), late: closer(r.earlierByDays.high), before: weeks(r.weeksBefore), now: weeks(r.weeksAfter) }) }));
  return h('section', { class: 'cmp-timeline' },
    h('h3', { text: t('cmp.when') }),
    h('ul', {}, row('type1', c.timeline.type1), row('type2', c.timeline.type2)));
}

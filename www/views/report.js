// The executive report: the Report step and what printing shows. Page 1 is the summary a board
// reads (organisation and scope, Type I and II readiness with what caps them, readiness by area,
// the plan's first ten actions, both timelines, what is already in place, the disclaimer); the
// appendix, after a page break when printed, holds the whole plan and the notes on the answers.
//
// The element puts the step's buttons above it. Loaded only when needed (the Report step, the
// print export), in a chunk of its own: the helpers it shares with the element (dom.js,
// catalog.js, results.js) are handed in as `lib`, so that the bundle splits no shared chunk off
// the first screen (as views/summary.js). Every name of an engine value comes from the catalog;
// user text reaches the DOM only as text.

import { cardShapes, cardSvg } from './card.js';

/**
 * The report's rules, adopted into the element's shadow root with the chunk (a constructable
 * stylesheet, as styles.js: no style element or attribute). The palette, the print area and the
 * light colours on paper are the element's (styles.js).
 */
export const styles = String.raw`
.report { display: grid; gap: 18px; }
/* The report: page 1 and the appendix. Its own container: two columns
   where it is wide enough (the screen's main column, the printed page), stacked rows on phones. */
.report-doc { display: grid; gap: 28px; container: report / inline-size; min-width: 0; }
.page-one, .appendix { display: grid; gap: 20px; min-width: 0; align-content: start; }
.report-doc h3 { font-size: 1.35em; line-height: 1.25; }
.report-doc h4 { font-size: 1em; line-height: 1.3; margin-bottom: 8px; }
.r-head { display: grid; gap: 4px; padding-bottom: 10px; border-bottom: 2px solid var(--text); }
.r-headline { display: grid; gap: 10px; }
.report-doc .scores { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
.report-doc .score { display: grid; gap: 2px; align-content: start; padding: 8px 12px; border: 1px solid var(--border); border-radius: var(--radius); }
.score-name { font-size: .875em; }
.report-doc .score strong { font-size: 1.75em; line-height: 1.15; font-variant-numeric: tabular-nums; }
.report-doc .r-when strong { font-size: 1.3em; line-height: 1.35; }
.nowrap { white-space: nowrap; }
.r-when .muted { font-size: .8em; }
.r-split { display: grid; gap: 20px 28px; grid-template-columns: minmax(0, 1fr); align-items: start; }
.r-split > *, .r-side > * { min-width: 0; }
.r-side { display: grid; gap: 20px 28px; align-items: start; }
/* The report's own width decides. Wide (the printed page): four cards in a row, the chart
   beside the actions. Narrower (the screen's main column): the chart takes the whole width, the
   actions and what is in place share a row below it. */
@container report (min-width: 50em) {
  .report-doc .scores { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  .r-split { grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); }
}
@container report (min-width: 30em) and (max-width: 49.99em) { .r-side { grid-template-columns: minmax(0, 1.6fr) minmax(0, 1fr); } }
.r-chart { table-layout: fixed; }
.r-chart th, .r-chart td { padding-block: 2px; padding-inline: 0 6px; vertical-align: middle; }
.r-chart thead th { font-size: .9em; font-weight: 600; }
.r-chart thead th:first-child { width: 44%; }
.r-chart tbody th { font-weight: 400; line-height: 1.2; }
.r-bar { display: flex; align-items: center; gap: 6px; }
.r-bar svg { flex: 1 1 auto; min-width: 2em; height: 10px; display: block; }
.r-num { flex: none; min-width: 3.2em; text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.fill-op { fill: var(--accent); opacity: .5; }
.r-top { display: grid; gap: 6px; font-size: .875em; }
.r-top li { display: grid; grid-template-columns: 1.5em minmax(0, 1fr); gap: 0 6px; }
.r-top .rank { grid-row: span 2; text-align: end; font-weight: 700; font-variant-numeric: tabular-nums; }
.r-top .gap-title { overflow-wrap: anywhere; }
.r-meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 6px; }
.r-top .muted { font-size: .92em; }
.report-doc .tag { font-size: .78em; white-space: nowrap; }
.r-table .tag { margin-inline-start: 6px; }
.r-actions > p { margin-top: 8px; }
.r-inplace { display: grid; gap: 4px; align-content: start; font-size: .875em; }
.r-inplace h4 { font-size: calc(1em / .875); margin-bottom: 4px; }
.r-inplace .muted { font-size: 1em; }
.r-foot { font-size: .8em; color: var(--muted); padding-top: 8px; border-top: 1px solid var(--border); }
.r-foot strong { color: var(--text); font-weight: 600; }
.appendix { padding-top: 16px; border-top: 2px solid var(--text); }
.appendix > section { display: grid; gap: 6px; min-width: 0; }
.r-table { table-layout: fixed; }
.r-table caption { caption-side: top; text-align: start; padding-bottom: 4px; color: var(--muted); }
.r-table td { overflow-wrap: anywhere; }
.r-table th { font-weight: 600; }
.plan-table th.c-rank { width: 2.4em; }
.plan-table th.c-stage { width: 15%; }
.plan-table th.c-window { width: 12%; }
.plan-table th.c-state { width: 14%; }
.plan-table th.c-effort { width: 4em; }
.plan-table th.c-owner { width: 11%; }
.plan-table th.c-due { width: 7.4em; }
.plan-table td.c-due { overflow-wrap: normal; white-space: nowrap; }
.notes-table th.c-control { width: 30%; }
.notes-table th.c-state { width: 20%; }
.c-note { white-space: pre-wrap; }
.r-card { display: grid; gap: 6px; }
.card-svg { display: block; width: 100%; max-width: 40em; height: auto; border: 1px solid var(--border); }
/* Phones: each row of a report table is a block, each cell on its own line with its column's name. */
@container report (max-width: 34em) {
  .r-table thead, .r-chart thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .r-table, .r-table caption, .r-table tbody, .r-table tr, .r-table td, .r-chart, .r-chart tbody { display: block; width: auto; }
  .r-table tr { padding: 6px 0; border-bottom: 1px solid var(--border); }
  /* The column's name before the value: 6em wide, wider for a longer name ("Verantwortlich"). */
  .r-table td, .r-table td.num { display: flex; gap: .5em; padding-block: 1px; padding-inline: 0; border: 0; text-align: start; white-space: normal; }
  .r-table td::before { content: attr(data-label); flex: none; width: 6em; min-width: min-content; color: var(--muted); overflow-wrap: normal; }
  .r-table td.empty { display: none; }
  .plan-table td.c-rank { float: inline-start; padding: 0; padding-inline-end: .5em; font-weight: 700; }
  .plan-table td.c-control { display: block; font-weight: 600; }
  .plan-table td.c-rank::before, .plan-table td.c-control::before { content: none; }
  .r-chart tr { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 12px; padding: 5px 0; border-bottom: 1px solid var(--border); }
  .r-chart th, .r-chart td { display: block; border: 0; padding: 0; }
  .r-chart tbody th { grid-column: 1 / -1; font-weight: 600; }
  .r-chart td::before { content: attr(data-label); display: block; font-size: .85em; color: var(--muted); }
}
@media print {
  .page-one, .r-side { gap: 16px; }
  .r-split { gap: 16px 24px; }
  /* Blocks, not grids, where the report runs over pages: Chromium fragments tables inside grid
     items badly (a repeated header overlapping what follows). */
  .report-doc, .appendix, .appendix > section { display: block; }
  .appendix { break-before: page; padding-top: 0; border-top: 0; }
  .appendix > section + section { margin-top: 20px; }
  .appendix > section > p { margin-bottom: 6px; }
  .r-card { break-inside: avoid; }
  .card-svg { max-width: 100%; }
  .report-doc .score, .r-top li, .r-chart tr, .r-table tr, .r-head, .r-foot { break-inside: avoid; }
  .report-doc h4 { break-after: avoid; }
  .band, .estimate, .tag, svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

export { cardPng, cardShapes, cardSvgText } from './card.js';
/** The report's and the card's English words (the element adds them when the chunk loads). */
export { default as english } from '../i18n/en-report.js';

/** How many of the plan's actions page 1 lists. */
const TOP = 10;

/**
 * Renders the report into `into`.
 * ctx: the element's context (its words and formats: `ctx.t`); lib: { h, bar, capReasons, chartRows }.
 */
export function renderReport(ctx, lib, into) {
  const { h } = lib;
  const { catalog, results: r, document: doc, t } = ctx;
  const title = (id) => catalog.control(id)?.title ?? id;
  into.lang = t.lang;
  into.replaceChildren(h('article', { class: 'report-doc' },
    h('div', { class: 'page-one' },
      head(ctx, lib),
      headline(ctx, lib),
      h('div', { class: 'r-split' }, areas(ctx, lib), h('div', { class: 'r-side' }, topActions(ctx, lib, title), inPlace(ctx, lib, title))),
      h('p', { class: 'r-foot' }, h('strong', { text: t('disclaimer') }), ` ${t('r.generated', { generator: ctx.generator, version: catalog.json.version })}`)),
    h('div', { class: 'appendix' },
      planTable(ctx, lib, title),
      notes(ctx, lib, title, doc, r),
      resultsCard(ctx, lib))));
}

/**
 * Appendix: the results card (views/card.js), the image the Export menu downloads. Here rather
 * than on page 1, which the board's summary already fills (the card repeats its headline).
 */
function resultsCard(ctx, lib) {
  const { h } = lib;
  return h('section', { class: 'r-card' },
    h('h4', { text: ctx.t('r.card') }),
    h('p', { class: 'muted', text: ctx.t('r.card.text') }),
    cardSvg(cardShapes(ctx, lib), h));
}

/** Organisation, and the scope line. */
function head({ catalog, document: doc, results: r, t }, { h }) {
  const p = doc.profile;
  const scope = [
    t('r.scope', { categories: p.categories.map((c) => catalog.categoryTitle(c)).join(', ') }),
    t('r.start', { date: t.date(p.startDate) }),
    t('r.window', { n: p.observationMonths }),
    p.cloudProvider && t('r.hosted', { provider: p.cloudProvider }),
    p.complianceOwner && t('r.owner', { owner: p.complianceOwner }),
  ].filter(Boolean).join(' · ');
  const name = t(r.estimate ? 'titleQuick' : 'title');
  return h('header', { class: 'r-head' },
    h('h3', { text: p.organization ? t('titleOf', { organization: p.organization, title: name }) : name }),
    h('p', { class: 'muted', text: scope }));
}

/**
 * The four numbers a board asks for: Type I and Type II readiness with their bands, and when
 * each report can be expected; then what was answered, the timeline's basis and what caps the bands.
 */
function headline(ctx, { h, capReasons }) {
  const { catalog, results: r, t } = ctx;
  const o = r.readiness.overall;
  const tl = r.timeline;
  const name = (report, what) => h('span', { class: 'score-name' }, h('b', { text: t(report) }), ` ${t(what)}`);
  const score = (report, what, value, band) => h('div', { class: 'score' },
    name(report, what), h('strong', { text: t.pct(value) }), catalog.badge(band));
  // Each range and date kept on one line.
  const nowrap = (text) => h('span', { class: 'nowrap', text });
  const when = (report, p) => h('div', { class: 'score r-when' },
    name(report, 'r.in'), h('strong', {}, nowrap(`${t.num(p.weeks.low)}–${t.num(p.weeks.high)}`), ` ${t('r.weeks')}`),
    h('span', { class: 'muted' }, nowrap(t.date(p.reportDates.low)), ` ${t('r.to')} `, nowrap(t.date(p.reportDates.high))));
  return h('section', { class: 'r-headline', 'aria-label': t('r.headline') },
    h('div', { class: 'scores' },
      score('type1', 'r.design', o.design, o.band),
      score('type2', 'r.operating', o.operating, o.operatingBand),
      when('type1', tl.type1),
      when('type2', tl.type2)),
    h('p', { class: 'muted', text: t('r.basis', { n: o.counts.answered, asked: o.counts.asked, percent: t.pct(o.completion), date: t.date(tl.startDate), hours: tl.drivers.capacityHoursPerWeek, weeks: tl.drivers.observationWeeks }) }),
    r.estimate && h('p', { class: 'estimate', text: t('r.estimate') }),
    h('ul', { class: 'caps' }, ...capReasons(catalog, t, ctx.summary.overall).map((text) => h('li', { text }))));
}

/**
 * Readiness by area: one row per section with questions asked, in the results panel's order
 * (chartRows: weakest Type I first), Type I and Type II as bars with their numbers as text. A
 * table, one line per area, so that every area fits on page 1.
 */
function areas({ catalog, results: r, t }, { h, bar, chartRows }) {
  const rows = chartRows(r.readiness.sections).map(([id, score]) => {
    const s = catalog.section(id) ?? { id, title: id };
    const cell = (cls, label, v) => h('td', { 'data-label': label },
      h('span', { class: 'r-bar' }, bar(cls, v ?? 0), h('span', { class: 'r-num', text: v == null ? t('na') : t.pct(v) })));
    return h('tr', { 'data-section': s.id },
      h('th', { scope: 'row', text: s.title }),
      cell('fill', t('type1'), score.design),
      cell('fill-op', t('type2'), score.operating));
  });
  return h('section', { class: 'r-areas' },
    h('h4', { text: t('r.areas') }),
    h('table', { class: 'r-chart' },
      h('caption', { class: 'sr-only', text: t('r.areas.caption') }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('area') }), h('th', { scope: 'col', text: t('r.type1') }), h('th', { scope: 'col', text: t('r.type2') }))),
      h('tbody', {}, ...rows)));
}

/** The window and stage of an action, and its owner and date when set (each kept on one line). */
const meta = (h, catalog, t, a) => [catalog.window(a.window), catalog.stage(a.stage), a.owner && t('r.owner', { owner: a.owner }), a.due && t('r.due', { date: t.date(a.due) })]
  .filter(Boolean).flatMap((t, i) => [i ? ' · ' : null, h('span', { class: t.length < 40 ? 'nowrap' : null, text: t })]);

/** The plan's first actions: what to do first. */
function topActions({ catalog, results: r, t }, { h }, title) {
  const actions = r.plan.actions;
  const counts = ['days30', 'days60', 'days90', 'later'].map((w) => [w, actions.filter((a) => a.window === w).length]).filter(([, n]) => n);
  return h('section', { class: 'r-actions' },
    h('h4', { text: actions.length > TOP ? t('r.first', { n: TOP, count: actions.length }) : t('r.actions') }),
    actions.length
      ? h('ol', { class: 'r-top' }, ...actions.slice(0, TOP).map((a, i) => h('li', {},
        h('span', { class: 'rank', text: t.num(i + 1), 'aria-hidden': 'true' }),
        h('span', { class: 'gap-title', text: title(a.controlId) }),
        h('span', { class: 'r-meta' }, a.critical && h('span', { class: 'tag critical', text: t('critical') }), h('span', { class: 'muted' }, meta(h, catalog, t, a))))))
      : h('p', { class: 'muted', text: t(r.estimate ? 'r.noneQuick' : 'plan.none') }),
    counts.length > 0 && h('p', { class: 'muted', text: t('r.byWindow', { windows: counts.map(([w, n]) => `${catalog.window(w)} ${t.num(n)}`).join(' · ') }) }));
}

/** What is already in place: how many controls, the areas wholly in place, and some of the others. */
function inPlace({ catalog, results: r, t }, { h }, title) {
  const standings = r.standings;
  const counted = Object.values(standings).filter((s) => s.state !== 'notApplicable');
  const full = catalog.asked(standings, () => true).filter((id) => standings[id].design === 2);
  const evidenced = full.filter((id) => standings[id].operating === 2).length;
  const areas = catalog.sections.filter((s) => r.readiness.sections[s.id]?.assessed && r.readiness.sections[s.id].design === 100);
  const inArea = new Set(areas.map((s) => s.id));
  const others = full.filter((id) => !inArea.has(catalog.control(id)?.section));
  const few = (list, n = 3) => (list.length > n + 1 ? t('andMore', { list: list.slice(0, n).join(', '), n: list.length - n }) : list.join(', '));
  return h('section', { class: 'r-inplace' },
    h('h4', { text: t('r.inPlace') }),
    h('p', {}, h('strong', { text: t('r.ofCount', { n: full.length, count: counted.length }) }), ` ${t(full.length ? 'r.inPlace.records' : 'r.inPlace.text', { n: full.length, evidenced })}`),
    areas.length > 0 && h('p', {}, h('span', { class: 'muted', text: `${t('r.areasInPlace')} ` }), few(areas.map((s) => s.title))),
    others.length > 0 && h('p', {}, h('span', { class: 'muted', text: `${t(areas.length ? 'r.also' : 'r.among')} ` }), few(others.map(title))));
}

/** A table whose cells carry their column's name (`data-label`), for the stacked layout on phones. */
function table(h, cls, caption, columns, rows) {
  return h('table', { class: `r-table ${cls}` },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, ...columns.map(([name, c]) => h('th', { scope: 'col', class: c, text: name })))),
    // An empty cell shows a dash in the table, and nothing in the phone layout.
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((v, i) => (v
      ? h('td', { class: columns[i][1], 'data-label': columns[i][0] }, v)
      : h('td', { class: `${columns[i][1]} empty`, 'data-label': columns[i][0], text: '–' })))))));
}

/** Appendix: the whole plan, in order. */
function planTable({ catalog, results: r, t }, { h }, title) {
  const actions = r.plan.actions;
  if (!actions.length) return h('section', {}, h('h4', { text: t('r.plan') }), h('p', { class: 'muted', text: t('r.plan.none') }));
  const days = (hours) => Math.max(1, Math.round(hours / 8));
  const columns = [['#', 'c-rank num'], [t('control'), 'c-control'], [t('r.stage'), 'c-stage'], [t('r.windowColumn'), 'c-window'], [t('r.state'), 'c-state'], [t('r.effort'), 'c-effort num'], [t('owner'), 'c-owner'], [t('r.dueColumn'), 'c-due']];
  return h('section', { class: 'r-plan' },
    h('h4', { text: t('r.plan') }),
    table(h, 'plan-table', t('r.plan.caption', { n: actions.length, hours: r.plan.capacityHoursPerWeek }), columns,
      actions.map((a, i) => [
        t.num(i + 1),
        [h('span', { text: title(a.controlId) }), a.critical ? h('span', { class: 'tag critical', text: t('critical') }) : null],
        catalog.stage(a.stage),
        catalog.window(a.window),
        a.kind === 'evidence' ? t('r.noRecords', { state: catalog.state(a.state) }) : catalog.state(a.state),
        t('r.days', { n: days(a.effortHours) }),
        a.owner,
        t.date(a.due),
      ])));
}

/** Appendix: the notes written on the answers, in catalog order. */
function notes({ catalog, t }, { h }, title, doc) {
  const answers = doc.answers ?? {};
  const noted = catalog.json.controls.filter((c) => answers[c.id]?.note?.trim());
  return h('section', { class: 'r-notes' },
    h('h4', { text: t('r.notes') }),
    noted.length
      ? table(h, 'notes-table', t('r.notes.count', { n: noted.length }), [[t('control'), 'c-control'], [t('r.answer'), 'c-state'], [t('note'), 'c-note']],
        noted.map((c) => [title(c.id), catalog.state(answers[c.id].status), answers[c.id].note]))
      : h('p', { class: 'muted', text: t('r.notes.none') }));
}

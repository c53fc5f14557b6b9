// "Where the weak areas are": one row per section asked, with its Type I (design) and Type II
// (operating) readiness as numbers and as bars. Reads without colour (every value is text; the
// bars repeat it, Type II outlined) and to a screen reader (a list of areas, the bars hidden).
// No charting dependency.

import { bar, h } from '../dom.js';

/**
 * Rows of the chart of `sections` (the summary's `{ asked, design, operating }` or the results'
 * scores, whose `counts.asked` says the same), weakest Type I first; sections with nothing
 * asked are left out.
 */
export function chartRows(sections) {
  return Object.entries(sections)
    .filter(([, s]) => (s.asked ?? s.counts?.asked) > 0)
    // Weakest first; not assessed (all not applicable) last, catalog order among equals.
    .sort(([, a], [, b]) => (a.design ?? 101) - (b.design ?? 101));
}

/** The chart: `rows` from chartRows, the first `limit` of them (all when omitted); t: the element's words. */
export function sectionChart(catalog, t, rows, { limit = rows.length, id } = {}) {
  const value = (name, v, cls) => h('span', { class: `chart-value ${cls}` },
    h('span', { class: 'chart-label', text: name }), h('span', { class: 'chart-num', text: t.pct(v) }), bar(`fill ${cls}`, v ?? 0));
  return h('ul', { class: 'chart', id },
    ...rows.slice(0, limit).map(([sid, s]) => h('li', { 'data-section': sid },
      h('span', { class: 'chart-area', text: catalog.section(sid)?.title ?? sid }),
      value(t('type1'), s.design, 'design'),
      value(t('type2'), s.operating, 'operating'))));
}

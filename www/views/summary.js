// The read-only summary (`view="summary"`, the page's `?view=summary`): for wikis that frame the
// page at a fixed height and run no script of their own. Headline scores, categories, the
// plan's first actions and the timeline, from the engine's Summary; names from the catalog. No input, no storage
// writes. Loaded only when asked for, in a chunk of its own: the helpers it shares with the
// element (dom.js) are handed in, so that the bundle splits no shared chunk off the first
// screen. Its English words come with it (i18n/en-more.js, shared with the questionnaire's chunk).

export { default as english } from '../i18n/en-more.js';
export { styles } from './summary-styles.js';

export class SummaryView {
  /** ctx: the element's context (its words and formats: `ctx.t`); lib: { h } from dom.js. */
  constructor(ctx, lib) {
    this.ctx = ctx;
    this.lib = lib;
    const { h } = lib;
    this.el = h('section', { class: 'summary-view', part: 'summary', 'aria-labelledby': `${ctx.uid}-sv-h` });
  }

  render() {
    const { h } = this.lib;
    const { catalog, summary: r, uid, t } = this.ctx;
    const o = r.overall;
    const score = (name, value, band) => h('div', { class: 'sv-score' },
      h('span', { class: 'label', text: name }), h('strong', { text: t.pct(value) }), catalog.badge(band));
    const actions = r.plan.first.slice(0, 3);
    const plan = (name, p) => `${name} ${t('weeks', { low: p.weeks.low, high: p.weeks.high })}`;
    this.el.replaceChildren(
      h('h2', { id: `${uid}-sv-h`, text: t(r.estimate ? 'titleQuick' : 'title') }),
      h('div', { class: 'sv-scores' },
        score(t('type1'), o.design, o.band),
        score(t('type2'), o.operating, o.operatingBand),
        h('p', { class: 'muted', text: t('answeredOf', { n: o.counts.answered, open: o.counts.asked }) })),
      h('table', {}, h('caption', { class: 'sr-only', text: t('byCategory') }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('category') }), h('th', { scope: 'col', class: 'num', text: t('type1') }), h('th', { scope: 'col', class: 'num', text: t('type2') }))),
        h('tbody', {}, ...Object.entries(r.categories).map(([id, s]) => h('tr', {},
          h('th', { scope: 'row', text: catalog.categoryTitle(id) }),
          h('td', { class: 'num' }, `${t.pct(s.design)} `, catalog.badge(s.band)),
          h('td', { class: 'num', text: t.pct(s.operating) }))))),
      h('div', { class: 'sv-gaps' }, h('h3', { text: actions.length ? t('plan.headCount', { n: r.plan.count }) : t('plan.head') }),
        actions.length
          ? h('ol', {}, ...actions.map((a) => h('li', { text: `${catalog.control(a.controlId)?.title ?? a.controlId} (${catalog.window(a.window)})` })))
          : h('p', { class: 'muted', text: t('plan.none') })),
      h('p', { class: 'sv-plan', text: `${plan(t('type1'), r.timeline.type1)} · ${plan(t('type2'), r.timeline.type2)}` }),
      h('p', { class: 'muted disclaimer', text: t('disclaimer') }));
  }
}

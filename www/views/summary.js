// The read-only summary (`view="summary"`, the page's `?view=summary`): for wikis that frame the
// page at a fixed height and run no script of their own. Headline scores, categories, the
// plan's first actions and the timeline, from the engine's Summary; names from the catalog. No input, no storage
// writes. Loaded only when asked for, in a chunk of its own: the helpers it shares with the
// element (dom.js, catalog.js) are handed in, so that the bundle splits no shared chunk off the
// first screen.

export class SummaryView {
  /** ctx: the element's context; lib: { h, scoreText, DISCLAIMER } from dom.js and catalog.js. */
  constructor(ctx, lib) {
    this.ctx = ctx;
    this.lib = lib;
    const { h } = lib;
    this.el = h('section', { class: 'summary-view', part: 'summary', 'aria-labelledby': `${ctx.uid}-sv-h` });
  }

  render() {
    const { h, scoreText, DISCLAIMER } = this.lib;
    const { catalog, summary: r, uid } = this.ctx;
    const o = r.overall;
    const score = (name, value, band) => h('div', { class: 'sv-score' },
      h('span', { class: 'label', text: name }), h('strong', { text: scoreText(value) }), catalog.badge(band));
    const actions = r.plan.first.slice(0, 3);
    const plan = (name, t) => `${name} ${t.weeks.low}–${t.weeks.high} weeks`;
    this.el.replaceChildren(
      h('h2', { id: `${uid}-sv-h`, text: `SOC 2 readiness${r.estimate ? ' (quick estimate)' : ''}` }),
      h('div', { class: 'sv-scores' },
        score('Type I', o.design, o.band),
        score('Type II', o.operating, o.operatingBand),
        h('p', { class: 'muted', text: `${o.counts.answered} of ${o.counts.asked} answered` })),
      h('table', {}, h('caption', { class: 'sr-only', text: 'Readiness by category' }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Category' }), h('th', { scope: 'col', class: 'num', text: 'Type I' }), h('th', { scope: 'col', class: 'num', text: 'Type II' }))),
        h('tbody', {}, ...Object.entries(r.categories).map(([id, s]) => h('tr', {},
          h('th', { scope: 'row', text: catalog.categoryTitle(id) }),
          h('td', { class: 'num' }, `${scoreText(s.design)} `, catalog.badge(s.band)),
          h('td', { class: 'num', text: scoreText(s.operating) }))))),
      h('div', { class: 'sv-gaps' }, h('h3', { text: actions.length ? `What to do first (${r.plan.count} actions)` : 'What to do first' }),
        actions.length
          ? h('ol', {}, ...actions.map((a) => h('li', { text: `${catalog.control(a.controlId)?.title ?? a.controlId} (${catalog.window(a.window)})` })))
          : h('p', { class: 'muted', text: 'Nothing to do: every control asked is in place and evidenced.' })),
      h('p', { class: 'sv-plan', text: `${plan('Type I', r.timeline.type1)} · ${plan('Type II', r.timeline.type2)}` }),
      h('p', { class: 'muted disclaimer', text: DISCLAIMER }));
  }
}

// The step list (scope, each section asked in this mode, the report) and the progress line.

import { bar, h, keepFocus } from '../dom.js';

export class Steps {
  /** ctx: the element's context; onGo(step) moves to a step. */
  constructor(ctx, onGo) {
    this.ctx = ctx;
    this.onGo = onGo;
    this.list = h('ol');
    this.summary = h('summary', { class: 'steps-summary' });
    // Below 1120 px of width the step list folds into a menu, so the questions come first.
    this.menu = h('details', { open: true }, this.summary, this.list);
    this.el = h('nav', { class: 'steps', 'aria-label': 'Assessment steps' }, this.menu);
    this.progressText = h('span', {});
    this.progressBar = bar('fill', 0);
    this.progress = h('div', { class: 'progress' }, this.progressText, this.progressBar);
  }

  /** Step ids: the scope, each section with questions for this profile and mode, the report. */
  ids() {
    const asked = this.ctx.summary.sections;
    return ['scope', ...this.ctx.catalog.sections.filter((s) => asked[s.id]).map((s) => s.id), 'report'];
  }

  title(id) {
    if (id === 'scope') return 'Scope';
    if (id === 'report') return 'Report';
    return this.ctx.catalog.section(id)?.title ?? id;
  }

  fold() {
    this.menu.open = false;
  }

  render(current) {
    const sections = this.ctx.summary.sections;
    const steps = this.ids();
    const items = steps.map((id) => {
      const s = sections[id];
      const count = s ? `${s.answered}/${s.asked}` : '';
      return h('li', { class: s && s.answered === s.asked ? 'done' : null },
        h('button', { type: 'button', 'data-step': id, 'aria-current': id === current ? 'step' : null, onclick: () => this.onGo(id) },
          h('span', { text: this.title(id) }),
          count && h('span', { class: 'count', text: count, 'aria-label': `${s.answered} of ${s.asked} answered` })));
    });
    keepFocus(this.ctx.root, 'step', () => this.list.replaceChildren(...items));
    const here = sections[current];
    this.summary.textContent = `Step ${steps.indexOf(current) + 1} of ${steps.length}: ${this.title(current)}${here ? ` (${here.answered}/${here.asked})` : ''}`;
    const o = this.ctx.summary.overall;
    this.progressText.textContent = `${o.counts.answered} of ${o.counts.asked} questions answered (${o.completion ?? 0} %)${this.ctx.summary.estimate ? ' · quick check' : ''}`;
    this.progressBar.lastChild.setAttribute('width', o.completion ?? 0);
  }
}

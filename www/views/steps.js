// The step list (the scope; each section asked, or in quick mode the quick check's one step; the
// report) and the progress line. Counts are the visitor's own answers: a control inherited from
// the cloud provider's SOC 2 report is shown as inherited, never as answered.

import { bar, h, keepFocus } from '../dom.js';

import { progressOf, QUICK } from './progress.js';

export class Steps {
  /** ctx: the element's context; onGo(step) moves to a step. */
  constructor(ctx, onGo) {
    this.ctx = ctx;
    this.onGo = onGo;
    this.list = h('ol');
    this.summary = h('summary', { class: 'steps-summary' });
    // Below 1120 px of width the step list folds into a menu, so the questions come first.
    this.menu = h('details', { open: true }, this.summary, this.list);
    this.el = h('nav', { class: 'steps', 'aria-label': ctx.t('steps') }, this.menu);
    this.progressText = h('span', {});
    this.progressBar = bar('fill', 0);
    this.progress = h('div', { class: 'progress' }, this.progressText, this.progressBar);
  }

  /** The sections with questions for this profile and mode, in catalog order. */
  sections() {
    const asked = this.ctx.summary.sections;
    return this.ctx.catalog.sections.filter((s) => asked[s.id]).map((s) => s.id);
  }

  /** Step ids: the scope, each section asked (quick mode: the quick check), the report. */
  ids() {
    const sections = this.sections();
    if (this.ctx.mode === 'quick') return ['scope', ...(sections.length ? [QUICK] : []), 'report'];
    return ['scope', ...sections, 'report'];
  }

  title(id) {
    if (id === 'scope' || id === 'report' || id === QUICK) return this.ctx.t(id);
    return this.ctx.catalog.section(id)?.title ?? id;
  }

  fold() {
    this.menu.open = false;
  }

  /** A step's progress ({ yours, open, inherited }), or null for the scope and the report. */
  progressOf(id) {
    const { summary } = this.ctx;
    if (id === QUICK) return progressOf(summary.overall.counts);
    const s = summary.sections[id];
    return s ? progressOf(s) : null;
  }

  render(current) {
    const { t } = this.ctx;
    const steps = this.ids();
    const count = (p) => (p.open || !p.inherited ? `${t.num(p.yours)}/${t.num(p.open)}` : t('inheritedShort'));
    const label = (p) => t('answeredOf', { n: p.yours, open: p.open }) + (p.inherited ? `, ${t('inherited', { n: p.inherited })}` : '');
    const items = steps.map((id) => {
      const p = this.progressOf(id);
      return h('li', { class: p && p.yours >= p.open ? 'done' : null },
        h('button', { type: 'button', 'data-step': id, 'aria-current': id === current ? 'step' : null, onclick: () => this.onGo(id) },
          h('span', { text: this.title(id) }),
          p && h('span', { class: 'count', text: count(p), 'aria-label': label(p) })));
    });
    keepFocus(this.ctx.root, 'step', () => this.list.replaceChildren(...items));
    const here = this.progressOf(current);
    this.summary.textContent = t('stepOf', { n: steps.indexOf(current) + 1, count: steps.length, step: this.title(current) }) + (here ? ` (${count(here)})` : '');
    // Before the first answer nothing claims progress, inherited controls included.
    const o = progressOf(this.ctx.summary.overall.counts);
    const quick = this.ctx.mode === 'quick' ? ` · ${t('quickLower')}` : '';
    const inherited = o.inherited ? ` · ${t('inherited', { n: o.inherited })}` : '';
    const percent = o.open ? Math.floor((o.yours / o.open) * 100) : 0;
    this.progressText.textContent = (o.yours
      ? t('progress', { n: o.yours, open: o.open, percent: t.pct(percent) })
      : t('notStarted', { n: o.open })) + inherited + quick;
    this.progressBar.lastChild.setAttribute('width', percent);
  }
}

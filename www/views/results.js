// The results panel: Type I and II readiness with bands and what caps them, categories, the
// plan (what to do first, filtered to blockers or Type I, with owners and dates), where the weak
// areas are, the criteria in scope, the timeline at the programme's capacity, and how scores
// work. Built once, updated after every change.

import { bar, h, keepFocus } from '../dom.js';
import { clipChars } from '../text.js';
import { chartRows, sectionChart } from './chart.js';

/** `ids` named by `name`: the first few, and how many more (t: the element's words). */
export const few = (t, ids, name, count = ids.length, n = 3) => (count > n + 1 ? t('andMore', { list: ids.slice(0, n).map(name).join(', '), n: count - n }) : ids.map(name).join(', '));

/** Why a headline score's Type I band is below what the score alone gives, in words (none when no cap bites). */
export function capReasons(catalog, t, score) {
  if (score.band === score.uncappedBand) return [];
  // Each list names its first few and counts the rest.
  const list = ({ count, first }, name) => few(t, first, name, count);
  const unmet = score.unmetCriteria;
  const controls = score.cappingControls;
  const reasons = [];
  const band = catalog.band('materialGaps');
  if (unmet.count === 1) reasons.push(t('cap.unmetOne', { id: unmet.first[0], title: catalog.criterionTitle(unmet.first[0]), band }));
  else if (unmet.count) reasons.push(t('cap.unmet', { list: list(unmet, (id) => id), band }));
  if (controls.count) reasons.push(t('cap.controls', { n: controls.count, list: list(controls, (id) => catalog.control(id)?.title ?? id) }));
  return reasons;
}

/** What an action is, in a few words: its stage, when it ends, blocker, Type II only, effort. */
export function actionFacts(catalog, t, a) {
  return [
    catalog.stage(a.stage),
    catalog.window(a.window),
    a.critical && t('fact.blocker'),
    a.kind === 'evidence' ? t('fact.records') : catalog.state(a.state),
    t('personDays', { n: Math.max(1, Math.round(a.effortHours / 8)) }),
  ].filter(Boolean).join(' · ');
}

/** The plan's filters (their words are `filter.<id>`): everything, the blockers (critical controls), what Type I needs (design). */
const FILTERS = [
  ['all', () => true],
  ['blockers', (a) => a.critical],
  ['type1', (a) => a.kind === 'design'],
];
/** Actions and areas shown before "Show all". */
const SHOWN = 5;
const SHOWN_AREAS = 8;

export class ResultsPanel {
  constructor(ctx) {
    this.ctx = ctx;
    /** Plan filter, whether the whole plan is shown, and the actions whose owner form is open. */
    this.filter = 'all';
    this.expanded = false;
    this.assigning = new Set();
    /** Criteria whose detail is open. */
    this.openCriteria = new Set();
    /** What each part was last drawn from (see `same`). */
    this.drawn = new Map();
    const { uid, t } = ctx;
    const meter = (label) => {
      const value = h('span', { class: 'value' });
      const svg = bar('fill', 0);
      const bandSlot = h('span', { class: 'band' });
      return { el: h('div', { class: 'meter' }, h('span', { class: 'label', text: label }), value, svg, bandSlot), value, svg, bandSlot };
    };
    this.design = meter(t('meter.type1'));
    this.operating = meter(t('meter.type2'));
    const body = h('div', { class: 'results-body', id: `${uid}-results-body` });
    this.body = body;
    this.toggle = h('button', { type: 'button', class: 'btn small results-toggle', 'aria-expanded': 'true', 'aria-controls': body.id, text: t('hide'), onclick: () => this.setOpen(this.toggle.getAttribute('aria-expanded') !== 'true') });
    this.summary = h('span', { class: 'summary', 'aria-hidden': 'true' });
    const head = h('div', { class: 'results-head' }, h('h2', { id: `${uid}-results-h`, text: t('readiness') }), this.summary, this.toggle);
    this.estimate = h('p', { class: 'estimate', hidden: true });
    this.completion = h('p', { class: 'muted completion' });
    this.caps = h('ul', { class: 'caps' });
    this.categories = h('tbody');
    this.planHead = h('h3', { id: `${uid}-plan-h` });
    this.planIntro = h('div', { class: 'plan-intro' });
    this.filters = h('fieldset', { class: 'filters' }, h('legend', { class: 'sr-only', text: t('filter') }),
      ...FILTERS.map(([id]) => h('label', {},
        h('input', { type: 'radio', name: `${uid}-plan-filter`, value: id, checked: id === this.filter, 'data-plan-filter': id, onchange: () => { this.filter = id; this.renderPlan(); } }),
        h('span', { 'data-filter-label': id, text: t(`filter.${id}`) }))));
    this.actions = h('ol', { class: 'actions', 'aria-labelledby': this.planHead.id });
    this.more = h('button', { type: 'button', class: 'btn small', 'data-plan-more': '', onclick: () => { this.expanded = !this.expanded; this.renderPlan(); } });
    this.chartHead = h('h3', { id: `${uid}-chart-h`, text: t('weakAreas') });
    this.chart = h('div', { class: 'chart-slot' });
    this.chartAll = false;
    this.chartMore = h('button', { type: 'button', class: 'btn small', 'data-chart-more': '', 'aria-controls': `${uid}-chart`, onclick: () => { this.chartAll = !this.chartAll; this.renderChart(); } });
    this.criteriaHead = h('summary');
    this.cells = h('div', { class: 'criteria' });
    this.plans = h('div');
    // How scores work: each term `how.<id>` and its explanation `how.<id>.text`.
    const why = h('details', { class: 'help' }, h('summary', { text: t('how') }),
      h('dl', {}, ...['type1', 'type2', 'bands', 'plan', 'notAssessed', 'notApplicable'].flatMap((id) => [
        h('dt', { text: t(`how.${id}`) }), h('dd', { text: t(`how.${id}.text`) })])));
    body.append(
      this.estimate,
      h('div', { class: 'meters' }, this.design.el, this.operating.el),
      this.completion,
      this.caps,
      h('table', {}, h('caption', { class: 'sr-only', text: t('byCategory') }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('category') }), h('th', { scope: 'col', class: 'num', text: t('type1') }), h('th', { scope: 'col', class: 'num', text: t('type2') }))),
        this.categories),
      h('section', { class: 'plan-list', 'aria-labelledby': this.planHead.id }, this.planHead, this.planIntro, this.filters, this.actions, this.more),
      h('section', { class: 'weak-areas', 'aria-labelledby': this.chartHead.id }, this.chartHead, this.chart, this.chartMore),
      this.criteriaMap = h('details', { class: 'criteria-map', ontoggle: () => this.renderCells() }, this.criteriaHead, this.cells),
      h('section', {}, h('h3', { text: t('timeline') }), this.plans),
      why,
      h('p', { class: 'muted disclaimer', text: t('disclaimer') }));
    this.el = h('aside', { class: 'results', 'aria-labelledby': `${uid}-results-h` }, head, body);
  }

  setOpen(open) {
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = this.ctx.t(open ? 'hide' : 'show');
    this.body.hidden = !open;
  }

  /**
   * Whether `parts` are the very values `what` was last drawn from. The engine's summary keeps
   * the JS objects of what a change left as it was (the plan's first actions, each report's
   * timeline), so a part drawn from the same objects needs no drawing again.
   */
  same(what, ...parts) {
    const last = this.drawn.get(what);
    this.drawn.set(what, parts);
    return last?.length === parts.length && last.every((p, i) => p === parts[i]);
  }

  /** Whether the visitor has answered anything yet (inherited controls are not answers). */
  started() {
    const c = this.ctx.summary.overall.counts;
    return c.answered - c.inherited > 0;
  }

  render() {
    const { catalog, summary: r, t } = this.ctx;
    const o = r.overall;
    for (const [m, v, b] of [[this.design, o.design, o.band], [this.operating, o.operating, o.operatingBand]]) {
      m.value.textContent = t.pct(v);
      m.svg.lastChild.setAttribute('width', v ?? 0);
      m.bandSlot.replaceWith(m.bandSlot = catalog.badge(b));
    }
    this.summary.textContent = t('scores', { type1: t.pct(o.design), type2: t.pct(o.operating) });
    this.estimate.hidden = !r.estimate;
    this.estimate.textContent = r.estimate ? t('estimateNote', { n: o.counts.asked }) : '';
    this.caps.replaceChildren(...capReasons(catalog, t, o).map((text) => h('li', { text })));
    const inherited = o.counts.inherited ? t('inherited', { n: o.counts.inherited }) : '';
    this.completion.textContent = this.started()
      ? `${t('answeredOf', { n: o.counts.answered - o.counts.inherited, open: o.counts.asked - o.counts.inherited })}${inherited ? `; ${inherited}` : ''}.`
      : `${t('notStartedScores')}${inherited ? ` ${inherited[0].toUpperCase()}${inherited.slice(1)}.` : ''}`;
    this.categories.replaceChildren(...Object.entries(r.categories).map(([id, s]) => h('tr', {},
      h('th', { scope: 'row', text: catalog.categoryTitle(id) }),
      h('td', { class: 'num' }, `${t.pct(s.design)} `, catalog.badge(s.band)),
      h('td', { class: 'num' }, `${t.pct(s.operating)} `))));
    this.renderPlan();
    this.renderChart();
    this.renderCells();
    this.renderPlans();
  }

  /** Where the weak areas are: the weakest areas first, all of them on request. */
  renderChart() {
    const { catalog, summary, uid, t } = this.ctx;
    if (!this.started()) {
      this.chart.replaceChildren(h('p', { class: 'muted', text: t('chart.empty') }));
      this.chartMore.hidden = true;
      return;
    }
    const rows = chartRows(summary.sections);
    this.chart.replaceChildren(
      h('p', { class: 'muted', text: t('chart.intro') }),
      sectionChart(catalog, t, rows, { limit: this.chartAll ? rows.length : SHOWN_AREAS, id: `${uid}-chart` }));
    this.chartMore.hidden = rows.length <= SHOWN_AREAS;
    this.chartMore.textContent = this.chartAll ? t('chart.fewer') : t('chart.all', { n: rows.length });
    this.chartMore.setAttribute('aria-expanded', String(this.chartAll));
  }

  /** The plan: its head from the summary; the whole plan (for a filter or "Show all") from the results. */
  renderPlan() {
    const { catalog, summary, t } = this.ctx;
    const plan = summary.plan;
    const started = this.started();
    this.planHead.textContent = started && plan.count ? t('plan.headCount', { n: plan.count }) : t('plan.head');
    this.filters.hidden = !started || plan.count === 0;
    if (!started || plan.count === 0) {
      this.planIntro.replaceChildren(h('p', { class: 'muted', text: t(started ? 'plan.none' : 'plan.empty') }));
      this.actions.replaceChildren();
      this.drawn.delete('actions');
      this.more.hidden = true;
      return;
    }
    const blockers = summary.blockers;
    this.planIntro.replaceChildren(
      h('ul', { class: 'windows', 'aria-label': t('plan.windows') }, ...Object.entries(plan.windows).map(([id, n]) => h('li', {},
        h('strong', { text: t.num(n) }), ' ', catalog.window(id)))),
      h('p', { class: 'muted', text: [
        blockers.count && t('plan.blockers', { n: blockers.count, type1: blockers.type1 }),
        t('plan.capacity', { n: plan.capacityHoursPerWeek }),
        summary.estimate && t('plan.quick'),
      ].filter(Boolean).join(' ') }));
    const keep = FILTERS.find(([id]) => id === this.filter)[1];
    // The summary carries the first actions; a filter or "Show all" reads the full plan.
    const head = this.filter === 'all' && !this.expanded;
    const source = head ? plan.first : this.ctx.results.plan.actions;
    const all = source.map((a, i) => [a, i]).filter(([a]) => keep(a));
    const total = this.filter === 'all' ? plan.count : all.length;
    const shown = this.expanded ? all : all.slice(0, SHOWN);
    // Focus stays on the same field of the same action across the re-render a change causes.
    if (!this.same('actions', source, this.filter, this.expanded, catalog, t.lang, t.tag)) {
      keepFocus(this.ctx.root, 'focus', () => this.actions.replaceChildren(...(shown.length
        ? shown.map(([a, i]) => this.actionItem(a, i))
        : [h('li', { class: 'muted', text: t(this.filter === 'blockers' ? 'plan.noBlockers' : 'plan.noType1') })])));
    }
    this.more.hidden = total <= SHOWN;
    this.more.textContent = this.expanded ? t('plan.fewer') : t('plan.all', { n: total });
    this.more.setAttribute('aria-expanded', String(this.expanded));
  }

  actionItem(a, index) {
    const { catalog, limits, t } = this.ctx;
    const title = catalog.control(a.controlId)?.title ?? a.controlId;
    const who = [a.owner, a.due && t('byDate', { date: t.date(a.due) })].filter(Boolean).join(' ');
    const fieldId = `${this.ctx.uid}-assign-${index}`;
    const save = (form) => {
      const owner = clipChars(form.querySelector('[data-assign="owner"]').value.trim(), limits.nameChars);
      const due = form.querySelector('[data-assign="due"]').value || null;
      // After the focus has moved on (a change fires as the field loses focus): the list is
      // redrawn, and the field focus moved to is focused again in the new list.
      setTimeout(() => this.ctx.assign(a.controlId, owner, due));
    };
    const form = h('div', { class: 'assign-form' },
      h('label', { for: `${fieldId}-o`, text: t('owner') }),
      h('input', { id: `${fieldId}-o`, type: 'text', value: a.owner ?? '', autocomplete: 'off', 'data-assign': 'owner', 'data-focus': `${a.controlId}/owner`, onchange: () => save(form) }),
      h('label', { for: `${fieldId}-d`, text: t('targetDate') }),
      h('input', { id: `${fieldId}-d`, type: 'date', value: a.due ?? '', 'data-assign': 'due', 'data-focus': `${a.controlId}/due`, onchange: () => save(form) }));
    const details = h('details', { class: 'assign', open: this.assigning.has(a.controlId),
      ontoggle: () => (details.open ? this.assigning.add(a.controlId) : this.assigning.delete(a.controlId)) },
    h('summary', { 'data-assign-toggle': a.controlId, 'data-focus': `${a.controlId}/toggle`, text: t(who ? 'assign.change' : 'assign.set') }), form);
    return h('li', { class: a.critical ? 'action blocker' : 'action', 'data-action': a.controlId },
      h('span', { class: 'rank', text: `${t.num(index + 1)}.` }),
      h('div', { class: 'action-body' },
        h('span', { class: 'gap-title', text: title }),
        h('span', { class: 'muted', text: actionFacts(catalog, t, a) }),
        a.after.length > 0 && h('span', { class: 'muted', text: t('after', { titles: a.after.map((id) => catalog.control(id)?.title ?? id).join('; ') }) }),
        who && h('span', { class: 'owner', text: t('ownerIs', { who }) }),
        details));
  }

  renderCells() {
    const { catalog, summary, t } = this.ctx;
    // Only the criteria of the categories in scope (the summary's categories are those).
    const scoped = new Set(Object.keys(summary.categories));
    const entries = Object.entries(summary.criteria).filter(([id]) => scoped.has(catalog.criteria.get(id)?.category));
    const unmet = entries.filter(([, c]) => c.design === 0).length;
    this.criteriaHead.textContent = t('criteria.head', { n: entries.length }) + (this.started() && unmet ? `: ${t('criteria.unmet', { n: unmet })}` : '');
    // The rows exist only while the map is open (drawn again when it opens): a long list no
    // answer should pay for while folded.
    if (!this.criteriaMap.open) {
      this.cells.replaceChildren();
      return;
    }
    this.cells.replaceChildren(...entries.map(([id, cell]) => {
      const details = h('details', { class: 'criterion', 'data-criterion': id, open: this.openCriteria.has(id),
        ontoggle: () => {
          if (details.open) { this.openCriteria.add(id); this.criterionDetail(id, details); } else this.openCriteria.delete(id);
        } },
      h('summary', { class: `b-${cell.band}` },
        h('b', { text: id }), ' ',
        h('span', { class: 'ctitle', text: catalog.criterionTitle(id) }), ' ',
        h('span', { class: 'pct', text: cell.design == null ? t('na') : t.pct(cell.design) }),
        h('span', { class: 'sr-only', text: `, ${catalog.band(cell.band)}` })));
      if (details.open) this.criterionDetail(id, details);
      return details;
    }));
  }

  /** A criterion's detail, from the full results: its scores and the controls asked behind it. */
  criterionDetail(id, details) {
    const { catalog, t } = this.ctx;
    const results = this.ctx.results;
    const s = results.readiness.criteria[id];
    const standings = results.standings;
    details.querySelector('.criterion-detail')?.remove();
    if (!s) return;
    details.append(h('div', { class: 'criterion-detail' },
      h('p', { text: s.assessed
        ? [t('scores', { type1: t.pct(s.design), type2: t.pct(s.operating) }), catalog.band(s.band), s.earned === 0 && t('criterion.nothing')].filter(Boolean).join(' · ')
          + (s.cappedBy.length ? ` ${t('criterion.capped', { n: s.cappedBy.length })}` : '')
        : t(s.counts.asked ? 'criterion.allNa' : 'criterion.uncovered') }),
      h('ul', {}, ...catalog.asked(standings, (c) => c.criteria.includes(id)).map((cid) => {
        const st = standings[cid];
        return h('li', {}, `${catalog.control(cid)?.title ?? cid}: ${catalog.state(st?.state ?? 'unanswered')}${st?.operating ? t('evidenced') : ''}`);
      }))));
  }

  renderPlans() {
    const { catalog, summary, t } = this.ctx;
    const tl = summary.timeline;
    const scale = Math.max(1, tl.type2.weeks.high);
    const pct = (w) => (w / scale) * 100;
    const plan = (name, p) => h('div', { class: 'plan' },
      h('div', { class: 'plan-head' }, h('strong', { text: `${name}: ${t('weeks', { low: p.weeks.low, high: p.weeks.high })}` }),
        h('span', { class: 'muted', text: t('reportDates', { from: t.date(p.reportDates.low), to: t.date(p.reportDates.high) }) })),
      h('ol', { class: 'phases' }, ...p.phases.map((ph) => h('li', { class: 'phase' },
        h('span', { text: catalog.phase(ph.id) }),
        h('span', { class: 'muted', text: ph.weeks.low === ph.weeks.high ? t('wk', { n: ph.weeks.low }) : t('wkRange', { low: ph.weeks.low, high: ph.weeks.high }) }),
        h('svg:svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
          h('svg:rect', { class: 'track', width: 100, height: 10, rx: 2 }),
          h('svg:rect', { class: 'ph-high', x: pct(ph.starts.low), width: Math.max(0.6, pct(ph.ends.high - ph.starts.low)), height: 10, rx: 2 }),
          h('svg:rect', { class: 'ph-low', x: pct(ph.starts.low), width: Math.max(0.6, pct(ph.weeks.low)), height: 10, rx: 2 }))))));
    const basis = t('timeline.basis', { date: t.date(tl.startDate), n: tl.drivers.capacityHoursPerWeek, gaps: Math.round(tl.drivers.remediationHours / 8), docs: Math.round(tl.drivers.documentationHours / 8) });
    // Most answers move the hours behind the timeline but neither report's weeks.
    if (this.same('timeline', tl.type1, tl.type2, catalog, t.lang, t.tag)) {
      this.plans.lastChild.textContent = basis;
      return;
    }
    this.plans.replaceChildren(plan(t('type1'), tl.type1), plan(t('type2'), tl.type2), h('p', { class: 'muted', text: basis }));
  }
}

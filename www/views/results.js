// The results panel: Type I and II readiness with bands and what caps them, categories, the
// plan (what to do first, filtered to blockers or Type I, with owners and dates), where the weak
// areas are, the criteria in scope, the timeline at the programme's capacity, and how scores
// work. Built once, updated after every change.

import { bar, h, keepFocus } from '../dom.js';
import { DISCLAIMER, scoreText } from '../catalog.js';
import { clipChars } from '../text.js';
import { chartRows, sectionChart } from './chart.js';

/** Why a headline score's Type I band is below what the score alone gives, in words (none when no cap bites). */
export function capReasons(catalog, score) {
  if (score.band === score.uncappedBand) return [];
  // Each list names its first few and counts the rest.
  const list = ({ count, first }, name) => (count > 4 ? `${first.slice(0, 3).map(name).join(', ')} and ${count - 3} more` : first.map(name).join(', '));
  const unmet = score.unmetCriteria;
  const controls = score.cappingControls;
  const reasons = [];
  const gaps = catalog.band('materialGaps');
  if (unmet.count === 1) reasons.push(`${unmet.first[0]} has nothing in place (${catalog.criterionTitle(unmet.first[0])}): an auditor would qualify the opinion on it, so the band is at most ${gaps}.`);
  else if (unmet.count) reasons.push(`${list(unmet, (id) => id)} have nothing in place: an auditor would qualify the opinion on each, so the band is at most ${gaps}.`);
  if (controls.count) reasons.push(`Critical control${controls.count > 1 ? 's' : ''} not fully in place: ${list(controls, (id) => catalog.control(id)?.title ?? id)}. Each caps the band whatever the percentage.`);
  return reasons;
}

/** Person-days of an action's effort, as the plan shows it. */
export const personDays = (hours) => {
  const days = Math.max(1, Math.round(hours / 8));
  return `~${days} person-day${days > 1 ? 's' : ''}`;
};

/** What an action is, in a few words: its stage, when it ends, blocker, Type II only, effort. */
export function actionFacts(catalog, a) {
  return [
    catalog.stage(a.stage),
    catalog.window(a.window),
    a.critical && 'blocker',
    a.kind === 'evidence' ? 'records for Type II' : catalog.state(a.state),
    personDays(a.effortHours),
  ].filter(Boolean).join(' · ');
}

/** The plan's filters: everything, the blockers (critical controls), what Type I needs (design). */
const FILTERS = [
  ['all', 'All', () => true],
  ['blockers', 'Blockers', (a) => a.critical],
  ['type1', 'Type I', (a) => a.kind === 'design'],
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
    const uid = ctx.uid;
    const meter = (label) => {
      const value = h('span', { class: 'value' });
      const svg = bar('fill', 0);
      const bandSlot = h('span', { class: 'band' });
      return { el: h('div', { class: 'meter' }, h('span', { class: 'label', text: label }), value, svg, bandSlot), value, svg, bandSlot };
    };
    this.design = meter('Type I · design readiness');
    this.operating = meter('Type II · operating readiness');
    const body = h('div', { class: 'results-body', id: `${uid}-results-body` });
    this.body = body;
    this.toggle = h('button', { type: 'button', class: 'btn small results-toggle', 'aria-expanded': 'true', 'aria-controls': body.id, text: 'Hide', onclick: () => this.setOpen(this.toggle.getAttribute('aria-expanded') !== 'true') });
    this.summary = h('span', { class: 'summary', 'aria-hidden': 'true' });
    const head = h('div', { class: 'results-head' }, h('h2', { id: `${uid}-results-h`, text: 'Readiness' }), this.summary, this.toggle);
    this.estimate = h('p', { class: 'estimate', hidden: true });
    this.completion = h('p', { class: 'muted completion' });
    this.caps = h('ul', { class: 'caps' });
    this.categories = h('tbody');
    this.planHead = h('h3', { id: `${uid}-plan-h` });
    this.planIntro = h('div', { class: 'plan-intro' });
    this.filters = h('fieldset', { class: 'filters' }, h('legend', { class: 'sr-only', text: 'Show' }),
      ...FILTERS.map(([id, label]) => h('label', {},
        h('input', { type: 'radio', name: `${uid}-plan-filter`, value: id, checked: id === this.filter, 'data-plan-filter': id, onchange: () => { this.filter = id; this.renderPlan(); } }),
        h('span', { 'data-filter-label': id, text: label }))));
    this.actions = h('ol', { class: 'actions', 'aria-labelledby': this.planHead.id });
    this.more = h('button', { type: 'button', class: 'btn small', 'data-plan-more': '', onclick: () => { this.expanded = !this.expanded; this.renderPlan(); } });
    this.chartHead = h('h3', { id: `${uid}-chart-h`, text: 'Where the weak areas are' });
    this.chart = h('div', { class: 'chart-slot' });
    this.chartAll = false;
    this.chartMore = h('button', { type: 'button', class: 'btn small', 'data-chart-more': '', 'aria-controls': `${uid}-chart`, onclick: () => { this.chartAll = !this.chartAll; this.renderChart(); } });
    this.criteriaHead = h('summary');
    this.cells = h('div', { class: 'criteria' });
    this.plans = h('div');
    const why = h('details', { class: 'help' }, h('summary', { text: 'How scores work' }),
      h('dl', {},
        h('dt', { text: 'Type I (design)' }), h('dd', { text: 'Implemented counts fully, partially implemented half, planned and not implemented nothing; unanswered counts as not in place. Critical controls weigh three times a supporting one.' }),
        h('dt', { text: 'Type II (operating)' }), h('dd', { text: 'The same, but only for controls with records of operating over time.' }),
        h('dt', { text: 'Bands' }), h('dd', { text: '90 and above audit-ready, 70 findings likely, 40 material gaps, below that not ready. A critical control not in place caps the band at material gaps (partially in place: findings likely), whatever the percentage; so does a criterion in scope with nothing in place. A quick check is an estimate and never shows audit-ready.' }),
        h('dt', { text: 'The plan' }), h('dd', { text: 'Foundations first (ownership, policies, risk assessment, scope), then the controls not in place, then the records of operation a Type II report samples. Within each, blockers first, then the biggest gaps for the least work; nothing comes before what it depends on. Windows count from the start date at the hours a week set in Scope.' }),
        h('dt', { text: 'Not assessed' }), h('dd', { text: 'A criterion, category or section no question covers (or whose questions are all not applicable) has no score: it is not assessed, never 100 %.' }),
        h('dt', { text: 'Not applicable' }), h('dd', { text: 'Only offered where a company can legitimately go without the control; such answers leave the score.' })));
    body.append(
      this.estimate,
      h('div', { class: 'meters' }, this.design.el, this.operating.el),
      this.completion,
      this.caps,
      h('table', {}, h('caption', { class: 'sr-only', text: 'Readiness by category' }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Category' }), h('th', { scope: 'col', class: 'num', text: 'Type I' }), h('th', { scope: 'col', class: 'num', text: 'Type II' }))),
        this.categories),
      h('section', { class: 'plan-list', 'aria-labelledby': this.planHead.id }, this.planHead, this.planIntro, this.filters, this.actions, this.more),
      h('section', { class: 'weak-areas', 'aria-labelledby': this.chartHead.id }, this.chartHead, this.chart, this.chartMore),
      this.criteriaMap = h('details', { class: 'criteria-map', ontoggle: () => this.renderCells() }, this.criteriaHead, this.cells),
      h('section', {}, h('h3', { text: 'Timeline' }), this.plans),
      why,
      h('p', { class: 'muted disclaimer', text: DISCLAIMER }));
    this.el = h('aside', { class: 'results', 'aria-labelledby': `${uid}-results-h` }, head, body);
  }

  setOpen(open) {
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = open ? 'Hide' : 'Show';
    this.body.hidden = !open;
  }

  /** Whether the visitor has answered anything yet (inherited controls are not answers). */
  started() {
    const c = this.ctx.summary.overall.counts;
    return c.answered - c.inherited > 0;
  }

  render() {
    const { catalog, summary: r } = this.ctx;
    const o = r.overall;
    for (const [m, v, b] of [[this.design, o.design, o.band], [this.operating, o.operating, o.operatingBand]]) {
      m.value.textContent = scoreText(v);
      m.svg.lastChild.setAttribute('width', v ?? 0);
      m.bandSlot.replaceWith(m.bandSlot = catalog.badge(b));
    }
    this.summary.textContent = `Type I ${scoreText(o.design)} · Type II ${scoreText(o.operating)}`;
    this.estimate.hidden = !r.estimate;
    this.estimate.textContent = r.estimate ? `Estimate from the ${o.counts.asked} key questions of the quick check, never shown as audit-ready; criteria they do not cover are not assessed. The full assessment gives the complete picture.` : '';
    this.caps.replaceChildren(...capReasons(catalog, o).map((t) => h('li', { text: t })));
    const inherited = o.counts.inherited ? `${o.counts.inherited} inherited from your cloud provider’s SOC 2 report` : '';
    this.completion.textContent = this.started()
      ? `${o.counts.answered - o.counts.inherited} of ${o.counts.asked - o.counts.inherited} answered${inherited ? `; ${inherited}` : ''}.`
      : `Not started: scores count unanswered questions as not in place.${inherited ? ` ${inherited[0].toUpperCase()}${inherited.slice(1)}.` : ''}`;
    this.categories.replaceChildren(...Object.entries(r.categories).map(([id, s]) => h('tr', {},
      h('th', { scope: 'row', text: catalog.categoryTitle(id) }),
      h('td', { class: 'num' }, `${scoreText(s.design)} `, catalog.badge(s.band)),
      h('td', { class: 'num' }, `${scoreText(s.operating)} `))));
    this.renderPlan();
    this.renderChart();
    this.renderCells();
    this.renderPlans();
  }

  /** Where the weak areas are: the weakest areas first, all of them on request. */
  renderChart() {
    const { catalog, summary, uid } = this.ctx;
    if (!this.started()) {
      this.chart.replaceChildren(h('p', { class: 'muted', text: 'Answer a few questions to see readiness by area, weakest first.' }));
      this.chartMore.hidden = true;
      return;
    }
    const rows = chartRows(summary.sections);
    this.chart.replaceChildren(
      h('p', { class: 'muted', text: 'Readiness by area, weakest first.' }),
      sectionChart(catalog, rows, { limit: this.chartAll ? rows.length : SHOWN_AREAS, id: `${uid}-chart` }));
    this.chartMore.hidden = rows.length <= SHOWN_AREAS;
    this.chartMore.textContent = this.chartAll ? 'Show the weakest only' : `Show all ${rows.length} areas`;
    this.chartMore.setAttribute('aria-expanded', String(this.chartAll));
  }

  /** The plan: its head from the summary; the whole plan (for a filter or "Show all") from the results. */
  renderPlan() {
    const { catalog, summary } = this.ctx;
    const plan = summary.plan;
    const started = this.started();
    this.planHead.textContent = started && plan.count ? `What to do first (${plan.count} action${plan.count > 1 ? 's' : ''})` : 'What to do first';
    this.filters.hidden = !started || plan.count === 0;
    if (!started) {
      this.planIntro.replaceChildren(h('p', { class: 'muted', text: 'Answer a few questions: your plan appears here, in the order to work through it.' }));
      this.actions.replaceChildren();
      this.more.hidden = true;
      return;
    }
    if (plan.count === 0) {
      this.planIntro.replaceChildren(h('p', { class: 'muted', text: 'Nothing to do: every control asked is in place and evidenced.' }));
      this.actions.replaceChildren();
      this.more.hidden = true;
      return;
    }
    const blockers = summary.blockers;
    this.planIntro.replaceChildren(
      h('ul', { class: 'windows', 'aria-label': 'Actions by when their work ends' }, ...Object.entries(plan.windows).map(([id, n]) => h('li', {},
        h('strong', { text: String(n) }), ' ', catalog.window(id)))),
      h('p', { class: 'muted', text: `${blockers.count ? `${blockers.count} blocker${blockers.count > 1 ? 's' : ''} (${blockers.type1} block Type I). ` : ''}Scheduled at ${plan.capacityHoursPerWeek} person-hours a week (set in Scope).${summary.estimate ? ' The quick check plans only its key questions; the full assessment plans the rest.' : ''}` }));
    const keep = FILTERS.find(([id]) => id === this.filter)[2];
    // The summary carries the first actions; a filter or "Show all" reads the full plan.
    const all = this.filter === 'all' && !this.expanded
      ? plan.first.map((a, i) => [a, i])
      : this.ctx.results.plan.actions.map((a, i) => [a, i]).filter(([a]) => keep(a));
    const total = this.filter === 'all' ? plan.count : all.length;
    const shown = this.expanded ? all : all.slice(0, SHOWN);
    // Focus stays on the same field of the same action across the re-render a change causes.
    keepFocus(this.ctx.root, 'focus', () => this.actions.replaceChildren(...(shown.length
      ? shown.map(([a, i]) => this.actionItem(a, i))
      : [h('li', { class: 'muted', text: this.filter === 'blockers' ? 'No blockers: no critical control is holding the bands down.' : 'Nothing Type I needs is missing.' })])));
    this.more.hidden = total <= SHOWN;
    this.more.textContent = this.expanded ? 'Show fewer' : `Show all ${total}`;
    this.more.setAttribute('aria-expanded', String(this.expanded));
  }

  actionItem(a, index) {
    const { catalog, limits } = this.ctx;
    const title = catalog.control(a.controlId)?.title ?? a.controlId;
    const who = [a.owner, a.due && `by ${a.due}`].filter(Boolean).join(' ');
    const fieldId = `${this.ctx.uid}-assign-${index}`;
    const save = (form) => {
      const owner = clipChars(form.querySelector('[data-assign="owner"]').value.trim(), limits.nameChars);
      const due = form.querySelector('[data-assign="due"]').value || null;
      // After the focus has moved on (a change fires as the field loses focus): the list is
      // redrawn, and the field focus moved to is focused again in the new list.
      setTimeout(() => this.ctx.assign(a.controlId, owner, due));
    };
    const form = h('div', { class: 'assign-form' },
      h('label', { for: `${fieldId}-o`, text: 'Owner' }),
      h('input', { id: `${fieldId}-o`, type: 'text', value: a.owner ?? '', autocomplete: 'off', 'data-assign': 'owner', 'data-focus': `${a.controlId}/owner`, onchange: () => save(form) }),
      h('label', { for: `${fieldId}-d`, text: 'Target date' }),
      h('input', { id: `${fieldId}-d`, type: 'date', value: a.due ?? '', 'data-assign': 'due', 'data-focus': `${a.controlId}/due`, onchange: () => save(form) }));
    const details = h('details', { class: 'assign', open: this.assigning.has(a.controlId),
      ontoggle: () => (details.open ? this.assigning.add(a.controlId) : this.assigning.delete(a.controlId)) },
    h('summary', { 'data-assign-toggle': a.controlId, 'data-focus': `${a.controlId}/toggle`, text: who ? 'Change owner or date' : 'Set owner and date' }), form);
    return h('li', { class: a.critical ? 'action blocker' : 'action', 'data-action': a.controlId },
      h('span', { class: 'rank', text: `${index + 1}.` }),
      h('div', { class: 'action-body' },
        h('span', { class: 'gap-title', text: title }),
        h('span', { class: 'muted', text: actionFacts(catalog, a) }),
        a.after.length > 0 && h('span', { class: 'muted', text: `After: ${a.after.map((id) => catalog.control(id)?.title ?? id).join('; ')}` }),
        who && h('span', { class: 'owner', text: `Owner: ${who}` }),
        details));
  }

  renderCells() {
    const { catalog, summary } = this.ctx;
    // Only the criteria of the categories in scope (the summary's categories are those).
    const scoped = new Set(Object.keys(summary.categories));
    const entries = Object.entries(summary.criteria).filter(([id]) => scoped.has(catalog.criteria.get(id)?.category));
    const unmet = entries.filter(([, c]) => c.design === 0).length;
    this.criteriaHead.textContent = `Criteria in scope (${entries.length})${this.started() && unmet ? `: ${unmet} with nothing in place` : ''}`;
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
        h('span', { class: 'pct', text: cell.design == null ? 'not assessed' : `${cell.design} %` }),
        h('span', { class: 'sr-only', text: `, ${catalog.band(cell.band)}` })));
      if (details.open) this.criterionDetail(id, details);
      return details;
    }));
  }

  /** A criterion's detail, from the full results: its scores and the controls asked behind it. */
  criterionDetail(id, details) {
    const { catalog } = this.ctx;
    const results = this.ctx.results;
    const s = results.readiness.criteria[id];
    const standings = results.standings;
    details.querySelector('.criterion-detail')?.remove();
    if (!s) return;
    details.append(h('div', { class: 'criterion-detail' },
      h('p', { text: s.assessed
        ? `Type I ${scoreText(s.design)} · Type II ${scoreText(s.operating)} · ${catalog.band(s.band)}${s.earned === 0 ? ' · nothing in place: caps the overall band' : ''}${s.cappedBy.length ? ` (capped by ${s.cappedBy.length} critical control${s.cappedBy.length > 1 ? 's' : ''})` : ''}`
        : s.counts.asked ? 'Not assessed: every question behind it is answered not applicable.' : 'Not assessed: no question in this mode covers it.' }),
      h('ul', {}, ...catalog.asked(standings, (c) => c.criteria.includes(id)).map((cid) => {
        const st = standings[cid];
        return h('li', {}, `${catalog.control(cid)?.title ?? cid}: ${catalog.state(st?.state ?? 'unanswered')}${st?.operating ? ', evidenced' : ''}`);
      }))));
  }

  renderPlans() {
    const { catalog, summary } = this.ctx;
    const t = summary.timeline;
    const scale = Math.max(1, t.type2.weeks.high);
    const pct = (w) => (w / scale) * 100;
    const plan = (name, p) => h('div', { class: 'plan' },
      h('div', { class: 'plan-head' }, h('strong', { text: `${name}: ${p.weeks.low}–${p.weeks.high} weeks` }),
        h('span', { class: 'muted', text: `report ${p.reportDates.low} to ${p.reportDates.high}` })),
      h('ol', { class: 'phases' }, ...p.phases.map((ph) => h('li', { class: 'phase' },
        h('span', { text: catalog.phase(ph.id) }),
        h('span', { class: 'muted', text: ph.weeks.low === ph.weeks.high ? `${ph.weeks.low} wk` : `${ph.weeks.low}–${ph.weeks.high} wk` }),
        h('svg:svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
          h('svg:rect', { class: 'track', width: 100, height: 10, rx: 2 }),
          h('svg:rect', { class: 'ph-high', x: pct(ph.starts.low), width: Math.max(0.6, pct(ph.ends.high - ph.starts.low)), height: 10, rx: 2 }),
          h('svg:rect', { class: 'ph-low', x: pct(ph.starts.low), width: Math.max(0.6, pct(ph.weeks.low)), height: 10, rx: 2 }))))));
    this.plans.replaceChildren(
      plan('Type I', t.type1), plan('Type II', t.type2),
      h('p', { class: 'muted', text: `From ${t.startDate}. At ${t.drivers.capacityHoursPerWeek} person-hours a week on remediation (set in Scope; ${Math.round(t.drivers.remediationHours / 8)} person-days of gaps) and ${Math.round(t.drivers.documentationHours / 8)} person-days documenting API data flows. Dark bars: best case; light: worst case.` }));
  }
}

// The results panel: Type I and II readiness with bands and what caps them, categories,
// blockers, top gaps, the criteria in scope, the timeline, and how scores work. Built once,
// updated after every change.

import { bar, h, keepFocus } from '../dom.js';
import { DISCLAIMER, scoreText } from '../catalog.js';

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

export class ResultsPanel {
  constructor(ctx) {
    this.ctx = ctx;
    this.selected = null;
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
    this.completion = h('p', { class: 'muted' });
    this.caps = h('ul', { class: 'caps' });
    this.categories = h('tbody');
    this.blockers = h('ul', { class: 'list' });
    this.blockersHead = h('h3');
    this.gaps = h('ol', { class: 'list' });
    this.cells = h('div', { class: 'cells', role: 'group', 'aria-label': 'Readiness by criterion' });
    this.cellDetail = h('div', { class: 'cell-detail', 'aria-live': 'polite' }, h('p', { class: 'muted', text: 'Select a criterion to see which controls drive it.' }));
    this.plans = h('div');
    const why = h('details', { class: 'help' }, h('summary', { text: 'How scores work' }),
      h('dl', {},
        h('dt', { text: 'Type I (design)' }), h('dd', { text: 'Implemented counts fully, partially implemented half, planned and not implemented nothing; unanswered counts as not in place. Critical controls weigh three times a supporting one.' }),
        h('dt', { text: 'Type II (operating)' }), h('dd', { text: 'The same, but only for controls with records of operating over time.' }),
        h('dt', { text: 'Bands' }), h('dd', { text: '90 and above audit-ready, 70 findings likely, 40 material gaps, below that not ready. A critical control not in place caps the band at material gaps (partially in place: findings likely), whatever the percentage; so does a criterion in scope with nothing in place. A quick check is an estimate and never shows audit-ready.' }),
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
      h('section', {}, this.blockersHead, this.blockers),
      h('section', {}, h('h3', { text: 'Top gaps' }), this.gaps),
      h('section', {}, h('h3', { text: 'Criteria in scope' }), this.cells, this.cellDetail),
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
    this.completion.textContent = `${o.counts.answered} of ${o.counts.asked} answered${o.counts.inherited ? ` (${o.counts.inherited} inherited from your cloud provider’s SOC 2 report)` : ''}.`;
    this.categories.replaceChildren(...Object.entries(r.categories).map(([id, s]) => h('tr', {},
      h('th', { scope: 'row', text: catalog.categoryTitle(id) }),
      h('td', { class: 'num' }, `${scoreText(s.design)} `, catalog.badge(s.band)),
      h('td', { class: 'num' }, `${scoreText(s.operating)} `))));

    // The plan's head (the engine's order: foundations first, blockers first within a stage).
    const { blockers, plan } = r;
    const blocking = plan.first.filter((a) => a.critical);
    this.blockersHead.textContent = blockers.count ? `Blockers (${blockers.count})` : 'Blockers';
    this.blockers.replaceChildren(...(blockers.count === 0
      ? [h('li', { class: 'muted', text: 'No critical control is holding the bands down.' })]
      : [...blocking.map((a) => h('li', {},
        h('span', { class: 'gap-title', text: catalog.control(a.controlId)?.title ?? a.controlId }),
        h('span', { class: 'muted', text: `${catalog.state(a.state)} · ${a.kind === 'design' ? 'blocks Type I and II' : 'no evidence yet: blocks Type II'}` }))),
      blockers.count > blocking.length && h('li', { class: 'muted', text: blocking.length ? `…and ${blockers.count - blocking.length} more in the plan.` : `${blockers.count} in the plan (see the report).` })]));

    this.gaps.replaceChildren(...(plan.count === 0
      ? [h('li', { class: 'muted', text: 'No gaps: every control asked is in place and evidenced.' })]
      : plan.first.map((g) => {
        const c = catalog.control(g.controlId);
        return h('li', {},
          h('details', {}, h('summary', {}, h('span', { class: 'gap-title', text: c?.title ?? g.controlId }), ' ',
            h('span', { class: 'muted', text: `${g.critical ? 'critical · ' : ''}${g.kind === 'design' ? catalog.state(g.state) : 'no evidence yet'} · ~${Math.max(1, Math.round(g.effortHours / 8))} person-day${g.effortHours > 8 ? 's' : ''}` })),
            catalog.hasHelp
              ? [h('p', { text: `Fix: ${c?.remediation ?? ''}` }), h('p', { text: `Evidence: ${c?.evidence ?? ''}` })]
              : h('p', { class: 'muted', text: 'Loading the help…' })));
      })));

    this.renderCells();
    this.renderPlans();
  }

  renderCells() {
    const { catalog, summary, root } = this.ctx;
    keepFocus(root, 'criterion', () => this.cells.replaceChildren(...Object.entries(summary.criteria).map(([id, cell]) => h('button', {
      type: 'button', class: `cell b-${cell.band}`, 'data-criterion': id, 'aria-pressed': String(id === this.selected),
      'aria-label': `${id} ${cell.design == null ? 'not assessed' : `${cell.design}%`}: ${catalog.band(cell.band)}`,
      onclick: () => { this.selected = id; this.renderCells(); },
    }, h('b', { text: id }), h('span', { text: cell.design == null ? 'not assessed' : `${cell.design}%` })))));
    const id = this.selected;
    if (!id || !summary.criteria[id]) return;
    // The detail reads the full results (fetched when a criterion is selected).
    const results = this.ctx.results;
    const s = results.readiness.criteria[id];
    const standings = results.standings;
    this.cellDetail.replaceChildren(
      h('p', {}, h('strong', { text: `${id} ` }), catalog.criterionTitle(id)),
      h('p', { text: s.assessed
        ? `Type I ${scoreText(s.design)} · Type II ${scoreText(s.operating)} · ${catalog.band(s.band)}${s.earned === 0 ? ' · nothing in place: caps the overall band' : ''}${s.cappedBy.length ? ` (capped by ${s.cappedBy.length} critical control${s.cappedBy.length > 1 ? 's' : ''})` : ''}`
        : s.counts.asked ? 'Not assessed: every question behind it is answered not applicable.' : 'Not assessed: no question in this mode covers it.' }),
      h('ul', {}, ...catalog.asked(standings, (c) => c.criteria.includes(id)).map((cid) => {
        const st = standings[cid];
        return h('li', {}, `${catalog.control(cid)?.title ?? cid}: ${catalog.state(st?.state ?? 'unanswered')}${st?.operating ? ', evidenced' : ''}`);
      })));
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
      h('p', { class: 'muted', text: `From ${t.startDate}. Assumes ${t.drivers.capacityHoursPerWeek} person-hours a week on remediation (${Math.round(t.drivers.remediationHours / 8)} person-days of gaps) and ${Math.round(t.drivers.documentationHours / 8)} person-days documenting API data flows. Dark bars: best case; light: worst case.` }));
  }
}

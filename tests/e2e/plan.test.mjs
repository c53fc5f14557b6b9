// The results panel as a CTO uses it (issue 14): one ordered plan with filters and owners, where
// the weak areas are, the criteria in scope with their titles, the hours a week in the open, and
// nothing claimed before the first answer. Each value the panel shows is checked against the
// engine's results, which tests/plan.rs checks against the rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { exportAs, goToStep, results, session } from './helpers.mjs';

const host = (page) => page.locator('soc2-readiness');
const panel = (page) => host(page).locator('.results');

/** A CTO's assessment: Security and Availability, most questions answered, in mixed states. */
function answerMost(page) {
  return page.evaluate(() => {
    const el = document.querySelector('soc2-readiness');
    const d = el.assessment;
    d.profile = { ...d.profile, organization: 'Acme API', categories: ['availability'], endpoints: 40, apiVersions: 2, integrations: 6, regions: 2, teamSize: 25, observationMonths: 6 };
    el.assessment = d;
    const d2 = el.assessment;
    let i = 0;
    for (const id of Object.keys(el.results.standings)) {
      i++;
      if (i % 4) d2.answers[id] = { status: ['implemented', 'partial', 'planned', 'notImplemented', 'implemented'][i % 5], evidence: i % 2 === 0, note: '' };
    }
    el.assessment = d2;
  });
}

/** Control ids of the actions the panel lists, in order. */
const listed = (page) => panel(page).locator('.actions > li[data-action]').evaluateAll((lis) => lis.map((li) => li.dataset.action));

/** axe's WCAG 2.1 AA rules, and label-content-name-mismatch (experimental, so off by default). */
async function axe(page) {
  const wcag = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const names = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  return [...wcag.violations, ...names.violations].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('before the first answer the panel claims nothing: no answered count, no plan, no chart', async () => {
  const s = await session();
  try {
    const text = await panel(s.page).locator('.results-body').textContent();
    assert.match(text, /Not started/);
    assert.doesNotMatch(text, /\d+ of \d+ answered/);
    assert.match(text, /your plan appears here/);
    assert.equal(await panel(s.page).locator('.actions > li').count(), 0);
    assert.equal(await panel(s.page).locator('.chart').count(), 0);
    assert.ok(await panel(s.page).locator('.filters').isHidden());
    // the first answer brings the plan
    await goToStep(s.page, 'Access management and authentication');
    await host(s.page).locator('main fieldset.control[data-control="access.mfa-admin"] input[value="notImplemented"]').check();
    await panel(s.page).locator('.actions > li[data-action]').first().waitFor();
    assert.match(await panel(s.page).locator('.completion').textContent(), /^1 of \d+ answered/);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('the plan lists the engine\'s order; filters show blockers and what Type I needs; nothing precedes its dependency', async () => {
  const s = await session();
  try {
    await answerMost(s.page);
    const r = await results(s.page);
    const actions = r.plan.actions;
    assert.ok(actions.length > 50, `${actions.length} actions`);
    // the head: the first five, in the engine's order, foundations first
    assert.deepEqual(await listed(s.page), actions.slice(0, 5).map((a) => a.controlId));
    assert.equal(actions[0].stage, 'foundations');
    const heading = await panel(s.page).locator('.plan-list h3').textContent();
    assert.equal(heading, `What to do first (${actions.length} actions)`);
    // each window's count is the engine's
    const windows = await panel(s.page).locator('.windows li').evaluateAll((lis) => lis.map((li) => li.textContent));
    const count = (w) => actions.filter((a) => a.window === w).length;
    assert.deepEqual(windows, [`${count('days30')} Days 1–30`, `${count('days60')} Days 31–60`, `${count('days90')} Days 61–90`, `${count('later')} After day 90`]);

    // "Show all": every action, in order, each after the actions it waits for
    await panel(s.page).locator('[data-plan-more]').click();
    const all = await listed(s.page);
    assert.deepEqual(all, actions.map((a) => a.controlId));
    for (const [i, a] of actions.entries()) {
      for (const dep of a.after) assert.ok(all.indexOf(dep) < i, `${a.controlId} is listed before ${dep}, which it waits for`);
    }
    // a control's dependency is named in words
    const waiting = actions.find((a) => a.after.length);
    assert.ok(waiting, 'some action waits for another');
    const title = (id) => s.page.evaluate((cid) => document.querySelector('soc2-readiness').shadowRoot.querySelector(`[data-action="${cid}"] .gap-title`).textContent, id);
    assert.match(await panel(s.page).locator(`[data-action="${waiting.controlId}"]`).textContent(), new RegExp(`After: .*${(await title(waiting.after[0])).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    // Blockers: exactly the critical actions, marked in words as well as by the bar
    await panel(s.page).locator('.filters label', { hasText: 'Blockers' }).click();
    assert.deepEqual(await listed(s.page), actions.filter((a) => a.critical).map((a) => a.controlId));
    for (const text of await panel(s.page).locator('.actions > li[data-action] .muted').first().allTextContents()) assert.match(text, /blocker/);
    // Type I: exactly the design actions (records of operation are Type II only)
    await panel(s.page).locator('.filters label', { hasText: 'Type I' }).click();
    assert.deepEqual(await listed(s.page), actions.filter((a) => a.kind === 'design').map((a) => a.controlId));
    assert.ok(actions.some((a) => a.kind === 'evidence'), 'the filter leaves something out');
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('owner and target date: set on an action, kept in the document, carried into the plan and the CSV', async () => {
  const s = await session();
  try {
    await answerMost(s.page);
    const first = (await results(s.page)).plan.actions[0];
    const item = panel(s.page).locator(`[data-action="${first.controlId}"]`);
    await item.locator('.assign > summary').click();
    // a second action's form open too: focus must stay with the action being edited
    await panel(s.page).locator('.actions > li[data-action]').nth(1).locator('.assign > summary').click();
    await item.locator('input[data-assign="owner"]').fill('Dana (CTO)');
    await item.locator('input[data-assign="owner"]').press('Tab');
    await s.page.waitForFunction((id) => document.querySelector('soc2-readiness').assessment.assignments?.[id]?.owner === 'Dana (CTO)', first.controlId);
    assert.equal(await s.page.evaluate(() => document.querySelector('soc2-readiness').shadowRoot.activeElement?.dataset.focus), `${first.controlId}/due`,
      'Tab from the owner lands on the same action\'s date, after the list is redrawn');
    await item.locator('input[data-assign="due"]').fill('2027-01-15');
    await item.locator('input[data-assign="due"]').press('Tab');
    await s.page.waitForFunction((id) => document.querySelector('soc2-readiness').results.plan.actions.find((a) => a.controlId === id)?.due === '2027-01-15', first.controlId);
    const doc = await s.page.evaluate(() => document.querySelector('soc2-readiness').assessment);
    assert.deepEqual(doc.assignments[first.controlId], { owner: 'Dana (CTO)', due: '2027-01-15' });
    // shown on the action, and its form stays open across the change
    // (the page shows dates as its language writes them: Intl, medium style)
    assert.equal(await item.locator('.owner').textContent(), 'Owner: Dana (CTO) by Jan 15, 2027');
    assert.ok(await item.locator('.assign').evaluate((d) => d.open));
    // the CSV an issue tracker imports: owner and due date beside the title
    const csv = await exportAs(s.page, 'csv');
    const lines = csv.text.trimEnd().split('\r\n');
    const head = lines[0].split(',');
    assert.deepEqual(head.slice(0, 7), ['rank', 'title', 'description', 'owner', 'due_date', 'priority', 'labels']);
    const row = lines.find((l) => l.includes(`,${first.controlId},`));
    assert.ok(row?.startsWith('1,'), row);
    assert.ok(row.includes(',Dana (CTO),2027-01-15,'), row);
    // clearing both removes the assignment
    await item.locator('input[data-assign="owner"]').fill('');
    await item.locator('input[data-assign="owner"]').press('Tab');
    await item.locator('input[data-assign="due"]').fill('');
    await item.locator('input[data-assign="due"]').press('Tab');
    await s.page.waitForFunction(() => !document.querySelector('soc2-readiness').assessment.assignments);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('the hours a week are in the open: shown beside the timeline, editable in Scope, and they move the plan', async () => {
  const s = await session();
  try {
    await answerMost(s.page);
    const before = await results(s.page);
    const derived = before.plan.capacityHoursPerWeek;
    assert.equal(before.timeline.drivers.capacityHoursPerWeek, derived);
    assert.match(await panel(s.page).locator('.plan-intro').textContent(), new RegExp(`Scheduled at ${derived} person-hours a week`));
    await goToStep(s.page, 'Scope');
    const input = host(s.page).locator('input[data-profile="hoursPerWeek"]');
    assert.equal(await input.getAttribute('placeholder'), String(derived));
    assert.equal(await input.inputValue(), '');
    await input.fill('20');
    await input.press('Tab');
    await s.page.waitForFunction(() => document.querySelector('soc2-readiness').results.plan.capacityHoursPerWeek === 20);
    const after = await results(s.page);
    assert.equal(after.timeline.drivers.capacityHoursPerWeek, 20);
    const early = (r) => r.plan.actions.filter((a) => a.window === 'days30').length;
    assert.ok(early(after) < early(before), `fewer hours, fewer actions done in the first 30 days (${early(before)} → ${early(after)})`);
    assert.ok(after.timeline.type1.weeks.high > before.timeline.type1.weeks.high, 'and a longer timeline');
    assert.match(await panel(s.page).locator('.plan-intro').textContent(), /Scheduled at 20 person-hours a week/);
    // emptied: back to the default from the team size
    await input.fill('');
    await input.press('Tab');
    await s.page.waitForFunction((d) => document.querySelector('soc2-readiness').results.plan.capacityHoursPerWeek === d, derived);
    assert.equal((await s.page.evaluate(() => document.querySelector('soc2-readiness').assessment)).profile.hoursPerWeek, undefined);
    // the default follows the team size, and the field says so at once
    const team = host(s.page).locator('input[data-profile="teamSize"]');
    await team.fill('5');
    await team.press('Tab');
    await s.page.waitForFunction(() => document.querySelector('soc2-readiness').assessment.profile.teamSize === 5);
    const small = (await results(s.page)).plan.capacityHoursPerWeek;
    assert.ok(small < derived, `${small} < ${derived}`);
    assert.equal(await input.getAttribute('placeholder'), String(small));
    assert.match(await host(s.page).locator(`#${await input.getAttribute('aria-describedby')}`).textContent(), new RegExp(`Empty: ${small}, from the team size`));
    await team.fill('25');
    await team.press('Tab');
    await s.page.waitForFunction((d) => document.querySelector('soc2-readiness').results.plan.capacityHoursPerWeek === d, derived);
    // beyond the engine's limit: refused at the field, nothing changes
    await input.fill('100000');
    await input.press('Tab');
    assert.equal(await input.evaluate((i) => i.validity.customError), true);
    assert.equal((await results(s.page)).plan.capacityHoursPerWeek, derived);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('where the weak areas are: one labelled row per area asked, weakest first, numbers in words', async () => {
  const s = await session();
  try {
    await answerMost(s.page);
    const summary = await s.page.evaluate(() => {
      const el = document.querySelector('soc2-readiness');
      return el.results.readiness.sections;
    });
    const asked = Object.entries(summary).filter(([, sc]) => sc.counts.asked > 0);
    const section = panel(s.page).locator('section.weak-areas');
    assert.equal(await section.getAttribute('aria-labelledby'), await section.locator('h3').getAttribute('id'));
    assert.equal(await section.locator('h3').textContent(), 'Where the weak areas are');
    assert.equal(await section.locator('.chart li').count(), Math.min(8, asked.length));
    await section.locator('[data-chart-more]').click();
    const rows = await section.locator('.chart li').evaluateAll((lis) => lis.map((li) => ({ id: li.dataset.section, text: li.textContent })));
    assert.equal(rows.length, asked.length);
    const designs = rows.map((r) => summary[r.id].design ?? 101);
    assert.deepEqual(designs, [...designs].sort((a, b) => a - b), 'weakest first');
    for (const r of rows) {
      const sc = summary[r.id];
      const pct = (v) => (v == null ? '–' : `${v} %`);
      assert.ok(r.text.includes(`Type I${pct(sc.design)}Type II${pct(sc.operating)}`), `${r.id}: ${r.text}`);
    }
    // the bars are decoration: the numbers are the text
    assert.equal(await section.locator('.chart svg[aria-hidden="true"]').count(), rows.length * 2);
  } finally {
    await s.close();
  }
});

test('criteria in scope only, titled inline; each row\'s name holds its visible text (axe at every width)', async () => {
  const s = await session();
  try {
    await answerMost(s.page);
    const r = await results(s.page);
    const map = panel(s.page).locator('.criteria-map');
    await map.locator('> summary').click();
    await map.locator('.criteria details').first().waitFor(); // the rows are drawn when the map opens
    const ids = await map.locator('.criteria details').evaluateAll((ds) => ds.map((d) => d.dataset.criterion));
    // Security and Availability in scope: CC and A1 criteria, nothing of Privacy or Confidentiality
    assert.ok(ids.length > 30 && ids.every((id) => /^(CC|A1\.)/.test(id)), ids.join(' '));
    assert.ok(ids.some((id) => id.startsWith('A1.')));
    assert.equal(await map.locator('> summary').textContent(), `Criteria in scope (${ids.length}): ${ids.filter((id) => r.readiness.criteria[id].design === 0).length} with nothing in place`);
    const row = map.locator('details[data-criterion="CC6.1"] > summary');
    assert.match(await row.textContent(), /^CC6\.1 Access to protected assets is secured by software and architecture \d+ %, /);
    for (const width of [1400, 720, 375]) {
      await s.page.setViewportSize({ width, height: 1000 });
      if (width < 760 && (await host(s.page).locator('.results-toggle').getAttribute('aria-expanded')) !== 'true') await host(s.page).locator('.results-toggle').click();
      await map.locator('details[data-criterion="CC6.1"]').evaluate((d) => { d.open = true; });
      await map.locator('details[data-criterion="CC6.1"] .criterion-detail li').first().waitFor();
      assert.deepEqual(await axe(s.page), [], `axe at ${width} px`);
      assert.ok(await s.page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), `nothing scrolls sideways at ${width} px`);
    }
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

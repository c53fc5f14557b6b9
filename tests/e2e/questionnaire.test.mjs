// The questionnaire in a real browser: answering, scores, exports (checked against the native CLI),
// import, persistence, bad input, accessibility (axe-core, keyboard) and quick mode.
//   node --test --test-concurrency=1 tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import {
  SHOTS, alertText, answerEverything, exportAs, focused, goToStep, importFile, meter, noteBox, results,
  openSteps, session, setAllAnswers, typeOne, waitForSaved,
} from './helpers.mjs';

const CLI = resolve('target/release/soc2-readiness');
const KEY = 'soc2-readiness/v1/default';
const ACCESS = 'Access management and authentication';
const OPTIONAL_CATEGORIES = ['availability', 'confidentiality', 'processingIntegrity', 'privacy'];

const host = (page) => page.locator('soc2-readiness');
const control = (page, id) => host(page).locator(`main fieldset.control[data-control="${id}"]`);

/** A temporary directory for files handed to the CLI or the file chooser; removed by `done()`. */
function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-e2e-files-'));
  return { dir, file: (name, text) => { const p = join(dir, name); writeFileSync(p, text); return p; }, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A mixed state: most controls answered with every status, some evidence and notes, set by clicking and by the property. */
async function answerVaried(page) {
  await page.evaluate(() => {
    const el = document.querySelector('soc2-readiness');
    const doc = el.assessment;
    const statuses = ['implemented', 'partial', 'planned', 'notImplemented', 'implemented'];
    let i = 0;
    {
      for (const id of Object.keys(el.results.standings)) {
        i += 1;
        if (i % 7 === 0) continue; // leave some unanswered
        const status = statuses[i % statuses.length];
        doc.answers[id] = { status, evidence: (status === 'implemented' || status === 'partial') && i % 3 !== 0, note: i % 4 === 0 ? `note ${i}: "quoted", ünïcödé, a,b` : '' };
      }
    }
    doc.profile.organization = 'Acme APIs, Inc.';
    doc.profile.observationMonths = 3;
    el.assessment = doc;
  });
  // and a few by clicking, so the export reflects UI edits too
  await goToStep(page, ACCESS);
  await control(page, 'access.mfa-admin').locator('input[value="notImplemented"]').check();
  await control(page, 'access.api-keys').locator('input[value="partial"]').check();
  await control(page, 'access.api-keys').locator('input[data-evidence]').check();
}

async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' >>> ')).join('\n    ')}`);
}

test('a full assessment answered by clicking shows 100 % and Audit-ready', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await openSteps(el);
    await el.locator('nav.steps button[aria-current="step"]', { hasText: 'Scope' }).waitFor();
    for (const id of OPTIONAL_CATEGORIES) await el.locator(`input[data-category="${id}"]`).check();
    assert.equal(await el.locator('input[data-category="security"]').isChecked(), true);
    assert.equal(await el.locator('input[data-category="security"]').isDisabled(), true);

    const answered = await answerEverything(s.page, 'implemented', true);
    const r = await results(s.page);
    assert.deepEqual(r.profile.categories, ['security', ...OPTIONAL_CATEGORIES]);
    assert.equal(answered, r.readiness.overall.counts.asked, 'every asked control was clicked');
    assert.equal(r.readiness.overall.counts.answered, r.readiness.overall.counts.asked);

    assert.deepEqual(await meter(el, 0), { value: '100 %', band: 'Audit-ready' });
    assert.deepEqual(await meter(el, 1), { value: '100 %', band: 'Audit-ready' });
    const o = r.readiness.overall;
    assert.deepEqual([o.design, o.operating, o.band, o.operatingBand], [100, 100, 'auditReady', 'auditReady']);
    assert.deepEqual(r.blockers, []);
    assert.deepEqual(r.gaps, []);
    for (const [id, c] of Object.entries(r.readiness.categories)) assert.equal(c.design, 100, `category ${id}`);
    // every section step is marked done in the navigation
    const steps = await el.locator('nav.steps li').count();
    assert.equal(await el.locator('nav.steps li.done').count(), steps - 2);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('a critical control not implemented shows a blocker and lowers the band', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await setAllAnswers(s.page, 'implemented', true);
    assert.deepEqual(await meter(el, 0), { value: '100 %', band: 'Audit-ready' });
    await expectText(el.locator('.results .plan-list h3'), 'What to do first');
    assert.match(await el.locator('.results .plan-list').textContent(), /Nothing to do: every control asked is in place and evidenced/);

    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="notImplemented"]').check();

    // the one action: the blocker, marked in words and by its bar, first in the plan
    const item = el.locator('.results .actions > li[data-action="access.mfa-admin"]');
    await item.waitFor();
    assert.match(await item.getAttribute('class'), /\bblocker\b/);
    assert.match(await item.textContent(), /MFA for administrative access.*blocker · Not implemented/);
    await expectText(el.locator('.results .plan-list h3'), 'What to do first (1 action)');
    assert.match(await el.locator('.results .plan-intro').textContent(), /1 blocker \(1 block Type I\)/);
    const m = await meter(el, 0);
    assert.notEqual(m.band, 'Audit-ready');
    const r = await results(s.page);
    assert.deepEqual(r.blockers.map((b) => [b.controlId, b.state, b.blocks]), [['access.mfa-admin', 'notImplemented', 'type1']]);
    assert.notEqual(r.readiness.overall.band, 'auditReady');
    assert.equal(m.band, { materialGaps: 'Material gaps', findingsLikely: 'Findings likely', notReady: 'Not ready' }[r.readiness.overall.band]);
  } finally {
    await s.close();
  }
});

test('the Type I score rises after each control answered Implemented', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    const controls = el.locator('main fieldset.control');
    assert.ok(await controls.count() >= 5);
    const seen = [await typeOne(el)];
    for (let i = 0; i < 5; i++) {
      await controls.nth(i).locator('input[value="implemented"]').check();
      seen.push(await typeOne(el));
    }
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] > seen[i - 1], `Type I after each click: ${seen.join(' → ')}`);
    assert.equal(seen.at(-1), (await results(s.page)).readiness.overall.design);
  } finally {
    await s.close();
  }
});

test('the JSON export equals the native CLI assessment of the same file', async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: build the CLI first`);
  const s = await session();
  const files = scratch();
  try {
    await answerVaried(s.page);
    const { download, text } = await exportAs(s.page, 'json');
    assert.match(download.suggestedFilename(), /^soc2-readiness-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(text);
    const path = files.file('export.json', text);
    const native = JSON.parse(execFileSync(CLI, ['assess', path], { encoding: 'utf8' }));
    for (const key of ['readiness', 'blockers', 'gaps', 'plan', 'timeline']) assert.deepEqual(exported[key], native[key], key);
    // the whole object, generator and catalog included: one engine, one version. Only `$schema`
    // differs: the page names the copy served beside it, the CLI the site-relative path.
    assert.equal(exported.$schema, new URL('pkg/schema/assessment.schema.json', s.url).href);
    assert.equal(native.$schema, 'schema/assessment.schema.json');
    assert.deepEqual({ ...exported, $schema: native.$schema }, native);
    assert.deepEqual(exported, await results(s.page), 'the export is the element’s results');
    assert.equal(exported.readiness.overall.counts.answered > 50, true);
  } finally {
    files.done();
    await s.close();
  }
});

test('importing the JSON export into a fresh browser profile restores the same state', async () => {
  const a = await session();
  const files = scratch();
  let path;
  let before;
  try {
    await answerVaried(a.page);
    const { text } = await exportAs(a.page, 'json');
    path = files.file('assessment.json', text);
    before = await results(a.page);
  } finally {
    await a.close();
  }
  const b = await session();
  try {
    const el = host(b.page);
    assert.equal((await results(b.page)).readiness.overall.counts.implemented, 0, 'the new profile starts empty');
    await importFile(el, path);
    await el.locator('.notices [role=status]', { hasText: 'Imported assessment.json' }).waitFor();
    // the same but for $schema, which names the serving site (another port for each session)
    const { $schema, ...after } = await results(b.page);
    assert.equal($schema, `${b.url}pkg/schema/assessment.schema.json`);
    delete before.$schema;
    assert.deepEqual(after, before);
    await goToStep(b.page, ACCESS);
    assert.equal(await control(b.page, 'access.mfa-admin').locator('input[value="notImplemented"]').isChecked(), true);
    assert.equal(await control(b.page, 'access.api-keys').locator('input[data-evidence]').isChecked(), true);
  } finally {
    files.done();
    await b.close();
  }
});

test('a reload resumes the saved answers and scores', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await control(s.page, 'access.mfa-admin').locator('input[data-evidence]').check();
    await control(s.page, 'access.least-privilege').locator('input[value="partial"]').check();
    await control(s.page, 'access.api-keys').locator('input[value="planned"]').check();
    await (await noteBox(control(s.page, 'access.api-keys'))).fill('rotate keys quarterly');
    await waitForSaved(s.page, KEY, 3);
    await s.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).answers['access.api-keys'].note === 'rotate keys quarterly', KEY);
    const before = await results(s.page);
    const shown = await meter(el, 0);

    await s.page.reload();
    await el.locator('.results .meter .value').first().waitFor({ state: 'attached' });
    assert.deepEqual(await results(s.page), before);
    assert.deepEqual(await meter(el, 0), shown);
    await goToStep(s.page, ACCESS);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').isChecked(), true);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('input[data-evidence]').isChecked(), true);
    assert.equal(await control(s.page, 'access.least-privilege').locator('input[value="partial"]').isChecked(), true);
    assert.equal(await control(s.page, 'access.api-keys').locator('textarea').inputValue(), 'rotate keys quarterly');
    await openSteps(el);
    const asked = before.readiness.sections.access.counts.asked;
    await expectText(el.locator('nav.steps button', { hasText: ACCESS }).locator('.count'), `3/${asked}`);
  } finally {
    await s.close();
  }
});

test('a note typed before the question is answered is kept once it is answered', async () => {
  const s = await session();
  try {
    await goToStep(s.page, ACCESS);
    const c = control(s.page, 'access.consumer-auth');
    await (await noteBox(c)).fill('OAuth for v2 only; ask Priya');
    await c.locator('input[value="partial"]').check();
    await waitForSaved(s.page, KEY, 1);
    const saved = await s.page.evaluate((k) => JSON.parse(localStorage.getItem(k)).answers['access.consumer-auth'], KEY);
    assert.deepEqual(saved, { status: 'partial', evidence: false, note: 'OAuth for v2 only; ask Priya' });
    assert.equal((await results(s.page)).answers['access.consumer-auth'].note, 'OAuth for v2 only; ask Priya');
  } finally {
    await s.close();
  }
});

test('a bad import shows an error naming the path and changes no answer', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await control(s.page, 'access.least-privilege').locator('input[value="planned"]').check();
    const before = await results(s.page);

    await importFile(el, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "profile": ') });
    let text = await alertText(el);
    assert.match(text, /Import failed: broken\.json: \$/);
    assert.match(text, /unchanged/);
    assert.deepEqual(await results(s.page), before);

    const bad = { ...before, answers: { ...before.answers, 'access.mfa-admin': { status: 'maybe', evidence: false, note: '' } } };
    await importFile(el, { name: 'unknown-status.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await el.locator('.notices [role=alert]', { hasText: 'unknown-status.json' }).waitFor();
    text = await alertText(el);
    assert.ok(text.includes('$.answers["access.mfa-admin"].status'), text);
    assert.equal(await el.locator('.notices [role=alert]').count(), 1, 'the earlier error was replaced');
    assert.deepEqual(await results(s.page), before);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').isChecked(), true);
    assert.equal(await control(s.page, 'access.least-privilege').locator('input[value="planned"]').isChecked(), true);
  } finally {
    await s.close();
  }
});

test('axe-core finds no WCAG 2.1 AA violations on any view (light)', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    const found = {};
    found.scope = await axe(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await control(s.page, 'access.least-privilege').locator('input[value="notImplemented"]').check();
    await control(s.page, 'access.mfa-admin').locator('details.help summary').click();
    found.section = await axe(s.page);
    await goToStep(s.page, 'Report');
    await el.locator('main .report').first().waitFor();
    found.report = await axe(s.page);
    await el.locator('.mode label', { hasText: 'Quick check' }).click();
    await el.locator('.results .estimate').waitFor();
    found.quick = await axe(s.page);
    await s.page.setViewportSize({ width: 320, height: 800 });
    await goToStep(s.page, 'Quick check');
    found.narrow = await axe(s.page);
    await el.locator('.results-toggle').click();
    found.narrowCollapsed = await axe(s.page);
    for (const [view, v] of Object.entries(found)) assert.deepEqual(v, [], `${view}:\n  ${v.join('\n  ')}`);
  } finally {
    await s.close();
  }
});

test('axe-core finds no WCAG 2.1 AA violations in dark mode', async () => {
  const s = await session({ options: { colorScheme: 'dark' } });
  try {
    const el = host(s.page);
    assert.equal(await s.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
    const found = {};
    found.scope = await axe(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="partial"]').check();
    await control(s.page, 'access.least-privilege').locator('input[value="notImplemented"]').check();
    found.section = await axe(s.page);
    await goToStep(s.page, 'Report');
    found.report = await axe(s.page);
    await el.locator('.mode label', { hasText: 'Quick check' }).click();
    await el.locator('.results .estimate').waitFor();
    found.quick = await axe(s.page);
    await s.page.setViewportSize({ width: 320, height: 800 });
    found.narrow = await axe(s.page);
    for (const [view, v] of Object.entries(found)) assert.deepEqual(v, [], `dark ${view}:\n  ${v.join('\n  ')}`);
  } finally {
    await s.close();
  }
});

test('a whole section can be answered with the keyboard alone', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    const n = await el.locator('main fieldset.control').count();
    await openSteps(el);
    const count = el.locator('nav.steps button', { hasText: ACCESS }).locator('.count');
    await expectText(count, `0/${n}`);
    await el.locator('main h2').focus();

    const answered = new Set();
    for (let presses = 0; answered.size < n && presses < 40 * n; presses++) {
      await s.page.keyboard.press('Tab');
      const f = await focused(s.page);
      if (f?.tag === 'input' && f.type === 'radio' && f.status && !answered.has(f.status)) {
        // Space selects the focused (first) option; on every other control move on with an arrow key.
        await s.page.keyboard.press('Space');
        if (answered.size % 2 === 1) await s.page.keyboard.press('ArrowRight');
        answered.add(f.status);
        const after = await focused(s.page);
        assert.equal(after.checked, true, `the focused option of ${f.status} is selected`);
        if (after.value === 'implemented') {
          await s.page.keyboard.press('Tab'); // the evidence box, now enabled
          const ev = await focused(s.page);
          assert.equal(ev.type, 'checkbox');
          await s.page.keyboard.press('Space');
        }
      }
    }
    await expectText(count, `${n}/${n}`);
    const r = await results(s.page);
    assert.equal(r.readiness.sections.access.counts.answered, n);
    // The section's questions, in the order shown (its asked controls, in catalog order).
    const ids = Object.keys(r.standings).filter((id) => id.startsWith('access.'));
    assert.equal(ids.length, n);
    const statuses = ids.map((id) => r.answers[id].status);
    assert.deepEqual(statuses, Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'implemented' : 'partial')));
    assert.equal(ids.filter((id) => r.answers[id].evidence).length, Math.ceil(n / 2));
  } finally {
    await s.close();
  }
});

test('quick mode asks about 20 questions, says it is an estimate and keeps full-mode answers', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await control(s.page, 'access.api-keys').locator('input[value="partial"]').check(); // not a quick question
    const full = await results(s.page);
    assert.equal(full.estimate, false);
    await assert.rejects(el.locator('.results .estimate').waitFor({ state: 'visible', timeout: 500 }));

    await el.locator('.mode label', { hasText: 'Quick check' }).click();
    const estimate = el.locator('.results .estimate');
    await estimate.waitFor();
    assert.match(await estimate.textContent(), /Estimate/);
    assert.match(await el.locator('.progress').textContent(), /quick check/);
    const quick = await results(s.page);
    assert.equal(quick.mode, 'quick');
    assert.equal(quick.estimate, true);
    const asked = quick.readiness.overall.counts.asked;
    assert.ok(asked >= 15 && asked <= 25, `quick check asks ${asked} questions`);
    assert.ok(asked < full.readiness.overall.counts.asked);
    // one screen: scope, the quick check, the report; the questions were on a section step, so
    // the quick check's step is shown, with exactly the questions counted, under their sections
    await openSteps(el);
    assert.deepEqual(await el.locator('nav.steps button > span:first-child').allTextContents(), ['Scope', 'Quick check', 'Report']);
    assert.equal(await el.locator('main h2').textContent(), 'Quick check');
    assert.equal(await el.locator('main fieldset.control').count(), asked);
    const groups = await el.locator('main section.group h3').allTextContents();
    assert.ok(groups.length > 1 && groups.includes(ACCESS), groups.join(', '));
    assert.equal(await control(s.page, 'access.api-keys').count(), 0, 'a non-quick question is hidden');
    await control(s.page, 'access.least-privilege').locator('input[value="implemented"]').check();

    await el.locator('.mode label', { hasText: 'Full assessment' }).click();
    await estimate.waitFor({ state: 'hidden' });
    assert.notEqual(await el.locator('main h2').textContent(), 'Quick check', 'back in full mode, on a section');
    const back = await results(s.page);
    assert.equal(back.estimate, false);
    assert.deepEqual(Object.keys(back.answers).sort(), ['access.api-keys', 'access.least-privilege', 'access.mfa-admin']);
    await goToStep(s.page, ACCESS);
    assert.equal(await control(s.page, 'access.api-keys').locator('input[value="partial"]').isChecked(), true);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').isChecked(), true);
  } finally {
    await s.close();
  }
});

test('a quick check with everything in place shows an estimate, never audit-ready, and unasked criteria as not assessed', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await s.page.evaluate((cats) => {
      const el = document.querySelector('soc2-readiness');
      const doc = el.assessment;
      doc.mode = 'quick';
      doc.profile.categories = ['security', ...cats];
      el.assessment = doc;
      const quick = el.assessment;
      for (const id of Object.keys(el.results.standings)) quick.answers[id] = { status: 'implemented', evidence: true, note: '' };
      el.assessment = quick;
    }, OPTIONAL_CATEGORIES);
    const r = await results(s.page);
    assert.equal(r.readiness.overall.design, 100);
    assert.equal(r.readiness.overall.band, 'findingsLikely');
    // the meter says so, with the estimate explained
    await expectText(el.locator('.results .meter').first().locator('.band'), 'Findings likely');
    assert.match(await el.locator('.results .estimate').textContent(), /never shown as audit-ready/);
    // criteria no quick question covers: "not assessed" in the map, never a score
    const unasked = Object.entries(r.readiness.criteria).filter(([, k]) => !k.assessed).map(([id]) => id);
    assert.ok(unasked.length > 20, `${unasked.length} criteria not assessed`);
    // the map, opened: each row names the criterion and says "not assessed", never a score
    await el.locator('.results .criteria-map > summary').click();
    for (const id of unasked.filter((c) => c.startsWith('CC')).slice(0, 5)) {
      const row = el.locator(`.criteria details[data-criterion="${id}"] > summary`);
      assert.equal(await row.locator('.pct').textContent(), 'not assessed');
      assert.match(await row.getAttribute('class'), /b-notAssessed/);
    }
    // opening a criterion in quick mode shows its detail (it threw "reading 'map'" before)
    const first = unasked.find((c) => c.startsWith('CC'));
    await el.locator(`.criteria details[data-criterion="${first}"] > summary`).click();
    await expectText(el.locator(`.criteria details[data-criterion="${first}"] .criterion-detail p`).first(), 'Not assessed: no question in this mode covers it.');
    assert.deepEqual(s.problems, []);
    assert.ok((await el.locator('.results').textContent()).includes('A self-assessment, not an attestation'));
  } finally {
    await s.close();
  }
});

test('a criterion with nothing in place caps the band, and the panel says which and why', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await s.page.evaluate(async () => {
      const el = document.querySelector('soc2-readiness');
      const doc = el.assessment;
      const catalog = await (await fetch('pkg/catalog.json')).json();
      const unmet = new Set(catalog.controls.filter((c) => c.criteria.includes('CC3.3')).map((c) => c.id));
      for (const id of Object.keys(el.results.standings)) {
        doc.answers[id] = { status: unmet.has(id) ? 'notImplemented' : 'implemented', evidence: true, note: '' };
      }
      el.assessment = doc;
    });
    const r = await results(s.page);
    assert.ok(r.readiness.overall.design >= 90, `score ${r.readiness.overall.design}`);
    assert.equal(r.readiness.overall.band, 'materialGaps');
    assert.deepEqual(r.readiness.overall.cappedBy, ['CC3.3']);
    await expectText(el.locator('.results .meter').first().locator('.band'), 'Material gaps');
    const caps = el.locator('.results .caps li');
    assert.equal(await caps.count(), 1);
    assert.match(await caps.first().textContent(), /^CC3\.3 has nothing in place/);
    // and the printed report carries the same reason
    await goToStep(s.page, 'Report');
    assert.match(await el.locator('main .report .caps li').first().textContent(), /^CC3\.3 has nothing in place/);
  } finally {
    await s.close();
  }
});

test('Markdown and CSV exports download with their headings and header row', async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: build the CLI first`);
  const s = await session();
  const files = scratch();
  try {
    const el = host(s.page);
    await el.locator('input[data-profile="organization"]').fill('Acme APIs');
    await el.locator('input[data-profile="organization"]').press('Tab'); // commits on change
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="notImplemented"]').check();
    await (await noteBox(control(s.page, 'access.mfa-admin'))).fill('needs, "quotes"');
    await waitForSaved(s.page, KEY, 1);

    const md = await exportAs(s.page, 'markdown');
    assert.match(md.download.suggestedFilename(), /\.md$/);
    assert.match(md.text, /^# Acme APIs: SOC 2 readiness\n/);
    for (const heading of ['## Blockers', '| Category | Type I design | Type II operating | Answered |']) assert.ok(md.text.includes(heading), heading);
    assert.ok(md.text.includes('**MFA for administrative access** (`access.mfa-admin`): Not implemented'));

    const csv = await exportAs(s.page, 'csv');
    assert.match(csv.download.suggestedFilename(), /\.csv$/);
    const lines = csv.text.trimEnd().split('\r\n'); // RFC 4180 line ends
    assert.equal(lines[0], 'rank,title,description,owner,due_date,priority,labels,control_id,stage,window,planned_end,section,category,critical,state,gap,effort_hours,criteria,note,source');
    const mfa = lines.find((l) => l.includes(',access.mfa-admin,'));
    assert.ok(mfa?.endsWith(',"needs, ""quotes""",SOC 2 self-assessment (not an attestation)'), mfa);

    // the same engine as the CLI: identical reports for the same document
    const json = await exportAs(s.page, 'json');
    const path = files.file('a.json', json.text);
    assert.equal(md.text, execFileSync(CLI, ['report', path, '--format', 'markdown'], { encoding: 'utf8' }));
    assert.equal(csv.text, execFileSync(CLI, ['report', path, '--format', 'csv'], { encoding: 'utf8' }));
  } finally {
    files.done();
    await s.close();
  }
});

test('the OSCAL export is the CLI\'s set of four documents, zipped side by side', async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: build the CLI first`);
  const s = await session();
  const files = scratch();
  try {
    await answerVaried(s.page);
    const el = host(s.page);
    const { download } = await exportAs(s.page, 'oscal');
    assert.match(download.suggestedFilename(), /^soc2-readiness-\d{4}-\d{2}-\d{2}\.oscal\.zip$/);
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const names = Object.keys(zip).sort();
    assert.deepEqual(names, [
      'soc2-readiness-assessment-plan.oscal.json',
      'soc2-readiness-assessment-results.oscal.json',
      'soc2-readiness-catalog.oscal.json',
      'soc2-readiness-ssp.oscal.json',
    ]);
    // Byte for byte what the CLI writes for the same document at the same time.
    const results = JSON.parse(strFromU8(zip['soc2-readiness-assessment-results.oscal.json']));
    const at = results['assessment-results'].metadata['last-modified'];
    const doc = files.file('a.json', JSON.stringify(await el.evaluate((e) => e.assessment)));
    const out = join(files.dir, 'oscal');
    execFileSync(CLI, ['oscal', doc, '--out-dir', out, '--generated-at', at]);
    for (const name of names) assert.equal(strFromU8(zip[name]), readFileSync(join(out, name), 'utf8'), name);
  } finally {
    files.done();
    await s.close();
  }
});

test('choosing an answer moves nothing: the next question stays where the pointer is going', async () => {
  // A checked option that changed its own size (it was once bold, with every property animated)
  // rewrapped its row, pushed the questions below down mid-click and made the next click miss.
  for (const width of [375, 720, 1100, 1400]) {
    const s = await session({ options: { viewport: { width, height: 800 } } });
    try {
      const el = host(s.page);
      await goToStep(s.page, ACCESS);
      const tops = () => el.locator('main').evaluate(async (main) => {
        await Promise.all(main.getRootNode().getAnimations().map((a) => a.finished));
        const origin = main.getBoundingClientRect().top;
        return [...main.querySelectorAll('fieldset.control')].map((f) => f.getBoundingClientRect().top - origin);
      });
      const controls = el.locator('main fieldset.control');
      const n = await controls.count();
      const statuses = ['implemented', 'partial', 'notImplemented'];
      for (let i = 0; i < n - 1; i++) {
        const before = await tops();
        await controls.nth(i).locator(`input[value="${statuses[i % 3]}"]`).check();
        assert.deepEqual(await tops(), before, `at ${width} px, answering question ${i + 1} moved the questions below it`);
      }
    } finally {
      await s.close();
    }
  }
});

test('at 320 px wide (as at 400 % zoom of 1280 px) nothing scrolls sideways; screenshots saved for review', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const wide = await session();
  try {
    await answerVaried(wide.page);
    await wide.page.screenshot({ path: join(SHOTS, 'section-1400.png'), fullPage: true });
    await goToStep(wide.page, 'Scope');
    await wide.page.screenshot({ path: join(SHOTS, 'scope-1400.png'), fullPage: true });
    await goToStep(wide.page, 'Report');
    await wide.page.screenshot({ path: join(SHOTS, 'report-1400.png'), fullPage: true });
  } finally {
    await wide.close();
  }
  const narrow = await session({ options: { viewport: { width: 320, height: 720 } } });
  try {
    await answerVaried(narrow.page);
    await narrow.page.screenshot({ path: join(SHOTS, 'section-320.png'), fullPage: true });
    const width = await narrow.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `no horizontal scrolling at 320 px (page is ${width} px wide)`);
  } finally {
    await narrow.close();
  }
  const dark = await session({ options: { colorScheme: 'dark' } });
  try {
    await answerVaried(dark.page);
    await dark.page.screenshot({ path: join(SHOTS, 'section-1400-dark.png'), fullPage: true });
  } finally {
    await dark.close();
  }
});

/** Waits until `locator`'s text is exactly `text` (trimmed), then asserts it (with a readable diff on timeout). */
async function expectText(locator, text) {
  const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await locator.filter({ hasText: exact }).first().waitFor({ timeout: 5000 }).catch(() => {});
  assert.equal((await locator.first().textContent()).trim(), text);
}

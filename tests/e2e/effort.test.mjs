// Less effort and safe import (issue 14, items 4 and 7): the start screen of a first visit and the
// hosts that skip it, the quick check on one step, "None of these yet" and its Undo, notes behind
// "Add a note", no progress claimed before the first answer, the last step reopened after a
// reload, and an import that asks before it replaces answers and can be undone.
//   node --test --test-concurrency=1 tests/e2e/effort.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { begin, goToStep, importFile, noteBox, openSteps, results, servePage, session, waitForSaved } from './helpers.mjs';

const KEY = 'soc2-readiness/v1/default';
const ACCESS = 'Access management and authentication';
const NETWORK = 'Network security';
const QUICK = 'Quick check';
const host = (page) => page.locator('soc2-readiness');
const control = (el, id) => el.locator(`main fieldset.control[data-control="${id}"]`);
/** What the visitor has to answer in a set: asked, less what is inherited (the engine's counts). */
const toAnswer = (counts) => counts.asked - counts.inherited;

async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' >>> ')).join('\n    ')}`);
}

/** A page on the site's origin with the element's module and `body`, every element started. */
async function openPage(s, name, body) {
  const url = `${s.url}${name}`;
  await servePage(s.context, url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host page</title>
<script type="module" src="soc2-readiness.js"></script></head><body>${body}</body></html>`);
  await s.page.goto(url);
  await s.page.waitForFunction(() => [...document.querySelectorAll('soc2-readiness')].every((e) => e.results));
}

/** The numbers on a start screen's choice: [questions, minutes or null]. */
async function choiceNumbers(el, mode) {
  const meta = await el.locator(`.start .choice[data-mode="${mode}"] .choice-meta`).textContent();
  const [, questions, minutes] = meta.match(/^About (\d+) questions(?: · about (\d+)\s+minutes)?/) ?? [];
  return [Number(questions), minutes ? Number(minutes) : null];
}

test('a first visit opens on the start screen; the numbers are the engine\'s; the quick check is one step', async () => {
  const s = await session({ start: false });
  try {
    const el = host(s.page);
    const start = el.locator('.start');
    await start.waitFor();
    // the questionnaire, the progress and the tools that need answers wait behind the choice
    for (const sel of ['.layout', '.progress', '.actions .mode', '.actions details.menu', '.actions .confirm']) {
      assert.equal(await el.locator(sel).isHidden(), true, `${sel} is hidden on the start screen`);
    }
    assert.equal(await el.locator('.actions button[data-feature="import"]').isVisible(), true, 'a file can be imported from there');
    assert.equal(await start.locator('h2').textContent(), 'How deep do you want to go?');
    const [quick, minutes] = await choiceNumbers(el, 'quick');
    const [full] = await choiceNumbers(el, 'full');
    // full: the document a first visit holds; its counts are the engine's
    const fresh = await results(s.page);
    assert.equal(fresh.mode, 'full');
    assert.equal(full, toAnswer(fresh.readiness.overall.counts));
    assert.ok(minutes >= 1 && minutes <= 10, `about ${minutes} minutes`);
    assert.deepEqual(await s.page.evaluate(() => localStorage.length), 0, 'nothing saved before the choice');

    await start.locator('button[data-start="quick"]').click();
    await start.waitFor({ state: 'detached' });
    const r = await results(s.page);
    assert.equal(r.mode, 'quick');
    assert.equal(quick, toAnswer(r.readiness.overall.counts), 'the quick check asks what the start screen said');
    // Scope → Quick check → Report, landing on the questions, all of them on one step
    await openSteps(el);
    assert.deepEqual(await el.locator('nav.steps button > span:first-child').allTextContents(), ['Scope', QUICK, 'Report']);
    assert.equal(await el.locator('nav.steps button[aria-current="step"] > span:first-child').textContent(), QUICK);
    assert.equal(await el.locator('main h2').textContent(), QUICK);
    assert.equal(await el.locator('main fieldset.control').count(), r.readiness.overall.counts.asked);
    const sections = Object.entries(r.readiness.sections).filter(([, x]) => x.counts.asked).length;
    assert.equal(await el.locator('main section.group > h3').count(), sections, 'grouped under their sections');
    // the choice is saved at once: a reload skips the start screen and reopens on the quick check
    await waitForSaved(s.page, KEY, 0);
    await s.page.reload();
    await el.locator('main fieldset.control').first().waitFor();
    assert.equal(await el.locator('.start').count(), 0);
    assert.equal(await el.locator('main h2').textContent(), QUICK);
  } finally {
    await s.close();
  }
});

test('a first visit can choose the full assessment; the start screen comes back after Start over', async () => {
  const s = await session({ start: false });
  try {
    const el = host(s.page);
    await begin(el, 'full');
    assert.equal((await results(s.page)).mode, 'full');
    assert.equal(await el.locator('main h2').textContent(), 'Scope');
    await goToStep(s.page, ACCESS);
    await control(el, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await el.locator('.actions .confirm button', { hasText: 'Start over' }).click();
    await el.locator('.actions .confirm button', { hasText: 'Erase' }).click();
    await el.locator('.start').waitFor();
    assert.deepEqual((await results(s.page)).answers, {});
    assert.equal(await s.page.evaluate(() => document.querySelector('soc2-readiness').shadowRoot.activeElement?.textContent), 'How deep do you want to go?', 'focus on the start screen');
  } finally {
    await s.close();
  }
});

test('hosts that pick the mode skip the start screen: mode, modes with one mode; a later restriction ends it', async () => {
  const s = await session({ open: false });
  try {
    await openPage(s, 'modes.html', `
      <soc2-readiness id="quick" storage-key="none" mode="quick"></soc2-readiness>
      <soc2-readiness id="full" storage-key="none" mode="full"></soc2-readiness>
      <soc2-readiness id="only-quick" storage-key="none" modes="quick"></soc2-readiness>
      <soc2-readiness id="only-full" storage-key="none" modes="full"></soc2-readiness>
      <soc2-readiness id="both" storage-key="none" modes="quick full"></soc2-readiness>
      <soc2-readiness id="later" storage-key="none"></soc2-readiness>`);
    const shows = (id) => s.page.locator(`#${id} .start`).isVisible();
    for (const [id, mode] of [['quick', 'quick'], ['full', 'full'], ['only-quick', 'quick'], ['only-full', 'full']]) {
      assert.equal(await shows(id), false, `#${id} skips the start screen`);
      assert.equal((await results(s.page, `#${id}`)).mode, mode, `#${id} is in ${mode} mode`);
    }
    assert.equal(await s.page.locator('#quick main h2').textContent(), 'Scope');
    assert.equal(await shows('both'), true, 'both modes allowed and none picked: the choice');
    assert.equal(await shows('later'), true);
    // a host restricting the modes after start: the choice is no longer the visitor's
    await s.page.evaluate(() => document.querySelector('#later').setAttribute('modes', 'quick'));
    assert.equal(await shows('later'), false);
    assert.equal((await results(s.page, '#later')).mode, 'quick');
    assert.equal(await s.page.locator('#later main').isVisible(), true);
  } finally {
    await s.close();
  }
});

test('nothing claims progress before the first answer; inherited controls are shown as inherited', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    const r = await results(s.page);
    const o = r.readiness.overall.counts;
    assert.ok(o.inherited > 0, 'the default profile inherits from the cloud provider\'s report');
    assert.ok(o.answered > 0 && Object.keys(r.answers).length === 0, 'the engine counts inherited controls as answered');
    const progress = (await el.locator('.progress').textContent()).trim();
    assert.match(progress, new RegExp(`^Not started: ${toAnswer(o)} questions to answer · ${o.inherited} inherited`));
    await openSteps(el);
    assert.equal(await el.locator('nav.steps li.done').count(), 0, 'no step is done');
    for (const count of await el.locator('nav.steps .count').allTextContents()) assert.match(count, /^0\/\d+$/, count);

    // the section with an inherited control: counted apart, and the card says so
    const [sectionId, section] = Object.entries(r.readiness.sections).find(([, x]) => x.counts.inherited);
    const inheritedId = Object.entries(r.standings).find(([id, st]) => st.state === 'inherited' && id.startsWith(`${sectionId}.`))[0];
    const step = el.locator(`nav.steps button[data-step="${sectionId}"]`);
    assert.equal(await step.locator('.count').textContent(), `0/${toAnswer(section.counts)}`);
    assert.match(await step.locator('.count').getAttribute('aria-label'), /^0 of \d+ answered, \d+ inherited from your cloud provider’s SOC 2 report$/);
    await step.click();
    assert.match(await control(el, inheritedId).locator('p.inherited').textContent(), /^Inherited: /);

    // the first answer: progress, in the visitor's own numbers
    await control(el, inheritedId).locator('input[value="implemented"]').check();
    assert.match((await el.locator('.progress').textContent()).trim(), new RegExp(`^1 of ${toAnswer(o) + 1} questions answered \\(\\d+ %\\)`));
  } finally {
    await s.close();
  }
});

test('"None of these yet" answers a section\'s open questions not implemented, skips inherited ones, and can be undone', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    const fresh = await results(s.page);
    // the section holding an inherited control
    const [sectionId] = Object.entries(fresh.readiness.sections).find(([, x]) => x.counts.inherited);
    const ids = Object.keys(fresh.standings).filter((id) => id.startsWith(`${sectionId}.`));
    const inherited = ids.filter((id) => fresh.standings[id].state === 'inherited');
    const [first, ...rest] = ids.filter((id) => !inherited.includes(id));
    await openSteps(el);
    await el.locator(`nav.steps button[data-step="${sectionId}"]`).click();
    await control(el, first).locator('input[value="implemented"]').check();
    await (await noteBox(control(el, rest[0]))).fill('typed before'); // kept with the answer

    const none = el.locator('main button[data-bulk="none"]');
    assert.match(await el.locator(`#${await none.getAttribute('aria-describedby')}`).textContent(), new RegExp(`Answer the ${rest.length} open questions below “Not implemented”`));
    await none.click();
    let r = await results(s.page);
    assert.equal(r.answers[first].status, 'implemented', 'an answer given stays');
    for (const id of rest) assert.equal(r.answers[id]?.status, 'notImplemented', id);
    assert.equal(r.answers[rest[0]].note, 'typed before');
    for (const id of inherited) assert.equal(r.answers[id], undefined, `${id} stays inherited`);
    for (const id of rest) assert.equal(await control(el, id).locator('input[value="notImplemented"]').isChecked(), true);
    const undo = el.locator('main button[data-bulk="undo"]');
    assert.equal(await el.locator('main .bulk [role=status]').textContent(), `${rest.length} questions answered “Not implemented”.`);
    assert.equal(await undo.evaluate((b) => b.getRootNode().activeElement === b), true, 'focus on Undo');
    await waitForSaved(s.page, KEY, rest.length + 1);

    // one changed since is kept; the others go back to unanswered
    await control(el, rest[1]).locator('input[value="planned"]').check();
    await undo.click();
    r = await results(s.page);
    assert.deepEqual(Object.keys(r.answers).sort(), [first, rest[1]].sort());
    assert.equal(r.answers[rest[1]].status, 'planned');
    assert.equal(await el.locator('main button[data-bulk="none"]').isVisible(), true);
    assert.deepEqual(await axe(s.page), []);
  } finally {
    await s.close();
  }
});

test('notes are behind "Add a note"; a question with a note shows it open', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    const c = control(el, 'access.mfa-admin');
    const add = c.locator('button[data-add-note]');
    assert.equal(await c.locator('.note').isHidden(), true, 'folded');
    assert.equal(await add.getAttribute('aria-controls'), await c.locator('.note').getAttribute('id'));
    await add.click();
    assert.equal(await c.locator('textarea').evaluate((t) => t.getRootNode().activeElement === t), true, 'the note box has focus');
    assert.equal(await add.isHidden(), true);
    await s.page.keyboard.type('hardware keys');
    await c.locator('input[value="implemented"]').check();
    await s.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').answers?.['access.mfa-admin']?.note === 'hardware keys', KEY);
    // cards without a note stay short
    const other = control(el, 'access.least-privilege');
    assert.equal(await other.locator('.note').isHidden(), true);

    await s.page.reload();
    await c.locator('textarea').waitFor();
    assert.equal(await c.locator('textarea').inputValue(), 'hardware keys');
    assert.equal(await c.locator('button[data-add-note]').count(), 0);
    assert.equal(await other.locator('textarea').isHidden(), true);
  } finally {
    await s.close();
  }
});

test('a reload reopens at the last step visited (saved beside the assessment)', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, NETWORK);
    await waitForSaved(s.page, KEY, 0);
    assert.equal(await s.page.evaluate((k) => localStorage.getItem(`${k}/step`), KEY), 'network');
    await s.page.reload();
    await el.locator('main fieldset.control').first().waitFor();
    assert.equal(await el.locator('main h2').textContent(), NETWORK);
    await openSteps(el);
    assert.equal(await el.locator('nav.steps button[aria-current="step"] > span:first-child').textContent(), NETWORK);
    // the report too
    await goToStep(s.page, 'Report');
    await s.page.reload();
    await el.locator('main .report').first().waitFor();
    assert.equal(await el.locator('main h2').textContent(), 'Report');
  } finally {
    await s.close();
  }
});

test('importing over answers asks first (Cancel, Escape: nothing changes); Undo import restores the previous answers', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(el, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await control(el, 'access.least-privilege').locator('input[value="planned"]').check();
    await waitForSaved(s.page, KEY, 2);
    const before = await results(s.page);
    const file = await s.page.evaluate(() => {
      const doc = document.querySelector('soc2-readiness').assessment;
      doc.profile.organization = 'From the file';
      doc.answers = { 'network.tls': { status: 'partial', evidence: false, note: '' } };
      return JSON.stringify(doc);
    });
    const upload = () => importFile(el, { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const dialog = el.locator('dialog.dialog');

    await upload();
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-labelledby'), await dialog.locator('h2').getAttribute('id'));
    assert.equal(await dialog.locator('h2').textContent(), 'Replace your 2 answers?');
    assert.match(await dialog.locator('p').textContent(), /^other\.json holds 1 answer\. /);
    assert.equal(await dialog.locator('button[data-confirm="no"]').evaluate((b) => b.getRootNode().activeElement === b), true, 'Cancel has focus');
    assert.deepEqual(await axe(s.page), [], 'the dialog');
    await dialog.locator('button[data-confirm="no"]').click();
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await results(s.page), before, 'cancelled: nothing changed');

    await upload();
    await dialog.waitFor();
    await s.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await results(s.page), before, 'escaped: nothing changed');
    assert.equal(await el.locator('.notices .notice', { hasText: 'Imported' }).count(), 0);

    await upload();
    await dialog.locator('button[data-confirm="yes"]').click();
    const imported = el.locator('.notices [role=status]', { hasText: 'Imported other.json: 1 answer.' });
    await imported.waitFor();
    let r = await results(s.page);
    assert.deepEqual(Object.keys(r.answers), ['network.tls']);
    assert.equal(r.profile.organization, 'From the file');
    await waitForSaved(s.page, KEY, 1);

    await imported.locator('button[data-undo="import"]').click();
    await el.locator('.notices [role=status]', { hasText: 'Import undone' }).waitFor();
    assert.equal(await imported.count(), 0, 'the undo is spent');
    r = await results(s.page);
    assert.deepEqual(r, before, 'the previous document, whole');
    await waitForSaved(s.page, KEY, 2);
    assert.equal(JSON.parse(await s.page.evaluate((k) => localStorage.getItem(k), KEY)).profile.organization, before.profile.organization);
    assert.equal(await control(el, 'access.mfa-admin').locator('input[value="implemented"]').isChecked(), true);
  } finally {
    await s.close();
  }
});

test('an import with no answers given yet does not ask; a file that cannot be read asks nothing either', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await importFile(el, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,') });
    await el.locator('.notices [role=alert]', { hasText: 'broken.json' }).waitFor();
    assert.equal(await el.locator('dialog.dialog').isVisible(), false);
    const doc = await s.page.evaluate(() => {
      const d = document.querySelector('soc2-readiness').assessment;
      d.answers = { 'access.mfa-admin': { status: 'planned', evidence: false, note: '' } };
      return JSON.stringify(d);
    });
    await importFile(el, { name: 'first.json', mimeType: 'application/json', buffer: Buffer.from(doc) });
    await el.locator('.notices [role=status]', { hasText: 'Imported first.json' }).waitFor();
    assert.equal(await el.locator('dialog.dialog').isVisible(), false);
    assert.equal((await results(s.page)).answers['access.mfa-admin'].status, 'planned');
  } finally {
    await s.close();
  }
});

test('axe: no WCAG 2.1 AA violation on the start screen and the quick check at 1400, 720 and 375 px, light and dark; screenshots', async () => {
  mkdirSync('target/shots', { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1400, 720, 375]) {
      const s = await session({ start: false, options: { viewport: { width, height: 900 }, colorScheme } });
      try {
        const el = host(s.page);
        await el.locator('.start').waitFor();
        const found = { start: await axe(s.page) };
        const shot = (name) => (width === 720 ? null : s.page.screenshot({ path: `target/shots/effort-${name}-${width}${colorScheme === 'dark' ? '-dark' : ''}.png`, fullPage: true }));
        await shot('start');
        const wide = await s.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= width, `no horizontal scrolling at ${width} px (${wide})`);
        await begin(el, 'quick');
        await el.locator('main section.group').first().waitFor();
        found.quick = await axe(s.page);
        await shot('quick');
        for (const [view, v] of Object.entries(found)) assert.deepEqual(v, [], `${colorScheme} ${width} px ${view}:\n  ${v.join('\n  ')}`);
        assert.deepEqual(s.problems, []);
      } finally {
        await s.close();
      }
    }
  }
});

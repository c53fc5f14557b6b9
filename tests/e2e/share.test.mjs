// Issue 17 in the page: comparing with a previous export, a link to the results (and opening
// one), the results card. Each value the comparison view shows is checked against the engine's
// results; the link travels between fresh browser profiles; the card renders and downloads under
// the strict CSP; axe finds nothing; screenshots (target/shots/share-*.png) for a human to look at.
//   node --test --test-concurrency=1 tests/e2e/share.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { alertText, exportAs, goToStep, importFile, readDownload, results, session, waitForSaved } from './helpers.mjs';

const SHOTS = 'target/shots';
const KEY = 'soc2-readiness/v1/default';
const host = (page) => page.locator('soc2-readiness');
const menuItem = async (page, id) => {
  const menu = host(page).locator('details.menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  return menu.locator(`button[data-format="${id}"]`);
};

/** axe's WCAG 2.1 AA rules. */
async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Records CSP violations from the first script on (an init script). */
const CSP_WATCH = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

/**
 * An assessment with Security and Availability in scope, most questions answered in mixed
 * states, notes on some, an organisation and an owner: what a team shares.
 */
function fill(page, { mfa = 'notImplemented' } = {}) {
  return page.evaluate((mfa) => {
    const el = document.querySelector('soc2-readiness');
    let doc = el.assessment;
    doc.profile = { ...doc.profile, organization: 'Acme API', complianceOwner: 'Dana Lee', cloudProvider: 'AWS', categories: ['security', 'availability'], endpoints: 40, teamSize: 25 };
    el.assessment = doc;
    doc = el.assessment;
    let i = 0;
    for (const id of Object.keys(el.results.standings)) {
      i += 1;
      if (i % 5 === 0) continue;
      const status = ['implemented', 'partial', 'planned', 'notImplemented'][i % 4];
      doc.answers[id] = { status, evidence: status === 'implemented' && i % 3 === 0, note: i % 7 === 0 ? `Secret note ${i}` : '' };
    }
    doc.answers['access.mfa-admin'] = { status: mfa, evidence: false, note: 'Hardware keys ordered' };
    el.assessment = doc;
    return Object.keys(el.assessment.answers).length;
  }, mfa);
}

/** The link the dialog offers (names ticked or not); closes the dialog. */
async function copyLink(page, { names = false } = {}) {
  await (await menuItem(page, 'link')).click();
  const dialog = host(page).locator('dialog');
  await dialog.locator('textarea[data-link]').waitFor();
  if (names) await dialog.locator('input[data-link-names]').check();
  const link = await dialog.locator('textarea[data-link]').inputValue();
  return { link, dialog };
}

test('compare with a previous export: the view shows the engine\'s points, downloads Markdown and CSV, the JSON carries the comparison; closing returns', async () => {
  const s = await session();
  try {
    await fill(s.page);
    const before = (await exportAs(s.page, 'json')).text;
    const beforeResults = JSON.parse(before);
    // one control improves: not implemented → implemented with records
    await goToStep(s.page, 'Access management and authentication');
    const mfa = host(s.page).locator('main fieldset.control[data-control="access.mfa-admin"]');
    await mfa.locator('input[value="implemented"]').check();
    await mfa.locator('input[data-evidence]').check();
    const now = await results(s.page);

    const [chooser] = await Promise.all([s.page.waitForEvent('filechooser'), (await menuItem(s.page, 'compare')).click()]);
    await chooser.setFiles({ name: 'before.json', mimeType: 'application/json', buffer: Buffer.from(before) });
    const view = host(s.page).locator('.cmp');
    await view.waitFor();
    assert.equal(await host(s.page).locator('main.step').isVisible(), false, 'the questionnaire gives way');
    // overall: before → now with the points, from the engine's results
    const o = (r) => r.readiness.overall;
    const points = o(now).design - o(beforeResults).design;
    assert.ok(points > 0, `${points}`);
    const sign = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
    assert.equal(await view.locator('[data-overall="design"] strong').textContent(), `${o(beforeResults).design} % → ${o(now).design} % (${sign(points)})`);
    const op = o(now).operating - o(beforeResults).operating;
    assert.equal(await view.locator('[data-overall="operating"] strong').textContent(), `${o(beforeResults).operating} % → ${o(now).operating} % (${sign(op)})`);
    // the control, improved, with the catalog's names of its states
    const item = view.locator('[data-movement="improved"] li[data-control="access.mfa-admin"]');
    assert.match(await item.textContent(), /Not implemented → Implemented/);
    assert.equal(await view.locator('[data-movement] li').count(), 1, 'only that control moved');
    // the chart: each category's before and now, as numbers
    const security = view.locator('.cmp-chart tr[data-category="security"]');
    const cat = (r) => r.readiness.categories.security.design;
    assert.match(await security.locator('td').first().textContent(), new RegExp(`Before.*${cat(beforeResults)} %.*Now.*${cat(now)} %`));
    assert.equal(await view.locator('.cmp-chart tr[data-category]').count(), 2);
    // the timeline
    assert.match(await view.locator('[data-report="type1"]').textContent(), /Expected .* before, .* now/);

    // downloads: Markdown and CSV
    const [md] = await Promise.all([s.page.waitForEvent('download'), view.locator('[data-compare-as="markdown"]').click()]);
    const mdText = await readDownload(md);
    assert.match(mdText, /^## Since \d{4}-\d{2}-\d{2}/);
    assert.match(mdText, /\*\*Improved \(1\):\*\*/);
    assert.match(md.suggestedFilename(), /^soc2-readiness-comparison-.*\.md$/);
    const [csv] = await Promise.all([s.page.waitForEvent('download'), view.locator('[data-compare-as="csv"]').click()]);
    const rows = (await readDownload(csv)).trim().split('\r\n');
    assert.equal(rows.length, 2);
    assert.match(rows[1], /^access\.mfa-admin,.*,improved,Not implemented,Implemented,2,2,/);

    // the JSON export carries the comparison while it is open, and imports again without a word
    const exported = JSON.parse((await exportAs(s.page, 'json')).text);
    assert.equal(exported.comparison.controls[0].controlId, 'access.mfa-admin');
    assert.equal(exported.comparison.overall.designPoints, points);
    assert.ok(await view.isVisible(), 'exporting leaves the comparison open');
    await mkdirSync(SHOTS, { recursive: true });
    await s.page.screenshot({ path: `${SHOTS}/share-compare-1400-light.png`, fullPage: true });

    // closing returns to the questionnaire, and the JSON no longer carries it
    await view.locator('[data-compare-close]').click();
    await view.waitFor({ state: 'detached' });
    assert.ok(await host(s.page).locator('main.step').isVisible());
    assert.equal(JSON.parse((await exportAs(s.page, 'json')).text).comparison, undefined);
    await importFile(host(s.page), { name: 'with-comparison.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await host(s.page).locator('dialog[open] [data-confirm="yes"]').click();
    const note = host(s.page).locator('.notices .notice').filter({ hasText: 'Imported with-comparison.json' });
    await note.waitFor();
    assert.doesNotMatch(await note.textContent(), /Notes:|\$\.comparison/, 'no warning about the comparison');
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('a file that cannot be compared says why and changes nothing', async () => {
  const s = await session();
  try {
    await fill(s.page);
    const answers = Object.keys((await s.page.evaluate(() => document.querySelector('soc2-readiness').assessment)).answers).length;
    const [chooser] = await Promise.all([s.page.waitForEvent('filechooser'), (await menuItem(s.page, 'compare')).click()]);
    await chooser.setFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"profile":{"startDate":"2027-13-01"}}') });
    assert.match(await alertText(host(s.page)), /^Comparison failed: junk\.json: \$\.profile\.startDate: before: .*Nothing was changed\./);
    assert.equal(await host(s.page).locator('.cmp').count(), 0);
    assert.equal(Object.keys((await s.page.evaluate(() => document.querySelector('soc2-readiness').assessment)).answers).length, answers);
  } finally {
    await s.close();
  }
});

test('a shared link: no notes, names only when ticked; a fresh profile sees the results read-only, compares, uses them, and only then saves', async () => {
  const a = await session();
  let link;
  let answered;
  try {
    answered = await fill(a.page);
    const plain = await copyLink(a.page);
    link = plain.link;
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#share=1\.[A-Za-z0-9_-]+$/);
    assert.ok(link.length < 2000, `${link.length} characters`);
    assert.match(await plain.dialog.locator('[data-link-info]').textContent(), /notes? stays? here/);
    assert.deepEqual(await axe(a.page), [], 'the link dialog');
    await mkdirSync(SHOTS, { recursive: true });
    await a.page.screenshot({ path: `${SHOTS}/share-link-dialog-1400-light.png` });
    await plain.dialog.locator('input[data-link-names]').check();
    const named = await plain.dialog.locator('textarea[data-link]').inputValue();
    assert.ok(named.length > link.length, 'names make it longer');
    await plain.dialog.locator('button', { hasText: 'Close' }).click();
    assert.deepEqual(a.problems, []);
  } finally {
    await a.close();
  }

  const b = await session({ open: false, init: CSP_WATCH });
  try {
    const url = new URL(link);
    await b.page.goto(`${b.url}${url.hash}`);
    const banner = host(b.page).locator('.shared-banner');
    await banner.waitFor();
    assert.equal(await banner.locator('h2').textContent(), 'Shared results: read-only');
    assert.match(await banner.textContent(), new RegExp(`${answered} answers.*never carry notes, and this one carries no names`));
    const report = host(b.page).locator('[data-shared-report] .report-doc');
    await report.waitFor();
    const text = await report.textContent();
    assert.doesNotMatch(text, /Acme|Dana|AWS|Secret note|Hardware keys/, 'no names, no notes');
    assert.match(text, /No notes were written/);
    assert.equal(await host(b.page).locator('main.step').isVisible(), false);
    assert.equal(await host(b.page).locator('.top .actions').isVisible(), false, 'the toolbar (of the visitor\'s own answers) is hidden');
    assert.equal(await b.page.evaluate((k) => localStorage.getItem(k), KEY), null, 'nothing saved by opening a link');
    assert.deepEqual(await axe(b.page), [], 'the shared results');
    await b.page.screenshot({ path: `${SHOTS}/share-banner-1400-light.png` });

    // "Compare with mine": the shared results before, this browser's (empty) answers now
    await banner.locator('[data-shared="compare"]').click();
    const cmp = host(b.page).locator('.cmp');
    await cmp.waitFor();
    assert.match(await cmp.locator('.cmp-head p').textContent(), /^Before: the shared results, .*Now: your answers in this browser/);
    assert.equal(await cmp.locator('[data-compare-close]').textContent(), 'Back to the shared results');
    await cmp.locator('[data-compare-close]').click();
    await banner.waitFor();

    // "Use these answers": no answers here, so nothing to ask; saved, the fragment leaves the address
    await banner.locator('[data-shared="use"]').click();
    await waitForSaved(b.page, KEY, answered);
    await banner.waitFor({ state: 'detached' });
    const saved = JSON.parse(await b.page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.equal(saved.profile.organization, '');
    assert.ok(Object.values(saved.answers).every((x) => x.note === ''));
    assert.equal(saved.answers['access.mfa-admin'].status, 'notImplemented');
    assert.equal(new URL(b.page.url()).hash, '');
    assert.ok(await host(b.page).locator('.notices [data-undo="import"]').isVisible(), 'Undo import is offered');
    assert.deepEqual(await b.page.evaluate(() => window.__csp), []);
  } finally {
    await b.close();
  }

  // A profile with answers of its own: the link pasted into the address bar (only the fragment
  // changes) opens too; using its answers asks first.
  const c = await session();
  try {
    await goToStep(c.page, 'Access management and authentication');
    await host(c.page).locator('main fieldset.control[data-control="access.api-keys"] input[value="partial"]').check();
    await waitForSaved(c.page, KEY, 1);
    await c.page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
    const banner = host(c.page).locator('.shared-banner');
    await banner.waitFor();
    await banner.locator('[data-shared="use"]').click();
    const dialog = host(c.page).locator('dialog[open]');
    await dialog.waitFor();
    assert.equal(await dialog.locator('h2').textContent(), 'Replace your 1 answer?');
    await dialog.locator('[data-confirm="yes"]').click();
    await waitForSaved(c.page, KEY, answered);
    assert.deepEqual(c.problems, []);
  } finally {
    await c.close();
  }
});

test('a tampered, truncated or oversized link says so and changes nothing', async () => {
  const a = await session();
  let link;
  try {
    await fill(a.page);
    ({ link } = await copyLink(a.page));
  } finally {
    await a.close();
  }
  const hash = new URL(link).hash;
  const data = hash.slice('#share=1.'.length);
  const flip = (ch) => (ch === 'A' ? 'B' : 'A');
  const cases = [
    ['tampered', `#share=1.${data.slice(0, 40)}${flip(data[40])}${data.slice(41)}`, /does not check out/],
    ['truncated', hash.slice(0, -10), /does not check out|incomplete/],
    ['oversized', `#share=1.${'A'.repeat(9000)}`, /at most 8192/],
    ['from a newer version', `#share=7.${data}`, /newer version/],
  ];
  for (const [what, fragment, message] of cases) {
    const s = await session({ open: false });
    try {
      await s.page.goto(`${s.url}${fragment}`);
      const alert = await alertText(host(s.page));
      assert.match(alert, /^The shared results in this link could not be opened: /, what);
      assert.match(alert, message, what);
      assert.match(alert, /Nothing was changed\./, what);
      assert.equal(await host(s.page).locator('.shared-banner').count(), 0, what);
      // the start screen of a first visit is there as before, and nothing was saved
      assert.ok(await host(s.page).locator('.start').isVisible(), what);
      assert.equal(await s.page.evaluate((k) => localStorage.getItem(k), KEY), null, what);
    } finally {
      await s.close();
    }
  }
});

for (const scheme of ['light', 'dark']) {
  test(`the results card (${scheme}): in the report's appendix and as SVG and PNG downloads, under the strict CSP, axe clean; screenshots`, async () => {
    mkdirSync(SHOTS, { recursive: true });
    const s = await session({ init: CSP_WATCH, options: { colorScheme: scheme } });
    try {
      await fill(s.page);
      await goToStep(s.page, 'Report');
      const card = host(s.page).locator('main .r-card svg.card-svg');
      await card.waitFor();
      const r = await results(s.page);
      const label = await card.getAttribute('aria-label');
      assert.match(label, new RegExp(`Type I ${r.readiness.overall.design} %`));
      assert.match(await host(s.page).locator('main .r-card').textContent(), /rather than there/);
      const texts = await card.locator('text').allTextContents();
      for (const expected of ['SOC 2 readiness', 'Security', 'Availability', `${r.timeline.type1.weeks.low}–${r.timeline.type1.weeks.high} weeks`]) {
        assert.ok(texts.includes(expected), `${expected} in ${texts.join(' | ')}`);
      }
      const [svg] = await Promise.all([s.page.waitForEvent('download'), (await menuItem(s.page, 'card-svg')).click()]);
      const svgText = await readDownload(svg);
      assert.match(svgText, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svgText, /Acme API/);
      const [png] = await Promise.all([s.page.waitForEvent('download'), (await menuItem(s.page, 'card-png')).click()]);
      const { readFile } = await import('node:fs/promises');
      const bytes = await readFile(await png.path());
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
      assert.equal(bytes.readUInt32BE(16), 2400, 'twice the card\'s width');
      await (await import('node:fs/promises')).writeFile(`${SHOTS}/share-card-${scheme}.png`, bytes);
      assert.deepEqual(await s.page.evaluate(() => window.__csp), [], 'no CSP violation');
      assert.deepEqual(await axe(s.page), [], 'axe on the report step with the card');
      await card.screenshot({ path: `${SHOTS}/share-card-1400-${scheme}.png` });
      assert.deepEqual(s.problems, []);
    } finally {
      await s.close();
    }
  });
}

for (const [width, scheme] of [[1400, 'dark'], [375, 'light'], [375, 'dark']]) {
  test(`screenshots at ${width} px, ${scheme}: the comparison, the shared banner, the card; axe clean`, async () => {
    mkdirSync(SHOTS, { recursive: true });
    const a = await session({ options: { viewport: { width, height: 900 }, colorScheme: scheme } });
    let link;
    try {
      await fill(a.page);
      const before = (await exportAs(a.page, 'json')).text;
      await fill(a.page, { mfa: 'implemented' });
      await a.page.evaluate(() => {
        const el = document.querySelector('soc2-readiness');
        const doc = el.assessment;
        for (const id of Object.keys(doc.answers).slice(0, 30)) doc.answers[id] = { status: 'implemented', evidence: true, note: '' };
        doc.profile.categories = ['security', 'availability', 'privacy'];
        el.assessment = doc;
      });
      const [chooser] = await Promise.all([a.page.waitForEvent('filechooser'), (await menuItem(a.page, 'compare')).click()]);
      await chooser.setFiles({ name: 'before.json', mimeType: 'application/json', buffer: Buffer.from(before) });
      await host(a.page).locator('.cmp').waitFor();
      assert.deepEqual(await axe(a.page), [], 'the comparison');
      await a.page.screenshot({ path: `${SHOTS}/share-compare-${width}-${scheme}.png`, fullPage: true });
      await host(a.page).locator('.cmp-cats').scrollIntoViewIfNeeded();
      await a.page.screenshot({ path: `${SHOTS}/share-compare-${width}-${scheme}-chart.png` });
      await host(a.page).locator('[data-compare-close]').click();
      const copied = await copyLink(a.page);
      link = copied.link;
      await copied.dialog.locator('button', { hasText: 'Close' }).click();
      await goToStep(a.page, 'Report');
      await host(a.page).locator('main .r-card svg').screenshot({ path: `${SHOTS}/share-card-${width}-${scheme}.png` });
      assert.deepEqual(a.problems, []);
    } finally {
      await a.close();
    }
    const b = await session({ open: false, options: { viewport: { width, height: 900 }, colorScheme: scheme } });
    try {
      await b.page.goto(`${b.url}${new URL(link).hash}`);
      await host(b.page).locator('[data-shared-report] .report-doc').waitFor();
      assert.deepEqual(await axe(b.page), [], 'the shared results');
      await b.page.screenshot({ path: `${SHOTS}/share-banner-${width}-${scheme}.png` });
    } finally {
      await b.close();
    }
  });
}

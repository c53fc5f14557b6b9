// The page in the visitor's language (issue 18): German chosen by the element's `lang`, by the
// host page's `<html lang>`, by the browser's languages, and on the standalone page by `?lang=`
// and its switch; the quick check completed in German (start screen, questions, results, report,
// the Markdown export); switching keeps every answer; axe in German at three widths, light and
// dark; screenshots at 320 px to /tmp/soc2-shots/.
//   node --test --test-concurrency=1 tests/e2e/i18n.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { exportAs, goToStep, openSteps, results, servePage, session, SHOTS } from './helpers.mjs';

const host = (page) => page.locator('soc2-readiness');
const de = JSON.parse(readFileSync('www/i18n/de.json', 'utf8'));
const catalogDe = JSON.parse(readFileSync('www/pkg/catalog.de.json', 'utf8'));
const helpDe = JSON.parse(readFileSync('www/pkg/catalog-help.de.json', 'utf8'));
const catalogEn = JSON.parse(readFileSync('www/pkg/catalog.json', 'utf8'));

async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' >>> ')).join('\n    ')}`);
}

/** A page on the site's origin with the element's module: `<html lang>` as given (none: null). */
async function openPage(s, name, body, htmlLang = 'en') {
  const url = `${s.url}${name}`;
  await servePage(s.context, url, `<!doctype html><html${htmlLang ? ` lang="${htmlLang}"` : ''}><head><meta charset="utf-8"><title>host page</title>
<script type="module" src="soc2-readiness.js"></script></head><body>${body}</body></html>`);
  await s.page.goto(url);
  await s.page.waitForFunction(() => [...document.querySelectorAll('soc2-readiness')].every((e) => e.results));
}

/** The start screen's heading once it is drawn. */
async function startTitle(el) {
  await el.locator('.start h2').waitFor();
  return el.locator('.start h2').textContent();
}

/** Answers every question of the step shown: partially, one in three not implemented. */
async function answerAll(el) {
  const controls = el.locator('main fieldset.control');
  const n = await controls.count();
  for (let i = 0; i < n; i++) await controls.nth(i).locator(`input[type=radio][value="${i % 3 ? 'partial' : 'notImplemented'}"]`).check();
  return n;
}

/** Whether the page scrolls sideways (its content wider than the viewport). */
const scrollsSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test('the quick check in German (lang="de" on the element): start screen, questions, results, report and the Markdown export', async () => {
  const s = await session({ open: false });
  try {
    // The element's own lang wins over the host page's (<html lang="en">).
    await openPage(s, 'de-element.html', '<soc2-readiness lang="de" storage-key="none"></soc2-readiness>');
    const el = host(s.page);
    assert.equal(await startTitle(el), de['start.title']);
    assert.equal(await el.locator('.app').getAttribute('lang'), 'de', 'the shadow content says its language');
    assert.equal(await el.locator('.start .choice[data-mode="quick"] h3').textContent(), 'Schnellcheck');
    assert.match(await el.locator('.start .choice[data-mode="quick"] .choice-meta').textContent(), /^Etwa \d+ Fragen · etwa \d+\u00a0Minuten$/);

    await el.locator('button[data-start="quick"]').click();
    await el.locator('main h2').waitFor();
    assert.equal(await el.locator('main h2').textContent(), 'Schnellcheck');
    // the questions and their answers are the German catalog's
    const first = await el.locator('main fieldset.control').first().getAttribute('data-control');
    assert.equal(await el.locator('main fieldset.control legend').first().textContent(), catalogDe.controls.find((c) => c.id === first).question);
    assert.deepEqual(await el.locator('main fieldset.control').first().locator('.options span').allTextContents(),
      ['implemented', 'partial', 'planned', 'notImplemented'].map((st) => catalogDe.labels.states[st]));
    const answered = await answerAll(el);

    // the results panel: German words, German band names, German percentages
    const r = await results(s.page);
    assert.equal(Object.keys(r.answers).length, answered);
    const o = r.readiness.overall;
    const meter = el.locator('.results .meter').first();
    assert.equal((await meter.locator('.value').textContent()).trim(), `${o.design}\u00a0%`);
    assert.equal((await meter.locator('.band').textContent()).trim(), catalogDe.labels.bands[o.band]);
    assert.notEqual(catalogDe.labels.bands[o.band], catalogEn.labels.bands[o.band]);
    assert.equal(await el.locator('.results h2').textContent(), 'Prüfungsbereitschaft');
    assert.match(await el.locator('.results .plan-list h3').textContent(), /^Was zuerst zu tun ist \(\d+ Maßnahmen?\)$/);
    assert.match(await el.locator('.progress').textContent(), new RegExp(`^${answered} von ${answered} Fragen beantwortet \\(100\u00a0%\\)`));
    // dates as German writes them
    assert.match(await el.locator('.results .plan-head .muted').first().textContent(), /^Bericht \d{2}\.\d{2}\.\d{4} bis \d{2}\.\d{2}\.\d{4}$/);

    // the report step: German headings, German section titles from catalog.de.json
    await goToStep(s.page, 'Bericht');
    const report = el.locator('.report-doc');
    await report.waitFor();
    assert.equal(await report.locator('.r-head h3').textContent(), 'SOC-2-Prüfungsbereitschaft (Schnellschätzung)');
    assert.equal(await report.locator('.r-areas h4').textContent(), 'Prüfungsbereitschaft nach Bereich');
    const sectionIds = await report.locator('.r-chart tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.section));
    assert.deepEqual(await report.locator('.r-chart tbody th').allTextContents(), sectionIds.map((id) => catalogDe.sections.find((x) => x.id === id).title));
    assert.ok((await report.locator('.r-foot').textContent()).startsWith(de.disclaimer));
    assert.equal(await report.locator('.r-plan h4').textContent(), 'Anhang: der Maßnahmenplan');

    // the Markdown export: the German catalog text (its phrases and its labels)
    const md = (await exportAs(s.page, 'markdown')).text;
    assert.ok(md.includes(helpDe.report.title), 'the German title');
    assert.ok(md.includes(helpDe.report.plan), `the German plan heading "${helpDe.report.plan}"`);
    assert.ok(md.includes(catalogDe.labels.bands[o.band]), 'the German band name');
    assert.ok(!md.includes(catalogEn.labels.bands[o.band]), 'no English band name');
    // the JSON export stays language-neutral: ids and status names
    const json = JSON.parse((await exportAs(s.page, 'json')).text);
    assert.ok(Object.values(json.answers).every((a) => ['partial', 'notImplemented'].includes(a.status)));
    assert.equal(json.readiness.overall.band, o.band);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('the language comes from the host page\'s <html lang>, else the browser\'s languages; English otherwise', async () => {
  const s = await session({ open: false });
  try {
    await openPage(s, 'html-de.html', '<soc2-readiness storage-key="none"></soc2-readiness>', 'de-AT');
    assert.equal(await startTitle(host(s.page)), de['start.title'], '<html lang="de-AT"> speaks German');
    await openPage(s, 'html-fr.html', '<soc2-readiness storage-key="none"></soc2-readiness>', 'fr');
    assert.equal(await startTitle(host(s.page)), 'How deep do you want to go?', 'an unsupported language falls back to the browser\'s (English here)');
  } finally {
    await s.close();
  }
  const b = await session({ open: false, options: { locale: 'de-DE' } });
  try {
    await openPage(b, 'no-lang.html', '<soc2-readiness storage-key="none"></soc2-readiness>', null);
    assert.equal(await startTitle(host(b.page)), de['start.title'], 'navigator.languages (de-DE) speaks German');
    await openPage(b, 'html-en.html', '<soc2-readiness storage-key="none"></soc2-readiness>', 'en');
    assert.equal(await startTitle(host(b.page)), 'How deep do you want to go?', 'a page that says English stays English');
  } finally {
    await b.close();
  }
});

test('changing the element\'s lang draws it again in that language and keeps every answer', async () => {
  const s = await session({ open: false });
  try {
    await openPage(s, 'switch.html', '<soc2-readiness storage-key="switch" mode="quick"></soc2-readiness>');
    const el = host(s.page);
    await el.locator('main h2').waitFor();
    await goToStep(s.page, 'Quick check');
    assert.ok(await answerAll(el) > 10);
    const before = await results(s.page);
    const checked = () => el.locator('main input[type=radio]:checked').evaluateAll((inputs) => inputs.map((i) => `${i.dataset.status}=${i.value}`));
    const shown = await checked();
    await el.evaluate((e) => e.setAttribute('lang', 'de'));
    await el.locator('.results h2', { hasText: 'Prüfungsbereitschaft' }).waitFor();
    assert.equal(await el.locator('main h2').textContent(), 'Schnellcheck', 'the same step, in German');
    assert.deepEqual((await results(s.page)).answers, before.answers, 'every answer kept');
    assert.deepEqual(await checked(), shown, 'and shown');
    assert.equal(await el.locator('.app').getAttribute('lang'), 'de');
    // the help arrives in German too
    const help = el.locator('main details.help').first();
    await help.evaluate((d) => { d.open = true; });
    await help.locator('dt', { hasText: 'Warum Prüfer danach fragen' }).waitFor();
    // and back
    await el.evaluate((e) => e.setAttribute('lang', 'en'));
    await el.locator('.results h2', { hasText: 'Readiness' }).waitFor();
    assert.deepEqual((await results(s.page)).answers, before.answers);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('the standalone page: ?lang=de (also framed), the switch in its header, <html lang> follows', async () => {
  const s = await session({ path: 'index.html?lang=de', start: false });
  try {
    const el = host(s.page);
    assert.equal(await startTitle(el), de['start.title']);
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await s.page.locator('.tagline').textContent(), de['page.tagline']);
    assert.equal(await s.page.title(), de['page.title']);
    assert.equal(await s.page.locator('#lang').inputValue(), 'de');
    assert.equal(await s.page.getByLabel('Sprache').count(), 1, 'the switch is labelled');
    await el.locator('button[data-start="quick"]').click();
    await el.locator('main h2').waitFor();
    await answerAll(el);
    // OSCAL is language-neutral: the English catalog's text, whatever the page speaks (the bundle:
    // the OSCAL zip's library is bundled, not resolvable from the source modules)
    const { download } = await exportAs(s.page, 'oscal');
    const oscal = strFromU8(unzipSync(new Uint8Array(readFileSync(await download.path())))['soc2-readiness-catalog.oscal.json']);
    const criterion = (c) => c.criteria.find((x) => x.id === 'CC6.1').title;
    assert.ok(oscal.includes(criterion(catalogEn)) && !oscal.includes(criterion(catalogDe)), 'the OSCAL catalog is English');
    const before = (await results(s.page)).answers;
    await s.page.locator('#lang').selectOption('en');
    await el.locator('main h2', { hasText: 'Quick check' }).waitFor();
    assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await s.page.locator('.tagline').textContent(), 'Free, private, open source. Everything runs in this page.');
    assert.match(s.page.url(), /[?&]lang=en\b/);
    assert.deepEqual((await results(s.page)).answers, before);
    assert.deepEqual(s.problems, []);

    // the iframe mode takes the language from its address too
    await s.page.goto(`${s.url}index.html?embed=1&lang=de&storage-key=wiki`);
    assert.equal(await startTitle(el), de['start.title']);
  } finally {
    await s.close();
  }
});

test('axe passes in German at 1400, 720 and 375 px, light and dark (questions, results, report)', async () => {
  const s = await session({ path: 'index.html?lang=de', start: false });
  try {
    const el = host(s.page);
    await el.locator('button[data-start="quick"]').click();
    await el.locator('main h2').waitFor();
    await answerAll(el);
    for (const colorScheme of ['light', 'dark']) {
      await s.page.emulateMedia({ colorScheme });
      for (const width of [1400, 720, 375]) {
        await s.page.setViewportSize({ width, height: 1000 });
        await openSteps(el);
        await el.locator('nav.steps button[data-step="quick"]').click();
        const toggle = el.locator('.results-toggle');
        if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
        await el.locator('main details.help').first().evaluate((d) => { d.open = true; });
        assert.deepEqual(await axe(s.page), [], `${colorScheme} ${width} px: the quick check and the results`);
        await goToStep(s.page, 'Bericht');
        await el.locator('.report-doc').waitFor();
        assert.deepEqual(await axe(s.page), [], `${colorScheme} ${width} px: the report`);
      }
    }
  } finally {
    await s.close();
  }
});

test('screenshots: the quick check in German at 320 px (nothing scrolls sideways)', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const s = await session({ path: 'index.html?lang=de', start: false, options: { viewport: { width: 320, height: 900 } } });
  try {
    const el = host(s.page);
    await startTitle(el);
    await s.page.screenshot({ path: `${SHOTS}/i18n-de-320-start.png`, fullPage: true });
    await el.locator('button[data-start="quick"]').click();
    await el.locator('main h2').waitFor();
    await answerAll(el);
    // the longest German words: a question card with its help open
    const card = el.locator('main fieldset.control').filter({ hasText: 'Informationssicherheitsrichtlinie' }).first();
    await card.locator('details.help').evaluate((d) => { d.open = true; });
    await card.screenshot({ path: `${SHOTS}/i18n-de-320-card.png` });
    await el.locator('main').screenshot({ path: `${SHOTS}/i18n-de-320-quick.png` });
    assert.equal(await scrollsSideways(s.page), false, 'the quick check fits 320 px');
    await el.locator('.results-toggle').click();
    await el.locator('.results .plan-list').waitFor();
    // an owner and a date on the first action: the longest labels of the report's phone layout
    const action = el.locator('.results li.action').first();
    await action.locator('summary').click();
    await action.locator('input[data-assign="owner"]').fill('Dana Lee (CTO)');
    await action.locator('input[data-assign="owner"]').press('Tab');
    await action.locator('input[data-assign="due"]').fill('2027-01-15');
    await action.locator('input[data-assign="due"]').press('Tab');
    await s.page.waitForFunction(() => Object.keys(document.querySelector('soc2-readiness').assessment.assignments ?? {}).length === 1);
    await el.locator('.results').screenshot({ path: `${SHOTS}/i18n-de-320-results.png` });
    assert.equal(await scrollsSideways(s.page), false, 'the results fit 320 px');
    await goToStep(s.page, 'Bericht');
    await el.locator('.report-doc').waitFor();
    await el.locator('main').screenshot({ path: `${SHOTS}/i18n-de-320-report.png` });
    assert.equal(await scrollsSideways(s.page), false, 'the report fits 320 px');
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

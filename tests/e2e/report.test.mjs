// The executive report (issue 14, item 3): the Report step and what printing shows. Page 1 holds
// the summary, the appendix starts a new page, paper is light in dark mode, phones stack the
// tables, axe finds nothing, and the report's code is loaded only when it is needed.
//   node --test --test-concurrency=1 tests/e2e/report.test.mjs
//
// How "page 1 holds the summary" is checked (no PDF text extraction in node_modules): Chromium
// paginates the real print layout in page.pdf(); the PDF says how many pages it has (/Count).
// With the appendix removed, the report prints on exactly one page (A4 and US Letter); with it,
// on more, and the appendix's computed style is break-before: page. So page 1 is the summary and
// only the summary. The geometry under print media (everything of page 1 above the appendix) is
// checked too, and the PDF is saved for a human to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { begin, goToStep, noteBox, results, session } from './helpers.mjs';

const SHOTS = 'target/shots';
const ACCESS = 'Access management and authentication';
const host = (page) => page.locator('soc2-readiness');
const control = (page, id) => host(page).locator(`main fieldset.control[data-control="${id}"]`);

/**
 * A realistic assessment: every optional category in scope (the most areas page 1 can have),
 * a few answers clicked, the rest set through the property with every status, evidence on some,
 * notes on some, owners and dates on the first actions. Returns the number of notes written.
 */
async function fill(page, { categories = true, strong = false } = {}) {
  await goToStep(page, ACCESS);
  await control(page, 'access.mfa-admin').locator('input[value="notImplemented"]').check();
  await control(page, 'access.api-keys').locator('input[value="partial"]').check();
  await (await noteBox(control(page, 'access.api-keys'))).fill('Keys rotate yearly; quarterly from Q2.');
  return page.evaluate(([all, strong]) => {
    const el = document.querySelector('soc2-readiness');
    let doc = el.assessment;
    if (all) {
      doc.profile.categories = ['security', 'availability', 'confidentiality', 'processingIntegrity', 'privacy'];
      el.assessment = doc;
      doc = el.assessment;
    }
    // strong: a high score that critical controls cap (the headline then lists its cap reasons)
    const statuses = strong ? ['implemented', 'implemented', 'implemented', 'partial', 'implemented', 'notImplemented', 'implemented']
      : ['implemented', 'partial', 'planned', 'notImplemented', 'implemented', 'implemented'];
    let i = 0;
    for (const id of Object.keys(el.results.standings)) {
      i += 1;
      if (doc.answers[id] || i % 9 === 0) continue;
      const status = statuses[i % statuses.length];
      doc.answers[id] = { status, evidence: status === 'implemented' && i % 4 !== 0, note: i % 11 === 0 ? `Note ${i}: agreed in the Q3 review, ticket SEC-${100 + i}.` : '' };
    }
    doc.profile.organization = 'Acme APIs, Inc.';
    doc.profile.complianceOwner = 'Dana Smith';
    el.assessment = doc;
    doc = el.assessment;
    const plan = el.results.plan.actions;
    doc.assignments = { [plan[0].controlId]: { owner: 'Dana Smith', due: '2027-01-15' }, [plan[1].controlId]: { owner: 'Platform team' } };
    el.assessment = doc;
    return { notes: Object.values(doc.answers).filter((a) => a.note.trim()).length };
  }, [categories, strong]);
}

/** Opens the Report step and waits for the report (its chunk loads on first use). */
async function openReport(page) {
  await goToStep(page, 'Report');
  await host(page).locator('main .report-doc').waitFor();
}

/** Renders the print area the way the print export does (no dialog in a test) and switches to print media. */
async function printMedia(page) {
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; });
  await host(page).locator('main button', { hasText: 'Print or save as PDF' }).click();
  await page.waitForFunction(() => window.__printed >= 1);
  await page.emulateMedia({ media: 'print' });
}

/** Pages in a PDF Chromium wrote (its page tree's /Count). */
const pages = (pdf) => Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))[1]);

/** The relative luminance of an rgb() colour, 0 (black) to 1 (white). */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' >>> ')).join('\n    ')}`);
}

test('the report shows page 1 (scores, areas, first actions, timelines, what is in place, disclaimer) and the appendix (plan, notes)', async () => {
  const s = await session();
  try {
    const written = await fill(s.page);
    await openReport(s.page);
    const r = await results(s.page);
    const el = host(s.page);
    const report = el.locator('main .report-doc');
    assert.match(await report.locator('h3').first().textContent(), /^Acme APIs, Inc\.: SOC 2 readiness/);
    const scope = await report.locator('.r-head p').textContent();
    for (const part of ['Security', 'Availability', 'Privacy', 'owner: Dana Smith']) assert.ok(scope.includes(part), scope);

    // the headline: both scores with their bands, both report dates
    const cards = await report.locator('.r-headline .score').allTextContents();
    assert.equal(cards.length, 4);
    assert.ok(cards[0].includes(`${r.readiness.overall.design} %`), cards[0]);
    assert.ok(cards[1].includes(`${r.readiness.overall.operating} %`), cards[1]);
    // (dates as the page's language writes them: Intl, medium style)
    const date = (d) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00Z`));
    for (const [i, t] of [[2, r.timeline.type1], [3, r.timeline.type2]]) {
      assert.ok(cards[i].includes(`${t.weeks.low}–${t.weeks.high} weeks`) && cards[i].includes(date(t.reportDates.high)), cards[i]);
    }

    // the chart: named, one row per section with questions asked, each with both numbers as text
    const chart = el.getByRole('table', { name: /^Readiness by area/ }).first();
    assert.equal(await chart.count(), 1, 'the chart has an accessible name');
    // the results panel's order: weakest Type I first, not assessed last, catalog order among equals
    const asked = Object.entries(r.readiness.sections).filter(([, sc]) => sc.counts.asked > 0)
      .sort(([, a], [, b]) => (a.design ?? 101) - (b.design ?? 101));
    const rows = chart.locator('tbody tr');
    assert.equal(await rows.count(), asked.length);
    assert.ok(asked.length >= 20, `${asked.length} areas with every category in scope`);
    for (const [i, [id, sc]] of asked.entries()) {
      const row = rows.nth(i);
      assert.equal(await row.getAttribute('data-section'), id);
      const numbers = await row.locator('.r-num').allTextContents();
      assert.deepEqual(numbers, [sc.design, sc.operating].map((v) => (v == null ? 'not assessed' : `${v} %`)), id);
      assert.ok(await row.locator('.r-num').first().isVisible());
      assert.equal(await row.locator('svg').count(), 2);
    }

    // the plan's first ten actions, in the plan's order, owners and dates where set
    const top = report.locator('.r-top li');
    assert.equal(await top.count(), 10);
    const catalog = await s.page.evaluate(async () => (await fetch('pkg/catalog.json')).json());
    const title = (id) => catalog.controls.find((c) => c.id === id).title;
    assert.deepEqual(await top.locator('.gap-title').allTextContents(), r.plan.actions.slice(0, 10).map((a) => title(a.controlId)));
    assert.ok((await top.first().textContent()).includes('owner: Dana Smith · due Jan 15, 2027'));
    assert.ok((await top.first().textContent()).includes(catalog.labels.windows[r.plan.actions[0].window]));
    assert.equal(await top.locator('.tag.critical').count(), r.plan.actions.slice(0, 10).filter((a) => a.critical).length);

    const inPlace = await report.locator('.r-inplace').textContent();
    const full = Object.values(r.standings).filter((st) => st.design === 2).length;
    assert.ok(inPlace.includes(`${full} of `), inPlace);
    assert.ok((await report.locator('.r-foot').textContent()).includes('A self-assessment, not an attestation'));

    // the appendix: every action, and every note
    const plan = report.locator('.appendix .plan-table tbody tr');
    assert.equal(await plan.count(), r.plan.actions.length);
    assert.deepEqual(await plan.first().locator('td').allTextContents(), [
      '1', `${title(r.plan.actions[0].controlId)}${r.plan.actions[0].critical ? 'Critical' : ''}`,
      catalog.labels.stages[r.plan.actions[0].stage], catalog.labels.windows[r.plan.actions[0].window],
      catalog.labels.states[r.plan.actions[0].state], `${Math.max(1, Math.round(r.plan.actions[0].effortHours / 8))} d`, 'Dana Smith', 'Jan 15, 2027']);
    const notes = report.locator('.appendix .notes-table tbody tr');
    assert.equal(await notes.count(), written.notes);
    const mine = notes.filter({ hasText: 'Keys rotate yearly' });
    assert.equal(await mine.count(), 1);
    assert.equal(await mine.locator('td').first().textContent(), title('access.api-keys'));
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('printed, page 1 holds the summary and the appendix starts a new page (A4 and US Letter); the page chrome is not printed', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const s = await session();
  try {
    await fill(s.page, { strong: true });
    await openReport(s.page);
    // the longest page 1 an assessment has: every area, a cap reason, owners and dates
    assert.ok(await host(s.page).locator('main .report-doc .caps li').count() >= 1, 'a cap reason is shown');
    await printMedia(s.page);
    const el = host(s.page);
    const geometry = await el.evaluate((node) => {
      const root = node.shadowRoot;
      const area = root.querySelector('.print-area');
      const box = (sel) => area.querySelector(sel).getBoundingClientRect();
      const appendix = area.querySelector('.appendix');
      return {
        app: getComputedStyle(root.querySelector('.app')).display,
        chrome: [...document.querySelectorAll('.site')].map((n) => getComputedStyle(n).display),
        breakBefore: getComputedStyle(appendix).breakBefore,
        appendixTop: appendix.getBoundingClientRect().top,
        bottoms: Object.fromEntries(['.r-headline', '.r-chart', '.r-top', '.r-inplace', '.r-foot'].map((sel) => [sel, box(sel).bottom])),
        top: box('.page-one').top,
      };
    });
    assert.equal(geometry.app, 'none', 'the questionnaire is not printed');
    assert.deepEqual(geometry.chrome, ['none', 'none'], 'the page header and footer are not printed');
    assert.equal(geometry.breakBefore, 'page');
    for (const [sel, bottom] of Object.entries(geometry.bottoms)) assert.ok(bottom <= geometry.appendixTop, `${sel} is above the appendix`);

    // Chromium's own pagination: the summary alone is one page, with the appendix more.
    const whole = await s.page.pdf({ format: 'A4', path: `${SHOTS}/report.pdf` });
    assert.ok(pages(whole) >= 2, `the whole report is ${pages(whole)} pages`);
    await el.evaluate((node) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.print-area .appendix { display: none !important; }');
      node.shadowRoot.adoptedStyleSheets = [...node.shadowRoot.adoptedStyleSheets, sheet];
    });
    for (const format of ['A4', 'Letter']) {
      const summary = await s.page.pdf({ format, path: `${SHOTS}/report-page1-${format}.pdf` });
      assert.equal(pages(summary), 1, `page 1 alone (${format}) fits one page`);
    }
  } finally {
    await s.close();
  }
});

test('printed in dark mode, the report uses the light palette', async () => {
  const s = await session({ options: { colorScheme: 'dark' } });
  try {
    await fill(s.page, { categories: false });
    await openReport(s.page);
    const el = host(s.page);
    const colours = () => el.evaluate((node) => {
      const area = node.shadowRoot.querySelector('.print-area');
      const get = (sel, prop = 'color') => getComputedStyle(area.querySelector(sel))[prop];
      return {
        heading: get('h3'), text: get('.r-inplace p'), muted: get('.r-top .muted'), caption: get('.r-table caption'),
        band: get('.band'), bandBg: get('.band', 'backgroundColor'), background: get('.report-doc', 'backgroundColor'), host: getComputedStyle(node).backgroundColor,
      };
    });
    await printMedia(s.page);
    const printed = await colours();
    for (const key of ['heading', 'text', 'muted', 'caption', 'band']) assert.ok(luminance(printed[key]) < 0.12, `${key} is dark on paper: ${printed[key]}`);
    assert.ok(luminance(printed.bandBg) > 0.6, `the band badge is light: ${printed.bandBg}`);
    assert.equal(printed.host, 'rgb(255, 255, 255)');
    await s.page.pdf({ format: 'A4', path: `${SHOTS}/report-dark-scheme.pdf` });
    // on screen, dark mode stays dark
    await s.page.emulateMedia({ media: 'screen' });
    const screen = await el.evaluate((node) => getComputedStyle(node.shadowRoot.querySelector('main .report-doc h3')).color);
    assert.ok(luminance(screen) > 0.5, `the screen is still dark mode: ${screen}`);
  } finally {
    await s.close();
  }
});

test('at 375 px the report does not scroll sideways: tables stack, each cell with its column name', async () => {
  const s = await session({ options: { viewport: { width: 375, height: 800 } } });
  try {
    await fill(s.page);
    await openReport(s.page);
    const el = host(s.page);
    const layout = await el.evaluate((node) => {
      const report = node.shadowRoot.querySelector('main .report-doc');
      const cell = report.querySelector('.plan-table tbody tr:nth-child(3) td.c-window');
      const chartCell = report.querySelector('.r-chart tbody td');
      // (the column headers are visually hidden, for screen readers, in this layout)
      const wide = [...report.querySelectorAll('*')].filter((n) => !n.closest('thead') && n.getBoundingClientRect().right > innerWidth + 0.5).map((n) => n.className || n.localName);
      return {
        scroll: document.scrollingElement.scrollWidth, width: innerWidth, wide,
        display: getComputedStyle(cell).display, label: getComputedStyle(cell, '::before').content, column: cell.dataset.label,
        chartLabel: getComputedStyle(chartCell, '::before').content,
      };
    });
    assert.ok(layout.scroll <= layout.width, `the page is ${layout.scroll} px wide at ${layout.width}`);
    assert.deepEqual(layout.wide, [], 'nothing in the report reaches past the viewport');
    // (each cell a row of its own: its column's name, then the value; flex, so that a long name
    // such as German's "Verantwortlich" widens its row's name rather than overlapping the value)
    assert.equal(layout.display, 'flex');
    assert.equal(layout.label, `"${layout.column}"`);
    assert.equal(layout.chartLabel, '"Type I"');
  } finally {
    await s.close();
  }
});

test('axe-core finds no WCAG 2.1 AA violations on the report at 1400, 720 and 375 px, light and dark; screenshots saved', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    const s = await session({ options: { colorScheme: scheme } });
    try {
      await fill(s.page);
      await openReport(s.page);
      const found = {};
      for (const width of [1400, 720, 375]) {
        await s.page.setViewportSize({ width, height: 900 });
        await s.page.waitForTimeout(100); // the element's layout follows its width (ResizeObserver)
        await goToStep(s.page, 'Report');
        await host(s.page).locator('main .report-doc').waitFor();
        found[`${scheme} ${width}`] = await axe(s.page);
        await s.page.screenshot({ path: `${SHOTS}/report-${width}-${scheme}.png`, fullPage: true });
      }
      for (const [view, v] of Object.entries(found)) assert.deepEqual(v, [], `${view}:\n  ${v.join('\n  ')}`);
    } finally {
      await s.close();
    }
  }
});

test('the report is loaded only when needed: not on the first screen; printing before then prints the readiness panel', async () => {
  const s = await session({ open: false });
  try {
    const requested = [];
    s.page.on('request', (req) => requested.push(new URL(req.url()).pathname));
    await s.page.goto(s.url);
    const el = host(s.page);
    await el.locator('.results .meter .value').first().waitFor({ state: 'attached' });
    await begin(el); // a first visit's start screen (the panel prints from the questionnaire)
    await s.page.waitForLoadState('networkidle');
    const chunk = (p) => /\/pkg\/soc2-readiness-report-[^/]*\.js$/.test(p);
    assert.deepEqual(requested.filter(chunk), [], 'the first screen does not load the report');

    // Printing (Ctrl+P) before the report was ever opened: the readiness panel is on the paper,
    // and the report's chunk starts loading for the next time.
    await s.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await s.page.emulateMedia({ media: 'print' });
    const fallback = await el.evaluate((node) => {
      const r = node.shadowRoot;
      const shown = (sel) => r.querySelector(sel).checkVisibility();
      return { results: shown('.results .meters'), main: shown('main'), header: shown('header.top'), area: r.querySelector('.print-area').childElementCount };
    });
    assert.deepEqual(fallback, { results: true, main: false, header: false, area: 0 });
    await s.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /soc2-readiness-report-/.test(e.name)));
    await s.page.emulateMedia({ media: 'screen' });

    await openReport(s.page);
    assert.equal(requested.filter(chunk).length, 1, 'loaded once');
    await s.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await s.page.emulateMedia({ media: 'print' });
    assert.equal(await el.evaluate((node) => node.shadowRoot.querySelector('.app').checkVisibility()), false, 'now the report prints alone');
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

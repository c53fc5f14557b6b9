// What a host page controls and relies on (issue 15): sizes that ignore the page's root font size,
// the funnel attributes (modes, features, results-open), the slots and parts, the events and their
// small summary, the iframe's height and the read-only summary view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { SHOTS, beginAll, exportAs, goToStep, newContext, openSteps, results, servePage, session, setAllAnswers, startServer } from './helpers.mjs';
import { SCHEMA, schemaErrors } from '../schema/schema.mjs';

const ACCESS = 'Access management and authentication';
/** The quick check's one step. */
const QUICK = 'Quick check';
const control = (host, id) => host.locator(`main fieldset.control[data-control="${id}"]`);

/** A test page on the site's origin with the element's module and `body`. */
function pageWith(body, head = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host page</title>${head}
<script type="module" src="soc2-readiness.js"></script></head><body>${body}</body></html>`;
}

/**
 * Opens `body` at `name` on the site's origin and waits until the element has results; elements
 * on their start screen (a first visit) choose the full assessment unless `start` is false.
 */
async function openPage(s, name, body, head, { start = true } = {}) {
  const url = `${s.url}${name}`;
  await servePage(s.context, url, pageWith(body, head));
  await s.page.goto(url);
  await s.page.waitForFunction(() => [...document.querySelectorAll('soc2-readiness')].every((e) => e.results));
  if (start) await beginAll(s.page);
  return s.page.locator('soc2-readiness').first();
}

async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('sizes follow the element, not the page root: html { font-size: 62.5% } changes nothing inside', async () => {
  // What a visitor reads, by role: hints, labels, tags, headings, the results table, the report.
  const measure = async (s, name, head) => {
    const el = await openPage(s, name, '<soc2-readiness storage-key="none"></soc2-readiness>', head);
    const sizes = async () => el.evaluate((host) => {
      const root = host.shadowRoot;
      const size = (sel) => {
        const n = root.querySelector(sel);
        return n ? getComputedStyle(n).fontSize : `missing ${sel}`;
      };
      return Object.fromEntries(['.top h1', '.top h1 small', '.progress', 'main h2', '.field label', '.field .hint', '.cats .hint',
        '.results h2', '.results h3', '.meter .label', '.meter .value', '.results table td', '.results table .band', '.plan-intro .muted', '.phases .muted', '.steps button']
        .map((sel) => [sel, size(sel)]));
    });
    const scope = await sizes();
    await goToStep(s.page, ACCESS, el);
    const section = await el.evaluate((host) => Object.fromEntries(['.tags', 'legend', '.note label', 'details.help summary']
      .map((sel) => [sel, getComputedStyle(host.shadowRoot.querySelector(sel)).fontSize])));
    await goToStep(s.page, 'Report', el);
    await el.locator('.report .score strong').first().waitFor(); // the report's chunk loads on the step
    const report = await el.evaluate((host) => Object.fromEntries(['.report h3', '.report table td', '.report table th', '.report .score strong', '.report .band']
      .map((sel) => [sel, getComputedStyle(host.shadowRoot.querySelector(sel)).fontSize])));
    return { scope, section, report, root: await s.page.evaluate(() => getComputedStyle(document.documentElement).fontSize) };
  };
  const s = await session({ open: false });
  try {
    const plain = await measure(s, 'plain.html');
    const small = await measure(s, 'root-62.html', '<style>html { font-size: 62.5% }</style>');
    assert.equal(plain.root, '16px');
    assert.equal(small.root, '10px', 'the host rule applies to the page');
    for (const part of ['scope', 'section', 'report']) assert.deepEqual(small[part], plain[part], part);
    // and they are the sizes the design intends, not all the same
    assert.equal(plain.scope['.field .hint'], '12.8px');
    assert.equal(plain.scope['.results table td'], '14px');
    assert.equal(plain.scope['.plan-intro .muted'], '14px');
    assert.equal(plain.scope['main h2'], '21.6px');
    assert.equal(plain.report['.report table td'], '14px');
    assert.equal(plain.section['.tags'], '12.48px');
  } finally {
    await s.close();
  }
});

test('the element scales with --soc2-font-size', async () => {
  const s = await session({ open: false });
  try {
    const el = await openPage(s, 'big.html', '<soc2-readiness storage-key="none"></soc2-readiness>', '<style>soc2-readiness { --soc2-font-size: 20px }</style>');
    const sizes = await el.evaluate((host) => ['.field .hint', 'main h2', '.results table td'].map((sel) => getComputedStyle(host.shadowRoot.querySelector(sel)).fontSize));
    assert.deepEqual(sizes, ['16px', '27px', '17.5px']);
  } finally {
    await s.close();
  }
});

test('modes: a restriction hides the other mode and wins over the saved mode and the mode attribute', async () => {
  const saved = JSON.stringify({ version: 1, mode: 'full', profile: { startDate: '2027-01-04' }, answers: { 'access.mfa-admin': { status: 'implemented' } } });
  const s = await session({ open: false, init: { fn: (v) => localStorage.setItem('soc2-readiness/v1/funnel', v), arg: saved } });
  try {
    const el = await openPage(s, 'quick-only.html', '<soc2-readiness storage-key="funnel" mode="full" modes="quick"></soc2-readiness>');
    const r = await results(s.page);
    assert.equal(r.mode, 'quick', 'the saved full mode gave way to the restriction');
    assert.equal(r.answers['access.mfa-admin'].status, 'implemented', 'answers are kept');
    assert.equal(await el.locator('.mode').isHidden(), true, 'one mode: no choice shown');
    await el.locator('.results .estimate').waitFor();

    // The host lifts the restriction: both modes offered; the document stays quick until chosen.
    await s.page.evaluate(() => document.querySelector('soc2-readiness').setAttribute('modes', 'quick full'));
    await el.locator('.mode').waitFor();
    assert.equal(await el.locator('.mode label[data-mode="full"]').isVisible(), true);
    await el.locator('.mode label', { hasText: 'Full assessment' }).click();
    assert.equal((await results(s.page)).mode, 'full');

    // Restricting to full while in full: nothing to change; to quick: switched at once.
    await s.page.evaluate(() => document.querySelector('soc2-readiness').setAttribute('modes', 'quick'));
    assert.equal((await results(s.page)).mode, 'quick');
    assert.equal(await el.locator('.mode').isHidden(), true);
  } finally {
    await s.close();
  }
});

test('modes: a new assessment takes the mode attribute when allowed, the first allowed mode otherwise; unknown values warn', async () => {
  const s = await session({ open: false });
  try {
    const warnings = [];
    s.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await openPage(s, 'modes.html', `<soc2-readiness id="a" storage-key="none" mode="quick" modes="full quick"></soc2-readiness>
      <soc2-readiness id="b" storage-key="none" mode="quick" modes="full"></soc2-readiness>
      <soc2-readiness id="c" storage-key="none" modes="fast"></soc2-readiness>`);
    assert.equal((await results(s.page, '#a')).mode, 'quick');
    assert.equal((await results(s.page, '#b')).mode, 'full');
    assert.equal((await results(s.page, '#c')).mode, 'full');
    assert.equal(await s.page.locator('#c .mode').isVisible(), true, 'nothing valid listed: both modes');
    assert.ok(warnings.some((w) => w.includes('"fast"') && w.includes('modes')), warnings.join('\n'));
  } finally {
    await s.close();
  }
});

test('features: only the listed tools are shown, in the toolbar, the export menu and the report', async () => {
  const s = await session({ open: false });
  try {
    await openPage(s, 'features.html', `<soc2-readiness id="few" storage-key="none" features="export"></soc2-readiness>
      <soc2-readiness id="all" storage-key="none"></soc2-readiness>
      <soc2-readiness id="none" storage-key="none" features=""></soc2-readiness>`);
    const tools = (id) => s.page.locator(`#${id}`).evaluate((host) => {
      const r = host.shadowRoot;
      const shown = (sel) => { const n = r.querySelector(sel); return !!n && n.checkVisibility(); };
      return {
        import: shown('.actions button[data-feature="import"]'),
        export: shown('.actions details.menu'),
        reset: shown('.actions .confirm'),
        printItem: !r.querySelector('button[data-format="print"]').hidden,
      };
    });
    assert.deepEqual(await tools('all'), { import: true, export: true, reset: true, printItem: true });
    assert.deepEqual(await tools('few'), { import: false, export: true, reset: false, printItem: false });
    assert.deepEqual(await tools('none'), { import: false, export: false, reset: false, printItem: false });

    const few = s.page.locator('#few');
    await goToStep(s.page, 'Report', few);
    const buttons = await few.locator('main .actions button').allTextContents();
    assert.deepEqual(buttons, ['Download JSON']);
    const all = s.page.locator('#all');
    await goToStep(s.page, 'Report', all);
    assert.deepEqual(await all.locator('main .actions button').allTextContents(), ['Print or save as PDF', 'Download JSON']);

    // Changed by the host after start: applied at once.
    await s.page.evaluate(() => document.querySelector('#few').setAttribute('features', 'import reset'));
    assert.deepEqual(await tools('few'), { import: true, export: false, reset: true, printItem: false });
  } finally {
    await s.close();
  }
});

test('slots and parts: the call to action in the results panel and the report, the privacy sentence, ::part() styling', async () => {
  const s = await session({ open: false, options: { viewport: { width: 720, height: 900 } } });
  try {
    const el = await openPage(s, 'slots.html', `<soc2-readiness storage-key="none" results-open>
        <span slot="privacy">We receive your scores when you book a call.</span>
        <a slot="cta" href="#book" id="cta">Book a readiness call</a>
      </soc2-readiness>`,
    '<style>soc2-readiness::part(results) { border-color: rgb(1, 2, 3) } soc2-readiness::part(header) { background-color: rgb(250, 250, 240) } soc2-readiness::part(cta) { background-color: rgb(240, 248, 255) }</style>');
    const where = () => s.page.evaluate(() => {
      const cta = document.getElementById('cta');
      const box = cta.assignedSlot?.parentElement;
      return { panel: !!box?.closest('.results'), report: !!box?.closest('[part~="report"]'), visible: cta.checkVisibility() };
    });
    assert.deepEqual(await where(), { panel: true, report: false, visible: true });
    await goToStep(s.page, 'Report', el);
    assert.deepEqual(await where(), { panel: false, report: true, visible: true });
    await goToStep(s.page, ACCESS, el);
    assert.deepEqual(await where(), { panel: true, report: false, visible: true });

    // the host's privacy sentence replaces the default one
    const privacy = await el.evaluate((host) => {
      const slot = host.shadowRoot.querySelector('slot[name="privacy"]');
      return { assigned: slot.assignedNodes().map((n) => n.textContent), fallback: slot.textContent };
    });
    assert.deepEqual(privacy, { assigned: ['We receive your scores when you book a call.'], fallback: 'Your answers stay in this browser.' });

    const styled = await el.evaluate((host) => {
      const r = host.shadowRoot;
      return [getComputedStyle(r.querySelector('.results')).borderTopColor, getComputedStyle(r.querySelector('header.top')).backgroundColor, getComputedStyle(r.querySelector('.cta')).backgroundColor];
    });
    assert.deepEqual(styled, ["rgb(1, 2, 3)", "rgb(250, 250, 240)", "rgb(240, 248, 255)"]);
    assert.deepEqual(await axe(s.page), []);
  } finally {
    await s.close();
  }
});

test('without a slotted call to action the panel keeps no empty box; the default privacy sentence shows', async () => {
  const s = await session({ open: false });
  try {
    const el = await openPage(s, 'no-cta.html', '<soc2-readiness storage-key="none"></soc2-readiness>');
    assert.equal(await el.locator('.cta').isHidden(), true);
    assert.equal(await el.locator('.top h1 small').innerText(), 'Self-assessment for API companies. Your answers stay in this browser.');
  } finally {
    await s.close();
  }
});

test('results-open: in a 720 px column the score panel starts expanded only when asked', async () => {
  const s = await session({ open: false, options: { viewport: { width: 720, height: 900 } } });
  try {
    await openPage(s, 'open.html', '<soc2-readiness id="open" storage-key="none" results-open></soc2-readiness><soc2-readiness id="folded" storage-key="none"></soc2-readiness>');
    const state = (id) => s.page.locator(`#${id}`).evaluate((host) => ({
      body: host.shadowRoot.querySelector('.results-body').checkVisibility(),
      toggle: host.shadowRoot.querySelector('.results-toggle').getAttribute('aria-expanded'),
    }));
    assert.deepEqual(await state('open'), { body: true, toggle: 'true' });
    assert.deepEqual(await state('folded'), { body: false, toggle: 'false' });
  } finally {
    await s.close();
  }
});

test('events: step, change and complete carry a small summary without notes or names; export names the PDF', async () => {
  const s = await session({ open: false });
  try {
    const el = await openPage(s, 'events.html', '<soc2-readiness storage-key="none" mode="quick"></soc2-readiness>');
    await s.page.evaluate(() => {
      window.__events = [];
      for (const type of ['soc2-readiness-step', 'soc2-readiness-change', 'soc2-readiness-complete', 'soc2-readiness-export']) {
        document.addEventListener(type, (e) => window.__events.push({ type: e.type, size: JSON.stringify(e.detail).length, detail: JSON.parse(JSON.stringify(e.detail)) }));
      }
      window.print = () => { window.__printTitle = document.title; };
    });
    // Everything answered but one question, with a note and names the events must not carry.
    await setAllAnswers(s.page, 'implemented', false);
    await s.page.evaluate(() => {
      const e = document.querySelector('soc2-readiness');
      const doc = e.assessment;
      doc.profile.organization = 'SECRET-ORG';
      doc.profile.complianceOwner = 'SECRET-OWNER';
      doc.answers['access.mfa-admin'] = { status: 'partial', evidence: false, note: 'SECRET-NOTE' };
      delete doc.answers['access.least-privilege'];
      e.assessment = doc;
    });
    await goToStep(s.page, QUICK, el);
    await control(el, 'access.least-privilege').locator('input[value="partial"]').check();
    await control(el, 'access.least-privilege').locator('input[value="implemented"]').check();
    const events = await s.page.evaluate(() => window.__events);
    const types = events.map((e) => e.type);
    assert.deepEqual(types, ['soc2-readiness-step', 'soc2-readiness-change', 'soc2-readiness-complete', 'soc2-readiness-change'], 'complete fires once, when the last question is answered');

    const step = events[0].detail;
    assert.equal(step.step, 'quick');
    assert.equal(step.title, QUICK);
    assert.equal(step.index, 1);
    assert.equal(step.count, 3, 'scope, the quick check, the report');
    const r = await results(s.page);
    assert.deepEqual(Object.keys(events[2].detail).sort(), ['categories', 'mode', 'readiness', 'timeline', 'topActions']);
    assert.ok(events[2].detail.readiness.type1 < r.readiness.overall.design, 'complete carried the scores of its moment (least privilege partial)');
    // the last change: the scores the results hold now
    const complete = events[3].detail;
    assert.deepEqual(Object.keys(complete).sort(), ['categories', 'mode', 'readiness', 'timeline', 'topActions']);
    assert.equal(complete.mode, 'quick');
    assert.equal(complete.readiness.type1, r.readiness.overall.design);
    assert.equal(complete.readiness.type2, r.readiness.overall.operating);
    assert.equal(complete.readiness.band, r.readiness.overall.band);
    assert.deepEqual(Object.keys(complete.categories), Object.keys(r.readiness.categories));
    assert.equal(complete.categories.security.type1, r.readiness.categories.security.design);
    assert.deepEqual(complete.topActions.map((a) => a.controlId), r.plan.actions.slice(0, 3).map((a) => a.controlId));
    assert.ok(complete.topActions.length === 3 && complete.topActions.every((g) => g.title && g.title !== g.controlId));
    assert.deepEqual(complete.timeline.type1.weeks, r.timeline.type1.weeks);
    assert.deepEqual(complete.timeline.type2.weeks, r.timeline.type2.weeks);
    for (const e of events) {
      const text = JSON.stringify(e.detail);
      for (const secret of ['SECRET-NOTE', 'SECRET-ORG', 'SECRET-OWNER']) assert.ok(!text.includes(secret), `${e.type} carries ${secret}`);
      assert.ok(e.size < 2000, `${e.type} detail is ${e.size} bytes`);
    }
    assert.equal(events.at(-1).detail.readiness.type1, r.readiness.overall.design, 'the last change carries the latest scores');
    assert.ok(JSON.stringify(r).length > 20 * events.at(-1).size, 'the full results stay on the property');

    // print: the PDF's name while the dialog is open, the host's title again after
    const title = await s.page.title();
    await el.locator('details.menu summary').click();
    await el.locator('button[data-format="print"]').click();
    await s.page.waitForFunction(() => window.__events.some((e) => e.type === 'soc2-readiness-export'));
    const printed = (await s.page.evaluate(() => window.__events)).find((e) => e.type === 'soc2-readiness-export').detail;
    assert.match(printed.filename, /^soc2-readiness-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.equal(await s.page.evaluate(() => window.__printTitle), printed.filename.replace(/\.pdf$/, ''));
    assert.equal(await s.page.title(), title);
    assert.equal(printed.summary.readiness.type1, r.readiness.overall.design);
  } finally {
    await s.close();
  }
});

/** A wiki page on another origin framing `path` of the site; it sizes the frame from its messages. */
async function wikiWithFrame(path, frameHeight) {
  const app = await startServer();
  let src = '';
  const files = {
    '/': ['text/html; charset=utf-8', () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wiki</title><script src="wiki.js"></script></head>
<body><h1>Wiki</h1><iframe title="SOC 2 readiness" width="1200" height="${frameHeight}" src="${src.replaceAll('&', '&amp;')}"></iframe></body></html>`],
    '/wiki.js': ['text/javascript', () => `window.__heights = [];
window.addEventListener('message', (e) => {
  if (e.data?.type !== 'soc2-readiness:height') return;
  window.__heights.push(e.data.height);
  document.querySelector('iframe').height = e.data.height;
});`],
  };
  const server = createServer((req, res) => {
    const f = files[new URL(req.url, 'http://x').pathname];
    if (!f) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': f[0] }).end(f[1]());
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const ctx = await newContext();
  const close = async () => { await ctx.close(); await new Promise((ok) => server.close(ok)); await app.close(); };
  const url = `http://127.0.0.1:${server.address().port}/`;
  src = `${app.url}${path}&parent-origin=${encodeURIComponent(new URL(url).origin)}`;
  return { ctx, url, close, appUrl: app.url };
}

test('iframe mode posts the content height: below the frame\'s own height, growing and shrinking with the step', async () => {
  const w = await wikiWithFrame('index.html?embed=1', 3000);
  try {
    const page = w.ctx.context.pages()[0] ?? await w.ctx.context.newPage();
    await page.goto(w.url);
    const frame = page.frameLocator('iframe');
    const el = frame.locator('soc2-readiness');
    await el.locator('.results .meter .value').first().waitFor({ state: 'attached' });
    await beginAll(frame);
    await page.waitForFunction(() => window.__heights.length > 0);
    const body = () => frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    const settled = async () => {
      // the last posted height is the content's
      await page.waitForFunction(() => window.__heights.length && window.__heights.at(-1) === Number(document.querySelector('iframe').height));
      await page.waitForTimeout(200);
      const last = await page.evaluate(() => window.__heights.at(-1));
      assert.equal(last, await body());
      return last;
    };
    const scope = await settled();
    assert.ok(scope < 3000, `content height ${scope} is below the frame's 3000 px`);
    await goToStep(null, 'Report', el);
    await el.locator('main .report-doc').waitFor(); // the report's chunk loads on first use
    const report = await settled();
    await goToStep(null, 'Network security', el);
    const network = await settled();
    assert.notEqual(report, network);
    await goToStep(null, 'Report', el);
    assert.equal(await settled(), report, 'the frame shrinks back as well as grows');
    const heights = await page.evaluate(() => window.__heights);
    for (let i = 1; i < heights.length; i++) assert.notEqual(heights[i], heights[i - 1], 'a height is posted only when it changed');
  } finally {
    await w.close();
  }
});

/** base64url of UTF-8 text (what a summary link's fragment holds). */
const base64url = (text) => Buffer.from(text, 'utf8').toString('base64url');

test('summary view: read-only, compact and fixed, from the link\'s fragment; the same scores as the full page', async () => {
  const doc = { version: 1, mode: 'full', profile: { startDate: '2027-01-04', categories: ['security', 'availability', 'confidentiality', 'processingIntegrity', 'privacy'], organization: 'Zoë & Co' },
    answers: { 'access.mfa-admin': { status: 'implemented', evidence: true, note: 'hardware keys' }, 'network.tls': { status: 'partial' } } };
  const s = await session({ open: false, options: { viewport: { width: 600, height: 460 } } });
  try {
    const requests = [];
    const problems = [];
    s.page.on('request', (r) => requests.push(r.url()));
    s.page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    s.page.on('pageerror', (e) => problems.push(e.message));
    await s.page.goto(`${s.url}index.html?view=summary#assessment=${base64url(JSON.stringify(doc))}`);
    const el = s.page.locator('soc2-readiness');
    await el.locator('.summary-view h2').waitFor();
    await s.page.waitForFunction(() => document.querySelector('soc2-readiness').results?.answers['network.tls']);
    const r = await results(s.page);
    assert.equal(r.profile.organization, 'Zoë & Co', 'UTF-8 in the fragment');
    const shown = await el.locator('.sv-score strong').allTextContents();
    assert.deepEqual(shown, [`${r.readiness.overall.design} %`, `${r.readiness.overall.operating} %`]);
    const rows = await el.locator('.summary-view tbody th').allTextContents();
    assert.equal(rows.length, 5);
    assert.equal(rows[0], 'Security');
    assert.deepEqual(await el.locator('.sv-gaps li').count(), 3);
    assert.match(await el.locator('.sv-plan').textContent(), new RegExp(`Type I ${r.timeline.type1.weeks.low}–${r.timeline.type1.weeks.high} weeks`));
    // read-only and fixed: no control, nothing saved, fits a 460 px frame at 600 px (five categories)
    assert.equal(await el.evaluate((host) => host.shadowRoot.querySelectorAll('input, textarea, select, button, nav').length), 0);
    assert.equal(await s.page.evaluate(() => document.documentElement.scrollHeight), 460);
    assert.equal(await s.page.evaluate(() => localStorage.length), 0);
    assert.ok(requests.every((u) => u.startsWith(s.url)), requests.join('\n'));
    assert.ok(!requests.some((u) => u.includes('_exports')), 'no export module');
    assert.deepEqual(await axe(s.page), []);
    mkdirSync(SHOTS, { recursive: true });
    await s.page.screenshot({ path: join(SHOTS, 'summary-view.png') });
    assert.deepEqual(problems, []);
  } finally {
    await s.close();
  }
});

test('summary view without a fragment shows what this browser saved for the key, and never writes', async () => {
  const saved = JSON.stringify({ version: 1, mode: 'quick', profile: { startDate: '2027-01-04' }, answers: { 'access.mfa-admin': { status: 'implemented' } } });
  const s = await session({ open: false, init: { fn: (v) => { if (!localStorage.getItem('soc2-readiness/v1/team')) localStorage.setItem('soc2-readiness/v1/team', v); }, arg: saved } });
  try {
    await s.page.goto(`${s.url}index.html?view=summary&storage-key=team`);
    const el = s.page.locator('soc2-readiness');
    await el.locator('.summary-view h2').waitFor();
    assert.match(await el.locator('.summary-view h2').textContent(), /quick estimate/);
    const r = await results(s.page);
    assert.equal(r.answers['access.mfa-admin'].status, 'implemented');
    await s.page.waitForTimeout(500); // waiting for an absence: a save would come 300 ms after a change
    assert.deepEqual(await s.page.evaluate(() => Object.keys(localStorage)), ['soc2-readiness/v1/team']);
    assert.equal(await s.page.evaluate(() => localStorage.getItem('soc2-readiness/v1/team')), saved);
  } finally {
    await s.close();
  }
});

test('summary view: an unreadable fragment says so instead of showing an empty assessment', async () => {
  const s = await session({ open: false });
  try {
    await s.page.goto(`${s.url}index.html?view=summary#assessment=${base64url('{"version": 9}')}`);
    const alert = s.page.locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /could not be read \(\$\.version: /);
    assert.equal(await s.page.locator('soc2-readiness').count(), 0);
  } finally {
    await s.close();
  }
});

test('screenshots: the embed example (62.5 % root, quick check, call to action) at 1400, 720 and 375 px', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1400, 720, 375]) {
    const s = await session({ path: 'embed-example.html', options: { viewport: { width, height: 900 } } });
    try {
      const el = s.page.locator('soc2-readiness');
      assert.equal(await s.page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '10px');
      assert.equal((await results(s.page)).mode, 'quick');
      await s.page.locator('#book-cta').waitFor({ state: 'visible' }); // shown below audit-ready
      assert.equal(await el.locator('.results-body').isVisible(), true, 'results-open');
      await openSteps(el);
      await s.page.screenshot({ path: join(SHOTS, `embed-example-${width}.png`), fullPage: true });
      if (width === 1400) {
        // audit-ready (a full assessment, everything in place and evidenced): the host hides it
        await el.locator('.mode label', { hasText: 'Full assessment' }).click();
        await setAllAnswers(s.page, 'implemented', true);
        // a visitor's change (the host set the document itself, so no event came for that)
        await goToStep(s.page, ACCESS, el);
        await control(el, 'access.mfa-admin').locator('input[value="partial"]').check();
        assert.equal(await s.page.locator('#book-cta').isVisible(), true, 'a critical control partly in place: below audit-ready');
        await control(el, 'access.mfa-admin').locator('input[value="implemented"]').check();
        await el.locator('.results .meter .band', { hasText: 'Audit-ready' }).first().waitFor();
        await s.page.locator('#book-cta').waitFor({ state: 'hidden' });
      }
      assert.deepEqual(s.problems, []);
    } finally {
      await s.close();
    }
  }
});

for (const path of ['index.html', 'embed-example.html']) {
  test(`$schema of ${path}'s exports is the schema served beside the element, and it validates them`, async () => {
    const s = await session({ path });
    try {
      const el = s.page.locator('soc2-readiness');
      await goToStep(s.page, path === 'index.html' ? ACCESS : QUICK, el); // the embed example: quick mode
      await control(el, 'access.mfa-admin').locator('input[value="partial"]').check();
      const { text } = await exportAs(s.page, 'json', el); // validated by the helper
      const doc = JSON.parse(text);
      assert.equal(doc.$schema, `${s.url}pkg/schema/assessment.schema.json`);
      assert.equal((await results(s.page)).$schema, doc.$schema);
      const served = await s.page.evaluate((u) => fetch(u).then((r) => r.json()), doc.$schema);
      assert.deepEqual(served, SCHEMA);
      const site = await s.page.evaluate((u) => fetch(u).then((r) => r.json()), `${s.url}schema/assessment.schema.json`);
      assert.deepEqual(site, SCHEMA, 'the site serves it beside index.html too');
      assert.deepEqual(schemaErrors(await results(s.page)), []);
    } finally {
      await s.close();
    }
  });
}

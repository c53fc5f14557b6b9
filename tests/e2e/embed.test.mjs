// Embedding and offline use: a hostile host page, events, several instances, attributes, iframe
// mode across origins, the single-file build with no network, and the strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ROOT, SHOTS, beginAll, exportAs, goToStep, newContext, openApp, results, servePage, session,
  openSteps, startServer, typeOne, waitForSaved,
} from './helpers.mjs';

const ACCESS = 'Access management and authentication';
/** The quick check's one step (the embed example opens in quick mode). */
const QUICK = 'Quick check';
const WWW = resolve(ROOT);
const control = (host, id) => host.locator(`main fieldset.control[data-control="${id}"]`);

/** A test page on the site's origin loading the element from the site (no file in www/). */
function pageWith(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test page</title>
<script type="module" src="soc2-readiness.js"></script></head><body>${body}</body></html>`;
}

/** Waits until every element matching `selector` has results; a first visit chooses the full assessment. */
async function waitForElements(page, selector, n) {
  await page.waitForFunction(([s, count]) => {
    const els = [...document.querySelectorAll(s)];
    return els.length === count && els.every((e) => e.results);
  }, [selector, n]);
  await beginAll(page, 'full', selector);
}

test('embed example: brand colours apply, host CSS stays out and element CSS stays in', async () => {
  const s = await session({ path: 'embed-example.html' });
  try {
    const el = s.page.locator('soc2-readiness');
    const r0 = await results(s.page);
    assert.deepEqual(r0.profile.categories, ['security', 'availability']);

    // renders and scores
    await goToStep(s.page, QUICK, el);
    const before = await typeOne(el);
    await control(el, 'access.mfa-admin').locator('input[value="implemented"]').check();
    assert.ok(await typeOne(el) > before);
    assert.equal((await results(s.page)).answers['access.mfa-admin'].status, 'implemented');

    // the brand override reaches the primary button and the checked mode label
    const accent = 'rgb(10, 125, 85)';
    const primary = el.locator('main .pager .btn.primary');
    assert.equal(await primary.evaluate((b) => getComputedStyle(b).backgroundColor), accent);
    const checkedMode = el.locator('.mode label:has(input:checked)');
    assert.equal(await checkedMode.evaluate((l) => getComputedStyle(l).backgroundColor), accent);
    assert.equal(await primary.evaluate((b) => getComputedStyle(b).borderTopLeftRadius), '2px');
    assert.match(await primary.evaluate((b) => getComputedStyle(b).fontFamily), /^Georgia/);

    // host CSS does not leak in: no red buttons, no purple text, no triple line height, inputs keep their size
    const inside = await el.evaluate((host) => {
      const root = host.shadowRoot;
      const cs = (n) => getComputedStyle(n);
      return {
        buttons: [...root.querySelectorAll('button')].map((b) => cs(b).backgroundColor),
        legend: cs(root.querySelector('legend')), note: cs(root.querySelector('textarea')),
        heading: cs(root.querySelector('main h2')),
      };
    });
    assert.ok(inside.buttons.length > 10);
    for (const bg of inside.buttons) assert.notEqual(bg, 'rgb(255, 0, 0)');
    assert.notEqual(inside.legend.color, 'rgb(128, 0, 128)', 'host `* { color: purple !important }` reaches the questions');
    assert.notEqual(inside.heading.color, 'rgb(128, 0, 128)');
    assert.ok(Number.parseFloat(inside.legend.lineHeight) < 2 * Number.parseFloat(inside.legend.fontSize), `line height inside is ${inside.legend.lineHeight}`);
    assert.equal(inside.note.boxSizing, 'border-box');

    // the element's CSS does not leak out
    const outside = await s.page.evaluate(() => {
      const cs = (n) => getComputedStyle(n);
      const cta = document.querySelector('.cta');
      return { cta: cs(cta).backgroundColor, ctaColor: cs(cta).color, email: cs(document.querySelector('#email')).width, h1: cs(document.querySelector('h1')).textTransform };
    });
    assert.deepEqual(outside, { cta: 'rgb(255, 0, 0)', ctaColor: 'rgb(128, 0, 128)', email: '300px', h1: 'uppercase' });
    assert.equal(await s.page.evaluate(() => document.querySelectorAll('[style]').length), 0, 'no inline style attributes in the host page');

    mkdirSync(SHOTS, { recursive: true });
    await s.page.screenshot({ path: join(SHOTS, 'embed.png'), fullPage: true });
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('events: soc2-readiness-change carries the small summary, soc2-readiness-export the format and file name', async () => {
  const s = await session({ path: 'embed-example.html' });
  try {
    const el = s.page.locator('soc2-readiness');
    await s.page.evaluate(() => {
      window.__events = [];
      // listen on the document: the events bubble and are composed
      for (const type of ['soc2-readiness-change', 'soc2-readiness-export']) {
        document.addEventListener(type, (e) => window.__events.push({ type: e.type, detail: e.detail, target: e.target.localName }));
      }
      window.print = () => { window.__printed = true; }; // no print dialog in a test
    });
    await goToStep(s.page, QUICK, el);
    await control(el, 'access.mfa-admin').locator('input[value="partial"]').check();
    const changes = await s.page.evaluate(() => window.__events.filter((e) => e.type === 'soc2-readiness-change'));
    assert.equal(changes.length, 1);
    assert.equal(changes[0].target, 'soc2-readiness');
    const r = await results(s.page);
    // the small summary of the latest results; the results themselves stay on the property
    assert.equal(changes[0].detail.readiness.type1, r.readiness.overall.design);
    assert.equal(changes[0].detail.readiness.band, r.readiness.overall.band);
    assert.equal(changes[0].detail.results, undefined);
    assert.equal(r.answers['access.mfa-admin'].status, 'partial');

    const { download } = await exportAs(s.page, 'json', el);
    await exportAs(s.page, 'csv', el);
    await el.locator('details.menu summary').click();
    await el.locator('button[data-format="print"]').click();
    await s.page.waitForFunction(() => window.__printed === true);
    const exports = await s.page.evaluate(() => window.__events.filter((e) => e.type === 'soc2-readiness-export').map((e) => e.detail));
    assert.deepEqual(exports.map((d) => d.format), ['json', 'csv', 'print']);
    assert.equal(exports[0].filename, download.suggestedFilename());
    assert.match(exports[1].filename, /\.csv$/);
    assert.match(exports[2].filename, /^soc2-readiness-\d{4}-\d{2}-\d{2}\.pdf$/);
    assert.equal(exports[0].summary.readiness.type1, r.readiness.overall.design);
  } finally {
    await s.close();
  }
});

test('adding and removing the element 100 times leaves no observer, listener or timer behind', async () => {
  // Counts what is registered outside the element: window and document listeners, resize,
  // mutation and intersection observations, pending timers; wrapped before any script runs.
  // The page also runs another framework (Preact, rendering and re-rendering an app of its own
  // beside the element, and mounting and unmounting the element too) and a global stylesheet.
  const count = () => {
    const live = { listeners: new Map(), observed: 0, timers: new Set() };
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const outside = (t) => t === window || t === document;
    EventTarget.prototype.addEventListener = function (type, fn, opts) {
      if (outside(this)) live.listeners.set(fn, `${this === window ? 'window' : 'document'} ${type}`);
      return add.call(this, type, fn, opts);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, opts) {
      if (outside(this)) live.listeners.delete(fn);
      return remove.call(this, type, fn, opts);
    };
    for (const name of ['ResizeObserver', 'MutationObserver', 'IntersectionObserver']) {
      const Observer = window[name];
      window[name] = class extends Observer {
        #n = 0;
        observe(target, options) { this.#n++; live.observed++; return super.observe(target, options); }
        disconnect() { live.observed -= this.#n; this.#n = 0; return super.disconnect(); }
      };
    }
    const { setTimeout: set, clearTimeout: clear, setInterval: every, clearInterval: stop } = window;
    window.setTimeout = (fn, ms, ...args) => {
      const id = set((...a) => { live.timers.delete(id); if (typeof fn === 'function') fn(...a); }, ms, ...args);
      live.timers.add(id);
      return id;
    };
    window.clearTimeout = (id) => { live.timers.delete(id); clear(id); };
    window.setInterval = (fn, ms, ...args) => { const id = every(fn, ms, ...args); live.timers.add(id); return id; };
    window.clearInterval = (id) => { live.timers.delete(id); stop(id); };
    window.__live = () => ({
      listeners: [...live.listeners.values()].sort(), observed: live.observed, timers: live.timers.size,
      globals: Object.getOwnPropertyNames(window).filter((k) => !k.startsWith('__')).sort(),
      styles: document.styleSheets.length, adopted: document.adoptedStyleSheets.length, head: document.head.innerHTML,
      rootStyle: getComputedStyle(document.documentElement).cssText.length,
    });
  };
  const s = await session({ open: false, init: count });
  try {
    const url = `${s.url}add-remove.html`;
    await s.context.route(`${s.url}preact.mjs`, (route) => route.fulfill({ path: resolve('node_modules/preact/dist/preact.mjs'), contentType: 'text/javascript' }));
    await servePage(s.context, url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>framework page</title>
<style>body { font: 15px serif } .app-count { color: rgb(200, 0, 0) }</style>
<script type="module">
import { h, render } from './preact.mjs';
window.__preact = { h, render };
let n = 0;
const app = () => h('p', { class: 'app-count' }, 'clicks: ', String(n));
window.__bump = () => { n++; render(app(), document.getElementById('app')); };
render(app(), document.getElementById('app'));
</script>
<script type="module" src="soc2-readiness.js"></script></head><body><div id="app"></div><main id="slot"></main><div id="mount"></div></body></html>`);
    await s.page.goto(url);
    await s.page.waitForFunction(() => customElements.get('soc2-readiness') && window.__preact);
    const baseline = await s.page.evaluate(() => window.__live());
    const after = await s.page.evaluate(async () => {
      const ready = (el) => new Promise((resolve) => el.addEventListener('soc2-readiness-ready', resolve, { once: true }));
      const slot = document.getElementById('slot');
      const el = document.createElement('soc2-readiness');
      el.setAttribute('storage-key', 'leaks');
      slot.append(el);
      await ready(el);
      const whileShown = window.__live();
      for (let i = 0; i < 100; i++) {
        el.remove();
        slot.append(el); // the same element again: it must listen again, once
        window.__bump(); // the other framework keeps rendering
      }
      const again = window.__live();
      el.remove();
      // A hundred fresh elements, each added then removed; every tenth mounted by Preact.
      const { h, render } = window.__preact;
      const mount = document.getElementById('mount');
      for (let i = 0; i < 100; i++) {
        let other;
        if (i % 10 === 0) {
          render(h('soc2-readiness', { 'storage-key': 'leaks', modes: 'quick', ref: (e) => { other ??= e; } }), mount);
        } else {
          other = document.createElement('soc2-readiness');
          other.setAttribute('storage-key', 'leaks');
          slot.append(other);
        }
        await ready(other);
        if (i % 10 === 0) render(null, mount);
        else other.remove();
        window.__bump();
      }
      await new Promise((resolve) => setTimeout(resolve, 400)); // a pending save lasts 300 ms
      return { whileShown, again, gone: window.__live(), count: document.querySelector('.app-count').textContent };
    });
    assert.ok(after.whileShown.observed >= 1 && ['window beforeprint', 'window storage'].every((t) => after.whileShown.listeners.includes(t)), JSON.stringify(after.whileShown.listeners));
    assert.deepEqual(after.again, after.whileShown, 'one set of registrations while shown, however often it was moved');
    assert.equal(after.count, 'clicks: 200', 'the other framework kept working');
    const { timers, ...gone } = after.gone;
    const { timers: timers0, ...base } = baseline;
    assert.deepEqual(gone, base, 'no listener, observer, global, stylesheet or head element left once removed');
    assert.ok(timers <= timers0, `${timers} timers pending, ${timers0} before`);
    // and the host's own styles still apply, the element's never did
    assert.equal(await s.page.locator('.app-count').evaluate((p) => getComputedStyle(p).color), 'rgb(200, 0, 0)');
  } finally {
    await s.close();
  }
});

test('two instances with different storage keys stay independent, also after a reload', async () => {
  const s = await session({ open: false });
  try {
    const url = `${s.url}two-keys.html`;
    await servePage(s.context, url, pageWith('<soc2-readiness id="a" storage-key="team-a"></soc2-readiness><soc2-readiness id="b" storage-key="team-b"></soc2-readiness>'));
    await s.page.goto(url);
    await waitForElements(s.page, 'soc2-readiness', 2);
    const a = s.page.locator('#a');
    const b = s.page.locator('#b');
    const bBefore = await results(s.page, '#b');

    await goToStep(s.page, ACCESS, a);
    await control(a, 'access.mfa-admin').locator('input[value="implemented"]').check();
    assert.equal((await results(s.page, '#a')).answers['access.mfa-admin'].status, 'implemented');
    assert.deepEqual(await results(s.page, '#b'), bBefore, 'answering in #a leaves #b alone');

    await goToStep(s.page, ACCESS, b);
    await control(b, 'access.least-privilege').locator('input[value="planned"]').check();
    await waitForSaved(s.page, 'soc2-readiness/v1/team-a', 1);
    await waitForSaved(s.page, 'soc2-readiness/v1/team-b', 1);
    const aSaved = await results(s.page, '#a');
    const bSaved = await results(s.page, '#b');
    assert.deepEqual(Object.keys(aSaved.answers), ['access.mfa-admin']);
    assert.deepEqual(Object.keys(bSaved.answers), ['access.least-privilege']);

    await s.page.reload();
    await waitForElements(s.page, 'soc2-readiness', 2);
    assert.deepEqual(await results(s.page, '#a'), aSaved);
    assert.deepEqual(await results(s.page, '#b'), bSaved);
  } finally {
    await s.close();
  }
});

test('two instances with the same storage key share the saved state after a reload', async () => {
  const s = await session({ open: false });
  try {
    const url = `${s.url}same-key.html`;
    await servePage(s.context, url, pageWith('<soc2-readiness id="a" storage-key="shared"></soc2-readiness><soc2-readiness id="b" storage-key="shared"></soc2-readiness>'));
    await s.page.goto(url);
    await waitForElements(s.page, 'soc2-readiness', 2);
    const a = s.page.locator('#a');
    await goToStep(s.page, ACCESS, a);
    await control(a, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await control(a, 'access.api-keys').locator('input[value="notImplemented"]').check();
    await waitForSaved(s.page, 'soc2-readiness/v1/shared', 2);
    const saved = await results(s.page, '#a');

    await s.page.reload();
    await waitForElements(s.page, 'soc2-readiness', 2);
    assert.deepEqual(await results(s.page, '#a'), saved);
    assert.deepEqual(await results(s.page, '#b'), saved);
    await goToStep(s.page, ACCESS, s.page.locator('#b'));
    assert.equal(await control(s.page.locator('#b'), 'access.api-keys').locator('input[value="notImplemented"]').isChecked(), true);
  } finally {
    await s.close();
  }
});

test('attributes: an unknown mode and an unknown category are warned about and ignored', async () => {
  const s = await session({ open: false });
  try {
    const warnings = [];
    s.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    const url = `${s.url}attributes.html`;
    await servePage(s.context, url, pageWith(
      '<soc2-readiness id="turbo" mode="turbo" storage-key="none"></soc2-readiness>'
      + '<soc2-readiness id="cats" categories="privacy,bogus" storage-key="none"></soc2-readiness>'));
    await s.page.goto(url);
    await waitForElements(s.page, 'soc2-readiness', 2);

    const turbo = await results(s.page, '#turbo');
    assert.equal(turbo.mode, 'full');
    assert.equal(turbo.estimate, false);
    assert.equal(await s.page.locator('#turbo .mode input[value="full"]').isChecked(), true);
    assert.ok(warnings.some((w) => w.includes('mode="turbo"')), `a warning names mode="turbo": ${JSON.stringify(warnings)}`);

    const cats = await results(s.page, '#cats');
    assert.deepEqual(cats.profile.categories, ['security', 'privacy']);
    assert.ok(await s.page.locator('#cats input[data-category="privacy"]').isChecked());
    assert.ok(warnings.some((w) => w.includes('"bogus"') && w.includes('categories')), `a warning names "bogus": ${JSON.stringify(warnings)}`);
    assert.equal(warnings.filter((w) => w.includes('privacy')).length, 0);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('an invalid storage-key gets a store of its own, never the default one', async () => {
  const saved = JSON.stringify({ version: 1, profile: { startDate: '2027-01-04', organization: 'Default Corp' }, answers: { 'access.mfa-admin': { status: 'implemented' } } });
  const s = await session({ open: false, init: { fn: (v) => localStorage.setItem('soc2-readiness/v1/default', v), arg: saved } });
  try {
    const warnings = [];
    s.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    const url = `${s.url}bad-key.html`;
    await servePage(s.context, url, pageWith('<soc2-readiness storage-key="team a/../default"></soc2-readiness>'));
    await s.page.goto(url);
    await waitForElements(s.page, 'soc2-readiness', 1);
    const r = await results(s.page);
    assert.deepEqual(r.answers, {});
    assert.equal(r.profile.organization, '');
    assert.ok(warnings.some((w) => w.includes('storage-key="team a/../default"') && w.includes('not "default"')), JSON.stringify(warnings));
    await s.page.evaluate(() => { const e = document.querySelector('soc2-readiness'); const d = e.assessment; d.profile.organization = 'Mine'; e.assessment = d; });
    // the assessments (a store also keeps its last step beside it, as <key>/step)
    const all = await s.page.evaluate(() => Object.keys(localStorage).sort());
    const keys = all.filter((k) => !k.endsWith('/step'));
    assert.equal(keys.length, 2, keys.join());
    assert.match(keys[1], /^soc2-readiness\/v1\/invalid:[0-9a-f]{8}$/);
    assert.deepEqual(all.filter((k) => k.endsWith('/step')), [`${keys[1]}/step`], 'the step beside it, in the same store');
    assert.equal(JSON.parse(await s.page.evaluate(() => localStorage.getItem('soc2-readiness/v1/default'))).profile.organization, 'Default Corp');
  } finally {
    await s.close();
  }
});

/**
 * A parent page on another origin: a second server, on another port, with the app in an iframe;
 * it records the messages it receives. Its own little server, because the site's server sends the
 * site's CSP (frame-src 'self' by default-src) and a routed response has no address, which
 * Chromium's local-network checks refuse to let frame 127.0.0.1.
 */
async function parentWithFrame(parentOrigin, { query = 'embed=1', before } = {}) {
  const app = await startServer();
  let src = '';
  const files = {
    '/': ['text/html; charset=utf-8', () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Team wiki</title>
<script src="wiki.js"></script></head>
<body><h1>Team wiki</h1><iframe title="SOC 2 readiness" width="1200" height="900" src="${src.replaceAll('&', '&amp;')}"></iframe></body></html>`],
    '/wiki.js': ['text/javascript', () => `window.__messages = [];
window.addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));`],
  };
  const server = createServer((req, res) => {
    const f = files[new URL(req.url, 'http://x').pathname];
    if (!f) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': f[0] }).end(f[1]());
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const parentUrl = `http://127.0.0.1:${server.address().port}/`;
  const ctx = await newContext().catch(async (err) => { server.close(); await app.close(); throw err; });
  const close = async () => { await ctx.close(); await new Promise((ok) => server.close(ok)); await app.close(); };
  try {
    const origin = new URL(parentUrl).origin;
    src = `${app.url}index.html?${query}&parent-origin=${encodeURIComponent(parentOrigin ?? origin)}`;
    const page = ctx.context.pages()[0] ?? await ctx.context.newPage();
    await before?.(page, app.url);
    await page.goto(parentUrl);
    const frame = page.frameLocator('iframe');
    await frame.locator('soc2-readiness .results .meter .value').first().waitFor({ state: 'attached' });
    await beginAll(frame);
    return { page, frame, appOrigin: new URL(app.url).origin, parentOrigin: origin, close };
  } catch (err) {
    await close();
    throw err;
  }
}

test('iframe mode posts height and results to the configured parent origin only', async () => {
  const p = await parentWithFrame();
  try {
    assert.notEqual(p.appOrigin, p.parentOrigin);
    await p.page.waitForFunction(() => ['soc2-readiness:height', 'soc2-readiness:results'].every((t) => window.__messages.some((m) => m.data?.type === t)));
    let messages = await p.page.evaluate(() => window.__messages);
    for (const m of messages) {
      assert.equal(m.origin, p.appOrigin);
      assert.equal(m.data.source, 'soc2-readiness');
    }
    // the latest height (a first one may be the loading line's, posted before the engine started)
    await p.page.waitForFunction(() => window.__messages.findLast((m) => m.data?.type === 'soc2-readiness:height')?.data.height > 300);
    messages = await p.page.evaluate(() => window.__messages);
    const height = messages.findLast((m) => m.data.type === 'soc2-readiness:height').data.height;
    assert.ok(Number.isInteger(height) && height > 300, `height ${height}`);
    const first = messages.find((m) => m.data.type === 'soc2-readiness:results').data.results;
    assert.equal(typeof first.readiness.overall.design, 'number');

    // the page drops its chrome
    assert.equal(await p.frame.locator('header.site').isHidden(), true);
    assert.equal(await p.frame.locator('footer.site').isHidden(), true);

    // an answer posts new results
    const el = p.frame.locator('soc2-readiness');
    await goToStep(null, ACCESS, el);
    await control(el, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await p.page.waitForFunction(() => window.__messages.some((m) => m.data?.results?.answers?.['access.mfa-admin']));
    // and the parent can ask for them again
    const count = await p.page.evaluate(() => window.__messages.filter((m) => m.data?.type === 'soc2-readiness:results').length);
    await p.page.evaluate((o) => document.querySelector('iframe').contentWindow.postMessage({ type: 'soc2-readiness:request' }, o), p.appOrigin);
    await p.page.waitForFunction((n) => window.__messages.filter((m) => m.data?.type === 'soc2-readiness:results').length > n, count);
    messages = await p.page.evaluate(() => window.__messages);
    assert.equal(messages.at(-1).data.results.answers['access.mfa-admin'].status, 'implemented');
  } finally {
    await p.close();
  }
});

test('iframe mode with another parent origin configured posts nothing to this parent', async () => {
  const p = await parentWithFrame('https://wiki.example.com');
  try {
    const el = p.frame.locator('soc2-readiness');
    assert.equal(await p.frame.locator('header.site').isHidden(), true);
    await goToStep(null, ACCESS, el);
    await control(el, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await p.page.waitForTimeout(1500); // waiting for an absence: nothing may arrive
    assert.deepEqual(await p.page.evaluate(() => window.__messages), []);
  } finally {
    await p.close();
  }
});

/** Answers a question and names the organisation on the standalone page at `url` (saved under `default`). */
async function workOnStandalone(page, url) {
  await page.goto(`${url}index.html`);
  const el = page.locator('soc2-readiness');
  await el.locator('.results .meter .value').first().waitFor({ state: 'attached' });
  await beginAll(page);
  await page.evaluate(() => {
    const e = document.querySelector('soc2-readiness');
    const doc = e.assessment;
    doc.profile.organization = 'Secret Corp';
    doc.answers['access.mfa-admin'] = { status: 'partial', evidence: false, note: 'a private note' };
    e.assessment = doc;
  });
  await waitForSaved(page, 'soc2-readiness/v1/default', 1);
}

for (const [name, query] of [
  ['the iframe mode', 'embed=1'],
  ['the iframe mode with an invalid storage key', 'embed=1&storage-key=..%2Fdefault'],
  ['the iframe mode with storage-key=default', 'embed=1&storage-key=default'],
]) {
  test(`${name} never reads the standalone page's saved answers (nor posts them)`, async () => {
    const p = await parentWithFrame(undefined, { query, before: workOnStandalone });
    try {
      await p.page.waitForFunction(() => window.__messages.some((m) => m.data?.type === 'soc2-readiness:results'));
      const posted = (await p.page.evaluate(() => window.__messages)).filter((m) => m.data.type === 'soc2-readiness:results');
      for (const m of posted) {
        assert.deepEqual(m.data.results.answers, {}, 'the standalone page\'s answers were posted');
        assert.equal(m.data.results.profile.organization, '');
      }
      // what the frame saves lands in its own store, named after its parent's origin
      const el = p.frame.locator('soc2-readiness');
      await goToStep(null, ACCESS, el);
      await control(el, 'access.least-privilege').locator('input[value="implemented"]').check();
      await p.page.waitForFunction(() => window.__messages.some((m) => m.data?.results?.answers?.['access.least-privilege']));
      const scoped = `soc2-readiness/v1/@${encodeURIComponent(`embed ${p.parentOrigin}`)}/`;
      const keys = await p.frame.locator('body').evaluate(async (prefix) => {
        // saved 300 ms after the change
        for (let i = 0; i < 50 && !Object.keys(localStorage).some((k) => k.startsWith(prefix)); i++) await new Promise((ok) => setTimeout(ok, 100));
        return Object.keys(localStorage).sort();
      }, scoped);
      assert.ok(keys.includes('soc2-readiness/v1/default'), keys.join());
      assert.ok(keys.some((k) => k.startsWith(scoped)), `${keys.join()} has a key under ${scoped}`);
      // an invalid key gets a store of its own, never `default`
      if (query.includes('..')) assert.ok(keys.some((k) => k.startsWith(`${scoped}invalid:`)), keys.join());
      const standalone = JSON.parse(await p.frame.locator('body').evaluate(() => localStorage.getItem('soc2-readiness/v1/default')));
      assert.deepEqual(Object.keys(standalone.answers), ['access.mfa-admin'], 'the standalone store is untouched');
    } finally {
      await p.close();
    }
  });
}

test('the standalone page framed without the iframe mode does not show its saved answers either', async () => {
  const p = await parentWithFrame(undefined, { query: 'x=1', before: workOnStandalone });
  try {
    const answers = await p.frame.locator('soc2-readiness').evaluate((e) => e.results.answers);
    assert.deepEqual(answers, {});
    assert.equal(await p.frame.locator('soc2-readiness').evaluate((e) => e.results.profile.organization), '');
  } finally {
    await p.close();
  }
});

test('single file: works from file:// with every network request blocked', async () => {
  const file = resolve('dist/soc2-readiness.html');
  assert.ok(existsSync(file), `${file} is missing: build it first`);
  const fileUrl = pathToFileURL(file).href;
  const { context, close } = await newContext();
  try {
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    const { page, problems } = await openApp(context, fileUrl);
    const el = page.locator('soc2-readiness');
    await goToStep(page, ACCESS, el);
    const n = await el.locator('main fieldset.control').count();
    for (let i = 0; i < n; i++) await el.locator('main fieldset.control').nth(i).locator('input[value="implemented"]').check();
    await openSteps(el);
    await el.locator('nav.steps button', { hasText: ACCESS }).locator('.count', { hasText: `${n}/${n}` }).waitFor();

    const { download, text } = await exportAs(page, 'json', el);
    assert.match(download.suggestedFilename(), /\.json$/);
    const doc = JSON.parse(text);
    assert.equal(doc.readiness.sections.access.counts.answered, n);
    assert.deepEqual(doc.readiness, (await results(page)).readiness);

    // saved under the file:// scope (every local file shares that origin; README "Security")
    await page.waitForFunction(() => localStorage.length > 0); // saved 300 ms after the last change
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(keys, ['soc2-readiness/v1/@file/offline', 'soc2-readiness/v1/@file/offline/step'], 'the answers and the step shown, both under the file:// scope');

    const others = requests.filter((u) => u !== fileUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(others, [], 'no request but the file itself');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

for (const path of ['index.html', 'embed-example.html']) {
  test(`strict CSP on ${path}: no violation, no console error or warning, only the site's own files`, async () => {
    const s = await session({ open: false });
    try {
      await s.context.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
      });
      const { page } = s;
      const requests = [];
      const problems = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      const response = await page.goto(s.url + path);
      assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
      const el = page.locator('soc2-readiness');
      await el.locator('.results .meter .value').first().waitFor({ state: 'attached' });
      await beginAll(page);
      // exercise it: answer, open help, view the report, export, switch mode
      await goToStep(page, path === 'index.html' ? ACCESS : QUICK, el);
      await control(el, 'access.mfa-admin').locator('input[value="implemented"]').check();
      await control(el, 'access.mfa-admin').locator('details.help summary').click();
      await goToStep(page, 'Report', el);
      await exportAs(page, 'json', el);
      await el.locator('.mode label', { hasText: 'Quick check' }).click();
      await el.locator('.results .estimate').waitFor();

      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      assert.deepEqual(problems, []);
      const origin = new URL(s.url).origin;
      for (const u of requests) {
        if (u.startsWith('blob:')) continue; // the download
        const url = new URL(u);
        assert.equal(url.origin, origin, u);
        const local = join(WWW, decodeURIComponent(url.pathname));
        assert.ok(existsSync(local) && local.startsWith(WWW), `${u} is one of the site's files`);
      }
      assert.ok(requests.some((u) => u.endsWith('.wasm')));
    } finally {
      await s.close();
    }
  });
}

test('single file: answers saved by the earlier, unscoped version of the file are restored, and kept', async () => {
  const file = resolve('dist/soc2-readiness.html');
  const { context, close } = await newContext();
  try {
    const legacy = JSON.stringify({ version: 1, profile: { startDate: '2027-01-04', organization: 'Earlier' }, answers: { 'access.mfa-admin': { status: 'implemented' } } });
    await context.addInitScript((v) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('soc2-readiness/v1/offline', v);
        sessionStorage.setItem('seeded', '1');
      }
    }, legacy);
    const { page } = await openApp(context, pathToFileURL(file).href);
    const r = await results(page);
    assert.equal(r.profile.organization, 'Earlier');
    assert.equal(r.answers['access.mfa-admin'].status, 'implemented');
    await page.waitForFunction(() => localStorage.getItem('soc2-readiness/v1/@file/offline') != null);
    assert.equal(await page.evaluate(() => localStorage.getItem('soc2-readiness/v1/offline')), legacy);
  } finally {
    await close();
  }
});

// Browser benchmark of the questionnaire in headless Chromium on localhost (Debian's chromium,
// driven by playwright-core). Prints medians and p95s; never asserts: timings are reported, not
// tested. Usage: node scripts/bench-browser.mjs [--runs N] [--clicks N]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './serve.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 20);
const CLICKS = arg('--clicks', 60);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info', '--js-flags=--expose-gc'];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p95: at(0.95), n: s.length };
};

const { server, url } = await serve({ root: 'www', port: 0 });
// A host page with the two-line embed (README "Embedding"): its own markup and styles, the
// element's script from pkg/ (a link to www/pkg), no preloads; served from a second origin.
const hostDir = mkdtempSync(join(tmpdir(), 'soc2-bench-host-'));
symlinkSync(resolve('www/pkg'), join(hostDir, 'pkg'));
writeFileSync(join(hostDir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme API: SOC 2 readiness</title><link rel="stylesheet" href="host.css"></head>
<body><header><h1>Acme API</h1><p>Selling to enterprises? Check your SOC 2 readiness.</p></header>
<main>
<script type="module" src="pkg/soc2-readiness.min.js"></script>
<soc2-readiness></soc2-readiness>
</main></body></html>`);
writeFileSync(join(hostDir, 'host.css'), 'html { font-size: 62.5% } body { font: 1.6rem/1.5 Georgia, serif; max-width: 120rem; margin: 0 auto; }');
const host = await serve({ root: hostDir, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS });
const dir = mkdtempSync(join(tmpdir(), 'soc2-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS,
  viewport: { width: 1400, height: 1000 },
});
const page = context.pages()[0] ?? await context.newPage();
const rows = [];

// What a visitor sees first, found by a rendering observer rather than the element's own mark:
// from the document's first script, each animation frame looks for a visible question (a
// returning visitor) or start-screen button (a first visit); the time of the frame that has it
// in its layout is the figure.
const firstScreenObserver = () => {
  const visible = (el) => el != null && el.getBoundingClientRect().height > 0;
  const tick = () => {
    const root = document.querySelector('soc2-readiness')?.shadowRoot;
    const what = !root ? null : visible(root.querySelector('main input[type=radio]')) ? 'question'
      : visible(root.querySelector('.start button')) ? 'start' : null;
    if (what) window.__firstScreen = { what, t: performance.now() };
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
const firstScreenOf = async (p, expect) => {
  await p.waitForFunction(() => window.__firstScreen, null, { timeout: 20000 });
  const { what, t } = await p.evaluate(() => window.__firstScreen);
  if (what !== expect) throw new Error(`expected the ${expect} screen first, saw the ${what} screen`);
  return t;
};
await page.addInitScript(firstScreenObserver);

try {
  // What a returning visitor has saved: one answer, taken from a visit in the persistent profile.
  await page.goto(url);
  await page.locator('soc2-readiness .start button[data-start="full"]').click();
  await page.locator('soc2-readiness main input[type=radio]').first().click();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 700))); // saved (debounced)
  const saved = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('soc2-readiness/')).map((k) => [k, localStorage.getItem(k)])));
  await page.evaluate(() => localStorage.clear());

  // 1. Cold loads, as a visitor arrives: a fresh browser context per run (no HTTP cache, no
  //    compiled code, no storage), the HTTP cache disabled. Each run first opens a small file of
  //    the same origin, so the browser's own process start-up is not counted; the returning
  //    visitor's saved answers are put in place then (never by loading the page itself, which
  //    would leave its compiled engine in the process).
  const cold = { start: [], question: [], host: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['start', 'host', 'question']) {
      const fresh = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const p = await fresh.newPage();
      const origin = kind === 'host' ? host.url : url;
      await p.goto(`${origin}favicon.svg`).catch(() => {});
      if (kind === 'question') await p.evaluate((entries) => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }, saved);
      const cdp = await fresh.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await p.addInitScript(firstScreenObserver);
      await p.goto(`${origin}?cold=${i}`);
      cold[kind].push(await firstScreenOf(p, kind === 'question' ? 'question' : 'start'));
      await fresh.close();
    }
  }
  rows.push(['cold: navigation → start screen (first visit, ms)', stats(cold.start)]);
  rows.push(['cold: navigation → first question (returning visit, ms)', stats(cold.question)]);
  rows.push(['cold: two-line embed on a host page → start screen (ms)', stats(cold.host)]);

  // 2. Warm loads: one persistent profile, so the HTTP cache and compiled Wasm survive between
  //    runs (a visitor's second visit of the day).
  const warm = { start: [], question: [] };
  for (const kind of ['start', 'question']) {
    for (let i = 0; i < RUNS; i++) {
      if (kind === 'start') await page.evaluate(() => localStorage.clear()).catch(() => {});
      await page.goto(`${url}?warm=${i}`, { waitUntil: 'load' });
      warm[kind].push(await firstScreenOf(page, kind));
      if (kind === 'start' && i === RUNS - 1) {
        // Answer one question, so that the question runs are a returning visitor's.
        await page.locator('soc2-readiness .start button[data-start="full"]').click();
        await page.locator('soc2-readiness main input[type=radio]').first().click();
        await page.evaluate(() => new Promise((r) => setTimeout(r, 700)));
      }
    }
  }
  if (process.env.BENCH_VERBOSE) console.log('cold', cold, 'warm', warm);
  rows.push(['warm: navigation → start screen (first visit, ms)', stats(warm.start)]);
  rows.push(['warm: navigation → first question (returning visit, ms)', stats(warm.question)]);

  // 3. One answer click → updated scores in the DOM (synchronous work), and → next frame.
  await page.evaluate(() => localStorage.clear());
  await page.goto(url);
  await page.locator('soc2-readiness .results .meter .value').first().waitFor({ state: 'attached' });
  // A first visit opens on the start screen: choose the full assessment, as a visitor would.
  const start = page.locator('soc2-readiness .start button[data-start="full"]');
  if (await start.count()) await start.click();
  await page.locator('soc2-readiness nav.steps button').first().waitFor({ state: 'attached' });
  const clicks = await page.evaluate(async (n) => {
    const el = document.querySelector('soc2-readiness');
    const root = el.shadowRoot;
    const sync = [];
    const frame = [];
    const steps = [...root.querySelectorAll('nav.steps button')].slice(1, -1);
    let done = 0;
    for (const step of steps) {
      step.click();
      for (const radio of root.querySelectorAll('main input[type=radio][value="implemented"]')) {
        // The answered count moves with every first answer (a score may not: floors, inherited).
        const before = root.querySelector('.progress span').textContent;
        const t0 = performance.now();
        radio.click();
        const t1 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => r()));
        const t2 = performance.now();
        if (root.querySelector('.progress span').textContent === before) {
          throw new Error('results did not update after a click');
        }
        sync.push(t1 - t0);
        frame.push(t2 - t0);
        if (++done >= n) return { sync, frame };
      }
    }
    return { sync, frame };
  }, CLICKS);
  rows.push([`answer click → updated scores in DOM (ms, ${clicks.sync.length} clicks)`, stats(clicks.sync)]);
  rows.push(['answer click → next frame painted (ms, includes vsync wait)', stats(clicks.frame)]);

  // 4. The engine side of one answer: a session call → the results object in JS (the Wasm call,
  //    the assessment and serde-wasm-bindgen's writing of the summary), in a session of its own
  //    created from the engine module the page serves, with the assessment complete. Timed in
  //    batches of 20 calls (performance.now() is coarsened to 100 µs without cross-origin
  //    isolation, so a single call cannot be timed); each sample is a batch's mean. Two rows: the
  //    session's first 50 batches (first calls, V8's optimising compiles in the background and the
  //    first collections, which batches timed back to back take in and answers seconds apart
  //    leave to idle time: README "Performance"), then the 200 batches after them.
  const engineSide = await page.evaluate(async (batches) => {
    const m = await import('./pkg/soc2_readiness.js');
    await m.default({ module_or_path: './pkg/soc2_readiness_bg.wasm' });
    const session = new m.Session('2027-01-04');
    session.replace(document.querySelector('soc2-readiness').assessment);
    const ids = Object.keys(session.exported().standings);
    // Every call changes an answer (partial ↔ implemented, records on for one in three): setting
    // an answer to what it already is would be timed too, but changes no score.
    const partial = new Set();
    const times = [];
    const BATCH = 20;
    let i = 0;
    for (let b = 0; b < batches; b++) {
      const t0 = performance.now();
      for (let k = 0; k < BATCH; k++, i++) {
        const id = ids[i % ids.length];
        const status = partial.has(id) ? 'implemented' : 'partial';
        if (status === 'partial') partial.add(id); else partial.delete(id);
        const r = session.setAnswer(id, status, i % 3 === 0, '');
        if (!r.ok || !r.value.overall) throw new Error('no results');
      }
      times.push((performance.now() - t0) * 1000 / BATCH);
    }
    session.free();
    return times;
  }, 250);
  rows.push(['engine side of one answer, first 1,000 calls of a fresh module (µs)', stats(engineSide.slice(0, 50))]);
  rows.push(['engine side of one answer: session call → summary in JS, after those (µs)', stats(engineSide.slice(50))]);

  // 5. Export (JSON download, through the exports module) and import (setting the document)
  //    with the assessment complete.
  const io = await page.evaluate(async (runs) => {
    const el = document.querySelector('soc2-readiness');
    const root = el.shadowRoot;
    const exportTimes = [];
    const importTimes = [];
    const doc = el.assessment;
    const button = root.querySelector('[data-format="json"]');
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      await new Promise((resolve) => {
        el.addEventListener('soc2-readiness-export', resolve, { once: true });
        button.click();
      });
      exportTimes.push(performance.now() - t0);
      t0 = performance.now();
      el.assessment = doc;
      importTimes.push(performance.now() - t0);
    }
    return { exportTimes, importTimes };
  }, RUNS);
  rows.push(['export JSON (exports module + file, ms; the first loads it)', stats(io.exportTimes)]);
  rows.push(['import JSON (validate + assess + render, ms)', stats(io.importTimes)]);

  // 6. Memory after a complete assessment, in a fresh context (not the garbage and the second
  //    engine the rows above left in this one): every question answered and saved, the page
  //    loaded with it and its help, then the heap before and after a collection.
  const complete = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('soc2-readiness');
    const doc = el.assessment;
    for (const id of Object.keys(el.results.standings)) doc.answers[id] ??= { status: 'partial', evidence: false, note: '' };
    el.assessment = doc;
    setTimeout(() => resolve(Object.fromEntries(Object.keys(localStorage)
      .filter((k) => k.startsWith('soc2-readiness/')).map((k) => [k, localStorage.getItem(k)]))), 700);
  }));
  const fresh = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const mp = await fresh.newPage();
  await mp.goto(`${url}favicon.svg`);
  await mp.evaluate((entries) => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v); }, complete);
  await mp.goto(url);
  await mp.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/catalog-help.json') && e.responseEnd > 0));
  await mp.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  const memory = await mp.evaluate(() => {
    const el = document.querySelector('soc2-readiness');
    const before = performance.memory?.usedJSHeapSize ?? NaN;
    globalThis.gc?.(); // then what the page holds, not garbage awaiting collection
    const { asked, answered } = el.results.readiness.overall.counts;
    return { complete: asked > 0 && asked === answered, before, js: performance.memory?.usedJSHeapSize ?? NaN, wasm: el.engineMemoryBytes };
  });
  await fresh.close();
  if (!memory.complete) throw new Error('the memory rows need a complete assessment');
  rows.push(['JS heap after a complete assessment, before GC (MiB)', { median: memory.before / 1048576, p95: NaN, n: 1 }]);
  rows.push(['JS heap after a complete assessment, after GC (MiB)', { median: memory.js / 1048576, p95: NaN, n: 1 }]);
  rows.push(['Wasm memory after a complete assessment (MiB)', { median: memory.wasm / 1048576, p95: NaN, n: 1 }]);
} finally {
  await context.close();
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(hostDir, { recursive: true, force: true });
  server.close();
  host.server.close();
}

const f = (x) => (Number.isNaN(x) ? '' : x.toFixed(x < 10 ? 2 : 1));
console.log('\nIn headless Chromium on localhost:');
console.log(`  ${'measure'.padEnd(62)} ${'median'.padStart(8)} ${'p95'.padStart(8)}   n`);
for (const [name, s] of rows) console.log(`  ${name.padEnd(62)} ${f(s.median).padStart(8)} ${f(s.p95).padStart(8)}   ${s.n}`);

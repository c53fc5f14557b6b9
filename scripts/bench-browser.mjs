// Browser benchmark of the questionnaire in headless Chromium on localhost (Debian's chromium,
// driven by playwright-core). Prints medians and p95s; never asserts: timings are reported, not
// tested. Usage: node scripts/bench-browser.mjs [--runs N] [--clicks N]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const dir = mkdtempSync(join(tmpdir(), 'soc2-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS,
  viewport: { width: 1400, height: 1000 },
});
const page = context.pages()[0] ?? await context.newPage();
const rows = [];
try {
  // 1. Navigation start → first questions and scores in the DOM (the element's ready mark).
  const firstScreen = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => localStorage.clear()).catch(() => {});
    await page.goto(`${url}?run=${i}`, { waitUntil: 'load' });
    const t = await page.evaluate(() => new Promise((resolve) => {
      const read = () => performance.getEntriesByName('soc2-readiness:ready')[0]?.startTime;
      const wait = () => (read() != null ? requestAnimationFrame(() => resolve(read())) : setTimeout(wait, 1));
      wait();
    }));
    firstScreen.push(t);
  }
  if (process.env.BENCH_VERBOSE) console.log("first screen runs (ms):", firstScreen.map((x) => x.toFixed(0)).join(" "));
  rows.push(["navigation → first questions and scores (ms)", stats(firstScreen)]);

  // 2. One answer click → updated scores in the DOM (synchronous work), and → next frame.
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

  // 3. The engine side of one answer: a session call → the results object in JS (the Wasm call,
  //    the assessment and serde-wasm-bindgen's writing of the summary), in a session of its own
  //    created from the engine module the page serves, with the assessment complete. Timed in
  //    batches of 20 calls (performance.now() is coarsened to 100 µs without cross-origin
  //    isolation, so a single call cannot be timed); each sample is a batch's mean.
  const engineSide = await page.evaluate(async (batches) => {
    const m = await import('./pkg/soc2_readiness.js');
    await m.default({ module_or_path: './pkg/soc2_readiness_bg.wasm' });
    const session = new m.Session('2027-01-04');
    session.replace(document.querySelector('soc2-readiness').assessment);
    const ids = Object.keys(session.results().standings);
    const times = [];
    const BATCH = 20;
    let i = 0;
    for (let b = 0; b < batches; b++) {
      const t0 = performance.now();
      for (let k = 0; k < BATCH; k++, i++) {
        const r = session.setAnswer(ids[i % ids.length], i % 2 ? 'implemented' : 'partial', i % 3 === 0, '');
        if (!r.ok || !r.value.overall) throw new Error('no results');
      }
      times.push((performance.now() - t0) * 1000 / BATCH);
    }
    session.free();
    return times;
  }, 50);
  rows.push(['engine side of one answer: session call → results object (µs, batch means)', stats(engineSide)]);

  // 4. Export (JSON download, through the exports module) and import (setting the document)
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

  // 5. Memory after a complete assessment.
  const memory = await page.evaluate(() => {
    globalThis.gc?.(); // measure what the page holds, not garbage awaiting collection
    const el = document.querySelector('soc2-readiness');
    return { js: performance.memory?.usedJSHeapSize ?? NaN, wasm: el.engineMemoryBytes };
  });
  rows.push(['JS heap after a complete assessment (MiB)', { median: memory.js / 1048576, p95: NaN, n: 1 }]);
  rows.push(['Wasm memory after a complete assessment (MiB)', { median: memory.wasm / 1048576, p95: NaN, n: 1 }]);
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  server.close();
}

const f = (x) => (Number.isNaN(x) ? '' : x.toFixed(x < 10 ? 2 : 1));
console.log('\nIn headless Chromium on localhost:');
console.log(`  ${'measure'.padEnd(62)} ${'median'.padStart(8)} ${'p95'.padStart(8)}   n`);
for (const [name, s] of rows) console.log(`  ${name.padEnd(62)} ${f(s.median).padStart(8)} ${f(s.p95).padStart(8)}   ${s.n}`);

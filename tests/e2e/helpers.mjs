// Shared set-up for the browser tests: a static server on 127.0.0.1 and Debian's Chromium driven
// by playwright-core (never a downloaded browser), with a fresh profile per context.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { schemaErrors } from '../schema/schema.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The site folder the tests serve: www/, or SOC2_E2E_ROOT (e.g. a copy with a fresh bundle). */
export const ROOT = process.env.SOC2_E2E_ROOT ?? 'www';

/** Starts the site server (www/ by default) on a free port. */
export async function startServer(root = ROOT) {
  const { server, url } = await serve({ root, port: 0 });
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** A browser context with a new, empty profile. `close()` removes the profile. */
export async function newContext(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 1000 },
    acceptDownloads: true, ...options,
  });
  const close = async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); };
  return { context, close };
}

/**
 * Opens `url` and waits until the element shows scores. Collects console errors and CSP reports.
 * A first visit opens on the start screen: `start` is the mode chosen there (`full` by default;
 * false leaves the start screen shown).
 */
export async function openApp(context, url, { start = 'full' } = {}) {
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  // attached, not visible: below 760 px the results panel starts collapsed
  await page.locator('soc2-readiness .results .meter .value').first().waitFor({ state: 'attached' });
  if (start) await begin(page.locator('soc2-readiness').first(), start);
  return { page, problems };
}

/**
 * On the start screen (a first visit), chooses `mode` (`quick` or `full`); elsewhere does nothing.
 * The element renders synchronously once its scores are in the DOM, so the screen is there or not.
 */
export async function begin(host, mode = 'full') {
  const start = host.locator('.start');
  if (await start.isVisible()) {
    await start.locator(`button[data-start="${mode}"]`).click();
    await start.waitFor({ state: 'detached' });
  }
}

/** Chooses `mode` on every element of `page` (a page or a frame) still on its start screen. */
export async function beginAll(page, mode = 'full', selector = 'soc2-readiness') {
  const hosts = page.locator(selector);
  const n = await hosts.count();
  for (let i = 0; i < n; i++) await begin(hosts.nth(i), mode);
}

/** The note box of a question card, opened with "Add a note" when it is folded. */
export async function noteBox(control) {
  const add = control.locator('button[data-add-note]');
  if (await add.isVisible()) await add.click();
  return control.locator('textarea');
}

/** The element's current results (its `results` property). */
export function results(page, selector = 'soc2-readiness') {
  return page.evaluate((s) => document.querySelector(s).results, selector);
}

/** Clicks the step named `title` in the element's navigation. */
/** Unfolds the step menu (narrow layouts fold it after each step change). */
export async function openSteps(host) {
  await host.locator('nav.steps details').evaluate((d) => { d.open = true; });
}

export async function goToStep(page, title, host = page.locator('soc2-readiness')) {
  await openSteps(host);
  await host.locator('nav.steps button', { hasText: title }).first().click();
}

/** Answers every control on the current step with `status` (and evidence when asked). */
export async function answerStep(page, status, evidence, host = page.locator('soc2-readiness')) {
  const controls = host.locator('main fieldset.control');
  const n = await controls.count();
  for (let i = 0; i < n; i++) {
    const c = controls.nth(i);
    await c.locator(`input[type=radio][value="${status}"]`).check();
    if (evidence) await c.locator('input[data-evidence]').check();
  }
  return n;
}

/** Answers every step of the assessment by clicking. Returns the number of controls answered. */
export async function answerEverything(page, status, evidence, host = page.locator('soc2-readiness')) {
  const steps = await host.locator('nav.steps button').allTextContents();
  let total = 0;
  for (let i = 1; i < steps.length - 1; i++) {
    await openSteps(host);
    await host.locator('nav.steps button').nth(i).click();
    total += await answerStep(page, status, evidence, host);
  }
  return total;
}

// ---- additions for the e2e suite ---------------------------------------------------------------

/** Where screenshots go: outside the repository, for a human to look at. */
export const SHOTS = '/tmp/soc2-shots';

/**
 * One self-contained browser session: a server for www/, a fresh profile and the app opened at
 * `path`. `close()` shuts all of it down. `options` go to newContext (viewport, colorScheme…).
 */
export async function session({ path = '', options = {}, init, open = true, start = 'full' } = {}) {
  const server = await startServer();
  let ctx;
  try {
    ctx = await newContext(options);
    if (init) await ctx.context.addInitScript(init.fn ?? init, init.arg);
    const app = open ? await openApp(ctx.context, server.url + path, { start }) : { page: ctx.context.pages()[0] ?? await ctx.context.newPage(), problems: [] };
    return {
      url: server.url, context: ctx.context, page: app.page, problems: app.problems,
      close: async () => { await ctx.close(); await server.close(); },
    };
  } catch (err) {
    await ctx?.close();
    await server.close();
    throw err;
  }
}

/** The text of the Type I (index 0) or Type II (index 1) meter: { value: '42 %', band: 'Not ready' }. */
export async function meter(host, index = 0) {
  const m = host.locator('.results .meter').nth(index);
  return { value: (await m.locator('.value').textContent()).trim(), band: (await m.locator('.band').textContent()).trim() };
}

/** The Type I percentage shown in the results panel, as a number. */
export async function typeOne(host) {
  return Number.parseInt((await meter(host, 0)).value, 10);
}

/** Opens the Export menu, clicks `format` and returns { download, text }. */
export async function exportAs(page, format, host = page.locator('soc2-readiness')) {
  const menu = host.locator('details.menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.locator(`button[data-format="${format}"]`).click(),
  ]);
  const text = await readDownload(download);
  // Every JSON export a test downloads validates against the published schema.
  if (format === 'json') {
    const errors = schemaErrors(text);
    if (errors.length) throw new Error(`the JSON export does not validate against schema/assessment.schema.json: ${errors.slice(0, 5).join('; ')}`);
  }
  return { download, text };
}

/** The downloaded file's contents as text. */
export async function readDownload(download) {
  const { readFile } = await import('node:fs/promises');
  return readFile(await download.path(), 'utf8');
}

/** Imports `file` ({ name, mimeType, buffer } or a path) through the element's hidden file input. */
export async function importFile(host, file) {
  await host.locator('input[type=file]:not([data-compare])').setInputFiles(file);
}

/** The element's error notices (role=alert), waiting for at least one. */
export async function alertText(host) {
  const alert = host.locator('.notices [role=alert]').last();
  await alert.waitFor();
  return (await alert.textContent()).trim();
}

/**
 * Replaces the assessment through the `assessment` property with every asked control answered
 * `status` (and evidenced when `evidence`). Returns the document set.
 */
export function setAllAnswers(page, status, evidence, selector = 'soc2-readiness') {
  return page.evaluate(([s, st, ev]) => {
    const el = document.querySelector(s);
    const doc = el.assessment;
    // Every asked control: the engine's standings name them.
    for (const id of Object.keys(el.results.standings)) doc.answers[id] = { status: st, evidence: ev, note: '' };
    el.assessment = doc;
    return doc;
  }, [selector, status, evidence]);
}

/** Describes the element that has focus, looking through open shadow roots. */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return { tag: el.localName, type: el.type ?? null, value: el.value ?? null, status: el.dataset?.status ?? null, checked: el.checked ?? null, text: el.textContent?.trim().slice(0, 60) };
  });
}

/** Serves `html` at `url` in `context` (a test page on the site's origin; no file in www/). */
export async function servePage(context, url, html, headers = {}) {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html }));
}

/** Waits until local storage under `key` holds a document with exactly `answers` answers. */
export function waitForSaved(page, key, answers) {
  return page.waitForFunction(([k, n]) => {
    try {
      const raw = localStorage.getItem(k);
      return raw != null && Object.keys(JSON.parse(raw).answers ?? {}).length === n;
    } catch { return false; }
  }, [key, answers]);
}

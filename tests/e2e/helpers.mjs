// Shared set-up for the browser tests: a static server on 127.0.0.1 and Debian's Chromium driven
// by playwright-core (never a downloaded browser), with a fresh profile per context.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the site server (www/ by default) on a free port. */
export async function startServer(root = 'www') {
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

/** Opens `url` and waits until the element shows scores. Collects console errors and CSP reports. */
export async function openApp(context, url) {
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.locator('soc2-readiness .results .meter .value').first().waitFor();
  return { page, problems };
}

/** The element's current results (its `results` property). */
export function results(page, selector = 'soc2-readiness') {
  return page.evaluate((s) => document.querySelector(s).results, selector);
}

/** Clicks the step named `title` in the element's navigation. */
export async function goToStep(page, title, host = page.locator('soc2-readiness')) {
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
    await host.locator('nav.steps button').nth(i).click();
    total += await answerStep(page, status, evidence, host);
  }
  return total;
}

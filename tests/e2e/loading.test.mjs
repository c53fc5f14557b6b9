// What the first screen waits for (issue 16): a first visit's start screen needs the engine and the
// element only (the catalog and the questionnaire's views load once it is painted), a returning
// visitor's first screen is the questions, help opened while its text loads stays open and gets
// the text, and the two-line embed finds its files beside its script wherever that is served.
// Timings are never asserted here (README "Performance"; `make bench` reports them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, servePage, startServer } from './helpers.mjs';

const element = (page) => page.locator('soc2-readiness');

/** Holds every request whose URL matches `pattern` until `release()`; `seen` counts them. */
async function hold(context, pattern) {
  let release;
  const released = new Promise((r) => { release = r; });
  const state = { seen: 0, release };
  await context.route(pattern, async (route) => {
    state.seen++;
    await released;
    await route.continue();
  });
  return state;
}

/**
 * Runs `fn({ server, context, page })` in a fresh profile with the HTTP cache disabled (a visitor
 * arriving for the first time), on the site's server; closes both after.
 */
async function cold(fn) {
  const server = await startServer();
  const { context, close } = await newContext();
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await fn({ server, context, page });
  } finally {
    await close();
    await server.close();
  }
}

test('a first visit shows the start screen without waiting for the catalog or the questionnaire, which load once it is painted', async () => cold(async ({ server, context, page }) => {
  const catalog = await hold(context, /\/catalog\.json$/);
  const questionnaire = await hold(context, /soc2-readiness-questionnaire-[A-Z0-9]+\.js$/);
  await page.goto(server.url);
  const start = element(page).locator('.start button[data-start="quick"]');
  await start.waitFor({ state: 'visible' });
  // On screen with both held: the start screen needs neither. Both are asked for after it.
  assert.equal(await element(page).locator('main').count(), 0, 'no questions were drawn yet');
  const deadline = Date.now() + 5000;
  while ((catalog.seen === 0 || questionnaire.seen === 0) && Date.now() < deadline) await page.waitForTimeout(20);
  assert.equal(catalog.seen, 1, 'the catalog is fetched once the start screen is up');
  assert.equal(questionnaire.seen, 1, 'the questionnaire chunk is fetched once the start screen is up');
  // A choice made while they are still on their way waits for them, then shows the questions.
  await start.click();
  catalog.release();
  questionnaire.release();
  await element(page).locator('main fieldset.control').first().waitFor({ state: 'visible' });
  assert.equal(await element(page).locator('.start').count(), 0);
  assert.match(await element(page).locator('main h2').textContent(), /Quick check/);
}));

test('a returning visitor\'s first screen is the questions, and help opened before its text arrives stays open and gets it', async () => cold(async ({ server, context, page }) => {
  await page.goto(server.url);
  await element(page).locator('.start button[data-start="full"]').click();
  await element(page).locator('nav.steps details').evaluate((d) => { d.open = true; });
  await element(page).locator('nav.steps button[data-step="access"]').click();
  await element(page).locator('main fieldset.control[data-control="access.mfa-admin"] input[value="partial"]').check();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('soc2-readiness/') && localStorage.getItem(k)?.includes('access.mfa-admin')));

  // Back cold, with the help held: the questions come first, the start screen never.
  const help = await hold(context, /\/catalog-help\.json$/);
  await page.reload();
  const card = element(page).locator('main fieldset.control[data-control="access.mfa-admin"]');
  await card.waitFor({ state: 'visible' });
  assert.equal(await element(page).locator('.start').count(), 0, 'no start screen for a returning visitor');
  const details = card.locator('details.help');
  await details.locator('summary').click();
  assert.equal(await details.getAttribute('open'), '', 'the help opens at once');
  assert.match(await details.textContent(), /Loading the help/);
  help.release();
  await details.locator('dt', { hasText: 'Why auditors ask' }).waitFor({ state: 'visible' });
  assert.equal(await details.getAttribute('open'), '', 'still open with its text');
  assert.doesNotMatch(await details.textContent(), /Loading the help/);
  assert.match(await details.textContent(), /MFA|multi-factor/i);
}));

test('help opens with its text on the first click in a cold profile', async () => cold(async ({ server, context, page }) => {
  await page.goto(server.url);
  await element(page).locator('.start button[data-start="quick"]').click();
  const details = element(page).locator('main details.help').first();
  await details.locator('summary').click();
  await details.locator('dd').first().waitFor({ state: 'visible' });
  assert.ok((await details.locator('dd').first().textContent()).length > 40, 'the why text is shown');
}));

test('the two-line embed finds the engine, the catalog and its chunks beside its script, wherever that is served', async () => cold(async ({ server, context, page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  // A page two folders away from the package: only the script tag knows where it is.
  const url = `${server.url}site/products/soc2.html`;
  await servePage(context, url, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title></head>
<body><h1>Acme API</h1><script type="module" src="../../pkg/soc2-readiness.min.js"></script><soc2-readiness></soc2-readiness></body></html>`);
  await page.goto(url);
  await element(page).locator('.start button[data-start="quick"]').click();
  await element(page).locator('main fieldset.control').first().waitFor({ state: 'visible' });
  await element(page).locator('main details.help').first().locator('summary').click();
  await element(page).locator('main details.help dd').first().waitFor({ state: 'visible' });
  assert.deepEqual(failed, []);
  for (const file of ['/pkg/soc2_readiness_bg.wasm', '/pkg/catalog.json', '/pkg/catalog-help.json']) {
    assert.ok(requested.includes(file), `${file} was loaded from beside the script`);
  }
  assert.ok(requested.some((p) => /^\/pkg\/soc2-readiness-questionnaire-[A-Z0-9]+\.js$/.test(p)), 'the questionnaire chunk too');
}));

test('a server that sends the engine with the wrong type still works: compiled from its bytes instead of while streaming', async () => cold(async ({ server, context, page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await context.route(/soc2_readiness_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto(server.url);
  await element(page).locator('.start button[data-start="quick"]').click();
  await element(page).locator('main fieldset.control input[value="implemented"]').first().check();
  await element(page).locator('.results .meter .value').first().waitFor();
  assert.notEqual(await element(page).locator('.results .meter .value').first().textContent(), '0 %');
  assert.deepEqual(errors, []);
}));

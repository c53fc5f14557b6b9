// Untrusted input: script payloads in notes and imported strings, damaged or foreign saved data,
// blocked storage, oversized imports and invalid documents set through the property.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alertText, exportAs, goToStep, importFile, readDownload, results, session, typeOne, waitForSaved,
} from './helpers.mjs';

const ACCESS = 'Access management and authentication';
const KEY = 'soc2-readiness/v1/default';
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
];
const host = (page) => page.locator('soc2-readiness');
const control = (page, id) => host(page).locator(`main fieldset.control[data-control="${id}"]`);

/** Records every request, so an <img src=x> that got parsed would show up as a request for /x. */
function requestLog(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Asserts no payload ran and no element was made from one. */
async function assertInert(page, urls) {
  // run the print rendering too (the print area is filled on beforeprint)
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
  const made = await host(page).evaluate((el) => el.shadowRoot.querySelectorAll('img, script, iframe, a[href^="javascript"]').length);
  assert.equal(made, 0, 'elements were created from user text');
  assert.deepEqual(urls.filter((u) => /\/x$/.test(u)), [], 'an <img src=x> was requested');
}

/** Seeds local storage before the page's scripts run, once per test (not again on reload). */
function seed(value, key = KEY) {
  return {
    fn: ([k, v]) => {
      if (!location.protocol.startsWith('http') || sessionStorage.getItem('seeded')) return;
      localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    },
    arg: [key, value],
  };
}

test('script payloads typed into notes and the organisation stay text', async () => {
  const s = await session();
  const urls = requestLog(s.page);
  try {
    const el = host(s.page);
    await el.locator('input[data-profile="organization"]').fill(PAYLOADS[0]);
    await el.locator('input[data-profile="organization"]').press('Tab');
    await goToStep(s.page, ACCESS);
    const ids = ['access.mfa-admin', 'access.least-privilege', 'access.access-reviews'];
    for (const [i, id] of ids.entries()) {
      await control(s.page, id).locator('input[value="partial"]').check();
      await control(s.page, id).locator('textarea').fill(PAYLOADS[i]);
    }
    await s.page.waitForFunction(([k, n]) => Object.values(JSON.parse(localStorage.getItem(k) ?? '{"answers":{}}').answers).filter((a) => a.note).length === n, [KEY, ids.length]);

    // re-render the section from the document, then the report and the print area
    await goToStep(s.page, 'Scope');
    assert.equal(await el.locator('input[data-profile="organization"]').inputValue(), PAYLOADS[0]);
    await goToStep(s.page, ACCESS);
    for (const [i, id] of ids.entries()) assert.equal(await control(s.page, id).locator('textarea').inputValue(), PAYLOADS[i]);
    await goToStep(s.page, 'Report');
    const heading = el.locator('main .report h3').first();
    assert.ok((await heading.textContent()).startsWith(`${PAYLOADS[0]}: SOC 2 readiness`));
    await assertInert(s.page, urls);
    assert.ok((await el.locator('.print-area h3').first().textContent()).includes('<img src=x'));

    // the exports carry the literal text too
    const md = await exportAs(s.page, 'markdown');
    assert.ok(md.text.includes('<img src=x') || md.text.includes('&lt;img src=x'), 'the organisation is in the Markdown');
    const json = JSON.parse((await exportAs(s.page, 'json')).text);
    assert.deepEqual(ids.map((id) => json.answers[id].note), PAYLOADS);
    await assertInert(s.page, urls);
  } finally {
    await s.close();
  }
});

test('script payloads in an imported document (notes, organisation, file name) stay text', async () => {
  const s = await session();
  const urls = requestLog(s.page);
  try {
    const el = host(s.page);
    const doc = await s.page.evaluate(() => document.querySelector('soc2-readiness').assessment);
    doc.profile.organization = PAYLOADS[0];
    doc.profile.complianceOwner = PAYLOADS[1];
    doc.profile.cloudProvider = PAYLOADS[2];
    doc.answers['access.mfa-admin'] = { status: 'implemented', evidence: true, note: PAYLOADS[0] };
    doc.answers['access.least-privilege'] = { status: 'notImplemented', evidence: false, note: PAYLOADS[1] };
    doc.answers['access.access-reviews'] = { status: 'planned', evidence: false, note: PAYLOADS[2] };
    const name = '"><img src=x onerror="window.__pwned=1">.json';
    await importFile(el, { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const notice = el.locator('.notices [role=status]', { hasText: 'Imported' });
    await notice.waitFor();
    assert.ok((await notice.textContent()).includes(name), 'the file name is shown literally');

    await goToStep(s.page, 'Report');
    const heading = await el.locator('main .report h3').first().textContent();
    assert.ok(heading.includes('<img src=x onerror="window.__pwned=1">'), heading);
    assert.ok((await el.locator('main .report p.muted').first().textContent()).includes(`owner: ${PAYLOADS[1]}`));
    await goToStep(s.page, 'Scope');
    assert.equal(await el.locator('input[data-profile="cloudProvider"]').inputValue(), PAYLOADS[2]);
    await goToStep(s.page, ACCESS);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('textarea').inputValue(), PAYLOADS[0]);
    assert.equal(await control(s.page, 'access.least-privilege').locator('textarea').inputValue(), PAYLOADS[1]);
    assert.equal(await control(s.page, 'access.access-reviews').locator('textarea').inputValue(), PAYLOADS[2]);
    // the criteria detail lists the controls of a cell
    await el.locator('.results .cells button', { hasText: 'CC6.1' }).click();
    await el.locator('.results .cell-detail li').first().waitFor();
    await assertInert(s.page, urls);

    // and through the property
    await s.page.evaluate((d) => { document.querySelector('soc2-readiness').assessment = d; }, { ...doc, profile: { ...doc.profile, organization: PAYLOADS[1] } });
    await goToStep(s.page, 'Report');
    assert.ok((await el.locator('main .report h3').first().textContent()).startsWith(PAYLOADS[1]));
    await assertInert(s.page, urls);
  } finally {
    await s.close();
  }
});

test('a corrupted saved assessment: the page explains, keeps the raw text and offers it for download', async () => {
  const raw = '{"version":1,"profile":';
  const s = await session({ init: seed(raw) });
  try {
    const el = host(s.page);
    const text = await alertText(el);
    assert.match(text, /could not be restored \(\$/);
    assert.match(text, /saved data is kept/);
    assert.equal(await s.page.evaluate((k) => localStorage.getItem(`${k}/unreadable`), KEY), raw);

    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      el.locator('.notices button', { hasText: 'Download the saved data' }).click(),
    ]);
    assert.equal(await readDownload(download), raw);

    // a fresh assessment works, and the kept copy survives saving it
    const before = await typeOne(el);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    assert.ok(await typeOne(el) > before);
    await waitForSaved(s.page, KEY, 1);
    assert.equal(await s.page.evaluate((k) => localStorage.getItem(`${k}/unreadable`), KEY), raw);
  } finally {
    await s.close();
  }
});

test('a saved assessment of an unknown version: a notice, and the page is usable', async () => {
  const s = await session({ init: seed('{"version":99}') });
  try {
    const el = host(s.page);
    const text = await alertText(el);
    assert.match(text, /\$\.version/);
    assert.match(text, /99/);
    assert.equal(await s.page.evaluate((k) => localStorage.getItem(`${k}/unreadable`), KEY), '{"version":99}');
    const before = await typeOne(el);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    assert.ok(await typeOne(el) > before);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('storage unavailable: a notice, and the questionnaire still works in memory', async () => {
  const s = await session({
    init: () => {
      for (const m of ['getItem', 'setItem', 'removeItem']) {
        Storage.prototype[m] = function blocked() { throw new DOMException('storage is blocked', 'SecurityError'); };
      }
    },
  });
  try {
    const el = host(s.page);
    const notice = el.locator('.notices .notice', { hasText: 'not letting the page save' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /export JSON/);
    const before = await typeOne(el);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await control(s.page, 'access.least-privilege').locator('input[value="implemented"]').check();
    assert.ok(await typeOne(el) > before);
    assert.equal(Object.keys((await results(s.page)).answers).length, 2);
    const json = JSON.parse((await exportAs(s.page, 'json')).text);
    assert.equal(json.answers['access.least-privilege'].status, 'implemented');
    assert.equal(await el.locator('.notices .notice').count(), 1, 'one notice, not one per change');
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('storage that fails on write (full): a notice once, and answers stay in memory', async () => {
  const s = await session({
    init: () => {
      Storage.prototype.setItem = function full() { throw new DOMException('quota exceeded', 'QuotaExceededError'); };
    },
  });
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await el.locator('.notices .notice', { hasText: 'can no longer be saved' }).waitFor();
    await control(s.page, 'access.least-privilege').locator('input[value="partial"]').check();
    assert.equal(Object.keys((await results(s.page)).answers).length, 2);
    assert.equal(await el.locator('.notices .notice').count(), 1);
  } finally {
    await s.close();
  }
});

test('an oversized import (2 MiB) is refused with a size message and changes nothing', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    const before = await results(s.page);
    // a valid document padded with whitespace to exactly 2 MiB: refused for its size alone
    const text = JSON.stringify({ ...before, answers: {} }).padEnd(2 * 1024 * 1024, ' ');
    assert.equal(Buffer.byteLength(text), 2 * 1024 * 1024);
    await importFile(el, { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const message = await alertText(el);
    assert.match(message, /huge\.json is 2\.0 MiB/);
    assert.match(message, /at most 1 MiB/);
    assert.deepEqual(await results(s.page), before);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').isChecked(), true);
  } finally {
    await s.close();
  }
});

test('setting an invalid assessment throws a TypeError naming the path and changes nothing', async () => {
  const s = await session();
  try {
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    const before = await results(s.page);
    const thrown = await s.page.evaluate(() => {
      try {
        document.querySelector('soc2-readiness').assessment = { version: 1, profile: { startDate: 'nope' } };
        return null;
      } catch (err) {
        return { typeError: err instanceof TypeError, message: err.message };
      }
    });
    assert.ok(thrown, 'the setter threw');
    assert.equal(thrown.typeError, true);
    assert.match(thrown.message, /^\$\.profile\.startDate: /);
    assert.deepEqual(await results(s.page), before);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').isChecked(), true);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

// Untrusted input: script payloads in notes and imported strings, damaged or foreign saved data,
// blocked storage, oversized imports and invalid documents set through the property.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alertText, exportAs, goToStep, importFile, noteBox, readDownload, results, session, typeOne, waitForSaved,
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
      await (await noteBox(control(s.page, id))).fill(PAYLOADS[i]);
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
    await el.locator('.results .criteria-map > summary').click();
    await el.locator('.results .criteria details[data-criterion="CC6.1"] > summary').click();
    await el.locator('.results .criteria details[data-criterion="CC6.1"] .criterion-detail li').first().waitFor();
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
    const notice = el.locator('.notices .notice', { hasText: 'could not be saved' });
    await notice.waitFor();
    // Said as it is: storage is full (not "blocked"), and what is saved is older.
    assert.match(await notice.textContent(), /storage for this site is full, so what is saved is an earlier version/);
    await control(s.page, 'access.least-privilege').locator('input[value="partial"]').check();
    assert.equal(Object.keys((await results(s.page)).answers).length, 2);
    assert.equal(await el.locator('.notices .notice').count(), 1);
  } finally {
    await s.close();
  }
});

test('an oversized import (5 MiB) is refused with a size message and changes nothing', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    const before = await results(s.page);
    // a valid document padded with whitespace to exactly 5 MiB: refused for its size alone
    const text = JSON.stringify({ ...before, answers: {} }).padEnd(5 * 1024 * 1024, ' ');
    assert.equal(Buffer.byteLength(text), 5 * 1024 * 1024);
    await importFile(el, { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const message = await alertText(el);
    assert.match(message, /huge\.json is 5 MiB/);
    assert.match(message, /at most 4 MiB/);
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

// ---- issue 12: nothing lost, nothing leaked ----------------------------------------------------

/** Whether `page`'s element shows a notice (any kind) containing `text`. */
function notice(page, text) {
  return host(page).locator('.notices .notice', { hasText: text });
}

/** A valid document (as the property returns it) with `answers`. */
async function documentWith(page, answers) {
  const doc = await page.evaluate(() => document.querySelector('soc2-readiness').assessment);
  return { ...doc, answers };
}

test('an import over the limits changes nothing (state, view, storage) and says why', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await waitForSaved(s.page, KEY, 1);
    const before = await results(s.page);
    const saved = await s.page.evaluate((k) => localStorage.getItem(k), KEY);

    // The file that wedged the page: 35,319 answers to unknown ids in 1 MiB.
    const answers = {};
    for (let i = 0; i < 35_319; i++) answers[`x${i}`] = { status: 'planned' };
    const doc = await documentWith(s.page, answers);
    await importFile(el, { name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const message = await alertText(el);
    assert.match(message, /^Import failed: many\.json: \$\.answers\.x\d+: more than 500 answers to control ids/);
    assert.match(message, /unchanged/);
    assert.equal(await notice(s.page, 'Imported').count(), 0, 'no success notice beside the error');
    assert.deepEqual(await results(s.page), before);
    assert.deepEqual(await s.page.evaluate(() => document.querySelector('soc2-readiness').assessment.answers), before.answers);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').isChecked(), true);
    // the next keystroke saves the user's answers, not the refused file
    await control(s.page, 'access.least-privilege').locator('input[value="planned"]').check();
    await waitForSaved(s.page, KEY, 2);
    const now = JSON.parse(await s.page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.deepEqual(Object.keys(now.answers).sort(), ['access.least-privilege', 'access.mfa-admin']);
    assert.notEqual(saved, null);
  } finally {
    await s.close();
  }
});

test('a change the engine refuses (over the document size) is undone everywhere, with the reason', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    // Notes of three-byte characters up to just under 1 MiB as saved.
    const ids = (await results(s.page)).readiness.overall.counts.asked;
    const doc = await s.page.evaluate((asked) => {
      const e = document.querySelector('soc2-readiness');
      const d = e.assessment;
      const controls = Object.keys(e.results.standings);
      const bytes = () => new TextEncoder().encode(JSON.stringify(d)).length;
      for (const id of controls) d.answers[id] = { status: 'planned', evidence: false, note: '' };
      for (const id of controls.filter((c) => c !== 'access.mfa-admin')) {
        const room = 1024 * 1024 - 40 - bytes();
        d.answers[id].note = '漢'.repeat(Math.max(0, Math.min(4000, Math.floor(room / 3))));
      }
      e.assessment = d;
      return { doc: e.assessment, bytes: bytes(), asked };
    }, ids);
    assert.ok(doc.bytes > 1024 * 1024 - 100 && doc.bytes <= 1024 * 1024, `document of ${doc.bytes} bytes`);
    await waitForSaved(s.page, KEY, Object.keys(doc.doc.answers).length);
    const before = await results(s.page);
    const saved = await s.page.evaluate((k) => localStorage.getItem(k), KEY);

    // 200 characters more in the organisation name (600 bytes): over the limit.
    const org = el.locator('input[data-profile="organization"]');
    await org.fill('名'.repeat(200));
    await org.press('Tab');
    const message = await alertText(el);
    assert.match(message, /That change could not be applied \(\$: the assessment \(profile and answers\) is larger than 1 MiB/);
    assert.match(message, /nothing was changed/);
    assert.equal(await org.inputValue(), '', 'the field shows the document again');
    assert.deepEqual(await results(s.page), before);
    await s.page.waitForTimeout(600); // a save would come 300 ms after a change; none may
    assert.equal(await s.page.evaluate((k) => localStorage.getItem(k), KEY), saved);

    // A note cannot grow past the limit either: it keeps its text and the page says why.
    await goToStep(s.page, ACCESS);
    const area = await noteBox(control(s.page, 'access.mfa-admin'));
    assert.equal(await area.inputValue(), '');
    await area.fill('x'.repeat(4000));
    await notice(s.page, 'reached its size limit').waitFor();
    assert.equal(await area.inputValue(), '');
  } finally {
    await s.close();
  }
});

test('lengths are counted in characters: emoji notes and names are neither cut in half nor broken', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    const c = control(s.page, 'access.mfa-admin');
    await c.locator('input[value="partial"]').check();
    // 2,002 characters, 4,002 UTF-16 units: valid, kept whole (it was cut to a lone surrogate).
    const valid = `ab${'😀'.repeat(2000)}`;
    await (await noteBox(c)).fill(valid);
    await waitForSaved(s.page, KEY, 1);
    await s.page.waitForFunction(([k, n]) => JSON.parse(localStorage.getItem(k)).answers['access.mfa-admin'].note.length === n, [KEY, valid.length]);
    assert.equal((await results(s.page)).answers['access.mfa-admin'].note, valid);
    // Later changes and the export still work.
    await control(s.page, 'access.least-privilege').locator('input[value="planned"]').check();
    assert.equal(await el.locator('.notices [role=alert]').count(), 0);
    const json = JSON.parse((await exportAs(s.page, 'json')).text);
    assert.equal(json.answers['access.mfa-admin'].note, valid);

    // 4,001 emoji: cut to 4,000 characters (not 2,000), at a character boundary, with a count.
    await c.locator('textarea').fill('😀'.repeat(4001));
    assert.equal(await c.locator('textarea').inputValue(), '😀'.repeat(4000));
    assert.match(await c.locator('.char-count').textContent(), /^4000 of 4000 characters/);
    await s.page.waitForFunction(([k]) => [...JSON.parse(localStorage.getItem(k)).answers['access.mfa-admin'].note].length === 4000, [KEY]);

    // Names: 200 emoji are 200 characters (maxlength counted 400 units and cut them to 100).
    await goToStep(s.page, 'Scope');
    const org = el.locator('input[data-profile="organization"]');
    await org.fill('😀'.repeat(201));
    await org.press('Tab');
    assert.equal(await org.inputValue(), '😀'.repeat(200));
    await s.page.waitForFunction(() => document.querySelector('soc2-readiness').results.profile.organization.length === 400);
    assert.deepEqual(s.problems, []);
  } finally {
    await s.close();
  }
});

test('files: a byte order mark is skipped, invalid UTF-8 is refused (as the CLI does), duplicate keys anywhere are refused', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    const doc = await documentWith(s.page, { 'access.mfa-admin': { status: 'implemented', evidence: false, note: 'é' } });
    const body = Buffer.from(JSON.stringify(doc));
    await importFile(el, { name: 'bom.json', mimeType: 'application/json', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) });
    await notice(s.page, 'Imported bom.json').waitFor();
    assert.equal((await results(s.page)).answers['access.mfa-admin'].note, 'é');
    const before = await results(s.page);

    // Latin-1 bytes (é as 0xE9): refused, not read as U+FFFD.
    const latin1 = Buffer.from(JSON.stringify({ ...doc, answers: { 'access.mfa-admin': { status: 'planned', note: 'X' } } }).replace('X', '\u00e9'), 'latin1');
    await importFile(el, { name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
    let message = await alertText(el);
    assert.match(message, /^Import failed: latin1\.json: \$: not UTF-8 text/);
    assert.deepEqual(await results(s.page), before);

    // A duplicate key in a part import ignores (the results of an export) is refused too.
    const text = JSON.stringify({ ...doc, readiness: { overall: 1 } }).replace('"overall":1', '"overall":1,"overall":2');
    await importFile(el, { name: 'dup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await el.locator('.notices [role=alert]', { hasText: 'dup.json' }).waitFor();
    message = await alertText(el);
    assert.match(message, /dup\.json: \$\.readiness\.overall: duplicate key/);

    // An observation window far out of range is reported as given.
    const months = JSON.stringify({ ...doc, profile: { ...doc.profile, observationMonths: 100000 } });
    await importFile(el, { name: 'months.json', mimeType: 'application/json', buffer: Buffer.from(months) });
    await el.locator('.notices [role=alert]', { hasText: 'months.json' }).waitFor();
    assert.match(await alertText(el), /\$\.profile\.observationMonths: 100000 months is not/);
    assert.deepEqual(await results(s.page), before);
  } finally {
    await s.close();
  }
});

test('setting the assessment to undefined, a number or a cycle throws a TypeError naming the path', async () => {
  const s = await session();
  try {
    const before = await results(s.page);
    const thrown = await s.page.evaluate(() => {
      const el = document.querySelector('soc2-readiness');
      const cycle = {};
      cycle.self = cycle;
      return [undefined, 42, cycle, () => 1].map((value) => {
        try {
          el.assessment = value;
          return null;
        } catch (err) {
          return { typeError: err instanceof TypeError, message: err.message };
        }
      });
    });
    for (const t of thrown) {
      assert.equal(t?.typeError, true, JSON.stringify(t));
      assert.match(t.message, /^\$: /);
    }
    assert.match(thrown[0].message, /got undefined/);
    assert.deepEqual(await results(s.page), before);
  } finally {
    await s.close();
  }
});

test('restoring from storage shows the warnings about answers to unknown ids', async () => {
  const saved = JSON.stringify({ version: 1, profile: { startDate: '2027-01-04' }, answers: { 'retired.control': { status: 'implemented' } } });
  const s = await session({ init: seed(saved) });
  try {
    const text = await notice(s.page, 'Restored your saved assessment').textContent();
    assert.match(text, /\$\.answers\["retired\.control"\]: no control `retired\.control`/);
    assert.equal((await results(s.page)).answers['retired.control'].status, 'implemented');
  } finally {
    await s.close();
  }
});

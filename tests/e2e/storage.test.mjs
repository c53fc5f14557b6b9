// Saved data is truly kept: rescued copies of unreadable data never overwritten, storage full
// reported as it is with the data offered before anything is overwritten, and two tabs that never
// silently lose each other's work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertText, goToStep, readDownload, results, session, waitForSaved } from './helpers.mjs';

const ACCESS = 'Access management and authentication';
const KEY = 'soc2-readiness/v1/default';
const host = (page) => page.locator('soc2-readiness');
const control = (page, id) => host(page).locator(`main fieldset.control[data-control="${id}"]`);
const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);

/** Seeds local storage before the page's scripts run, once per test (not again on reload). */
function seed(entries) {
  return {
    fn: (pairs) => {
      if (sessionStorage.getItem('seeded')) return;
      for (const [k, v] of pairs) localStorage.setItem(k, v === '@big' ? `{"version":1,"x":"${'x'.repeat(3 * 1024 * 1024)}` : v);
      sessionStorage.setItem('seeded', '1');
    },
    arg: Object.entries(entries),
  };
}

test('a second unreadable save is kept beside the first rescued copy, never over it', async () => {
  const s = await session({ init: seed({ [`${KEY}/unreadable`]: 'first broken', [KEY]: 'second broken' }) });
  try {
    const text = await alertText(host(s.page));
    assert.match(text, /kept aside in this browser \(soc2-readiness\/v1\/default\/unreadable-2\)/);
    assert.equal(await stored(s.page, `${KEY}/unreadable`), 'first broken');
    assert.equal(await stored(s.page, `${KEY}/unreadable-2`), 'second broken');
  } finally {
    await s.close();
  }
});

test('storage full when rescuing: said truthfully, nothing saved over the data until it is downloaded', async () => {
  const s = await session({ init: seed({ [KEY]: '@big' }) });
  try {
    const el = host(s.page);
    const raw = await stored(s.page);
    assert.ok(raw.length > 3 * 1024 * 1024);
    const text = await alertText(el);
    assert.match(text, /could not be copied aside \(the browser's storage for this site is full\)/);
    assert.match(text, /nothing will be saved over it until you download it or discard it/);
    assert.doesNotMatch(text, /is kept aside/);
    assert.equal(await stored(s.page, `${KEY}/unreadable`), null);

    // Answering works, but the unreadable data stays where it is.
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await s.page.waitForTimeout(800); // a save would come 300 ms after the change; none may
    assert.equal(await stored(s.page), raw);
    assert.equal((await results(s.page)).answers['access.mfa-admin'].status, 'implemented');

    // Downloading it is what lets the page save again.
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      el.locator('.notices button', { hasText: 'Download the saved data' }).click(),
    ]);
    assert.equal(await readDownload(download), raw);
    await waitForSaved(s.page, KEY, 1);
    assert.equal(JSON.parse(await stored(s.page)).answers['access.mfa-admin'].status, 'implemented');
  } finally {
    await s.close();
  }
});

test('two tabs: a change saved in one shows in the other', async () => {
  const s = await session();
  try {
    const other = await s.context.newPage();
    await other.goto(s.url);
    await host(other).locator('.results .meter .value').first().waitFor({ state: 'attached' });
    await goToStep(other, ACCESS);
    await control(other, 'access.mfa-admin').locator('input[value="implemented"]').check();
    await waitForSaved(other, KEY, 1);
    // The first tab takes the newer state and says so; it does not write its own back.
    await s.page.waitForFunction(() => document.querySelector('soc2-readiness').results.answers['access.mfa-admin']?.status === 'implemented');
    await host(s.page).locator('.notices .notice', { hasText: 'Updated with the changes saved in another tab' }).waitFor();
    await goToStep(s.page, ACCESS);
    assert.equal(await control(s.page, 'access.mfa-admin').locator('input[value="implemented"]').isChecked(), true);
    await s.page.waitForTimeout(600);
    assert.equal(JSON.parse(await stored(s.page)).answers['access.mfa-admin'].status, 'implemented');
  } finally {
    await s.close();
  }
});

test('two tabs changed at once: nothing saved until the user chooses, and either choice is kept whole', async () => {
  const s = await session();
  try {
    const el = host(s.page);
    await goToStep(s.page, ACCESS);
    await control(s.page, 'access.mfa-admin').locator('input[value="planned"]').check();
    await waitForSaved(s.page, KEY, 1);
    // This tab types a note (saved 300 ms later) while another tab saves its own version: the
    // other tab's write and its storage event, delivered here before the note is saved.
    const theirs = JSON.stringify({ ...JSON.parse(await stored(s.page)), answers: { 'access.least-privilege': { status: 'implemented', evidence: false, note: 'theirs' } } });
    await s.page.evaluate(([k, v]) => {
      const area = document.querySelector('soc2-readiness').shadowRoot.querySelector('textarea[data-note="access.mfa-admin"]');
      area.value = 'mine';
      area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const old = localStorage.getItem(k);
      localStorage.setItem(k, v);
      window.dispatchEvent(new StorageEvent('storage', { key: k, oldValue: old, newValue: v, storageArea: localStorage, url: location.href }));
    }, [KEY, theirs]);
    const question = el.locator('.notices .notice', { hasText: 'also changed in another tab' });
    await question.waitFor();
    await s.page.waitForTimeout(800);
    assert.equal(await stored(s.page), theirs, 'the other tab\'s version was not overwritten');
    assert.equal((await results(s.page)).answers['access.mfa-admin'].note, 'mine', 'nor this tab\'s lost');
    assert.equal(await question.locator('button', { hasText: 'Dismiss' }).count(), 0, 'the question cannot be dismissed unanswered');

    // Keep this version: saved now (the other tab will take it, having no change of its own).
    await question.locator('button[data-choice="mine"]').click();
    await s.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).answers['access.mfa-admin']?.note === 'mine', KEY);

    // Again, choosing the other version this time.
    await s.page.evaluate(([k, v]) => {
      const area = document.querySelector('soc2-readiness').shadowRoot.querySelector('textarea[data-note="access.mfa-admin"]');
      area.value = 'mine again';
      area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      localStorage.setItem(k, v);
      window.dispatchEvent(new StorageEvent('storage', { key: k, newValue: v, storageArea: localStorage }));
    }, [KEY, theirs]);
    await question.waitFor();
    await question.locator('button[data-choice="theirs"]').click();
    const r = await results(s.page);
    assert.equal(r.answers['access.least-privilege'].note, 'theirs');
    assert.equal(r.answers['access.mfa-admin'], undefined);
    await s.page.waitForTimeout(600);
    assert.equal(await stored(s.page), theirs);
  } finally {
    await s.close();
  }
});

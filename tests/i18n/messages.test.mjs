// The page's words in every language (issue 18): every English key in each translation with the
// same placeholders and the language's plural categories, nothing stale, and every key the code
// asks for in English. Plain node:test, no browser: `node --test tests/i18n/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { checkMessages, english, englishFiles, pageWords, placeholders, translations, WWW } from './check.mjs';

test('the checker catches a missing key, a stale key, a placeholder and a plural that differ', () => {
  const en = {
    title: 'SOC 2 readiness',
    answered: '{n} of {open} answered',
    answers: { one: '{n} answer', other: '{n} answers' },
    close: 'Close',
  };
  const good = { title: 'SOC-2-Prüfungsbereitschaft', answered: '{n} von {open} beantwortet', answers: { one: '{n} Antwort', other: '{n} Antworten' }, close: 'Schließen' };
  assert.deepEqual(checkMessages(en, good, 'de'), []);

  const { close, ...missing } = good;
  assert.deepEqual(checkMessages(en, missing, 'de'), ['close: missing']);
  assert.deepEqual(checkMessages(en, { ...good, gone: 'Weg' }, 'de'), ['gone: stale (not in English)']);
  assert.deepEqual(checkMessages(en, { ...good, answered: '{n} von {total} beantwortet' }, 'de'),
    ['answered: placeholders {n}, {total}; English has {n}, {open}']);
  assert.deepEqual(checkMessages(en, { ...good, answers: { other: '{n} Antworten' } }, 'de'),
    ['answers: plural categories other; de needs one, other']);
  assert.deepEqual(checkMessages(en, { ...good, answers: '{n} Antworten' }, 'de'),
    ['answers: English has a plural, this a string']);
  assert.deepEqual(checkMessages(en, { ...good, title: ' ' }, 'de'), ['title: empty']);
  // Another language's plural rules decide its categories (Polish has four).
  assert.deepEqual(checkMessages({ n: { one: '{n}', other: '{n}' } }, { n: { one: '{n}', few: '{n}', many: '{n}', other: '{n}' } }, 'pl'), []);
});

test('English: one key in one file, every plural with English\'s categories, the page\'s words in index.html', async () => {
  const files = await englishFiles();
  assert.deepEqual(files.map((f) => f.name).slice(0, 1), ['en.js']);
  const seen = new Map();
  for (const { name, words } of files) {
    for (const [key, message] of Object.entries(words)) {
      assert.ok(!seen.has(key), `${key} is in ${seen.get(key)} and ${name}`);
      seen.set(key, name);
      if (typeof message === 'object') assert.deepEqual(Object.keys(message).sort(), ['one', 'other'], key);
      else assert.ok(message.trim(), `${key} is empty`);
    }
  }
  const page = pageWords();
  assert.deepEqual(Object.keys(page).sort(), ['page.footer', 'page.language', 'page.tagline', 'page.title', 'page.unreadable']);
  for (const key of Object.keys(page)) assert.ok(!seen.has(key), `${key} is both the page's and the element's`);
});

test('every translation has every English key, the same placeholders, its plural categories, nothing stale', async () => {
  const en = await english();
  const all = translations();
  assert.ok(all.some((l) => l.tag === 'de'), 'German is there');
  for (const { tag, words } of all) assert.deepEqual(checkMessages(en, words, tag), [], `i18n/${tag}.json`);
  // and the real German file with one key taken out fails
  const { dismiss, ...less } = all.find((l) => l.tag === 'de').words;
  assert.deepEqual(checkMessages(en, less, 'de'), ['dismiss: missing']);
});

test('every key the code asks for is in English (static keys: t(\'…\'))', async () => {
  const en = await english();
  const files = [...readdirSync(WWW).filter((f) => f.endsWith('.js')), ...readdirSync(`${WWW}views`).map((f) => `views/${f}`)];
  const missing = [];
  for (const f of files) {
    const source = readFileSync(`${WWW}${f}`, 'utf8');
    for (const [, key] of source.matchAll(/\bt\(\s*'([^']+)'/g)) if (!(key in en)) missing.push(`${f}: ${key}`);
    for (const [, a, b] of source.matchAll(/\bt\(\s*[\w.()]+ \? '([^']+)' : '([^']+)'/g)) for (const key of [a, b]) if (!(key in en)) missing.push(`${f}: ${key}`);
  }
  assert.deepEqual(missing, []);
});

test('German numbers: a percentage as Intl writes it (no-break space), the placeholder kept', () => {
  const de = translations().find((l) => l.tag === 'de').words;
  assert.equal(de.pct.replace('{n}', '45'), new Intl.NumberFormat('de', { style: 'percent' }).format(0.45));
  assert.deepEqual(placeholders(de.pct), ['n']);
});

// The checker behind tests/i18n/messages.test.mjs: a language's page words against the English
// source (README "Languages"). English is www/i18n/en.js with the chunks' en-*.js, and the
// standalone page's own words (index.html's data-i18n elements); another language is one
// JSON file, www/i18n/<tag>.json, of the same keys.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WWW = fileURLToPath(new URL('../../www/', import.meta.url));

/** `{name}` placeholders of a message (a string, or a plural's forms together), sorted. */
export function placeholders(message) {
  const forms = typeof message === 'string' ? [message] : Object.values(message ?? {});
  return [...new Set(forms.flatMap((f) => [...String(f).matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
}

/**
 * Problems of the words `other` (language `tag`) against the English `en`, as sentences naming
 * the key: a key missing or stale (not in English), a message empty, a string where English has a
 * plural or the reverse, a plural without the categories the language's plural rules use
 * (Intl.PluralRules: German has "one" and "other", as English), placeholders that differ.
 */
export function checkMessages(en, other, tag) {
  const problems = [];
  const categories = (lang) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
  for (const key of Object.keys(en)) {
    if (!(key in other)) {
      problems.push(`${key}: missing`);
      continue;
    }
    const [a, b] = [en[key], other[key]];
    const plural = (m) => m !== null && typeof m === 'object';
    if (typeof b !== 'string' && !plural(b)) {
      problems.push(`${key}: not a string or a plural`);
      continue;
    }
    if (plural(a) !== plural(b)) {
      problems.push(`${key}: ${plural(a) ? 'English has a plural, this a string' : 'English has a string, this a plural'}`);
      continue;
    }
    if (plural(b)) {
      const want = categories(tag);
      const have = Object.keys(b).sort();
      if (want.join() !== have.join()) problems.push(`${key}: plural categories ${have.join(', ')}; ${tag} needs ${want.join(', ')}`);
    }
    const forms = plural(b) ? Object.values(b) : [b];
    if (forms.some((f) => typeof f !== 'string' || !f.trim())) problems.push(`${key}: empty`);
    const [pa, pb] = [placeholders(a), placeholders(b)];
    if (pa.join() !== pb.join()) problems.push(`${key}: placeholders {${pb.join('}, {')}}; English has {${pa.join('}, {')}}`);
  }
  for (const key of Object.keys(other)) if (!(key in en)) problems.push(`${key}: stale (not in English)`);
  return problems;
}

/** English's files (i18n/en.js first, then the chunks' en-*.js), each with its words. */
export async function englishFiles() {
  const names = readdirSync(`${WWW}i18n`).filter((f) => /^en(-[a-z]+)?\.js$/.test(f)).sort((a, b) => a.length - b.length || a.localeCompare(b));
  return Promise.all(names.map(async (name) => ({ name, words: (await import(`${WWW}i18n/${name}`)).default })));
}

/** The standalone page's own English words: index.html's elements with data-i18n. */
export function pageWords() {
  const html = readFileSync(`${WWW}index.html`, 'utf8');
  return Object.fromEntries([...html.matchAll(/<(\w+)[^>]*\bdata-i18n="([^"]+)"[^>]*>([^<]*)</g)].map((m) => [m[2], m[3]]));
}

/** Every English key: the element's (all en*.js) and the standalone page's. */
export async function english() {
  return Object.assign({}, ...(await englishFiles()).map((f) => f.words), pageWords());
}

/** The languages other than English: www/i18n/<tag>.json. */
export function translations() {
  return readdirSync(`${WWW}i18n`).filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)?\.json$/.test(f)).map((f) => ({
    tag: f.slice(0, -5),
    words: JSON.parse(readFileSync(`${WWW}i18n/${f}`, 'utf8')),
  }));
}

// The page's own words in the visitor's language (README "Languages"). English is the source and
// the fallback: i18n/en.js (what the first screen says, in the element's bundle) and
// i18n/en-more.js (the rest, in the questionnaire's chunk, added when it loads). Another
// language is one JSON file of the same keys, i18n/<tag>.json, fetched only when chosen
// (engine.js loadMessages). Messages take `{name}` placeholders (numbers formatted for the
// language) and plurals as `{ one, other }` objects chosen by Intl.PluralRules on `n`. The
// catalog's words (states, bands, phases, titles…) are the catalog's, never here.

import en from './i18n/en.js';

/** The languages the page speaks (its words and the catalog's), English first. */
export const LANGUAGES = ['en', 'de'];

/** Adds the English words a chunk carries (i18n/en-more.js). */
export const addEnglish = (more) => Object.assign(en, more);

/**
 * The first tag among `tags` (BCP 47) whose language the page speaks (`de-AT` is `de`), else
 * English: `[language, tag]`, the tag giving dates and numbers its region's form.
 */
export function pick(tags) {
  for (const tag of tags) {
    const primary = String(tag ?? '').toLowerCase().split('-')[0];
    if (LANGUAGES.includes(primary)) return [primary, tag];
  }
  return ['en', 'en'];
}

/**
 * A lookup `t(key, params)` in one language at a time (`t.use(lang, table)` switches), falling
 * back to English; with the language's formats: `t.num(n)`, `t.pct(v)` (a 0–100 score, "–"
 * without one), `t.date('2027-01-12')`, `t.mib(bytes)`.
 */
export function speaker() {
  let table;
  let plural;
  let number;
  let dates;
  const t = (key, p = {}) => {
    let m = table[key] ?? en[key] ?? key;
    if (typeof m === 'object') m = m[plural.select(p.n)] ?? m.other;
    return m.replace(/\{(\w+)\}/g, (all, k) => (p[k] == null ? all : typeof p[k] === 'number' ? number.format(p[k]) : p[k]));
  };
  /** Speaks `lang` with its `words` (English's: none needed), formats for `tag` (`en-GB`…). */
  t.use = (lang, words = en, tag = lang) => {
    t.lang = lang;
    t.tag = tag;
    table = words;
    let locale = tag;
    try {
      Intl.getCanonicalLocales(tag);
    } catch {
      locale = lang; // a malformed tag: the language's own formats
    }
    plural = new Intl.PluralRules(locale);
    // Thousands grouped from five digits on ("4000", "40.000"), as style guides prefer.
    number = new Intl.NumberFormat(locale, { useGrouping: 'min2' });
    dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return t;
  };
  t.num = (n) => number.format(n);
  t.pct = (v) => (v == null ? '–' : t('pct', { n: v }));
  t.date = (d) => (d ? dates.format(new Date(`${d}T00:00Z`)) : '');
  /** A size for messages, e.g. "4.2 MiB". */
  t.mib = (bytes) => t('mib', { n: Number((bytes / 1048576).toFixed(1)) });
  return t.use('en');
}

// The standalone page's own behaviour: iframe mode for wikis.
//   ?embed=1                      drop the page chrome (header, footer)
//   &parent-origin=https://wiki…  also post height and results to that origin (opt-in), and accept
//                                 { type: "soc2-readiness:request" } messages from it only
//   &storage-key=team-a           separate saved assessments per embedding page (always apart from
//                                 the standalone page's, and per parent origin)
//   &mode=quick|full  &categories=availability,privacy   as the element's attributes (also
//                                 modes, features, layout)
//   &lang=de                      the language (else the browser's; the header's switch sets it)
//   ?view=summary                 the read-only summary, for wikis that run no script: a fixed,
//                                 compact view of the assessment in the URL fragment
//                                 (#assessment=<base64url of the JSON document>) or, without
//                                 one, of what this browser saved for the storage key
// It runs before the element's module (index.html lists it first), so every attribute set here is
// in place when the element starts; the element is upgraded in place afterwards.
const params = new URLSearchParams(location.search);
const el = document.querySelector('soc2-readiness');

for (const name of ['storage-key', 'mode', 'modes', 'features', 'categories', 'layout']) {
  const value = params.get(name);
  if (value != null) el.setAttribute(name, value);
}

// The language: ?lang=, else the browser's first the page speaks (the switch's options), else
// English. The page (<html lang>, its own words: data-i18n, from i18n/<tag>.json) and the element
// follow it; the switch changes it in place (the element keeps every answer) and in the address.
const select = document.getElementById('lang');
const offered = [...select.options].map((o) => o.value);
const english = [...document.querySelectorAll('[data-i18n]')].map((n) => [n, n.textContent]);
async function speak(lang) {
  document.documentElement.lang = lang;
  el.setAttribute('lang', lang);
  select.value = lang;
  let words = {};
  if (lang !== 'en') {
    try {
      words = await (await fetch(new URL(`./i18n/${lang}.json`, import.meta.url))).json();
    } catch { /* the page's own words stay English; the element says what failed */ }
  }
  if (select.value === lang) for (const [n, text] of english) if (n.dataset.i18n) n.textContent = words[n.dataset.i18n] ?? text;
}
speak([params.get('lang'), ...navigator.languages].map((t) => t?.toLowerCase().split('-')[0]).find((t) => offered.includes(t)) ?? 'en');
select.addEventListener('change', () => {
  const url = new URL(location.href);
  url.searchParams.set('lang', select.value);
  history.replaceState(history.state, '', url);
  speak(select.value);
});

// A framed page never uses the standalone page's saved answers: framed (iframe mode or not), it
// saves under a scope named after its parent's origin, so a page that frames it sees only what
// was entered in a frame on that same origin (README "Security"). The parent's real origin is
// used where the browser tells it (location.ancestorOrigins); otherwise the declared one.
const summary = params.get('view') === 'summary';
const embed = params.get('embed') === '1' || summary;
const framed = window.parent !== window;
if (summary) {
  el.setAttribute('view', 'summary');
  const given = new URLSearchParams(location.hash.slice(1)).get('assessment');
  if (given != null) {
    // The fragment's assessment (never sent to a server) replaces storage: nothing is read or saved.
    el.setAttribute('storage-key', 'none');
    el.addEventListener('soc2-readiness-ready', () => {
      try {
        const bytes = Uint8Array.from(atob(given.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
        el.assessment = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch (err) {
        const p = document.querySelector('.unreadable');
        p.textContent = p.textContent.replace('{reason}', err.message);
        p.removeAttribute('data-i18n'); // written: no longer the template
        p.hidden = false;
        el.remove();
      }
    }, { once: true });
  }
}
if (embed || framed) {
  const declared = embed ? parseOrigin(params.get('parent-origin')) : null;
  const actual = framed ? actualParentOrigin() : null;
  const mismatch = actual && declared && actual !== declared;
  if (mismatch) console.warn(`soc2-readiness: parent-origin="${declared}" is not the origin of the page framing this one; nothing is posted to it`);
  // The summary view opened directly (not framed, no embed=1) reads the standalone page's store.
  if (framed || params.get('embed') === '1') el.setAttribute('storage-scope', `embed ${actual ?? declared ?? ''}`.trim());
  if (embed) document.documentElement.classList.add('embed');
  const origin = mismatch ? null : declared;
  if (embed && origin && framed) {
    const post = (message) => window.parent.postMessage({ source: 'soc2-readiness', ...message }, origin);
    // The content's own height (the body's box, not the viewport's scroll height): it shrinks
    // as well as grows. Measured once per frame however many changes the frame saw.
    let last = 0;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) post({ type: 'soc2-readiness:height', height: (last = height) });
    };
    new ResizeObserver(() => { frame ||= requestAnimationFrame(measure); }).observe(document.body);
    const sendResults = () => post({ type: 'soc2-readiness:results', results: el.results });
    el.addEventListener('soc2-readiness-ready', sendResults);
    el.addEventListener('soc2-readiness-change', sendResults);
    window.addEventListener('message', (event) => {
      // Only the configured parent may ask; anything else is ignored.
      if (event.origin !== origin || event.source !== window.parent) return;
      if (event.data?.type === 'soc2-readiness:request') sendResults();
    });
  }
}

/** The framing page's origin as the browser reports it, or null where it does not. */
function actualParentOrigin() {
  const origin = location.ancestorOrigins?.[0];
  return origin && origin !== 'null' ? origin : null;
}

function parseOrigin(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.origin !== 'null' && (url.protocol === 'https:' || url.protocol === 'http:')) return url.origin;
  } catch { /* fall through */ }
  console.warn(`soc2-readiness: ignoring parent-origin="${value}": not an http(s) origin`);
  return null;
}

// The standalone page's own behaviour: iframe mode for wikis.
//   ?embed=1                      drop the page chrome (header, footer)
//   &parent-origin=https://wiki…  also post height and results to that origin (opt-in), and accept
//                                 { type: "soc2-readiness:request" } messages from it only
//   &storage-key=team-a           separate saved assessments per embedding page
//   &mode=quick|full  &categories=availability,privacy   as the element's attributes
const params = new URLSearchParams(location.search);
const el = document.querySelector('soc2-readiness');

for (const name of ['storage-key', 'mode', 'categories', 'layout']) {
  const value = params.get(name);
  if (value != null) el.setAttribute(name, value);
}

if (params.get('embed') === '1') {
  document.documentElement.classList.add('embed');
  const origin = parseOrigin(params.get('parent-origin'));
  if (origin && window.parent !== window) {
    const post = (message) => window.parent.postMessage({ source: 'soc2-readiness', ...message }, origin);
    let last = 0;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.scrollHeight);
      if (height !== last) post({ type: 'soc2-readiness:height', height: (last = height) });
    }).observe(document.body);
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

function parseOrigin(value) {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.origin !== 'null' && (url.protocol === 'https:' || url.protocol === 'http:')) return url.origin;
  } catch { /* fall through */ }
  console.warn(`soc2-readiness: ignoring parent-origin="${value}": not an http(s) origin`);
  return null;
}

// The embed example's host script: what a marketing site does with the element's events. The
// analytics call is a stub (console.info); the call to action shows while the readiness band is
// below audit-ready. Event details carry a small summary (no notes, no names); the full results
// are the element's `results` property.
const el = document.querySelector('soc2-readiness');
const cta = el.querySelector('[slot="cta"]');
const track = (name, detail) => console.info(`analytics: ${name}`, JSON.stringify(detail));

const showCta = (summary) => { cta.hidden = summary.readiness.band === 'auditReady'; };
el.addEventListener('soc2-readiness-ready', (e) => showCta(e.detail));
el.addEventListener('soc2-readiness-change', (e) => showCta(e.detail));
el.addEventListener('soc2-readiness-step', (e) => track('step', { step: e.detail.step, index: e.detail.index, count: e.detail.count }));
el.addEventListener('soc2-readiness-complete', (e) => track('complete', e.detail));
el.addEventListener('soc2-readiness-export', (e) => track('export', { format: e.detail.format, band: e.detail.summary.readiness.band }));

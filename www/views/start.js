// The first visit's start screen: the quick check or the full assessment, each with the number of
// questions it asks for this profile (the engine's counts, handed in) and, for the quick check,
// about how long that takes. Hosts that pick the mode (`mode`, or one allowed in `modes`) and
// returning visitors never see it.

import { h } from '../dom.js';

/** The pace the time estimate assumes: about four questions a minute. */
const PER_MINUTE = 4;

/** t: the element's words; counts: { quick, full } questions to answer; choose(mode); importFile() or null. */
export function startView(uid, t, counts, { choose, importFile }) {
  const choice = (mode, meta, primary) => h('div', { class: 'choice', 'data-mode': mode },
    h('h3', { text: t(mode) }),
    h('p', { class: 'choice-meta', id: `${uid}-start-${mode}`, text: meta }),
    h('p', { text: t(`${mode}.text`) }),
    h('button', { type: 'button', class: primary ? 'btn primary' : 'btn', 'data-start': mode, 'aria-describedby': `${uid}-start-${mode}`, text: t(`${mode}.start`), onclick: () => choose(mode) }));
  return h('section', { class: 'start', 'aria-labelledby': `${uid}-start-h` },
    h('h2', { id: `${uid}-start-h`, tabindex: '-1', text: t('start.title') }),
    h('p', { class: 'muted', text: t('start.intro') }),
    h('div', { class: 'choices' },
      choice('quick', t('quick.meta', { n: counts.quick, minutes: Math.max(1, Math.round(counts.quick / PER_MINUTE)) }), true),
      choice('full', t('full.meta', { n: counts.full }), false)),
    importFile && h('p', { class: 'muted' }, `${t('start.file')} `,
      h('button', { type: 'button', class: 'link', text: t('start.import'), onclick: importFile })));
}

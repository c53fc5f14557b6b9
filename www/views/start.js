// The first visit's start screen: the quick check or the full assessment, each with the number of
// questions it asks for this profile (the engine's counts, handed in) and, for the quick check,
// about how long that takes. Hosts that pick the mode (`mode`, or one allowed in `modes`) and
// returning visitors never see it.

import { h } from '../dom.js';

/** The pace the time estimate assumes: about four questions a minute. */
const PER_MINUTE = 4;

/** counts: { quick, full } questions to answer; choose(mode); importFile() or null. */
export function startView(uid, counts, { choose, importFile }) {
  const choice = (mode, title, meta, text, action, primary) => h('div', { class: 'choice', 'data-mode': mode },
    h('h3', { text: title }),
    h('p', { class: 'choice-meta', id: `${uid}-start-${mode}`, text: meta }),
    h('p', { text }),
    h('button', { type: 'button', class: primary ? 'btn primary' : 'btn', 'data-start': mode, 'aria-describedby': `${uid}-start-${mode}`, text: action, onclick: () => choose(mode) }));
  return h('section', { class: 'start', 'aria-labelledby': `${uid}-start-h` },
    h('h2', { id: `${uid}-start-h`, tabindex: '-1', text: 'How deep do you want to go?' }),
    h('p', { class: 'muted', text: 'Both give Type I and Type II readiness, the gaps to close and a timeline. Switch at any time: every answer is kept.' }),
    h('div', { class: 'choices' },
      choice('quick', 'Quick check', `About ${counts.quick} questions · about ${Math.max(1, Math.round(counts.quick / PER_MINUTE))}\u00a0minutes`,
        'The key controls auditors look at first, on one page. The scores are an estimate.', 'Start the quick check', true),
      choice('full', 'Full assessment', `About ${counts.full} questions, section by section`,
        'Every control in scope with the evidence auditors ask for: the complete picture. Saved as you go, so you can stop and come back.', 'Start the full assessment', false)),
    importFile && h('p', { class: 'muted' }, 'Have an assessment file already? ',
      h('button', { type: 'button', class: 'link', text: 'Import it', onclick: importFile })));
}

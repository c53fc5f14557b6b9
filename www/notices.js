// The element's notices: what happened (info), what needs a look (warning), what failed (error).

import { h } from './dom.js';

export class Notices {
  /** t: the element's words (i18n.js). */
  constructor(t) {
    this.t = t;
    this.el = h('div', { class: 'notices' });
  }

  /** Shows a notice and returns it; a last argument `{ dismiss: false }` leaves out its Dismiss button. */
  show(kind, message, ...extra) {
    const options = extra.at(-1)?.dismiss === false ? extra.pop() : {};
    const note = h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
      h('p', { text: message }), ...extra,
      options.dismiss !== false && h('button', { type: 'button', class: 'btn small', text: this.t('dismiss'), onclick: () => note.remove() }));
    this.el.append(note);
    return note;
  }

  clear(kind) {
    for (const n of this.el.querySelectorAll(`.notice.${kind}`)) n.remove();
  }
}

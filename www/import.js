// Importing an assessment file, loaded on the first import (a chunk of its own: the helpers it
// shares with the element are handed in, so that no shared chunk splits off the first screen).
// The file is read by a session of its own first: a file that cannot be read changes nothing and
// asks nothing. Over answers already given the visitor confirms in the element's dialog; after
// the import, "Undo import" restores the document as it was (kept in memory until the visitor
// starts over or leaves).

/** The import's English words (the element adds them when the chunk loads). */
export { default as english } from './i18n/en-import.js';

export class Importer {
  /**
   * el: what the element lends: { h, t (its words), uid, limits, notices, dialog, Session, startDate(),
   * session, answered() (answers given now), replaced() (re-render and save), changed() (the
   * change event) }.
   */
  constructor(el) {
    this.el = el;
    this.before = null;
    this.note = null;
  }

  async run(file) {
    const { t, limits, notices } = this.el;
    notices.clear('error');
    const failed = (why) => notices.show('error', t('importFailed', { name: file.name, reason: why }));
    if (file.size > limits.inputBytes) {
      notices.show('error', t('importTooBig', { name: file.name, size: t.mib(file.size), max: t.mib(limits.inputBytes) }));
      return;
    }
    let text;
    try {
      // The CLI's rules for a file's bytes: UTF-8 only (invalid bytes are an error, never
      // replaced by U+FFFD) and one leading byte order mark skipped, by the engine, as for the
      // CLI (ignoreBOM keeps it in the text for the engine to see).
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
    } catch (err) {
      failed(err instanceof TypeError ? t('notUtf8Save') : t('unreadableFile', { reason: err.message }));
      return;
    }
    await this.apply(text, { name: file.name, holds: file.name, confirm: t('import.replace') });
  }

  /**
   * Replaces the answers with the document `text` (a file's, or a shared link's): read by a
   * session of its own first (nothing changes when it cannot be), over answers given only once
   * the visitor confirms; then "Undo import". `what`: { name (in messages), holds (the dialog's
   * "<holds> holds N answers"), confirm (the dialog's button) }. Resolves to whether it replaced.
   */
  async apply(text, what) {
    const { h, t, notices, session } = this.el;
    const failed = (why) => notices.show('error', t('importFailed', { name: what.name, reason: why }));
    const probe = new this.el.Session(this.el.startDate());
    let incoming;
    try {
      const r = probe.importText(text);
      if (!r.ok) return void failed(`${r.error.path}: ${r.error.message}`);
      incoming = Object.keys(probe.document().answers).length;
    } finally {
      probe.free();
    }
    const current = this.el.answered();
    if (current && !(await this.ask(t('import.ask', { answers: t('answers', { n: current }) }),
      t('import.holds', { holds: what.holds, answers: t('answers', { n: incoming }) }),
      what.confirm))) return false;
    const before = session.document();
    const r = session.importText(text);
    if (!r.ok) return void failed(`${r.error.path}: ${r.error.message}`);
    this.el.replaced();
    this.forget();
    this.before = before;
    const warnings = r.value;
    this.note = notices.show(warnings.length ? 'warning' : 'info', t('imported', { name: what.name, answers: t('answers', { n: this.el.answered() }) })
      + (warnings.length ? ` ${t('import.notes', { notes: warnings.map((w) => `${w.path}: ${w.message}`).join('; ') })}` : ''),
      h('button', { type: 'button', class: 'btn small', 'data-undo': 'import', text: t('import.undo'), onclick: () => this.undo() }));
    this.el.changed();
    return true;
  }

  /** "Undo import": the document as it was before the last import. */
  undo() {
    const { t, notices, session } = this.el;
    if (!this.before) return;
    const r = session.replace(this.before);
    if (!r.ok) {
      notices.show('error', t('import.undoFailed', r.error));
      return;
    }
    this.forget();
    this.el.replaced();
    notices.show('info', t('import.undone'));
    this.el.changed();
  }

  /** Drops the document kept for "Undo import" (the visitor started over). */
  forget() {
    this.before = null;
    this.note?.remove();
    this.note = null;
  }

  /** Asks in the element's modal dialog (Escape or Cancel: no); resolves to whether confirmed. */
  ask(title, text, confirm) {
    return ask(this.el, title, text, confirm);
  }
}

/**
 * Asks in the element's modal dialog (Escape or Cancel: no); resolves to whether confirmed.
 * el: { h, t, uid, dialog }. Also what share.js asks with.
 */
export function ask({ h, t, uid, dialog }, title, text, confirm) {
  return new Promise((resolve) => {
    const answer = (yes) => () => {
      dialog.returnValue = yes ? 'yes' : '';
      dialog.close();
    };
    dialog.replaceChildren(
      h('h2', { id: `${uid}-dialog-h`, text: title }),
      h('p', { id: `${uid}-dialog-d`, text }),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn primary', 'data-confirm': 'yes', text: confirm, onclick: answer(true) }),
        h('button', { type: 'button', class: 'btn', 'data-confirm': 'no', text: t('cancel'), autofocus: true, onclick: answer(false) })));
    dialog.returnValue = '';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.showModal();
  });
}

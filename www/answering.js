// What the visitor types and clicks on a step's questions and the scope form: answers, records of
// operation, notes, the profile's fields, "None of these yet" and its Undo. In the
// questionnaire's chunk (views/questionnaire.js re-exports it): the first screen needs none of it.
// Every change goes through the element's session (all or nothing; a refused change says why);
// lengths are counted in characters, as the engine counts them.

import { takesEvidence } from './catalog.js';
import { clipChars, countChars } from './text.js';
import { showCapacity } from './views/scope.js';

export class Answering {
  /**
   * el: what the element lends: { ctx, session, notices, main (the step's element),
   * setAnswer(id, status, evidence, note, options), change(outcome, options), fresh() (the
   * document changed: read it again), bulk (what the last "None of these yet" answered, or null;
   * settable), step, renderStep() }.
   */
  constructor(el) {
    this.el = el;
  }

  get doc() {
    return this.el.ctx.document;
  }

  onChange(e) {
    const t = e.target;
    const { el } = this;
    if (t.dataset.status) this.setStatus(t.dataset.status, t.value);
    else if (t.dataset.evidence) {
      const a = this.doc.answers[t.dataset.evidence];
      if (a) el.setAnswer(t.dataset.evidence, a.status, t.checked, a.note);
    } else if (t.dataset.category) {
      const chosen = new Set(this.doc.profile.categories);
      if (t.checked) chosen.add(t.dataset.category);
      else chosen.delete(t.dataset.category);
      el.change(el.session.setProfile({ categories: [...chosen] }));
      el.fresh();
    } else if (t.dataset.profile) this.setProfile(t);
  }

  onInput(e) {
    const t = e.target;
    const { ctx } = this.el;
    if (t.dataset.note) {
      const id = t.dataset.note;
      const limit = ctx.limits.noteChars;
      const value = clip(t, limit);
      const a = this.doc.answers[id];
      if (a && a.note !== value) {
        this.el.setAnswer(id, a.status, a.evidence, value, {
          refused: (error) => {
            t.value = a.note;
            this.el.notices.show('error', error.path === '$'
              ? ctx.t('noteTooBig', { size: ctx.t.mib(ctx.limits.documentBytes) })
              : ctx.t('noteFailed', error));
          },
        });
      }
      const n = countChars(t.value);
      const count = ctx.root.querySelector(`[data-count="${CSS.escape(id)}"]`);
      if (count) {
        count.hidden = n < limit * 0.9;
        count.textContent = ctx.t(value !== t.value || n < limit ? 'chars' : 'charsLimit', { n, limit });
      }
    } else if (t.dataset.profile && t.type === 'text') {
      clip(t, ctx.limits.nameChars);
    }
  }

  setProfile(input) {
    const { ctx, session } = this.el;
    const { limits, t } = ctx;
    const name = input.dataset.profile;
    let value;
    if (input.type === 'checkbox') value = input.checked;
    else if (input.type === 'number' && 'optional' in input.dataset && input.value === '') {
      // An optional number left empty: the engine's default (e.g. the hours a week).
      input.setCustomValidity('');
      value = null;
    } else if (input.type === 'number' || name === 'observationMonths') {
      const n = Number(input.value);
      const max = Number(input.max || limits.maxCount);
      if (!Number.isInteger(n) || n < Number(input.min || 0) || n > max) {
        input.setCustomValidity(t('wholeNumber', { min: Number(input.min || 0), max }));
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      value = n;
    } else if (name === 'startDate') {
      const { startDateMin, startDateMax } = limits;
      if (!input.value || input.value < startDateMin || input.value > startDateMax) {
        input.setCustomValidity(t('dateRange', { min: t.date(startDateMin), max: t.date(startDateMax) }));
        input.reportValidity();
        return;
      }
      input.setCustomValidity('');
      value = input.value;
    } else value = clip(input, limits.nameChars);
    if (this.doc.profile[name] === value) return;
    this.el.change(session.setProfile({ [name]: value }));
    this.el.fresh();
    showCapacity(ctx, this.el.main);
  }

  setStatus(id, status) {
    const { ctx } = this.el;
    const prev = this.doc.answers[id];
    const evidence = takesEvidence(status) && (prev?.evidence ?? false);
    // A note typed before the first answer is only in its textarea so far: keep it.
    const typed = prev ? null : this.typed(id);
    if (!this.el.setAnswer(id, status, evidence, prev?.note ?? typed ?? '')) return;
    const ev = ctx.root.getElementById(`${ctx.uid}-ev-${id}`);
    if (ev) {
      ev.disabled = !takesEvidence(status);
      ev.checked = evidence;
    }
  }

  /** The note typed for `id` (before its first answer it is only in its textarea). */
  typed(id) {
    const { ctx } = this.el;
    return clipChars(ctx.root.querySelector(`textarea[data-note="${CSS.escape(id)}"]`)?.value ?? '', ctx.limits.noteChars);
  }

  /**
   * "None of these yet": each of `ids` still unanswered is answered not implemented (a note typed
   * before is kept), through the session one by one, shown once. Undo is offered for it.
   */
  noneYet(ids) {
    const { el } = this;
    const marked = [];
    let last = null;
    for (const id of ids) {
      if (this.doc.answers[id]) continue;
      const r = el.session.setAnswer(id, 'notImplemented', false, this.typed(id));
      if (!r.ok) {
        el.notices.show('error', el.ctx.t('someAnswered', { ...r.error, n: marked.length }));
        break;
      }
      last = r;
      marked.push(id);
    }
    if (!last) return;
    el.bulk = { step: el.step, ids: marked };
    el.change(last, { rerenderStep: true });
    el.main.querySelector('[data-bulk="undo"]')?.focus();
  }

  /** Undoes "None of these yet": its answers still not implemented become unanswered again. */
  undo() {
    const { el } = this;
    const ids = el.bulk?.ids ?? [];
    el.bulk = null;
    let last = null;
    for (const id of ids) {
      if (this.doc.answers[id]?.status !== 'notImplemented') continue; // changed since: kept
      const r = el.session.setAnswer(id, null, false, '');
      if (r.ok) last = r;
    }
    if (last) el.change(last, { rerenderStep: true });
    else el.renderStep();
    el.main.querySelector('[data-bulk="none"]')?.focus();
  }
}

/** Cuts an input's text to `limit` characters, at a character boundary; returns the text. */
function clip(input, limit) {
  const value = clipChars(input.value, limit);
  if (value !== input.value) input.value = value;
  return value;
}

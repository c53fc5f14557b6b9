// Keeping the assessment in the browser: restore on start (at the step last shown), save after
// changes, rescue what cannot be read, and notice another tab's saves (README "Security": storage isolation). Storage I/O and
// its keys are storage.js; every saved text is read by the engine session, by the import's rules.

import { h, download } from './dom.js';
import { AssessmentStore, legacyKey, storageKey } from './storage.js';

export class SavedAssessment {
  /**
   * where: [storage-key, storage-scope, location.protocol]; session: the engine session;
   * notices: the element's Notices; root: where downloads are offered; onReplaced(): the
   * session's document was replaced (re-render); exportJson(): offers the current version.
   */
  constructor({ where, session, notices, root, t, onReplaced, exportJson }) {
    const { key, warning } = storageKey(...where);
    if (warning) console.warn(`<soc2-readiness>: ${warning}`);
    this.store = key ? new AssessmentStore(key) : null;
    this.legacy = legacyKey(...where);
    Object.assign(this, { session, notices, root, t, onReplaced, exportJson });
    /** Why saving is paused ('unreadable', 'conflict'), or null. Never silently: a notice says so. */
    this.hold = null;
    /** Changes made in this tab that are not saved yet. */
    this.dirty = false;
    this.timer = 0;
    this.saveNotice = null;
    this.tabNotice = null;
    this.unwatch = null;
    /** The read-only summary view restores and follows other tabs, and never saves. */
    this.readOnly = false;
  }

  /**
   * Whether an assessment is saved for `where` (as the constructor takes it), without reading it
   * into a session: then the first screen is the questions rather than the start screen.
   */
  static exists(where) {
    const { key } = storageKey(...where);
    if (!key) return false;
    const store = new AssessmentStore(key);
    const legacy = legacyKey(...where);
    return store.read().raw != null || (legacy != null && store.read(legacy).raw != null);
  }

  /** Loads the saved assessment into the session: true when one was restored. */
  restore() {
    if (!this.store) return false;
    let read = this.store.read();
    if (read.error) {
      this.store = null;
      this.notices.show('warning', this.t('noStorage'));
      return false;
    }
    // Saved by an earlier version under the key this store replaced (copied, never moved).
    if (read.raw == null && this.legacy) read = this.store.read(this.legacy);
    const raw = read.raw;
    if (raw == null) return false;
    const r = this.session.importText(raw);
    if (!r.ok) {
      this.rescue(raw, r.error);
      return false;
    }
    // Import warnings (unknown fields) and the engine's (answers to unknown ids, …) alike.
    if (r.value.length) this.notices.show('warning', this.t('restoredNotes', { notes: r.value.map((w) => `${w.path}: ${w.message}`).join('; ') }));
    // Found under the key an earlier version used: copy it to this store's key (the old one stays).
    if (read.raw !== this.store.last) this.save();
    return true;
  }

  /** The step the visitor was last on (saved beside the assessment), or null. */
  step() {
    return this.store?.readStep() ?? null;
  }

  /** Remembers the step the visitor is on, to reopen there. */
  saveStep(step) {
    if (this.store && !this.readOnly) this.store.writeStep(step);
  }

  /** Starts noticing other tabs' saves. */
  watch() {
    this.unwatch = this.store?.watch((raw) => this.onStored(raw)) ?? null;
  }

  /** Stops watching and drops a pending save (the element left the page). */
  close() {
    clearTimeout(this.timer);
    this.unwatch?.();
    this.unwatch = null;
  }

  /**
   * Saved data that cannot be read is never discarded: it is copied aside (never over an earlier
   * copy) and offered for download. When there is no room for a copy, it stays where it is and
   * nothing is saved over it until the user has downloaded it or chosen to discard it.
   */
  rescue(raw, error) {
    const kept = this.store.rescue(raw);
    const t = this.t;
    const why = t('unreadable', error);
    const offer = (then) => h('button', { class: 'btn small', type: 'button', text: t('downloadSaved'), onclick: () => {
      download('soc2-readiness-saved-data.json', 'application/json', raw, this.root);
      then?.();
    } });
    if (kept.key) {
      this.notices.show('error', `${why} ${t('keptAside', { key: kept.key })}`, offer());
      return;
    }
    this.hold = 'unreadable';
    const reason = kept.quota ? t('storageFull') : kept.error?.message ?? t('storageRefused');
    const note = this.notices.show('error', `${why} ${t('notCopied', { reason })}`,
      offer(() => release(t('downloadedSaving'))),
      h('button', { class: 'btn small', type: 'button', text: t('discard'), onclick: () => release(t('saving')) }),
      { dismiss: false });
    const release = (message) => {
      if (this.hold !== 'unreadable') return;
      this.hold = null;
      note.remove();
      this.notices.show('info', message);
      this.save();
    };
  }

  save() {
    clearTimeout(this.timer);
    if (!this.store || this.hold || this.readOnly) return;
    const w = this.store.write(this.session.documentText());
    if (w.ok) {
      this.dirty = false;
      this.saveNotice?.remove();
      this.saveNotice = null;
      return;
    }
    if (this.saveNotice?.isConnected) return;
    this.saveNotice = this.notices.show('warning', w.quota
      ? this.t('saveFull')
      : this.t('saveFailed', { reason: w.error?.name ?? this.t('storageBlocked') }));
  }

  /** A change was made: save shortly (typing and clicking in bursts saves once). */
  schedule() {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), 300);
  }

  /** Another tab or window saved this assessment: take its version, or ask when both changed. */
  onStored(raw) {
    if (this.hold === 'conflict') return; // the open question reads the latest version
    if (this.hold || this.dirty) {
      this.conflict();
      return;
    }
    const r = this.session.importText(raw);
    if (!r.ok) {
      this.conflict(this.t('otherUnreadable', r.error));
      return;
    }
    this.store.last = raw;
    this.onReplaced();
    this.tabNotice?.remove();
    this.tabNotice = this.notices.show('info', this.t('otherTab'));
  }

  conflict(detail = '') {
    clearTimeout(this.timer);
    if (this.hold === 'unreadable') return; // already holding; its notice stays
    this.hold = 'conflict';
    this.tabNotice?.remove();
    const resolve = () => { this.hold = null; note.remove(); };
    const t = this.t;
    const note = this.notices.show('warning', t('conflict', { detail }),
      h('button', { class: 'btn small', type: 'button', text: t('useTheirs'), 'data-choice': 'theirs', onclick: () => {
        const read = this.store.read();
        const r = read.raw == null ? null : this.session.importText(read.raw);
        const failed = !r ? { path: '$', message: t('nothingSaved') } : r.ok ? null : r.error;
        if (failed) {
          this.notices.show('error', t('theirsFailed', failed));
          return;
        }
        this.onReplaced();
        this.dirty = false;
        resolve();
      } }),
      h('button', { class: 'btn small', type: 'button', text: t('keepMine'), 'data-choice': 'mine', onclick: () => { resolve(); this.save(); } }),
      h('button', { class: 'btn small', type: 'button', text: t('downloadMine'), onclick: () => this.exportJson() }),
      { dismiss: false });
  }
}

// Where the element keeps its assessment in local storage, and how it reads, writes, rescues and
// watches it. Kept apart from the element so the rules stay in one place (README "Security":
// storage isolation).
//
// Keys, all under `soc2-readiness/v1/`:
//   <key>                      an element on a page (the standalone page included); `storage-key`
//   @<scope>/<key>             a scoped element: the page's iframe mode sets the scope to the
//                              parent origin, so an embed never reads the standalone page's
//                              answers, nor another parent's; pages opened from disk (file://)
//                              are scoped `file`
//   …/invalid:<hash>           an invalid `storage-key` value: a store of its own, never `default`
//   <any of these>/unreadable, /unreadable-2, …   saved data that could not be read, kept aside;
//                              never overwritten
//   <any of these>/step        the step the visitor was last on (reopened there)
// Valid keys are letters, digits, `.`, `_` and `-`, so these forms can never collide.

export const STORAGE_PREFIX = 'soc2-readiness/v1/';
const KEY = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_SCOPE = 300;
const MAX_RESCUED = 50;

/** FNV-1a (32 bits) of a string's UTF-16 units, as 8 hex digits: a short, stable name. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The storage key for an element, or null for no persistence.
 *   keyAttr    the `storage-key` attribute (null: `default`; `none`: no persistence)
 *   scopeAttr  the `storage-scope` attribute (set by the page's iframe mode), or null
 *   protocol   location.protocol: `file:` pages share one origin with every local file
 * Returns { key, warning } (warning: a message for the console, or null).
 */
export function storageKey(keyAttr, scopeAttr, protocol) {
  let warning = null;
  let name = keyAttr == null || keyAttr === '' ? 'default' : keyAttr;
  if (name === 'none') return { key: null, warning };
  if (!KEY.test(name)) {
    warning = `storage-key="${name.slice(0, 80)}" is not 1–64 letters, digits, ".", "_" or "-"; answers are saved under a key of its own (not "default")`;
    name = `invalid:${hash(name)}`;
  }
  const scopes = [];
  if (protocol === 'file:') scopes.push('file');
  if (scopeAttr != null) scopes.push(scopeAttr.length > MAX_SCOPE ? `#${hash(scopeAttr)}` : scopeAttr);
  const scope = scopes.length ? `@${encodeURIComponent(scopes.join(' '))}/` : '';
  return { key: `${STORAGE_PREFIX}${scope}${name}`, warning };
}

/** The key an earlier version used for the same store, if it moved (single file: unscoped). */
export function legacyKey(keyAttr, scopeAttr, protocol) {
  if (protocol !== 'file:' || scopeAttr != null) return null;
  const { key } = storageKey(keyAttr, null, 'http:');
  return key;
}

/** Whether an exception from Storage means "full" (rather than "blocked"). */
export function isQuotaError(err) {
  return err?.name === 'QuotaExceededError' || err?.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err?.code === 22;
}

/**
 * One stored assessment. Every method catches what Storage throws and says what happened; none
 * throws. `last` is the text this tab last read or wrote (to tell other tabs' writes apart).
 */
export class AssessmentStore {
  constructor(key, storage = globalThis.localStorage) {
    this.key = key;
    this.storage = storage;
    this.last = null;
  }

  /** { raw } (null when nothing is saved) or { error } when storage cannot be used at all. */
  read(key = this.key) {
    try {
      const raw = this.storage.getItem(key);
      if (key === this.key) this.last = raw;
      return { raw };
    } catch (error) {
      return { error };
    }
  }

  /** { ok: true } or { ok: false, quota, error }. */
  write(text) {
    try {
      this.storage.setItem(this.key, text);
      this.last = text;
      return { ok: true };
    } catch (error) {
      return { ok: false, quota: isQuotaError(error), error };
    }
  }

  /** The step saved beside the assessment (`<key>/step`), or null. */
  readStep() {
    try {
      return this.storage.getItem(`${this.key}/step`);
    } catch {
      return null;
    }
  }

  /** Saves the step beside the assessment; a step that cannot be saved is not worth a notice. */
  writeStep(step) {
    try {
      if (this.storage.getItem(`${this.key}/step`) !== step) this.storage.setItem(`${this.key}/step`, step);
    } catch { /* storage full or blocked: the saved answers say so already */ }
  }

  /**
   * Keeps `raw` aside under the first free `/unreadable` key, never replacing an earlier copy
   * (the same text already kept counts as kept). { key } where it is, or { error, quota }.
   */
  rescue(raw) {
    try {
      for (let i = 1; i <= MAX_RESCUED; i++) {
        const key = `${this.key}/unreadable${i === 1 ? '' : `-${i}`}`;
        const there = this.storage.getItem(key);
        if (there === raw) return { key };
        if (there == null) {
          this.storage.setItem(key, raw);
          return { key };
        }
      }
      return { error: new Error(`${MAX_RESCUED} unreadable copies are kept already`), quota: false };
    } catch (error) {
      return { error, quota: isQuotaError(error) };
    }
  }

  /**
   * Calls `onChange(newValue)` when another tab or window writes this key (not for this tab's
   * own writes, which fire no event here, nor for a value this tab already holds). Returns a
   * function that stops watching.
   */
  watch(onChange) {
    const listener = (event) => {
      if (event.key !== this.key || event.newValue == null || event.newValue === this.last) return;
      if (event.storageArea && event.storageArea !== this.storage) return;
      onChange(event.newValue);
    };
    globalThis.addEventListener?.('storage', listener);
    return () => globalThis.removeEventListener?.('storage', listener);
  }
}

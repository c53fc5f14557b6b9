// Text lengths as the engine counts them: in characters (Unicode scalar values, "code points"),
// never in UTF-16 units, so a limit means the same on both sides and text is never cut inside a
// character (a lone surrogate makes the whole document invalid JSON for the engine).

/** `text` with any lone surrogate replaced by U+FFFD (the engine rejects lone surrogates). */
export function wellFormed(text) {
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Number of characters (code points) in `text`. */
export function countChars(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `text` made well formed and cut to at most `limit` characters, at a character boundary. */
export function clipChars(text, limit) {
  const whole = wellFormed(text);
  if (whole.length <= limit) return whole; // fewer units than the limit: fewer characters too
  let n = 0;
  let end = 0;
  for (const c of whole) {
    if (n === limit) break;
    n++;
    end += c.length;
  }
  return whole.slice(0, end);
}

/** Bytes of `text` in UTF-8 (what the engine's size limits count). */
export function utf8Bytes(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) bytes += 1;
    else if (u < 0x800) bytes += 2;
    else if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

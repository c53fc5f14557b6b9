// Small DOM helpers the views share. Text reaches the DOM only as text (textContent and
// attributes), never as markup.

/** Creates an element. `attrs` values: strings/booleans set attributes; functions (on*) listen. */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}

/** A horizontal bar from 0 to 100 (decorative: the number is always shown as text too). */
export function bar(cls, valuePercent) {
  return h('svg:svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    h('svg:rect', { class: 'track', width: 100, height: 8, rx: 4 }),
    h('svg:rect', { class: cls, width: Math.max(0, Math.min(100, valuePercent)), height: 8, rx: 4 }));
}

/** Offers `content` as a download named `name`, from inside `root` (a shadow root works). */
export function download(name, type, content, root) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Runs `rebuild`, then puts keyboard focus back on the element with the same data-`key`. */
export function keepFocus(root, key, rebuild) {
  const value = root.activeElement?.dataset?.[key];
  rebuild();
  if (value != null) root.querySelector(`[data-${key}="${CSS.escape(value)}"]`)?.focus();
}

/** Today in the visitor's time zone, `YYYY-MM-DD`. */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


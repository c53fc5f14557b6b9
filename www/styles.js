// Styles of <soc2-readiness>, adopted into its shadow root as a constructable stylesheet: no
// <style> element or style attribute, so strict Content Security Policies need no 'unsafe-inline'.
// Theming: set the documented --soc2-* custom properties on the element (README "Embedding").
// What the first screen shows (the frame, the start screen, notices, dialogs) is here; badges,
// tables and the rest come with the chunks that draw them (views/common-styles.js).
export const styles = String.raw`
:host {
  --accent: var(--soc2-accent, #2347b5);
  --accent-text: var(--soc2-accent-text, #fff);
  --font: var(--soc2-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --radius: var(--soc2-radius, 8px);
  --bg: var(--soc2-bg, #ffffff);
  --surface: var(--soc2-surface, #f5f6f8);
  --text: var(--soc2-text, #1b1f24);
  --muted: var(--soc2-muted, #545d69);
  --border: var(--soc2-border, #c9ced6);
  --good: #1d6b38; --good-bg: #ddf3e4;
  --fair: #6a4b00; --fair-bg: #fbefc8;
  --poor: #8a3a00; --poor-bg: #fde2cc;
  --bad: #a11d1d; --bad-bg: #fadcdc;
  --focus: var(--soc2-focus, #1a56db);
  display: block;
  container-type: inline-size;
  font-family: var(--font);
  font-size: var(--soc2-font-size, 16px);
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
  text-align: start;
  letter-spacing: normal;
  text-transform: none;
}
@media (prefers-color-scheme: dark) {
  :host {
    --accent: var(--soc2-accent, #8ea8ff);
    --accent-text: var(--soc2-accent-text, #0d1224);
    --bg: var(--soc2-bg, #15181d);
    --surface: var(--soc2-surface, #1f242b);
    --text: var(--soc2-text, #e8eaee);
    --muted: var(--soc2-muted, #aab2bd);
    --border: var(--soc2-border, #3b434e);
    --good: #8fe0a8; --good-bg: #16321f;
    --fair: #f3d27a; --fair-bg: #3a2f0c;
    --poor: #ffb27a; --poor-bg: #40230c;
    --bad: #ff9a9a; --bad-bg: #451818;
    --focus: var(--soc2-focus, #9db8ff);
  }
}
:host([hidden]) { display: none; }
/* Inherited properties: a host page's rules reach the host element itself (outer rules beat :host)
   and would flow into the tree, e.g. "* { color: purple !important; line-height: 3 }". The
   top-level boxes set them again. */
.app, .print-area, .loading, .notice {
  font-family: var(--font); font-size: var(--soc2-font-size, 16px); font-style: normal; font-weight: 400; line-height: 1.5;
  color: var(--text); text-align: start; text-indent: 0; letter-spacing: normal; word-spacing: normal;
  text-transform: none; white-space: normal; visibility: visible;
  /* Long words (German compounds) break at syllables where the browser can, in the language the
     content's lang names; a word wider than its box breaks where it must. */
  hyphens: auto; overflow-wrap: break-word;
}
*, *::before, *::after { box-sizing: border-box; }
h1, h2, h3, h4, p, ol, ul, dl, dd, figure, fieldset { margin: 0; padding: 0; }
ol, ul { list-style: none; }
button, input, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
a { color: var(--accent); }

.app { display: grid; gap: 16px; padding: 16px; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 16px; }
.top h1 { font-size: 1.25em; line-height: 1.3; flex: 1 1 11.2em; }
.top h1 small { display: block; font-size: .7em; font-weight: 400; color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }

.btn {
  display: inline-flex; align-items: center; gap: 6px; min-height: 40px; padding: 6px 14px;
  border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg);
  cursor: pointer; text-decoration: none; line-height: 1.2;
}
.btn:hover { border-color: var(--accent); }
.btn.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
.btn.danger { color: var(--bad); }
.btn.small { min-height: 32px; padding: 2px 10px; font-size: .875em; }
.menu { position: relative; }
.menu > summary { list-style: none; }
.menu > summary::-webkit-details-marker { display: none; }
.menu[open] > .menu-list {
  position: absolute; inset-inline-end: 0; z-index: 5; margin-top: 4px; display: grid; gap: 2px; min-width: 15em;
  padding: 6px; background: var(--bg); border: 1px solid var(--border); border-radius: var(--radius);
  box-shadow: 0 6px 24px rgb(0 0 0 / .18);
}
.menu-list button { text-align: start; justify-content: flex-start; border-color: transparent; width: 100%; }

.mode { display: inline-flex; border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; }
.mode label { display: flex; align-items: center; gap: 6px; padding: 6px 12px; cursor: pointer; min-height: 40px; }
.mode label:has(input:checked) { background: var(--accent); color: var(--accent-text); }
.mode label:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: -3px; }
.mode input { position: absolute; opacity: 0; width: 1px; height: 1px; }

.notices { display: grid; gap: 8px; }
.notice { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; padding: 10px 14px; border-radius: var(--radius); border: 1px solid var(--border); background: var(--surface); }
.notice.error { border-color: var(--bad); background: var(--bad-bg); }
.notice.warning { border-color: var(--fair); background: var(--fair-bg); }
.notice p { flex: 1 1 16em; overflow-wrap: anywhere; }


/* ---- Less effort (issue 14): the start screen, the quick check's groups, "None of these yet",
   the note behind "Add a note", the element's dialog. ---- */
.starting .layout, .starting .progress, .starting .mode, .starting .menu, .starting .confirm { display: none; }
.start { display: grid; gap: 12px; width: 100%; max-width: 52em; margin: 8px auto 32px; }
.start > h2 { font-size: 1.5em; line-height: 1.25; }
.start > h2:focus { outline: none; }
.choices { display: grid; gap: 16px; margin-top: 8px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 17em), 1fr)); }
.choice {
  display: grid; gap: 8px; grid-template-rows: auto auto 1fr auto; padding: 20px;
  border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface);
}
.choice[data-mode="quick"] { border-color: var(--accent); box-shadow: inset 0 3px 0 var(--accent); }
.choice h3 { font-size: 1.2em; line-height: 1.3; }
.choice-meta { font-weight: 600; font-variant-numeric: tabular-nums; }
.choice .btn { justify-self: start; margin-top: 8px; }
.link { padding: 2px 0; border: 0; background: none; cursor: pointer; color: var(--accent); text-underline-offset: 2px; }
.link:hover, .start .link { text-decoration: underline; }
.dialog {
  width: min(32em, calc(100vw - 32px)); padding: 20px; border: 1px solid var(--border);
  border-radius: var(--radius); background: var(--bg); color: var(--text); box-shadow: 0 12px 40px rgb(0 0 0 / .3);
}
.dialog[open] { display: grid; gap: 12px; }
.dialog h2 { font-size: 1.15em; line-height: 1.3; }
.dialog::backdrop { background: rgb(0 0 0 / .45); }
.dialog-actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; }

.muted { color: var(--muted); font-size: .875em; }
.confirm { display: inline-flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.loading { padding: 24px; color: var(--muted); }
.print-only { display: none; }

@media (prefers-reduced-motion: no-preference) {
  .btn, .options label { transition: background-color .12s ease-out, border-color .12s ease-out, color .12s ease-out, box-shadow .12s ease-out; }
}
@media print {
  /* Paper is white: the light palette whatever the screen's scheme (no pale text, no dark badges). */
  :host {
    --accent: var(--soc2-accent, #2347b5); --accent-text: #fff;
    --bg: #fff; --surface: #f3f4f6; --text: #111418; --muted: #3b424b; --border: #aeb5bf;
    --good: #1d6b38; --good-bg: #ddf3e4;
    --fair: #5c4100; --fair-bg: #fbefc8;
    --poor: #7a3300; --poor-bg: #fde2cc;
    --bad: #a11d1d; --bad-bg: #fadcdc;
    background: #fff; color: var(--text);
  }
  .print-area { display: block !important; background: #fff; font-size: calc(var(--soc2-font-size, 16px) * .75); }
}
`;

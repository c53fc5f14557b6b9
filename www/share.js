// What the Export menu offers beyond the assessment's own downloads, loaded on first use (a chunk
// of its own: the helpers it shares with the element are handed in, so that no shared chunk
// splits off the first screen):
// - the comparison with an earlier JSON export (read by the import's rules and limits; it never
//   replaces the answers), shown in place of the questionnaire until closed, with Markdown and
//   CSV downloads; while it is open the JSON export carries it as `comparison`;
// - a link to these results: the profile and answers in the URL fragment (src/share.rs), names
//   only when ticked, never notes;
// - opening such a link: the shared results, read-only, with "Use these answers" (through the
//   import, which asks before replacing answers and offers Undo) and "Compare with mine";
// - the results card as SVG and PNG (views/card.js, in the report's chunk).

import { comparisonView } from './views/compare.js';

/** This chunk's English words (the element adds them when it loads). */
export { default as english } from './i18n/en-share.js';

/** This chunk's rules, adopted into the element's shadow root when it loads. */
export const styles = String.raw`
.overlaid > :is(.progress, .start-area, .layout), .overlaid .top .actions > :not(.menu),
.shared-open .top .actions { display: none; }
.overlay { display: grid; gap: 20px; min-width: 0; }
.overlay h2:focus { outline: none; }
.overlay h3 { font-size: 1.1em; line-height: 1.3; margin-bottom: 8px; }
.overlay section { min-width: 0; }
.shared-banner { display: grid; gap: 10px; padding: 14px 16px; border: 2px solid var(--accent); border-radius: var(--radius); background: var(--surface); }
.shared-banner h2 { font-size: 1.2em; line-height: 1.3; }
.cmp-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.shared { display: grid; gap: 20px; min-width: 0; }
.overlay .notice ul { display: grid; gap: 2px; flex: 1 1 100%; padding-inline-start: 1.2em; list-style: disc; font-size: .9em; }
.cmp { display: grid; gap: 22px; }
.cmp-head { display: grid; gap: 8px; }
.cmp-head h2 { font-size: 1.35em; line-height: 1.3; }
.cmp-overall { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(15em, 1fr)); }
.cmp-score { display: grid; gap: 2px; padding: 10px 14px; border: 1px solid var(--border); border-radius: var(--radius); }
.cmp-score strong { font-size: 1.45em; line-height: 1.25; font-variant-numeric: tabular-nums; }
.score-name { font-size: .875em; color: var(--muted); }
.cmp-chart { table-layout: fixed; }
.cmp-chart thead th:first-child { width: 30%; }
.cmp-chart th, .cmp-chart td { padding-block: 8px; padding-inline: 0 8px; vertical-align: top; }
.cmp-cat, .cmp-band { display: block; }
.cmp-band { font-weight: 400; }
.cmp-bar { display: grid; grid-template-columns: 3.6em minmax(2em, 1fr) 6.5em; align-items: center; gap: 8px; font-size: .9em; }
.cmp-bar svg { width: 100%; height: 10px; display: block; }
.cmp-when { color: var(--muted); }
.cmp-num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.cmp-points { display: block; font-size: .85em; font-weight: 600; text-align: end; }
.fill-before { fill: var(--muted); }
.cmp-table { table-layout: fixed; }
.cmp-table th[scope="row"] { font-weight: 400; }
.cmp-table td { font-variant-numeric: tabular-nums; }
.cmp-moved > p { margin-top: 6px; }
.cmp-controls { display: grid; gap: 8px; }
.cmp-group { border: 1px solid var(--border); border-radius: var(--radius); padding: 8px 12px; }
.cmp-group > summary { cursor: pointer; font-weight: 600; }
.cmp-group > summary > h3.cmp-fold { display: inline; margin: 0; }
.cmp-group > .cmp-table { margin-top: 8px; }
.cmp-group ul { display: grid; gap: 6px; margin-top: 8px; }
.cmp-group li { display: grid; gap: 0 12px; grid-template-columns: minmax(0, 1fr) auto; }
.cmp-group code { overflow-wrap: anywhere; }
.cmp-timeline ul { display: grid; gap: 8px; }
.cmp-timeline li { display: grid; gap: 2px; }
.link-box { display: grid; gap: 4px; }
.link-box textarea { width: 100%; padding: 6px 8px; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); font-family: ui-monospace, monospace; font-size: .8em; overflow-wrap: anywhere; resize: none; }
.dialog .check { display: flex; gap: 8px; align-items: flex-start; }
@container (max-width: 600px) {
  .cmp-chart thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .cmp-chart, .cmp-chart tbody, .cmp-chart tr, .cmp-chart th, .cmp-chart td { display: block; width: auto; }
  .cmp-chart tr { padding: 8px 0; border-bottom: 1px solid var(--border); }
  .cmp-chart th, .cmp-chart td { border: 0; padding: 2px 0; }
  .cmp-chart td::before { content: attr(data-label); display: block; font-size: .85em; font-weight: 600; }
  .cmp-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .cmp-table, .cmp-table tbody, .cmp-table tr, .cmp-table th, .cmp-table td { display: block; width: auto; }
  .cmp-table tr { padding: 6px 0; border-bottom: 1px solid var(--border); }
  .cmp-table th, .cmp-table td { border: 0; padding: 1px 0; }
  .cmp-table td::before { content: attr(data-label) ": "; color: var(--muted); }
  .cmp-group li { grid-template-columns: minmax(0, 1fr); }
}
`;

let sheet = null;

export class Sharing {
  /**
   * el: what the element lends: { h, bar, download, today, uid, root, app, ctx (its words and
   * formats: ctx.t),
   * notices, dialog, Session, startDate(), session, help(), loadExports(), importer(),
   * report() (the report's module, loaded, with the card), reportLib, exported(format, name),
   * can(feature) (whether the host shows a tool: `features`) }.
   */
  constructor(el) {
    this.el = el;
    /** The open comparison: { value, before, after, source, back }, or null. */
    this.comparison = null;
    /** The shared results being shown: { document, catalog, warnings, text }, or null. */
    this.shared = null;
    this.area = null;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(styles);
    }
    if (!el.root.adoptedStyleSheets.includes(sheet)) el.root.adoptedStyleSheets = [...el.root.adoptedStyleSheets, sheet];
  }

  /** The Export menu's entries this chunk handles. */
  run(id) {
    if (id === 'compare') return this.chooseFile();
    if (id === 'link') return this.linkDialog();
    return this.card(id === 'card-png' ? 'png' : 'svg');
  }

  /** The JSON export `text` with the open comparison as `comparison` (unchanged when none is open). */
  withComparison(text) {
    if (!this.comparison) return text;
    const doc = JSON.parse(text);
    doc.comparison = this.comparison.value;
    return `${JSON.stringify(doc, null, 2)}\n`;
  }

  // ---- the view in place of the questionnaire ------------------------------------------

  /** Shows `content` in place of the questionnaire (`shared`: the shared results, whose toolbar is hidden too). */
  #show(content, shared) {
    const { h, app } = this.el;
    if (!this.area?.isConnected) {
      this.area = h('div', { class: 'overlay', part: 'overlay' });
      app.querySelector(':scope > .layout').before(this.area);
    }
    app.classList.add('overlaid');
    app.classList.toggle('shared-open', shared);
    this.area.replaceChildren(content);
    this.area.querySelector('h2')?.focus();
    if (this.area.getBoundingClientRect().top < 0) this.area.scrollIntoView({ block: 'start' });
  }

  /** Back to the questionnaire. */
  #hide() {
    const { app, root } = this.el;
    this.area?.remove();
    this.area = null;
    app.classList.remove('overlaid', 'shared-open');
    root.querySelector('main h2, .start h2')?.focus();
  }

  // ---- comparing with an earlier export ------------------------------------------------

  /** Asks for the earlier export (a file, as import takes one). */
  chooseFile() {
    const { h, app } = this.el;
    app.querySelector(':scope > input[data-compare]')?.remove();
    const input = h('input', { type: 'file', accept: 'application/json,.json', hidden: true, 'data-compare': '',
      onchange: () => {
        const file = input.files?.[0];
        input.remove();
        if (file) this.compareFile(file);
      },
      oncancel: () => input.remove() });
    app.append(input);
    input.click();
  }

  /** Compares the export in `file` (before) with the answers in this browser (now). */
  async compareFile(file) {
    const { notices, ctx } = this.el;
    const { t } = ctx;
    notices.clear('error');
    const failed = (why) => notices.show('error', t('cmp.failed', { name: file.name, reason: why }));
    if (file.size > ctx.limits.inputBytes) return failed(t('tooBig', { size: t.mib(file.size), max: t.mib(ctx.limits.inputBytes) }));
    let text;
    try {
      // The import's rules for a file's bytes (import.js): UTF-8 only, a byte order mark left for the engine.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
    } catch (err) {
      return failed(err instanceof TypeError ? t('notUtf8') : t('unreadableFile', { reason: err.message }));
    }
    await this.compare(text, { source: file.name, back: false }, failed);
  }

  /** Compares the document `before` (JSON text) with the answers in this browser; shows the comparison. */
  async compare(before, src, failed) {
    const after = this.el.session.documentText();
    let r;
    try {
      r = (await this.el.loadExports()).compare(before, after);
    } catch (err) {
      return failed(this.el.ctx.t('exportsModule', { reason: err.message }));
    }
    if (!r.ok) return failed(`${r.error.path}: ${r.error.message}`);
    this.comparison = { value: r.value, before, after, ...src };
    this.#showComparison();
  }

  #showComparison() {
    const { h, bar, uid, ctx } = this.el;
    const c = this.comparison;
    this.#show(comparisonView(c.value, { h, bar, t: ctx.t, catalog: ctx.catalog, uid }, { source: c.back ? ctx.t('sharedResults') : c.source }, {
      download: (format) => this.#downloadComparison(format),
      close: () => this.closeComparison(),
      closeLabel: ctx.t(c.back ? 'cmp.back' : 'cmp.close'),
    }), false);
  }

  /** Draws what is shown again (the language changed). */
  refresh() {
    if (this.comparison) this.#showComparison();
    else if (this.shared) this.#showShared();
  }

  /** Closes the comparison: back to the shared results it came from, or to the questionnaire. */
  closeComparison() {
    const back = this.comparison?.back && this.shared;
    this.comparison = null;
    if (back) this.#showShared();
    else this.#hide();
  }

  async #downloadComparison(format) {
    const { download, today, notices, root } = this.el;
    const c = this.comparison;
    let r;
    try {
      const [exports, catalog] = await Promise.all([this.el.loadExports(), this.el.help()]);
      r = exports.compareAs(format, c.before, c.after, catalog.json);
    } catch (err) {
      r = { ok: false, error: { path: '$', message: this.el.ctx.t('exportsModule', { reason: err.message }) } };
    }
    if (!r.ok) return void notices.show('error', this.el.ctx.t('cmp.writeFailed', r.error));
    const [ext, type] = format === 'csv' ? ['csv', 'text/csv'] : ['md', 'text/markdown'];
    const name = `soc2-readiness-comparison-${today()}.${ext}`;
    download(name, type, r.value, root);
    this.el.exported(`comparison-${format}`, name);
  }

  // ---- the link to these results -------------------------------------------------------

  /** The dialog with the link: names only when ticked; copy to the clipboard. */
  async linkDialog() {
    const { h, uid, dialog, session, ctx } = this.el;
    const { t } = ctx;
    const exports = await this.el.loadExports();
    const text = session.documentText();
    const answers = Object.keys(ctx.document.answers);
    const unknown = answers.filter((id) => !ctx.catalog.control(id)).length;
    const notes = Object.values(ctx.document.answers).filter((a) => a.note).length;
    const base = location.href.replace(/#.*$/, '');
    const names = h('input', { type: 'checkbox', id: `${uid}-link-names`, 'data-link-names': '' });
    const field = h('textarea', { id: `${uid}-link`, readonly: true, rows: 5, spellcheck: 'false', 'data-link': '' });
    const info = h('p', { class: 'muted', 'data-link-info': '' });
    const status = h('p', { role: 'status', class: 'muted' });
    const copy = h('button', { type: 'button', class: 'btn primary', 'data-link-copy': '', text: t('link.copy') });
    const update = () => {
      const r = exports.shareFragment(text, names.checked);
      status.textContent = '';
      copy.disabled = !r.ok;
      field.value = r.ok ? `${base}#${r.value}` : '';
      const left = [
        unknown && t('link.unknown', { n: unknown }),
        notes && t('link.notes', { n: notes }),
      ].filter(Boolean);
      info.textContent = r.ok
        ? t('link.length', { n: field.value.length }) + (left.length ? ` ${t('link.left', { list: left.join('; ') })}` : '')
        : r.error.message;
    };
    names.addEventListener('change', update);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = t('link.copied');
      } catch {
        field.focus();
        field.select();
        status.textContent = t('link.select');
      }
    });
    dialog.replaceChildren(
      h('h2', { id: `${uid}-dialog-h`, text: t('link.title') }),
      h('p', { id: `${uid}-dialog-d`, text: t('link.text') }),
      h('label', { class: 'check', for: names.id }, names, h('span', { text: t('link.names') })),
      h('div', { class: 'link-box' }, h('label', { for: field.id, text: t('link') }), field, info),
      status,
      h('div', { class: 'dialog-actions' }, copy, h('button', { type: 'button', class: 'btn', text: t('close'), onclick: () => dialog.close() })));
    update();
    dialog.showModal();
    field.focus();
    field.select();
  }

  // ---- a link opened -------------------------------------------------------------------

  /** Opens the shared results in a link's fragment value (`1.<data>`); a link that cannot be read changes nothing. */
  async open(value) {
    const { h, notices, ctx: { t } } = this.el;
    this.#show(h('p', { class: 'muted', role: 'status', text: t('shared.opening') }), true);
    let r;
    try {
      r = (await this.el.loadExports()).readShared(value);
    } catch (err) {
      r = { ok: false, error: { path: 'link', message: t('exportsModule', { reason: err.message }) } };
    }
    if (!r.ok) {
      this.#hide();
      return void notices.show('error', t('shared.failed', r.error));
    }
    const { catalog, warnings } = r.value;
    const document = JSON.parse(r.value.document);
    // The text that "Use these answers" imports and a comparison reads (with the link's catalog).
    this.shared = { document, catalog, warnings, text: JSON.stringify({ ...document, catalog }) };
    this.comparison = null;
    await this.#showShared();
  }

  async #showShared() {
    const { h, uid, Session, startDate, ctx, notices } = this.el;
    const { t } = ctx;
    const s = this.shared;
    // The shared document's results, from a session of its own: the visitor's stays as it is.
    const probe = new Session(startDate());
    let view;
    try {
      const r = probe.replace(s.text);
      if (!r.ok) {
        this.#hide();
        return void notices.show('error', t('shared.showFailed', r.error));
      }
      view = { catalog: ctx.catalog, t, generator: ctx.generator, uid, mode: s.document.mode, summary: probe.summary(), results: probe.exported(), document: probe.document() };
    } finally {
      probe.free();
    }
    const answered = Object.keys(s.document.answers).length;
    const names = s.document.profile.organization || s.document.profile.complianceOwner || s.document.profile.cloudProvider;
    const box = h('div', { class: 'report', 'data-shared-report': '' }, h('p', { class: 'muted', role: 'status', text: t('shared.loading') }));
    this.#show(h('section', { class: 'shared', 'aria-labelledby': `${uid}-shared-h` },
      h('div', { class: 'shared-banner', part: 'shared-banner' },
        h('h2', { id: `${uid}-shared-h`, tabindex: '-1', text: t('shared.title') }),
        h('p', { text: t(names ? 'shared.text' : 'shared.textNoNames', { answers: t('answers', { n: answered }), version: s.catalog.version }) }),
        s.warnings.length > 0 && h('div', { class: 'notice warning' }, h('p', { text: t('shared.noticed') }),
          h('ul', {}, ...s.warnings.map((w) => h('li', { text: `${w.path}: ${w.message}` })))),
        h('div', { class: 'cmp-actions' },
          // Using them replaces the answers: the import's business, offered where the host offers import.
          this.el.can('import') && h('button', { type: 'button', class: 'btn primary', 'data-shared': 'use', text: t('shared.use'), onclick: () => this.#use() }),
          h('button', { type: 'button', class: 'btn', 'data-shared': 'compare', text: t('shared.compare'), onclick: () => this.#compareShared() }),
          h('button', { type: 'button', class: 'btn', 'data-shared': 'close', text: t('close'), onclick: () => this.#closeShared() }))),
      box), true);
    try {
      const report = await this.el.report();
      if (box.isConnected) report.renderReport(view, this.el.reportLib, box);
    } catch (err) {
      box.replaceChildren(h('p', { class: 'muted', text: t('shared.reportFailed', { reason: err.message }) }));
    }
  }

  /** "Use these answers": through the import (asks before replacing answers; Undo import after). */
  async #use() {
    const importer = await this.el.importer();
    const { t } = this.el.ctx;
    const done = await importer.apply(this.shared.text, { name: t('sharedResults'), holds: t('link.holds'), confirm: t('shared.use') });
    if (done) this.#closeShared();
  }

  /**
   * "Compare with mine": the shared results as before, the answers in this browser as now (what
   * a comparison always calls now, whatever the earlier assessment came from: a file or a link).
   */
  #compareShared() {
    const failed = (why) => this.el.notices.show('error', this.el.ctx.t('cmp.sharedFailed', { reason: why }));
    this.compare(this.shared.text, { back: true }, failed);
  }

  /** Closes the shared results: the fragment leaves the address, nothing was saved. */
  #closeShared() {
    this.shared = null;
    this.comparison = null;
    if (new URLSearchParams(location.hash.slice(1)).has('share')) history.replaceState(history.state, '', location.href.replace(/#.*$/, ''));
    this.#hide();
  }

  // ---- the results card ----------------------------------------------------------------

  /** Downloads the results card as `ext` (svg or png). */
  async card(ext) {
    const { h, download, today, root, ctx } = this.el;
    const report = await this.el.report();
    const card = report.cardShapes(ctx);
    const content = ext === 'png' ? await report.cardPng(card) : report.cardSvgText(card, h);
    const name = `soc2-readiness-card-${today()}.${ext}`;
    download(name, ext === 'png' ? 'image/png' : 'image/svg+xml', content, root);
    this.el.exported(`card-${ext}`, name);
  }
}

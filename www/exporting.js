// The Export menu's downloads and printing (exports.js lists them), in a chunk of their own loaded
// on the first export, like the exports module they call: the first screen does without them.
// What the element lends is handed in (`el`, below: importing the element's modules here would
// split them off its bundle into chunks of their own). Markdown and CSV are written in the
// element's language (the catalog text it shows, with the help and its phrases); JSON is
// language-neutral; OSCAL always takes the English catalog text (engine: OSCAL is English).

/** A UTC timestamp to the second, for OSCAL's `generatedAt` (the engine reads no clock). */
const nowStamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Exports the assessment as `f` (a format of exports.js). el: { t, notices, root, session,
 * download, today, loadExports, loadCatalog, loadHelp (dom.js, engine.js), help() (the catalog
 * with its help), more() (share.js, loaded), print() (the report rendered into the print
 * area), exported(format, filename) (the export event), shared (share.js's Sharing or null),
 * withSchema(json) }.
 */
export async function exportAs(el, f) {
  const { t, notices, today } = el;
  const { id } = f;
  if (f.more) {
    try {
      await (await el.more()).run(id);
    } catch (err) {
      notices.show('error', t('failed', { reason: err.message }));
    }
    return;
  }
  if (f.print) {
    try {
      await el.print();
    } catch (err) {
      notices.show('error', t('printFailed', { reason: err.message }));
      return;
    }
    // "Save as PDF" names the file after the document's title: the report's name while the
    // dialog is open, the host's title again after.
    const name = `soc2-readiness-${today()}`;
    const title = document.title;
    document.title = name;
    try {
      globalThis.print?.();
    } finally {
      document.title = title;
    }
    el.exported(id, `${name}.pdf`);
    return;
  }
  let out;
  try {
    const [exports, catalog, zip] = await Promise.all([el.loadExports(), el.help(), f.set && import('./oscal-zip.js')]);
    const text = el.session.documentText();
    if (f.set) {
      // OSCAL is language-neutral: always the English catalog's text (loaded for it if need be).
      const english = catalog.json.language === 'en' ? catalog.json : await el.loadHelp(await el.loadCatalog('en'), 'en');
      const stamp = nowStamp();
      const set = exports.oscalSet(text, english, stamp);
      out = set.ok ? { ok: true, value: zip.zipOscalSet(set.value, stamp) } : set;
    } else {
      out = exports.render(id, text, catalog.json);
      // While a comparison is open, the JSON carries it as `comparison` (README).
      if (out.ok && id === 'json') out.value = el.shared?.withComparison(el.withSchema(out.value)) ?? el.withSchema(out.value);
    }
  } catch (err) {
    out = { ok: false, error: { path: '$', message: t('exportsModule', { reason: err.message }) } };
  }
  if (!out.ok) {
    notices.show('error', t('exportFailed', out.error));
    return;
  }
  const name = `soc2-readiness-${today()}.${f.ext}`;
  el.download(name, f.type, out.value, el.root);
  el.exported(id, name);
}

// A section's questions (one step each), or the quick check's (one step, grouped under their
// sections): the answer options the control allows, records of operation, help (why, evidence,
// remediation, the glossary terms it uses), a note behind "Add a note", and "None of these yet"
// for the step's open questions. What a control's standing is (inherited, not credited) comes
// from the engine's results, never re-derived here.

import { h } from '../dom.js';
import { statusesFor, takesEvidence } from '../catalog.js';

/** A control's help: why auditors ask, the evidence, how to put it in place, its glossary terms. */
function helpBody({ catalog, t }, c) {
  if (!catalog.hasHelp) return h('p', { class: 'muted', role: 'status', text: t('loadingHelp') });
  return h('dl', {},
    h('dt', { text: t('help.why') }), h('dd', { text: c.why }),
    h('dt', { text: t('help.evidence') }), h('dd', { text: c.evidence }),
    h('dt', { text: t('help.remediation') }), h('dd', { text: c.remediation }),
    ...(c.glossary ?? []).flatMap((t) => {
      const term = catalog.glossary.get(t);
      return term ? [h('dt', { text: term.term }), h('dd', { text: term.definition })] : [];
    }));
}

/**
 * The help arrived: every help drawn before it (in `within`) gets its text in place, so a help
 * opened while it loaded stays open, with the text where "Loading the help…" was.
 */
export function fillHelp(ctx, within) {
  for (const details of within.querySelectorAll('details.help[data-help]')) {
    const c = ctx.catalog.control(details.dataset.help);
    if (c) details.lastChild.replaceWith(helpBody(ctx, c));
  }
}

/** One question's card. */
function card(ctx, cid) {
  const { catalog, results, document: doc, limits, uid, t } = ctx;
  const c = catalog.control(cid);
  const a = doc.answers[cid];
  const base = `${uid}-${cid}`;
  const state = results.standings[cid]?.state;
  const reportControl = catalog.control(catalog.json.providerReportControl);
  // The note stays folded behind "Add a note" until there is one.
  const note = h('div', { class: 'note', id: `${base}-note`, hidden: !a?.note },
    h('label', {}, t('note'),
      // No maxlength: it counts UTF-16 units, the engine characters (the element clips).
      h('textarea', { 'data-note': cid, rows: 2, text: a?.note ?? '', 'aria-describedby': `${base}-count` })),
    h('span', { class: 'hint char-count', id: `${base}-count`, 'data-count': cid, 'aria-live': 'polite', hidden: true }));
  const addNote = !a?.note && h('button', { type: 'button', class: 'link', 'data-add-note': cid, 'aria-expanded': 'false', 'aria-controls': note.id, text: t('addNote'), onclick: (e) => {
    note.hidden = false;
    e.currentTarget.hidden = true;
    note.querySelector('textarea').focus();
  } });
  return h('fieldset', { class: 'control', id: base, 'data-control': cid, 'data-inherited': state === 'inherited' },
    h('legend', { id: `${base}-q`, text: c.question }),
    h('div', { class: 'tags' },
      c.critical && h('span', { class: 'tag critical', text: t('critical') }),
      h('span', { class: 'tag', text: c.title }),
      h('span', { class: 'tag', text: c.criteria.join(' · '), title: c.criteria.map((k) => `${k}: ${catalog.criterionTitle(k)}`).join('\n') })),
    state === 'inherited' && h('p', { class: 'inherited', text: t('inheritedNote', { control: reportControl?.title }) }),
    c.inherited && !a && state === 'unanswered' && doc.profile.cloudProviderSoc2 && h('p', { class: 'inherited', text: t('notCredited', { control: reportControl?.title }) }),
    h('div', { class: 'options' }, ...statusesFor(limits, c).map((s) => h('label', {},
      h('input', { type: 'radio', name: base, value: s, checked: a?.status === s, 'data-status': cid }),
      h('span', { text: catalog.state(s) })))),
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', id: `${uid}-ev-${cid}`, 'data-evidence': cid, checked: !!a?.evidence, disabled: !(a && takesEvidence(a.status)) }),
      h('span', { text: t('records') })),
    // One row of tools: the help (a full row once open), "Add a note", "Clear answer".
    h('div', { class: 'card-foot' }, h('details', { class: 'help', 'data-help': cid }, h('summary', { text: t('help') }),
      helpBody(ctx, c)),
      addNote,
      a && h('button', { type: 'button', class: 'btn small', 'data-clear': cid, text: t('clear') })),
    note);
}

/**
 * "None of these yet" for the questions shown in `form`: answers the open ones (unanswered, not
 * inherited) not implemented in one action; after it, "Undo" for that action while the step is
 * shown. Renders into `form`'s first child, again after every answer (the element calls it).
 * bulk: { none(ids), undo(), undone: the ids the last action answered on this step, or null }.
 */
export function renderNoneYet(ctx, form, bulk) {
  const { catalog, document: doc, uid, t } = ctx;
  const state = catalog.state('notImplemented');
  const area = form.firstChild;
  const n = bulk.undone?.length;
  if (n) {
    area.replaceChildren(h('div', { class: 'bulk' },
      h('p', { role: 'status', text: t('bulkDone', { n, state }) }),
      h('button', { type: 'button', class: 'btn small', 'data-bulk': 'undo', text: t('undo'), onclick: () => bulk.undo() })));
    return;
  }
  const open = [...form.querySelectorAll('fieldset.control:not([data-inherited])')].map((f) => f.dataset.control).filter((id) => !doc.answers[id]);
  const hint = `${uid}-bulk-hint`;
  area.replaceChildren(...(open.length ? [h('div', { class: 'bulk' },
    h('p', { id: hint, class: 'muted', text: t('bulkHint', { n: open.length, state }) }),
    h('button', { type: 'button', class: 'btn small', 'data-bulk': 'none', 'aria-describedby': hint, text: t('noneYet'), onclick: () => bulk.none(open) }))] : []));
}

/** A step's form: the "None of these yet" area, then `children`. */
function form(ctx, bulk, children) {
  const el = h('div', { class: 'form' }, h('div', { class: 'bulk-area' }), ...children);
  renderNoneYet(ctx, el, bulk);
  return el;
}

export function sectionView(ctx, sectionId, bulk) {
  const section = ctx.catalog.section(sectionId);
  const asked = ctx.catalog.asked(ctx.results.standings, (c) => c.section === sectionId);
  return { intro: h('p', { text: section?.summary ?? '' }), content: form(ctx, bulk, asked.map((cid) => card(ctx, cid))) };
}

/** The quick check's one step: every question asked, under its section's heading. */
export function quickView(ctx, sectionIds, bulk) {
  const { catalog, results, uid } = ctx;
  const groups = sectionIds.map((id) => {
    const asked = catalog.asked(results.standings, (c) => c.section === id);
    return h('section', { class: 'group', 'aria-labelledby': `${uid}-g-${id}` },
      h('h3', { id: `${uid}-g-${id}`, text: catalog.section(id)?.title ?? id }),
      ...asked.map((cid) => card(ctx, cid)));
  });
  return {
    intro: h('p', { text: ctx.t('quick.intro') }),
    content: form(ctx, bulk, groups),
  };
}

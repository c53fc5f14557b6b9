// One section's questions: the answer options the control allows, records of operation, help
// (why, evidence, remediation, the glossary terms it uses), a note. What a control's standing is
// (inherited, not credited) comes from the engine's results, never re-derived here.

import { h } from '../dom.js';
import { statusesFor, takesEvidence } from '../catalog.js';

export function sectionView(ctx, sectionId) {
  const { catalog, results, document: doc, limits, uid } = ctx;
  const section = catalog.section(sectionId);
  const standings = results.standings;
  const asked = catalog.asked(standings, (c) => c.section === sectionId);
  const reportControl = catalog.control(catalog.json.providerReportControl);
  const cards = asked.map((cid) => {
    const c = catalog.control(cid);
    const a = doc.answers[cid];
    const base = `${uid}-${cid}`;
    const state = standings[cid]?.state;
    return h('fieldset', { class: 'control', id: base, 'data-control': cid },
      h('legend', { id: `${base}-q`, text: c.question }),
      h('div', { class: 'tags' },
        c.critical && h('span', { class: 'tag critical', text: 'Critical' }),
        h('span', { class: 'tag', text: c.title }),
        h('span', { class: 'tag', text: c.criteria.join(' · '), title: c.criteria.map((k) => `${k}: ${catalog.criterionTitle(k)}`).join('\n') })),
      state === 'inherited' && h('p', { class: 'inherited', text: `Counted as in place from your cloud provider’s SOC 2 report, while “${reportControl?.title}” is not answered planned or not implemented. Answer to override.` }),
      c.inherited && !a && state === 'unanswered' && doc.profile.cloudProviderSoc2 && h('p', { class: 'inherited', text: `Not credited from your provider’s report: “${reportControl?.title}” says the report is not on record yet.` }),
      h('div', { class: 'options' }, ...statusesFor(limits, c).map((s) => h('label', {},
        h('input', { type: 'radio', name: base, value: s, checked: a?.status === s, 'data-status': cid }),
        h('span', { text: catalog.state(s) })))),
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', id: `${uid}-ev-${cid}`, 'data-evidence': cid, checked: !!a?.evidence, disabled: !(a && takesEvidence(a.status)) }),
        h('span', { text: 'We have records of this operating over time (needed for Type II)' })),
      h('details', { class: 'help' }, h('summary', { text: 'Why it matters, evidence, how to fix' }),
        catalog.hasHelp
          ? h('dl', {},
            h('dt', { text: 'Why auditors ask' }), h('dd', { text: c.why }),
            h('dt', { text: 'Evidence to collect' }), h('dd', { text: c.evidence }),
            h('dt', { text: 'How to put it in place' }), h('dd', { text: c.remediation }),
            ...(c.glossary ?? []).flatMap((t) => {
              const term = catalog.glossary.get(t);
              return term ? [h('dt', { text: term.term }), h('dd', { text: term.definition })] : [];
            }))
          : h('p', { class: 'muted', role: 'status', text: 'Loading the help…' })),
      h('div', { class: 'note' }, h('label', {}, 'Note (optional)',
        // No maxlength: it counts UTF-16 units, the engine characters (the element clips).
        h('textarea', { 'data-note': cid, rows: 1, text: a?.note ?? '', 'aria-describedby': `${base}-count` })),
      h('span', { class: 'hint char-count', id: `${base}-count`, 'data-count': cid, 'aria-live': 'polite', hidden: true })),
      a && h('button', { type: 'button', class: 'btn small', 'data-clear': cid, text: 'Clear answer' }));
  });
  return { intro: h('p', { text: section?.summary ?? '' }), content: h('div', { class: 'form' }, ...cards) };
}

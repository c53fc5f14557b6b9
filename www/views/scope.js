// The scope step: categories in scope, API surface, team and hosting, timing, window. Every
// limit shown or enforced is the engine's (`limits`).

import { h } from '../dom.js';

export function scopeView(ctx) {
  const p = ctx.document.profile;
  const { limits, catalog, uid } = ctx;
  const id = (name) => `${uid}-p-${name}`;
  const num = (name, label, hint, min) => h('div', { class: 'field' },
    h('label', { for: id(name), text: label }),
    h('input', { id: id(name), type: 'number', inputmode: 'numeric', min, max: limits.maxCount, step: 1, value: p[name], 'data-profile': name, 'aria-describedby': `${id(name)}-hint` }),
    h('span', { class: 'hint', id: `${id(name)}-hint`, text: hint }));
  const text = (name, label, hint) => h('div', { class: 'field' },
    h('label', { for: id(name), text: label }),
    // No maxlength: it counts UTF-16 units, the engine counts characters (the element clips).
    h('input', { id: id(name), type: 'text', value: p[name], 'data-profile': name, autocomplete: 'off', 'aria-describedby': `${id(name)}-hint` }),
    h('span', { class: 'hint', id: `${id(name)}-hint`, text: hint }));
  const check = (name, label) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', 'data-profile': name, checked: !!p[name] }), h('span', { text: label }));

  // The hours a week the programme gets: empty means the default the engine derives from the team
  // size (shown as the placeholder); the plan and the timeline are scheduled at it.
  const capacity = h('div', { class: 'field' },
    h('label', { for: id('hoursPerWeek'), text: 'Hours a week we can spend on this' }),
    h('input', { id: id('hoursPerWeek'), type: 'number', inputmode: 'numeric', min: 1, max: limits.hoursPerWeek, step: 1, value: p.hoursPerWeek ?? '', 'data-profile': 'hoursPerWeek', 'data-optional': '', 'aria-describedby': `${id('hoursPerWeek')}-hint` }),
    h('span', { class: 'hint', id: `${id('hoursPerWeek')}-hint` }));
  showCapacity(ctx, capacity);
  const cats = h('fieldset', {}, h('legend', { text: 'Trust Services categories in scope' }),
    h('div', { class: 'cats' }, ...catalog.categories.map((c) => h('div', {},
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', 'data-category': c.id, checked: c.required || p.categories.includes(c.id), disabled: c.required, 'aria-describedby': `${id(c.id)}-hint` }),
        h('span', { text: c.required ? `${c.title} (always in scope)` : c.title })),
      h('p', { class: 'hint muted', id: `${id(c.id)}-hint`, text: c.summary })))));
  const windowSet = h('fieldset', {}, h('legend', { text: 'Type II observation window' }),
    h('div', { class: 'options' }, ...limits.observationWindows.map((m) => h('label', {},
      h('input', { type: 'radio', name: `${uid}-window`, value: m, checked: p.observationMonths === m, 'data-profile': 'observationMonths' }),
      h('span', { text: `${m} months` })))),
    h('p', { class: 'muted', text: 'How long the auditor observes your controls operating. 3 or 6 months is common for a first report.' }));
  return {
    intro: h('p', { text: 'Tell us what the audit covers. This decides which questions apply and drives the timeline.' }),
    content: h('div', { class: 'form' },
      cats,
      h('fieldset', {}, h('legend', { text: 'Your API surface' }),
        h('div', { class: 'fields' },
          num('endpoints', 'API endpoints', 'Public and internal endpoints in scope.', 0),
          num('apiVersions', 'Live API versions', 'Versions customers can still call.', 1),
          num('integrations', 'Third-party integrations', 'Sub-processors and services your API depends on.', 0),
          num('regions', 'Countries or regions with data', 'Where customer data is processed or stored.', 1))),
      h('fieldset', {}, h('legend', { text: 'Team and hosting' }),
        h('div', { class: 'fields' },
          num('teamSize', 'Engineers and operators', 'People who can work on remediation.', 1),
          capacity,
          text('organization', 'Organisation', 'Shown on reports.'),
          text('complianceOwner', 'Compliance owner', 'Accountable for the programme.'),
          text('cloudProvider', 'Cloud provider', 'For example AWS, Google Cloud, Azure.')),
        check('cloudHosted', 'We run on a cloud provider'),
        check('cloudProviderSoc2', 'Our cloud provider has its own SOC 2 report (we inherit its data-centre controls)')),
      h('fieldset', {}, h('legend', { text: 'Timing' }),
        h('div', { class: 'fields' }, h('div', { class: 'field' },
          h('label', { for: id('startDate'), text: 'Start date' }),
          h('input', { id: id('startDate'), type: 'date', required: true, min: limits.startDateMin, max: limits.startDateMax, value: p.startDate, 'data-profile': 'startDate', 'aria-describedby': `${id('startDate')}-hint` }),
          h('span', { class: 'hint', id: `${id('startDate')}-hint`, text: 'When remediation starts; the timeline counts from it.' })))),
      windowSet),
  };
}

/**
 * The hours-a-week field's placeholder and hint, from the engine's capacity (the default follows
 * the team size): on the scope step's first render and after each profile change.
 */
export function showCapacity(ctx, within) {
  const input = within.querySelector('input[data-profile="hoursPerWeek"]');
  const hint = input && within.querySelector(`#${CSS.escape(input.getAttribute('aria-describedby'))}`);
  if (!hint) return;
  const derived = ctx.summary.timeline.drivers.capacityHoursPerWeek;
  const set = ctx.document.profile.hoursPerWeek != null;
  input.placeholder = set ? '' : String(derived);
  hint.textContent = set
    ? 'Person-hours a week for remediation; empty it to use the default from the team size. The plan and the timeline use it.'
    : `Person-hours a week for remediation. Empty: ${derived}, from the team size. The plan and the timeline use it.`;
}

// The scope step: categories in scope, API surface, team and hosting, timing, window. Every
// limit shown or enforced is the engine's (`limits`).

import { h } from '../dom.js';

export function scopeView(ctx) {
  const p = ctx.document.profile;
  const { limits, catalog, uid, t } = ctx;
  const id = (name) => `${uid}-p-${name}`;
  // Each field's label and hint are the words `scope.<name>` and `scope.<name>.hint`.
  const num = (name, min) => h('div', { class: 'field' },
    h('label', { for: id(name), text: t(`scope.${name}`) }),
    h('input', { id: id(name), type: 'number', inputmode: 'numeric', min, max: limits.maxCount, step: 1, value: p[name], 'data-profile': name, 'aria-describedby': `${id(name)}-hint` }),
    h('span', { class: 'hint', id: `${id(name)}-hint`, text: t(`scope.${name}.hint`) }));
  const text = (name) => h('div', { class: 'field' },
    h('label', { for: id(name), text: t(`scope.${name}`) }),
    // No maxlength: it counts UTF-16 units, the engine counts characters (the element clips).
    h('input', { id: id(name), type: 'text', value: p[name], 'data-profile': name, autocomplete: 'off', 'aria-describedby': `${id(name)}-hint` }),
    h('span', { class: 'hint', id: `${id(name)}-hint`, text: t(`scope.${name}.hint`) }));
  const check = (name) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', 'data-profile': name, checked: !!p[name] }), h('span', { text: t(`scope.${name}`) }));

  // The hours a week the programme gets: empty means the default the engine derives from the team
  // size (shown as the placeholder); the plan and the timeline are scheduled at it.
  const capacity = h('div', { class: 'field' },
    h('label', { for: id('hoursPerWeek'), text: t('scope.hoursPerWeek') }),
    h('input', { id: id('hoursPerWeek'), type: 'number', inputmode: 'numeric', min: 1, max: limits.hoursPerWeek, step: 1, value: p.hoursPerWeek ?? '', 'data-profile': 'hoursPerWeek', 'data-optional': '', 'aria-describedby': `${id('hoursPerWeek')}-hint` }),
    h('span', { class: 'hint', id: `${id('hoursPerWeek')}-hint` }));
  showCapacity(ctx, capacity);
  const cats = h('fieldset', {}, h('legend', { text: t('scope.categories') }),
    h('div', { class: 'cats' }, ...catalog.categories.map((c) => h('div', {},
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', 'data-category': c.id, checked: c.required || p.categories.includes(c.id), disabled: c.required, 'aria-describedby': `${id(c.id)}-hint` }),
        h('span', { text: c.required ? t('scope.required', { category: c.title }) : c.title })),
      h('p', { class: 'hint muted', id: `${id(c.id)}-hint`, text: c.summary })))));
  const windowSet = h('fieldset', {}, h('legend', { text: t('scope.window') }),
    h('div', { class: 'options' }, ...limits.observationWindows.map((m) => h('label', {},
      h('input', { type: 'radio', name: `${uid}-window`, value: m, checked: p.observationMonths === m, 'data-profile': 'observationMonths' }),
      h('span', { text: t('months', { n: m }) })))),
    h('p', { class: 'muted', text: t('scope.window.hint') }));
  return {
    intro: h('p', { text: t('scope.intro') }),
    content: h('div', { class: 'form' },
      cats,
      h('fieldset', {}, h('legend', { text: t('scope.surface') }),
        h('div', { class: 'fields' },
          num('endpoints', 0),
          num('apiVersions', 1),
          num('integrations', 0),
          num('regions', 1))),
      h('fieldset', {}, h('legend', { text: t('scope.team') }),
        h('div', { class: 'fields' },
          num('teamSize', 1),
          capacity,
          text('organization'),
          text('complianceOwner'),
          text('cloudProvider')),
        check('cloudHosted'),
        check('cloudProviderSoc2')),
      h('fieldset', {}, h('legend', { text: t('scope.timing') }),
        h('div', { class: 'fields' }, h('div', { class: 'field' },
          h('label', { for: id('startDate'), text: t('scope.startDate') }),
          h('input', { id: id('startDate'), type: 'date', required: true, min: limits.startDateMin, max: limits.startDateMax, value: p.startDate, 'data-profile': 'startDate', 'aria-describedby': `${id('startDate')}-hint` }),
          h('span', { class: 'hint', id: `${id('startDate')}-hint`, text: t('scope.startDate.hint') })))),
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
  hint.textContent = set ? ctx.t('scope.hoursPerWeek.set') : ctx.t('scope.hoursPerWeek.hint', { n: derived });
}

// The catalog as the views read it: the engine's catalog.json (structure and one language's text,
// including the names of statuses, bands, phases, and the plan's stages and windows) with lookups
// by id. Every word the page shows about a control, section, criterion or engine value comes from
// here.

import { h } from './dom.js';

export class CatalogView {
  constructor(json) {
    this.json = json;
    this.categories = json.categories;
    this.sections = json.sections;
    this.controls = new Map(json.controls.map((c) => [c.id, c]));
    this.criteria = new Map(json.criteria.map((c) => [c.id, c]));
    this.labels = json.labels;
    /** Whether the help (why, evidence, remediation, glossary) is loaded (engine.js loadHelp). */
    this.hasHelp = false;
    this.glossary = new Map();
  }

  /** The help arrived: it is merged into the catalog's controls. */
  helpLoaded() {
    this.hasHelp = true;
    this.glossary = new Map(this.json.glossary.map((t) => [t.id, t]));
  }

  control(id) { return this.controls.get(id); }
  /** Ids of the controls asked (present in the engine's `standings`) that `keep` selects, in catalog order. */
  asked(standings, keep) { return this.json.controls.filter((c) => standings[c.id] && keep(c)).map((c) => c.id); }
  section(id) { return this.sections.find((s) => s.id === id); }
  criterionTitle(id) { return this.criteria.get(id)?.title ?? ''; }
  categoryTitle(id) { return this.categories.find((c) => c.id === id)?.title ?? id; }
  /** The name of a state (answer statuses included), band or timeline phase. */
  state(id) { return this.labels.states[id] ?? id; }
  band(id) { return this.labels.bands[id] ?? id; }
  phase(id) { return this.labels.phases[id] ?? id; }
  /** The name of a plan stage (foundations, controls, operate) or window (days30 … later). */
  stage(id) { return this.labels.stages[id] ?? id; }
  window(id) { return this.labels.windows[id] ?? id; }

  /** A band as a badge. */
  badge(id) {
    return h('span', { class: `band b-${id}`, text: this.band(id) });
  }
}

/** Whether records of operation (Type II evidence) can apply to an answer with this status. */
export const takesEvidence = (status) => status === 'implemented' || status === 'partial';

/** The answer statuses a control offers (the engine's, in its order): N/A only where allowed. */
export const statusesFor = (limits, control) =>
  limits.statuses.filter((s) => s !== 'notApplicable' || control.allowsNotApplicable);

// A typed use of the element and the engine, as a host application would write it. It compiles
// only if the declarations are complete and agree with each other (tsc --noEmit -p tests/types).
import type { Soc2Readiness, Soc2ReadinessStepDetail, Soc2ReadinessSummary } from '../../www/soc2-readiness.js';
import init, { Session, limits } from '../../www/pkg/soc2_readiness.js';
import type { AssessmentDocument, Band, Export, Limits, Outcome, Summary } from '../../www/pkg/soc2_readiness.js';
import { render } from '../../www/pkg/soc2_readiness_exports.js';

export async function engineExample(catalogText: unknown): Promise<string | null> {
  await init();
  const bounds: Limits = limits();
  const session = new Session(bounds.startDateMin);
  const changed: Outcome<Summary> = session.setAnswer('access.mfa-admin', 'implemented', true, 'hardware keys');
  if (!changed.ok) return changed.error.path;
  const band: Band = changed.value.overall.band;
  const design: number | null = changed.value.overall.design;
  const full: Export = session.exported();
  const criteria = Object.keys(full.readiness.criteria).length;
  const profile = session.setProfile({ teamSize: 12, categories: ['security', 'availability'] });
  if (!profile.ok) return profile.error.message;
  const doc: AssessmentDocument = session.document();
  const exported: Export = session.exported();
  const text = render('markdown', session.documentText(), catalogText as never, undefined);
  return text.ok ? `${band} ${design} ${criteria} ${doc.profile.startDate} ${exported.generator}` : text.error.message;
}

export function elementExample(): void {
  const el = document.querySelector('soc2-readiness');
  if (!el) return;
  const typed: Soc2Readiness = el;
  typed.addEventListener('soc2-readiness-change', (event) => {
    const detail: Soc2ReadinessSummary = event.detail;
    console.info(detail.readiness.type1, detail.readiness.band, detail.topActions.map((a) => a.title));
    // the full results stay on the property
    const overall = typed.results?.readiness.overall;
    console.info(overall?.design);
  });
  typed.addEventListener('soc2-readiness-step', (event) => {
    const detail: Soc2ReadinessStepDetail = event.detail;
    console.info(detail.step, detail.index, detail.count, detail.summary.timeline.type1.weeks.high);
  });
  typed.addEventListener('soc2-readiness-complete', (event) => console.info(event.detail.categories['security']?.type1));
  typed.addEventListener('soc2-readiness-export', (event) => console.info(event.detail.filename.endsWith('.pdf')));
  const current = typed.assessment;
  if (current) typed.assessment = { ...current, mode: 'quick' };
}

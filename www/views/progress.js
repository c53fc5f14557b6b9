// Progress as the visitor sees it, shared by the start screen (loaded first) and the questionnaire
// (views/questionnaire.js, loaded after): counts are the visitor's own answers, a control inherited
// from the cloud provider's SOC 2 report is shown as inherited, never as answered.

/** The quick check's one step: every quick question, grouped under its section. */
export const QUICK = 'quick';

/**
 * The visitor's part of a set's counts: `yours` answered by the visitor, `open` the questions
 * theirs to answer (asked, less those inherited and not overridden), `inherited`.
 */
export function progressOf(counts, inherited = counts.inherited) {
  return { yours: counts.answered - inherited, open: counts.asked - inherited, inherited };
}

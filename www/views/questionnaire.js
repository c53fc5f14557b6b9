// The questionnaire's views: the steps, each step's questions, the scope form and the results
// panel. A chunk of its own (scripts/bundle.mjs splits at this dynamic import): a first visit's
// first screen is the start screen, which needs none of it, so the element loads it with the
// catalog once that screen is painted; a returning visitor's first screen waits for both.

export { capReasons, ResultsPanel } from './results.js';
export { chartRows } from './chart.js';
export { scopeView, showCapacity } from './scope.js';
export { fillHelp, quickView, renderNoneYet, sectionView } from './section.js';
export { Steps } from './steps.js';
export { styles } from './questionnaire-styles.js';
export { Answering } from '../answering.js';
// The English words of everything after the first screen (the element adds them when the chunk loads).
export { default as english } from '../i18n/en-more.js';

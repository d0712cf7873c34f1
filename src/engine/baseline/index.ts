export { applyBaseline } from './apply.ts';
export { baselineText, createBaseline } from './create.ts';
export { BaselineError, checkBaseline, readBaseline } from './read.ts';
export type { Baseline, BaselineEntry, BaselineOutcome } from './types.ts';

export type * from './types.ts';
export { compareSegments, zonesNotBuilt, type SegmentDeviation } from './segments.ts';
export { compareFlows, type FlowDeviation } from './flows.ts';

export { loadPack, DEFAULT_PACK_DIR } from './load.ts';
export { applyConfig, overrideParameter } from './apply-config.ts';
export type { ConfiguredRules } from './apply-config.ts';
export type { PackInfo, PolicyPack, RuleEntry, SkippedRule } from './types.ts';

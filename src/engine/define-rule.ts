import type { Rule } from './types.ts';

/**
 * Declares a rule's logic. It only fixes the type; the engine pairs the rule
 * with its pack entry by `id`, which must equal the module's file name.
 */
export function defineRule(rule: Rule): Rule {
  return rule;
}

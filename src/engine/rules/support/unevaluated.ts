import type { UnevaluatedRule } from '../../../analysis/reachability/types.ts';
import type { FirewallRule } from '../../../model/types.ts';
import type { RuleContext } from '../../types.ts';
import { describeRule, firewallRulesById } from './flow-findings.ts';

/**
 * Reports each rule part that could not be evaluated as `unknown` with the
 * message `not-evaluated`, when `affects` returns true because the unknown could change this
 * zoneguard rule's result. Never a pass, never a fail.
 */
export function reportUnevaluated(
  context: RuleContext,
  affects: (entry: UnevaluatedRule, rule: FirewallRule) => boolean,
): void {
  const rules = firewallRulesById(context.model);
  for (const entry of context.reachability.unevaluated) {
    const rule = rules.get(entry.ruleId);
    if (rule === undefined || !affects(entry, rule)) continue;
    context.report({
      status: 'unknown',
      messageId: 'not-evaluated',
      data: {
        rule: describeRule(rule),
        part: entry.part,
        expression: entry.unknown.origin,
        reason: entry.unknown.reason,
      },
      address: rule.origin.address,
      origin: rule.origin,
      location: entry.location,
      detail: `unknown:${rule.path}:${entry.part}:${entry.unknown.origin}`,
      unknown: entry.unknown,
    });
  }
}


import type { UnevaluatedRule } from '../../../analysis/reachability/types.ts';
import type { FirewallRule } from '../../../model/types.ts';
import type { RuleContext } from '../../types.ts';
import { describeRule, firewallRulesById } from './flow-findings.ts';

/**
 * Reports each rule part that could not be evaluated as `unknown` with the
 * message `not-evaluated`, when `affects` returns true because the unknown could change this
 * zoneguard rule's result. Never a pass, never a fail. A firewall rule this
 * zoneguard rule already failed on its known parts gets no unknown result:
 * the unknown part cannot turn the failure into a pass.
 */
export function reportUnevaluated(
  context: RuleContext,
  affects: (entry: UnevaluatedRule, rule: FirewallRule) => boolean,
): void {
  const rules = firewallRulesById(context.model);
  const failed = new Set(
    context.reports.filter((report) => report.status === 'fail').map((report) => report.subjectId),
  );
  for (const entry of context.reachability.unevaluated) {
    const rule = rules.get(entry.ruleId);
    if (rule === undefined || failed.has(rule.id) || !affects(entry, rule)) continue;
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
      subjectId: rule.id,
    });
  }
}


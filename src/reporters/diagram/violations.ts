import type { ScanResult } from '../../engine/result.ts';
import type { Finding } from '../../engine/types.ts';

/**
 * The article of the regulation that sets the network zoning. A rule that
 * cites it is a zoning rule, and its failing findings mark the flows they
 * name as violations in the diagram.
 */
export const ZONING_ARTICLE = 'Đ9.2.a';

/**
 * Maps firewall rule ids (as matrix cells list them) to the ids of the zoning
 * rules whose unsuppressed failing findings name them.
 */
export function violationsByFirewallRule(result: ScanResult): Map<string, Set<string>> {
  const violations = new Map<string, Set<string>>();
  for (const finding of result.findings) {
    if (finding.status !== 'fail' || finding.suppression !== undefined) continue;
    if (!finding.articles.includes(ZONING_ARTICLE)) continue;
    const firewallRuleId = namedFirewallRule(finding);
    if (firewallRuleId === undefined) continue;
    const rules = violations.get(firewallRuleId) ?? new Set<string>();
    violations.set(firewallRuleId, rules.add(finding.ruleId));
  }
  return violations;
}

/**
 * Flow findings write the firewall rule in `data.rule` as `address path`
 * (`aws_security_group.web ingress[1]`) or as the bare address of a rule that
 * is its own resource; the model's rule id joins the two with `/`.
 */
function namedFirewallRule(finding: Finding): string | undefined {
  const written = finding.data.rule;
  if (typeof written !== 'string') return undefined;
  const prefix = `${finding.address} `;
  return written.startsWith(prefix) ? `${finding.address}/${written.slice(prefix.length)}` : written;
}

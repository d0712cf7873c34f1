import type { EnforcementLevel, Policies, PolicyResource, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import type { ZoneguardConfig } from '../../../engine/config.ts';
import { SEVERITIES, type Finding, type Severity } from '../../../engine/types.ts';
import { policyConfigSchema } from './config-schema.ts';
import { evaluate } from './evaluate.ts';
import { fromPolicyResource } from './resources.ts';
import { readCatalog } from './rule-catalog.ts';

/** `zoneguard scan`'s default: findings at or above it fail the scan. */
export const DEFAULT_POLICY_THRESHOLD: Severity = 'high';

/**
 * Rules that judge one resource by itself; every other rule needs the whole
 * network (zones, reachability, tiers) and validates the stack.
 */
export const RESOURCE_RULES: readonly string[] = ['no-default-credentials', 'routing-source-destination', 'storage-raid'];

export interface PolicyPackOptions {
  /** The rule ids of the pack; the built-in pack by default. */
  ruleIds?: string[];
}

/**
 * Four policies: the network rules over the whole stack and the local rules
 * over each resource, each twice. CrossGuard fixes a policy's enforcement
 * level, while zoneguard decides by the severity of each finding, so the
 * `mandatory` policy reports findings at or above `severityThreshold` and its
 * `advisory` twin the ones below. Findings name their rule.
 */
export function zoneguardPolicies(options: PolicyPackOptions = {}): Policies {
  const all = options.ruleIds ?? readCatalog().map((rule) => rule.id);
  const local = all.filter((id) => RESOURCE_RULES.includes(id));
  const network = all.filter((id) => !RESOURCE_RULES.includes(id));
  return [
    stackPolicy('zoneguard-network', 'mandatory', network),
    stackPolicy('zoneguard-network-advisory', 'advisory', network),
    resourcePolicy('zoneguard-resource', 'mandatory', local),
    resourcePolicy('zoneguard-resource-advisory', 'advisory', local),
  ];
}

function stackPolicy(name: string, level: EnforcementLevel, ruleIds: string[]): StackValidationPolicy {
  return {
    name,
    description: describe('Zones, reachability and tiers of the whole stack', level, ruleIds),
    enforcementLevel: level,
    configSchema: policyConfigSchema(),
    validateStack: async (args, reportViolation) => {
      const config = args.getConfig<ZoneguardConfig>();
      const found = await evaluate(args.resources.map(fromPolicyResource), ruleIds, config);
      for (const { finding, urn } of found) reportIf(finding, urn, level, config, reportViolation);
    },
  };
}

function resourcePolicy(name: string, level: EnforcementLevel, ruleIds: string[]): ResourceValidationPolicy {
  return {
    name,
    description: describe('Rules each resource meets by itself', level, ruleIds),
    enforcementLevel: level,
    configSchema: policyConfigSchema(),
    validateResource: async (args, reportViolation) => {
      const config = args.getConfig<ZoneguardConfig>();
      const found = await evaluate([fromPolicyResource(args as unknown as PolicyResource)], ruleIds, config);
      for (const { finding } of found) reportIf(finding, undefined, level, config, reportViolation);
    },
  };
}

function describe(what: string, level: EnforcementLevel, ruleIds: string[]): string {
  const which = level === 'mandatory' ? 'at or above the severity threshold' : 'below the severity threshold';
  return `${what} (Regulation 2926/QĐ-TCHQ), findings ${which}: ${ruleIds.join(', ')}.`;
}

/**
 * Reports a finding from the policy of its level: the mandatory policy takes
 * findings at or above the threshold, the advisory one the rest. "Could not evaluate" results count only with `failOnUnknown`.
 */
function reportIf(
  finding: Finding,
  urn: string | undefined,
  level: EnforcementLevel,
  config: ZoneguardConfig,
  reportViolation: ReportViolation,
): void {
  if (finding.status === 'unknown' && config.failOnUnknown !== true) return;
  const blocking = atOrAbove(finding.severity, config.severityThreshold ?? DEFAULT_POLICY_THRESHOLD);
  if (blocking !== (level === 'mandatory')) return;
  if (urn === undefined) reportViolation(violationText(finding));
  else reportViolation(violationText(finding), urn);
}

function violationText(finding: Finding): string {
  const status = finding.status === 'unknown' ? 'could not evaluate: ' : '';
  return `[${finding.ruleId}, ${finding.severity}] ${status}${finding.message} (${finding.articles.join(', ')}) Fix: ${finding.remediation}`;
}

function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

import { resolve } from 'node:path';
import type { Policies, PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanPulumiFile } from '../../../src/integrations/pulumi/scan-file.ts';
import { SEVERITIES, type Finding, type Severity } from '../../../src/engine/types.ts';
import { RESOURCE_RULES, zoneguardPolicies } from '../../../src/integrations/pulumi/policy-pack/policies.ts';
import { readCatalog } from '../../../src/integrations/pulumi/policy-pack/rule-catalog.ts';
import { EXAMPLES } from './capture-example.ts';
import { policyResources, resourceArgs, stackArgs } from './policy-args.ts';

/**
 * The CrossGuard pack, called as the Pulumi CLI would call it: stack
 * policies with every resource, resource policies with one, properties
 * behind CrossGuard's unknown-checking proxy. The resources are those the
 * mock runtime captured from the Pulumi examples (the saved preview.json,
 * whose ids are still unknown, and stack-export.json).
 */

interface Violation {
  policy: string;
  urn: string;
  message: string;
}

async function runPack(policies: Policies, resources: PolicyResource[], config: object = {}): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const policy of policies) {
    const report = (message: string, urn?: string): void => void violations.push({ policy: policy.name, urn: urn ?? '', message });
    if ('validateStack' in policy) await (policy as StackValidationPolicy).validateStack(stackArgs(resources, config), report);
    const validate = (policy as ResourceValidationPolicy).validateResource;
    if (typeof validate === 'function') {
      for (const resource of resources) await validate(resourceArgs(resource, config), (message, urn) => report(message, urn ?? resource.urn));
    }
  }
  return violations;
}

/** `rule address` of each violation, from the `[rule, severity]` prefix and the URN. */
function pairs(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${/^\[([a-z0-9-]+),/.exec(v.message)?.[1]} ${v.urn.split('::').slice(2).join('::')}`).sort();
}

const noncompliant = resolve(EXAMPLES, 'pulumi', 'portal-noncompliant');

describe('the zoneguard CrossGuard policy pack', () => {
  const policies = zoneguardPolicies();
  const mandatory = policies.filter((p) => p.enforcementLevel === 'mandatory');
  const advisory = policies.filter((p) => p.enforcementLevel === 'advisory');
  let blocking: string[];
  let lesser: string[];
  let mediumAndAbove: string[];

  /** Failures `zoneguard scan` reports on an example's stack export, split at a threshold. */
  async function expectedPairs(example: string, threshold: Severity = 'high'): Promise<{ blocking: string[]; lesser: string[] }> {
    const scanned = await scanPulumiFile(resolve(EXAMPLES, 'pulumi', example, 'stack-export.json'));
    const failures = scanned.findings.filter((f) => f.status === 'fail');
    const atOrAbove = (f: Finding): boolean => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(threshold);
    return {
      blocking: failures.filter(atOrAbove).map((f) => `${f.ruleId} ${f.address}`).sort(),
      lesser: failures.filter((f) => !atOrAbove(f)).map((f) => `${f.ruleId} ${f.address}`).sort(),
    };
  }

  beforeAll(async () => {
    ({ blocking, lesser } = await expectedPairs('portal-noncompliant'));
    mediumAndAbove = (await expectedPairs('portal-noncompliant', 'medium')).blocking;
  });

  it('checks the network rules on the stack and the local rules on each resource, every rule once', () => {
    const stack = policies.filter((p) => 'validateStack' in p).map((p) => p.name);
    const resource = policies.filter((p) => 'validateResource' in p).map((p) => p.name);
    expect(stack).toEqual(['zoneguard-network', 'zoneguard-network-advisory']);
    expect(resource).toEqual(['zoneguard-resource', 'zoneguard-resource-advisory']);
    const described = mandatory.map((p) => p.description).join(' ');
    for (const rule of readCatalog()) expect(described).toContain(rule.id);
    expect(RESOURCE_RULES.every((id) => policies[2]!.description.includes(id))).toBe(true);
  });

  it('offers the .zoneguard.yml options as config, without the reserved enforcementLevel', () => {
    const properties = policies[0]!.configSchema!.properties;
    expect(Object.keys(properties).sort()).toEqual(['failOnUnknown', 'profiles', 'rules', 'severityThreshold', 'zones']);
    expect(properties['severityThreshold']).toEqual({ enum: ['critical', 'high', 'medium', 'low', 'info'] });
    expect(JSON.stringify(properties)).not.toContain('$ref');
  });

  it.each(['preview.json', 'stack-export.json'])(
    'blocks on the non-compliant example (%s) with what zoneguard scan fails at the threshold, and advises the rest',
    async (file) => {
      const resources = await policyResources(resolve(noncompliant, file));
      expect(pairs(await runPack(mandatory, resources))).toEqual(blocking);
      const advised = await runPack(advisory, resources);
      expect(pairs(advised)).toEqual(lesser);
      expect(advised.find((v) => v.message.startsWith('[no-default-credentials,'))?.message).toMatch(/password/);
    },
    60_000,
  );

  it('blocks on the compliant example only where zoneguard scan fails', async () => {
    const expected = await expectedPairs('portal-compliant');
    const resources = await policyResources(resolve(EXAMPLES, 'pulumi', 'portal-compliant', 'preview.json'));
    expect(pairs(await runPack(mandatory, resources))).toEqual(expected.blocking);
    expect(pairs(await runPack(advisory, resources))).toEqual(expected.lesser);
  }, 60_000);

  it('moves findings between the mandatory and advisory policies with severityThreshold and rule severities', async () => {
    const resources = await policyResources(resolve(noncompliant, 'stack-export.json'));
    const strict = await runPack(mandatory, resources, { severityThreshold: 'medium' });
    expect(pairs(strict)).toEqual(mediumAndAbove);
    const lowered = await runPack(mandatory, resources, { rules: { 'portal-db-not-exposed': { severity: 'low' } } });
    expect(pairs(lowered)).toEqual(blocking.filter((pair) => !pair.startsWith('portal-db-not-exposed ')));
  }, 60_000);

  it('reads preview unknown values without throwing, and reports them only with failOnUnknown', async () => {
    const resources = await policyResources(resolve(import.meta.dirname, 'fixtures', 'case-17-preview.json'));
    const found = await runPack(mandatory, resources);
    expect(pairs(found)).toEqual(['internet-ingress-dmz-only aws:ec2/securityGroup:SecurityGroup::db']);
    const strict = await runPack(mandatory, resources, { failOnUnknown: true });
    expect(strict.some((v) => v.message.includes('could not evaluate'))).toBe(true);
  }, 60_000);
});

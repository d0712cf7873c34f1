import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.ts';
import { scanPulumiFile } from '../../src/integrations/pulumi/scan-file.ts';
import { loadPulumi, UNKNOWN_PLACEHOLDER } from '../../src/loaders/pulumi/index.ts';
import { isUnknown } from '../../src/model/unknown.ts';

/**
 * Pulumi previews: the preview placeholder is an unknown value, never a
 * CIDR and never invalid; an unknown `vpcId` or CIDR leaves the known values
 * next to it known; a step without outputs is read from its inputs.
 */

const PREVIEW = {
  steps: [
    {
      op: 'create',
      urn: 'urn:pulumi:dev::net::aws:ec2/securityGroup:SecurityGroup::db',
      newState: {
        type: 'aws:ec2/securityGroup:SecurityGroup',
        inputs: {
          vpcId: UNKNOWN_PLACEHOLDER,
          tags: { Zone: 'internal' },
          ingress: [
            { protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrBlocks: ['0.0.0.0/0'] },
            { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN_PLACEHOLDER] },
          ],
        },
      },
    },
  ],
};

const ADDRESS = 'aws:ec2/securityGroup:SecurityGroup::db';
let folder: string;
let file: string;
let result: ScanResult;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'zoneguard-case17-pulumi-'));
  file = join(folder, 'preview.json');
  await writeFile(file, JSON.stringify(PREVIEW, null, 2));
  result = await scanPulumiFile(file);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('unknown values in a Pulumi preview', () => {
  it('reads the inputs of a step that has no outputs, with the placeholder as an Unknown', async () => {
    const loaded = await loadPulumi(file);
    const group = loaded.resources.find((resource) => resource.address === ADDRESS);
    expect(group?.type).toBe('aws_security_group');
    const vpcId = group?.body.attributes['vpc_id']?.value;
    expect(isUnknown(vpcId)).toBe(true);
    const ingress = group?.body.attributes['ingress']?.value as Array<Record<string, unknown>>;
    expect(ingress[0]?.['cidr_blocks']).toEqual(['0.0.0.0/0']);
    expect(ingress[0]?.['from_port']).toBe(5432);
    const sshCidrs = ingress[1]?.['cidr_blocks'] as unknown[];
    expect(isUnknown(sshCidrs[0])).toBe(true);
  });

  it('never parses the placeholder as a CIDR or reports it as invalid', () => {
    const invalid = result.diagnostics.filter((d) => d.code === 'invalid-cidr' || d.code === 'non-canonical-cidr');
    expect(invalid).toEqual([]);
    const text = JSON.stringify(result.findings.filter((f) => f.status === 'fail'));
    expect(text).not.toContain(UNKNOWN_PLACEHOLDER);
  });

  it('reports the known 5432 rule: the internet reaches the internal zone', () => {
    const failures = result.findings.filter((f) => f.status === 'fail' && f.address === ADDRESS);
    const ingress = failures.filter((f) => f.ruleId === 'internet-ingress-dmz-only');
    expect(ingress.length).toBeGreaterThan(0);
    expect(JSON.stringify(ingress.map((f) => f.data))).toContain('5432');
    expect(JSON.stringify(ingress.map((f) => f.data))).not.toMatch(/\b22\b/);
  });

  it('leaves the SSH rule unknown, not failed and not passed', () => {
    const ssh = result.findings.filter((f) => f.ruleId === 'management-ports-from-management-zone' && f.address === ADDRESS);
    expect(ssh.every((f) => f.status === 'unknown')).toBe(true);
    expect(ssh.length).toBeGreaterThan(0);
  });

  it('points findings at the preview file with no line, since a preview has no source positions', () => {
    const finding = result.findings.find((f) => f.address === ADDRESS);
    expect(finding?.location.file).toBe(file);
    expect(finding?.location.range).toBeUndefined();
  });
});

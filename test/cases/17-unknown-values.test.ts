import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/loaders/plan/index.ts';
import { isUnknown } from '../../src/model/unknown.ts';
import { main } from '../../src/cli/main.ts';
import { memoryIo } from '../cli/memory-io.ts';
import { checkPlan, findingKeys } from '../loaders/plan/pipeline.ts';

/**
 * Terraform plans: `after_unknown` is authoritative. A null in
 * `after` where the mask says true is unknown, and a known element next to an
 * unknown one still decides the check.
 */
const PLAN = join(import.meta.dirname, '../loaders/plan/fixtures/case-17/plan.json');

describe('unknown values in a Terraform plan', () => {
  it('reads a null marked unknown as Unknown, and a key only in after_unknown too', async () => {
    const loaded = await loadPlan(PLAN);
    const mixed = loaded.resources.find((r) => r.address === 'aws_security_group_rule.ssh_mixed')!;
    const cidrs = mixed.body.attributes['cidr_blocks']!.value as unknown[];
    expect(cidrs[0]).toBe('0.0.0.0/0');
    expect(isUnknown(cidrs[1])).toBe(true);
    const pg = loaded.resources.find((r) => r.address === 'aws_security_group_rule.pg_from_vpc')!;
    expect(isUnknown(pg.body.attributes['cidr_blocks']!.value)).toBe(true);
    expect(isUnknown(pg.body.attributes['security_group_id']!.value)).toBe(true);
  });

  it('fails ssh_mixed on its known element', async () => {
    const { findings } = await checkPlan(PLAN);
    expect(findingKeys(findings, 'fail')).toEqual([
      'internet-ingress-dmz-only aws_security_group_rule.ssh_mixed fail',
      'management-ports-from-management-zone aws_security_group_rule.ssh_mixed fail',
    ]);
  });

  it('reports pg_from_vpc as unknown, never as a failure', async () => {
    const { findings } = await checkPlan(PLAN);
    const pg = findings.filter((f) => f.address === 'aws_security_group_rule.pg_from_vpc');
    expect(pg.length).toBeGreaterThan(0);
    for (const finding of pg) {
      expect(finding.status).toBe('unknown');
      expect(finding.message).toContain('known only after apply');
    }
  });

  it('lists only pg_from_vpc under could not be evaluated', async () => {
    const io = memoryIo(import.meta.dirname);
    const code = await main(['scan', PLAN, '--no-color'], io);
    expect(io.out()).toContain('Could not be evaluated until apply (1)');
    expect(io.out()).toMatch(/pg_from_vpc/);
    expect(code).toBe(1);
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/loaders/plan/index.ts';
import { checkPlan, findingKeys } from '../loaders/plan/pipeline.ts';

/**
 * Deletes and replaces, data sources without `values`, empty lists,
 * and locations of a plan without sources. The fixture is one line of JSON.
 */
const PLAN = join(import.meta.dirname, '../loaders/plan/fixtures/case-18/plan.json');

describe('plan JSON structure', () => {
  it('checks replaced resources on after, and skips deleted ones', async () => {
    const { findings } = await checkPlan(PLAN);
    expect(findingKeys(findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.admin fail',
      'management-ports-from-management-zone aws_security_group.admin fail',
    ]);
    const rdp = findings.find((f) => f.ruleId === 'management-ports-from-management-zone')!;
    expect(rdp.message).toContain('3389');
  });

  it('keeps no-op resources and the data source without values in the future state', async () => {
    const loaded = await loadPlan(PLAN);
    expect(loaded.resources.map((r) => r.address).sort()).toEqual([
      'aws_security_group.admin',
      'aws_security_group.kept',
      'aws_subnet.mgmt',
      'data.aws_vpc.main',
    ]);
    expect(loaded.diagnostics).toEqual([]);
  });

  it('points at the plan file with no range when there are no sources', async () => {
    const { findings } = await checkPlan(PLAN);
    for (const finding of findings) {
      expect(finding.location).toEqual({ file: PLAN });
      for (const related of finding.related) expect(related.location.range?.startLine).not.toBe(0);
    }
  });

  it('points each address at its own block when the sources sit beside the plan', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zoneguard-case18-'));
    try {
      const plan = join(dir, 'plan.json');
      await writeFile(plan, await readFile(PLAN));
      await writeFile(join(dir, 'main.tf'), SOURCES);
      const { findings } = await checkPlan(plan);
      expect(findings.length).toBe(2);
      for (const finding of findings) {
        expect(finding.location.file).toBe(join(dir, 'main.tf'));
        expect(finding.location.range?.startLine).toBeGreaterThanOrEqual(ADMIN_FIRST_LINE);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const SOURCES = `resource "aws_subnet" "mgmt" {
  cidr_block = "10.50.0.0/24"
  tags       = { Zone = "management" }
}

resource "aws_security_group" "kept" {
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.50.0.0/24"]
  }
}

resource "aws_security_group" "admin" {
  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const ADMIN_FIRST_LINE = 15;

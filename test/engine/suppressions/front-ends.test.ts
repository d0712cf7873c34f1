import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/engine/scan.ts';
import { outcomeOf, scanFiles, TODAY } from './scan-files.ts';

const GROUP = `resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-1"
  tags   = { "zoneguard:ignore" = "internet-ingress-dmz-only -- tagged by the platform team, until 2027-06-30" }
  ingress {
    protocol    = "tcp"
    from_port   = 8443
    to_port     = 8443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
const CASE_18 = new URL('../../loaders/plan/fixtures/case-18/plan.json', import.meta.url);

describe('suppressions on every front end', () => {
  it('HCL: reads a zoneguard:ignore tag on the resource', async () => {
    const result = await scanFiles({ 'main.tf': GROUP }, { ruleIds: ['internet-ingress-dmz-only'] });
    expect(outcomeOf(result.findings)).toEqual(['internet-ingress-dmz-only aws_security_group.web suppressed(inline)']);
    expect(result.findings[0]?.suppression).toMatchObject({ reason: 'tagged by the platform team', expires: '2027-06-30' });
    expect(result.findings[0]?.suppression?.location?.range?.startLine).toBe(4);
  });

  it('HCL: does not let a tag reach another resource', async () => {
    const other = GROUP.replace(/"web"/g, '"api"').replace(/  tags .*\n/, '');
    const result = await scanFiles({ 'main.tf': GROUP + other }, { ruleIds: ['internet-ingress-dmz-only'] });
    expect(outcomeOf(result.findings)).toEqual([
      'internet-ingress-dmz-only aws_security_group.api',
      'internet-ingress-dmz-only aws_security_group.web suppressed(inline)',
    ]);
  });

  it('plan JSON: reads the same tag from planned values, and comments from --source files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zoneguard-plan-suppress-'));
    try {
      const plan = JSON.parse(await readFile(CASE_18, 'utf8')) as { resource_changes: Array<{ address: string; change: { after: Record<string, unknown> } }> };
      const admin = plan.resource_changes.find((change) => change.address === 'aws_security_group.admin')!;
      admin.change.after.tags = { 'zoneguard:ignore': 'management-ports-from-management-zone -- plan tag, ticket OPS-8' };
      await writeFile(join(dir, 'plan.json'), JSON.stringify(plan));
      const tagged = await scan([join(dir, 'plan.json')], { cwd: dir, now: TODAY });
      expect(outcomeOf(tagged.findings)).toEqual([
        'internet-ingress-dmz-only aws_security_group.admin',
        'management-ports-from-management-zone aws_security_group.admin suppressed(inline)',
      ]);
      await writeFile(join(dir, 'main.tf'), '# zoneguard:ignore internet-ingress-dmz-only -- source comment, ticket OPS-9\nresource "aws_security_group" "admin" {\n  name = "admin"\n}\n');
      const commented = await scan([join(dir, 'plan.json')], { cwd: dir, now: TODAY, sourceDir: '.' });
      expect(commented.findings.every((f) => f.suppression !== undefined)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

const APPROVED = 'approval:\n  approver: Nguyễn Văn An\n  date: "2025-01-10"\n  redundant: true';

describe('lan-design-approved', () => {
  it('passes an approved redundant design', async () => {
    expect(await runDesign('lan-design-approved', designText(APPROVED))).toEqual([]);
  });

  it('stays silent on Terraform, which cannot show an approval', async () => {
    const { findings } = await runOnHcl({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }, { ruleIds: ['lan-design-approved'] });
    expect(findings).toEqual([]);
  });

  const invalid = [
    { name: 'no approval', top: '', expected: [['not-approved', '  dc:']] },
    { name: 'no redundancy', top: APPROVED.replace('redundant: true', 'redundant: false'), expected: [['missing', 'redundant:']] },
    { name: 'no approver or date', top: 'approval:\n  redundant: true', expected: [['not-recorded', 'approval:'], ['not-recorded', 'approval:']] },
  ];
  for (const { name, top, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText(top);
      const findings = await runDesign('lan-design-approved', text);
      expect(summary(findings)).toEqual(expected.map(([id, at]) => [id, lineOf(text, at!)]));
    });
  }
});

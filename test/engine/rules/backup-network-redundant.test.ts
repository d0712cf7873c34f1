import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';
import { backupWith, FULL_BACKUP } from './design-facts/backup-text.ts';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

describe('backup-network-redundant', () => {
  it('passes a backup section that records every fact', async () => {
    expect(await runDesign('backup-network-redundant', designText(FULL_BACKUP))).toEqual([]);
  });

  it('stays silent on Terraform, which shows no backup section', async () => {
    const { findings } = await runOnHcl({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }, { ruleIds: ['backup-network-redundant'] });
    expect(findings).toEqual([]);
  });

  const invalid = [
    { name: 'standbyNetwork false', top: backupWith('standbyNetwork', 'false'), expected: [['missing', 'standbyNetwork:', 'standbyNetwork']] },
    { name: 'spareEquipment not recorded', top: backupWith('spareEquipment', 'absent'), expected: [['not-recorded', 'backup:', 'spareEquipment']] },
    { name: 'no backup section', top: '', expected: [['no-backup', '  dc:', undefined]] },
  ];
  for (const { name, top, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText(top);
      const findings = await runDesign('backup-network-redundant', text);
      expect(summary(findings, ['field'])).toEqual(expected.map(([id, at, field]) => [id, lineOf(text, at!), field]));
    });
  }
});

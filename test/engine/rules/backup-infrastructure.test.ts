import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';
import { backupWith, FULL_BACKUP } from './design-facts/backup-text.ts';
import { designText, lineOf, runDesign, summary } from './design-facts/run-design.ts';

describe('backup-infrastructure', () => {
  it('passes a backup section that records every fact', async () => {
    expect(await runDesign('backup-infrastructure', designText(FULL_BACKUP))).toEqual([]);
  });

  it('stays silent on Terraform, which shows no backup section', async () => {
    const { findings } = await runOnHcl({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }, { ruleIds: ['backup-infrastructure'] });
    expect(findings).toEqual([]);
  });

  const invalid = [
    { name: 'highSpeedLinks false', top: backupWith('highSpeedLinks', 'false'), expected: [['missing', 'highSpeedLinks:', 'highSpeedLinks']] },
    { name: 'restoreTestSystem not recorded', top: backupWith('restoreTestSystem', 'absent'), expected: [['not-recorded', 'backup:', 'restoreTestSystem']] },
    { name: 'no backup section', top: '', expected: [['no-backup', '  dc:', undefined]] },
  ];
  for (const { name, top, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const text = designText(top);
      const findings = await runDesign('backup-infrastructure', text);
      expect(summary(findings, ['field'])).toEqual(expected.map(([id, at, field]) => [id, lineOf(text, at!), field]));
    });
  }
});

import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';

function database(lines: string): string {
  return `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
${lines}
}
`;
}

describe('backup-before-upgrade', () => {
  const valid = [
    { name: 'seven days of backups and a final snapshot', hcl: database('  backup_retention_period = 7\n  skip_final_snapshot     = false') },
    { name: 'provider defaults', hcl: database('') },
  ];
  for (const { name, hcl } of valid) {
    it(`passes ${name}`, async () => {
      const { findings } = await runOnHcl({ 'main.tf': hcl }, { ruleIds: ['backup-before-upgrade'] });
      expect(findings).toEqual([]);
    });
  }

  const invalid = [
    { name: 'backups turned off', hcl: database('  backup_retention_period = 0'), expected: [['no-automated-backups', 4, 'fail']] },
    { name: 'final snapshot skipped', hcl: database('  skip_final_snapshot = true'), expected: [['no-final-snapshot', 4, 'fail']] },
    { name: 'retention from a variable', hcl: database('  backup_retention_period = var.days') + 'variable "days" {}\n', expected: [['field-unknown', 4, 'unknown']] },
  ];
  for (const { name, hcl, expected } of invalid) {
    it(`reports ${name}`, async () => {
      const { findings } = await runOnHcl({ 'main.tf': hcl }, { ruleIds: ['backup-before-upgrade'] });
      expect(findings.map((finding) => [finding.messageId, finding.location.range?.startLine, finding.status])).toEqual(expected);
      expect(findings[0]?.address).toBe('aws_db_instance.main');
    });
  }

  it('says the reading is zoneguard\'s default', async () => {
    const { findings } = await runOnHcl({ 'main.tf': database('  skip_final_snapshot = true') }, { ruleIds: ['backup-before-upgrade'] });
    expect(findings[0]?.restsOn).toEqual(['databaseBackups']);
    expect(findings[0]?.data).toEqual({ database: 'aws_db_instance.main' });
  });
});

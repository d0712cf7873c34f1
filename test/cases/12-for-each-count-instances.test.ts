import { describe, expect, it } from 'vitest';
import { FLOW_RULES, scanFiles, summaryOf } from '../engine/rules/flow-fixtures/pipeline.ts';
import { caseFile } from '../fixtures/cases/read.ts';

const MAIN = caseFile('case-12', 'main.tf');
const DB_OPEN = `tiers = {
  web = { zone = "dmz", port = 443, open = true }
  db  = { zone = "internal", port = 5432, open = true }
}
`;
const JUMP = `enable_jump = true
`;
const FILES = { 'main.tf': MAIN, 'db-open.tfvars': DB_OPEN, 'jump.tfvars': JUMP };

describe('for_each and count instances', () => {
  it('yields no internet ingress finding with the defaults', async () => {
    const findings = await scanFiles(['internet-ingress-dmz-only'], FILES);
    expect(summaryOf(findings)).toEqual([]);
  });

  it('reports the db instance of the rule with db-open.tfvars', async () => {
    const findings = await scanFiles(['internet-ingress-dmz-only'], FILES, ['db-open.tfvars']);
    expect(summaryOf(findings)).toEqual(['internet-ingress-dmz-only aws_security_group_rule.tier_in["db"] fail']);
    expect(findings[0]?.data.services).toBe('tcp 5432');
    expect(findings[0]?.data.targets).toBe('aws_db_instance.main');
  });

  it('yields nothing for the jump host with jump.tfvars', async () => {
    const findings = await scanFiles(FLOW_RULES, FILES, ['jump.tfvars']);
    expect(findings.filter((finding) => finding.message.includes('aws_instance.jump'))).toEqual([]);
  });
});

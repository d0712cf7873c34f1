import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.ts';
import { fileOf, lineOf, scanFiles } from '../engine/rules/portal-fixtures/pipeline.ts';
import { caseFile } from '../fixtures/cases/read.ts';

/**
 * Database exposure is judged by the effective value of publicly_accessible
 * (provider default false, the strings "true" and "false", variables) and by
 * the zones of the subnets the database can be placed in.
 */

const DB_TF = caseFile('case-09', 'db.tf');

const PRIVATE_TFVARS = 'expose_db = false\n';

const RULE = 'portal-db-not-exposed';

async function scan(varFiles?: string[]): Promise<Finding[]> {
  const files = { 'db.tf': DB_TF, 'private.tfvars': PRIVATE_TFVARS };
  const { findings } = await scanFiles([RULE], files, varFiles === undefined ? {} : { varFiles });
  return findings;
}

function findingsOf(findings: Finding[], address: string): Finding[] {
  return findings.filter((finding) => finding.address === address);
}

function summary(finding: Finding): string {
  return `${finding.address} ${finding.messageId} ${fileOf(finding)}:${lineOf(finding)}`;
}

describe('database public access, first run', () => {
  it('reports exactly c_string_true, d_var and e_in_dmz', async () => {
    const findings = await scan();
    expect(findings.map(summary)).toEqual([
      'aws_db_instance.c_string_true publicly-accessible db.tf:51',
      'aws_db_instance.d_var publicly-accessible db.tf:60',
      'aws_db_instance.e_in_dmz outside-internal-zone db.tf:68',
    ]);
  });

  it('passes a_default through the provider default', async () => {
    expect(findingsOf(await scan(), 'aws_db_instance.a_default')).toEqual([]);
  });

  it('passes b_false', async () => {
    expect(findingsOf(await scan(), 'aws_db_instance.b_false')).toEqual([]);
  });

  it('converts the string "true" and offers a fix', async () => {
    const [finding] = findingsOf(await scan(), 'aws_db_instance.c_string_true');
    expect(finding?.status).toBe('fail');
    expect(finding?.fix?.replacement).toBe('publicly_accessible = false');
    expect(finding?.fix?.location.range?.startLine).toBe(51);
  });

  it('reads the variable default for d_var', async () => {
    const [finding] = findingsOf(await scan(), 'aws_db_instance.d_var');
    expect(finding?.status).toBe('fail');
    expect(lineOf(finding!)).toBe(60);
  });

  it('names the DMZ subnet of e_in_dmz', async () => {
    const [finding] = findingsOf(await scan(), 'aws_db_instance.e_in_dmz');
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toContain('aws_subnet.dmz_a');
    expect(finding?.message).not.toContain('aws_subnet.data_a');
    expect(finding?.data['attribute']).toBe('db_subnet_group_name');
  });
});

describe('second run with --var-file private.tfvars', () => {
  it('drops d_var and keeps the rest', async () => {
    const findings = await scan(['private.tfvars']);
    expect(findings.map(summary)).toEqual([
      'aws_db_instance.c_string_true publicly-accessible db.tf:51',
      'aws_db_instance.e_in_dmz outside-internal-zone db.tf:68',
    ]);
  });

  it('keeps the fingerprints of the findings that stay', async () => {
    const first = await scan();
    const second = await scan(['private.tfvars']);
    const stays = (findings: Finding[]) =>
      findings.filter((finding) => finding.address !== 'aws_db_instance.d_var').map((finding) => finding.fingerprint);
    expect(stays(second)).toEqual(stays(first));
  });
});

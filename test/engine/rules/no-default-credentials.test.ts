import { describe, expect, it } from 'vitest';
import { containsSecret } from '../../../src/engine/mask.ts';
import { emptyModel } from '../../../src/model/types.ts';
import { runRules } from '../../../src/engine/run.ts';
import { originAt } from '../fixtures.ts';
import { builtInPack, runOnHcl } from '../harness.ts';
import { ruleTable } from './engine-table.ts';

function database(password: string): string {
  return `resource "aws_db_instance" "db" {
  engine   = "postgres"
  username = "dbadmin"
  password = ${password}
}
`;
}

ruleTable('no-default-credentials', {
  // The model does not record user names yet; `same-as-user` is covered below on a built model.
  coveredElsewhere: ['same-as-user'],
  valid: [
    { name: 'password from a variable', hcl: `variable "db_password" {}\n` + database('var.db_password') },
    { name: 'password managed by the provider', hcl: 'resource "aws_db_instance" "db" {\n  manage_master_user_password = true\n}\n' },
  ],
  invalid: [
    {
      name: 'vendor default',
      hcl: database('"changeme"'),
      expected: [
        {
          messageId: 'weak-password',
          address: 'aws_db_instance.db',
          line: 4,
          data: { attribute: 'password', masked: 'ch******** (8 characters)' },
          severity: 'high',
          restsOn: ['weakPasswords'],
        },
      ],
    },
    {
      name: 'weak list compared without case',
      hcl: database('"PASSWORD1"'),
      expected: [{ messageId: 'weak-password', address: 'aws_db_instance.db', data: { masked: 'PA******** (9 characters)' } }],
    },
    {
      name: 'short password',
      hcl: database('"x7#Kq"'),
      expected: [{ messageId: 'too-short', address: 'aws_db_instance.db', data: { minLength: 8 }, restsOn: ['minLength'] }],
    },
    {
      name: 'configured minimum length',
      hcl: database('"Tr0ub4dor&3x"'),
      config: { rules: { 'no-default-credentials': { parameters: { minLength: 16 } } } },
      expected: [{ messageId: 'too-short', address: 'aws_db_instance.db', data: { minLength: 16 }, restsOn: [] }],
    },
    {
      name: 'strong literal still written in code',
      hcl: database('"vK9#mQ2$zL7!pW4x"'),
      expected: [
        {
          messageId: 'written-in-code',
          address: 'aws_db_instance.db',
          severity: 'medium',
          data: { masked: 'vK******** (16 characters)' },
        },
      ],
    },
  ],
});

describe('no-default-credentials masking', () => {
  it('keeps a planted secret out of every finding field', async () => {
    const secrets = ['Pl4nted-S3cret-Value', 'changeme', 'abc12'];
    const hcl = `${database(`"${secrets[0]}"`)}
resource "aws_db_instance" "second" {
  username = "dbadmin"
  password = "${secrets[1]}"
}

resource "aws_db_instance" "third" {
  username = "dbadmin"
  password = "${secrets[2]}"
}
`;
    for (const language of ['en', 'vi'] as const) {
      const { findings } = await runOnHcl({ 'main.tf': hcl }, { ruleIds: ['no-default-credentials'], language });
      expect(findings.map((finding) => finding.messageId).sort()).toEqual(['too-short', 'weak-password', 'written-in-code']);
      for (const finding of findings) {
        for (const [field, value] of Object.entries(finding)) {
          const text = JSON.stringify(value);
          expect(containsSecret(text, [...secrets, 'Pl4']), `${finding.address}.${field}`).toBe(false);
        }
      }
    }
  });
});

describe('no-default-credentials on a built model', () => {
  it('reports a password equal to the user name', async () => {
    const model = emptyModel();
    const origin = originAt('aws_db_instance.db', '/repo/main.tf', 1);
    model.credentials.push({
      id: 'aws_db_instance.db/password',
      subjectId: 'aws_db_instance.db',
      attribute: 'password',
      value: 'DbAdministrator',
      userName: 'dbadministrator',
      location: { file: '/repo/main.tf', range: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 30 } },
      origin,
    });
    const { findings } = runRules({
      model,
      reachability: { flows: [], unevaluated: [], matrix: [] },
      pack: await builtInPack(),
      language: 'vi',
      ruleIds: ['no-default-credentials'],
      strict: true,
    });
    expect(findings.map((finding) => finding.messageId)).toEqual(['same-as-user']);
    expect(findings[0]?.location.range?.startLine).toBe(4);
    expect(findings[0]?.data['masked']).toBe('Db******** (15 characters)');
    expect(containsSecret(JSON.stringify(findings), ['DbAdministrator', 'DbA'])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function policy(lines: string): string {
  return `resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 12
${lines}
}
`;
}

ruleTable('password-max-age', {
  coveredElsewhere: ['users-too-long', 'not-evidenced'],
  valid: [
    { name: '90 days', hcl: policy('  max_password_age = 90') },
    { name: 'no policy in a module', hcl: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' },
  ],
  invalid: [
    {
      name: '180 days binds administrators too',
      hcl: policy('  max_password_age = 180'),
      expected: [
        { messageId: 'administrators-too-long', address: 'aws_iam_account_password_policy.strict', line: 3, data: { field: 'max_password_age', days: 180, limit: 92 } },
      ],
    },
    {
      name: 'never expires',
      hcl: policy('  require_numbers = true'),
      expected: [{ messageId: 'no-max-age', address: 'aws_iam_account_password_policy.strict', line: 1 }],
    },
    {
      name: 'age from a variable',
      hcl: 'variable "age" {}\n' + policy('  max_password_age = var.age'),
      expected: [
        // Users and administrators read the same attribute, so the engine keeps one finding.
        { messageId: 'field-unknown', address: 'aws_iam_account_password_policy.strict', line: 4, status: 'unknown' },
      ],
    },
  ],
});

describe('password-max-age on design files', () => {
  it('checks users and administrators against their own limits', async () => {
    const model = designModel((evidence) => {
      evidence.passwordPolicies.push({
        appliesTo: 'all',
        systems: [],
        maxAgeDaysUsers: 365,
        maxAgeDaysAdministrators: 90,
        origin: designOrigin('identity.passwordPolicy', 40, ['maxAgeDaysUsers', 'maxAgeDaysAdministrators']),
      });
    });
    const findings = await runOnModel(model, 'password-max-age');
    expect(findings.map((finding) => [finding.messageId, finding.location.range?.startLine, finding.data['days']])).toEqual([
      ['users-too-long', 41, 365],
    ]);
  });

  it('reports a design without a password policy', async () => {
    const findings = await runOnModel(designModel(() => {}), 'password-max-age');
    expect(findings.map((finding) => finding.messageId)).toEqual(['not-evidenced']);
  });
});

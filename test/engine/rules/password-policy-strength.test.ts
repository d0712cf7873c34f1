import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function policy(lines: string): string {
  return `resource "aws_iam_account_password_policy" "strict" {
${lines}
}
`;
}

const STRONG = `  minimum_password_length      = 12
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true`;

ruleTable('password-policy-strength', {
  coveredElsewhere: ['allows-user-name', 'allows-dictionary-words', 'allows-repeated-characters', 'not-evidenced'],
  valid: [
    { name: 'three required classes and 12 characters', hcl: policy(STRONG) },
    { name: 'no password policy in a module', hcl: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' },
  ],
  invalid: [
    {
      name: 'short minimum length',
      hcl: policy(STRONG.replace('12', '6')),
      expected: [
        { messageId: 'too-short', address: 'aws_iam_account_password_policy.strict', line: 2, data: { field: 'minimum_password_length', length: 6, minimum: 8 }, restsOn: [] },
      ],
    },
    {
      name: 'AWS default length and no classes',
      hcl: policy('  max_password_age = 90'),
      expected: [
        { messageId: 'too-short', address: 'aws_iam_account_password_policy.strict', line: 1, data: { length: 6 } },
        { messageId: 'too-few-classes', address: 'aws_iam_account_password_policy.strict', line: 1, data: { count: 0, classes: 'none' } },
      ],
    },
    {
      name: 'two classes',
      hcl: policy('  minimum_password_length = 10\n  require_numbers = true\n  require_symbols = true'),
      expected: [
        { messageId: 'too-few-classes', address: 'aws_iam_account_password_policy.strict', line: 4, data: { count: 2, classes: 'digit, special' } },
      ],
    },
    {
      name: 'length from a variable',
      hcl: 'variable "length" {}\n' + policy(STRONG.replace('12', 'var.length')),
      expected: [
        { messageId: 'field-unknown', address: 'aws_iam_account_password_policy.strict', line: 3, status: 'unknown', data: { field: 'minimum_password_length' } },
      ],
    },
  ],
});

describe('password-policy-strength on design files', () => {
  it('reports a design without a password policy', async () => {
    const findings = await runOnModel(designModel(() => {}), 'password-policy-strength');
    expect(findings.map((finding) => [finding.messageId, finding.address])).toEqual([['not-evidenced', 'sites.dc']]);
    expect(findings[0]?.message).toContain('không có chính sách mật khẩu');
  });

  it('reports content rules the design leaves unstated or turns off', async () => {
    const model = designModel((evidence) => {
      evidence.passwordPolicies.push({
        appliesTo: 'all',
        systems: [],
        minLength: 8,
        requiredClasses: ['upper', 'lower', 'digit', 'special'],
        minClassCount: 3,
        forbidsUserName: true,
        forbidsDictionaryWords: false,
        origin: designOrigin('identity.passwordPolicy', 40, ['minLength', 'forbidsUserName', 'forbidsDictionaryWords']),
      });
    });
    const findings = await runOnModel(model, 'password-policy-strength');
    expect(findings.map((finding) => [finding.messageId, finding.location.range?.startLine])).toEqual([
      ['allows-repeated-characters', 40],
      ['allows-dictionary-words', 43],
    ]);
  });

  it('accepts 3 of 4 classes stated as a count', async () => {
    const model = designModel((evidence) => {
      evidence.passwordPolicies.push({
        appliesTo: 'all', systems: [], minLength: 8, requiredClasses: ['upper', 'lower', 'digit', 'special'], minClassCount: 3,
        forbidsUserName: true, forbidsDictionaryWords: true, forbidsRepeatedCharacters: true,
        origin: designOrigin('identity.passwordPolicy', 40),
      });
    });
    expect(await runOnModel(model, 'password-policy-strength')).toEqual([]);
  });
});

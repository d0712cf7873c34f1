import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../src/model/unknown.ts';
import { ruleTable } from './engine-table.ts';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';

const ALICE = `resource "aws_iam_user" "alice" {
  name = "alice"
  tags = { Security = "high" }
}
`;

const FORCE_MFA = `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:*"]
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
    }]
  })`;

const GROUP_MFA = `
resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_group_policy" "force_mfa" {
  group  = aws_iam_group.admins.name
  policy = ${FORCE_MFA}
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.admins.name]
}
`;

const DOCUMENT_MFA = `
data "aws_iam_policy_document" "force_mfa" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:*"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_policy" "force_mfa" {
  name   = "force-mfa"
  policy = data.aws_iam_policy_document.force_mfa.json
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = "alice"
  policy_arn = aws_iam_policy.force_mfa.arn
}
`;

ruleTable('high-security-mfa', {
  coveredElsewhere: ['field-unknown'],
  valid: [
    { name: 'MFA forced through a group', hcl: ALICE + GROUP_MFA },
    { name: 'MFA forced by an attached policy document', hcl: ALICE + DOCUMENT_MFA },
    { name: 'MFA forced by an inline user policy', hcl: ALICE + `\nresource "aws_iam_user_policy" "mfa" {\n  user   = aws_iam_user.alice.name\n  policy = ${FORCE_MFA}\n}\n` },
    { name: 'an ordinary account without MFA', hcl: 'resource "aws_iam_user" "bob" {\n  name = "bob"\n}\n' },
  ],
  invalid: [
    {
      name: 'a high-security user without MFA',
      hcl: ALICE,
      expected: [{ messageId: 'single-factor', address: 'aws_iam_user.alice', line: 3, data: { account: 'alice' } }],
    },
    {
      name: 'a policy in another group',
      hcl: ALICE + GROUP_MFA.replace('groups = [aws_iam_group.admins.name]', 'groups = ["readers"]'),
      expected: [{ messageId: 'single-factor', address: 'aws_iam_user.alice', line: 3 }],
    },
  ],
});

describe('high-security-mfa on declared accounts', () => {
  it('reports an unknown MFA setting as could not evaluate', async () => {
    const model = designModel((evidence) => {
      evidence.userAccounts = [
        { name: 'ops', highSecurity: true, mfaRequired: new Unknown('the identity provider setting is not given', 'idp.ops'), origin: designOrigin('accounts.ops', 20, ['highSecurity', 'mfaRequired']) },
        { name: 'dba', highSecurity: true, mfaRequired: true, origin: designOrigin('accounts.dba', 30, ['highSecurity', 'mfaRequired']) },
      ];
    });
    const findings = await runOnModel(model, 'high-security-mfa');
    expect(findings.map((f) => [f.messageId, f.status, f.location.range?.startLine])).toEqual([['field-unknown', 'unknown', 22]]);
  });
});

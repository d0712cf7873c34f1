import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../src/model/unknown.ts';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function user(name: string): string {
  return `resource "aws_iam_user" "account" {\n  name = "${name}"\n}\n`;
}

ruleTable('unique-accounts', {
  coveredElsewhere: ['shared-without-approval', 'field-unknown'],
  valid: [
    { name: 'personal account', hcl: user('tran.thi.b') },
    { name: 'word inside a name', hcl: user('teamleader-nguyen') },
  ],
  invalid: [
    {
      name: 'shared team account',
      hcl: user('customs-team'),
      expected: [{ messageId: 'shared-name', address: 'aws_iam_user.account', line: 2, data: { account: 'customs-team' }, restsOn: ['sharedAccountNames'] }],
    },
  ],
});

describe('unique-accounts on design files', () => {
  it('reports shared accounts without approval', async () => {
    const model = designModel((evidence) => {
      evidence.userAccounts = [
        { name: 'ops-desk', shared: true, origin: designOrigin('identity.accounts[0]', 40, ['name', 'shared']) },
        { name: 'helpdesk', shared: true, sharingApproval: 'QĐ 12/2024', origin: designOrigin('identity.accounts[1]', 45, ['name', 'shared']) },
        { name: 'kho', shared: new Unknown('not a boolean', '"maybe"'), origin: designOrigin('identity.accounts[2]', 50, ['name', 'shared']) },
      ];
    });
    const findings = await runOnModel(model, 'unique-accounts');
    expect(findings.map((f) => [f.messageId, f.location.range?.startLine])).toEqual([['shared-without-approval', 42], ['field-unknown', 52]]);
  });
});

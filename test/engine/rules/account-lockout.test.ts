import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function host(script: string): string {
  return `resource "aws_instance" "app" {
  ami       = "ami-123"
  user_data = <<-EOT
    #!/bin/bash
    ${script}
  EOT
}
`;
}

ruleTable('account-lockout', {
  coveredElsewhere: ['no-threshold', 'field-unknown', 'not-evidenced'],
  valid: [
    { name: 'faillock after 3 attempts', hcl: host('echo "auth required pam_faillock.so deny=3" >> /etc/pam.d/system-auth') },
    { name: 'no lockout setting in a module', hcl: host('yum install -y nginx') },
    {
      name: 'users configured up to 5 do not cover administrators',
      hcl: host('echo "auth required pam_faillock.so deny=3" >> /etc/pam.d/system-auth'),
      config: { rules: { 'account-lockout': { parameters: { usersMaxAttempts: 5 } } } },
    },
  ],
  invalid: [
    {
      name: 'faillock after 5 attempts',
      hcl: host('echo "auth required pam_faillock.so deny=5" >> /etc/pam.d/system-auth'),
      expected: [
        { messageId: 'users-too-many', address: 'aws_instance.app', line: 3, data: { attempts: 5, limit: 3 }, restsOn: ['usersMaxAttempts'] },
        { messageId: 'administrators-too-many', address: 'aws_instance.app', line: 3, data: { field: 'user_data', attempts: 5, limit: 3 }, restsOn: [] },
      ],
    },
  ],
});

describe('account-lockout on design files', () => {
  const origin = designOrigin('identity.lockout', 50, ['administrators', 'users']);

  it('allows users 5 attempts when configured, never 6', async () => {
    const model = designModel((evidence) => {
      evidence.lockoutPolicies.push({ systems: [], thresholdAdministrators: 3, thresholdUsers: 6, origin });
    });
    const findings = await runOnModel(model, 'account-lockout');
    expect(findings.map((f) => [f.messageId, f.location.range?.startLine, f.data['limit']])).toEqual([['users-too-many', 52, 3]]);
  });

  it('reports a policy without thresholds and a design without a policy', async () => {
    const empty = designModel((evidence) => evidence.lockoutPolicies.push({ systems: [], origin }));
    expect((await runOnModel(empty, 'account-lockout')).map((f) => f.messageId)).toEqual(['no-threshold']);
    expect((await runOnModel(designModel(() => {}), 'account-lockout')).map((f) => f.messageId)).toEqual(['not-evidenced']);
  });

  it('reports a threshold that could not be evaluated', async () => {
    const { Unknown } = await import('../../../src/model/unknown.ts');
    const model = designModel((evidence) => {
      evidence.lockoutPolicies.push({ systems: [], thresholdAdministrators: new Unknown('not a number', '"three"'), thresholdUsers: 3, origin });
    });
    const findings = await runOnModel(model, 'account-lockout');
    expect(findings.map((f) => [f.messageId, f.status, f.data['field']])).toEqual([['field-unknown', 'unknown', 'administrators']]);
  });
});

import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../src/model/unknown.ts';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function host(lines: string): string {
  return `resource "aws_instance" "bastion" {
  ami       = "ami-123"
  user_data = <<-EOT
    #!/bin/bash
${lines}
  EOT
}
`;
}

ruleTable('session-idle-timeout', {
  coveredElsewhere: ['users-too-long', 'no-timeout', 'field-unknown', 'not-evidenced'],
  valid: [
    { name: 'sshd closes after 15 minutes', hcl: host('    echo "ClientAliveInterval 300" >> /etc/ssh/sshd_config\n    echo "ClientAliveCountMax 3" >> /etc/ssh/sshd_config') },
    { name: 'grace time only', hcl: host('    echo "LoginGraceTime 60" >> /etc/ssh/sshd_config') },
    { name: 'no session setting in a module', hcl: host('    yum install -y nginx') },
  ],
  invalid: [
    {
      name: 'sshd keeps idle sessions an hour',
      hcl: host('    echo "ClientAliveInterval 1200" >> /etc/ssh/sshd_config'),
      expected: [
        { messageId: 'administrators-too-long', address: 'aws_instance.bastion', line: 3, data: { field: 'user_data', minutes: 60, limit: 15 } },
      ],
    },
    {
      name: 'shell TMOUT of 30 minutes',
      hcl: host('    echo "export TMOUT=1800" >> /etc/profile.d/timeout.sh'),
      expected: [{ messageId: 'os-too-long', address: 'aws_instance.bastion', line: 3, data: { minutes: 30, limit: 15 } }],
    },
  ],
});

describe('session-idle-timeout on design files', () => {
  const origin = designOrigin('identity.session', 60, ['os', 'users', 'administrators']);

  it('checks each kind of session against its own limit', async () => {
    const model = designModel((evidence) => {
      evidence.sessionPolicies.push({ systems: [], idleTimeoutOsMinutes: 15, idleTimeoutUserMinutes: 45, idleTimeoutAdministratorMinutes: new Unknown('not a number', '"soon"'), origin });
    });
    const findings = await runOnModel(model, 'session-idle-timeout');
    expect(findings.map((f) => [f.messageId, f.location.range?.startLine])).toEqual([
      ['users-too-long', 62],
      ['field-unknown', 63],
    ]);
  });

  it('reports a policy without timeouts and a design without a policy', async () => {
    const empty = designModel((evidence) => evidence.sessionPolicies.push({ systems: [], origin }));
    expect((await runOnModel(empty, 'session-idle-timeout')).map((f) => f.messageId)).toEqual(['no-timeout']);
    expect((await runOnModel(designModel(() => {}), 'session-idle-timeout')).map((f) => f.messageId)).toEqual(['not-evidenced']);
  });
});

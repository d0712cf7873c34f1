import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function host(line: string): string {
  return `resource "aws_instance" "bastion" {
  ami       = "ami-123"
  user_data = <<-EOT
    #!/bin/bash
    ${line}
  EOT
}
`;
}

ruleTable('admin-strong-auth', {
  coveredElsewhere: ['password-only-channel'],
  valid: [
    { name: 'password log-on turned off', hcl: host('echo "PasswordAuthentication no" >> /etc/ssh/sshd_config') },
    { name: 'no sshd setting', hcl: host('yum install -y nginx') },
  ],
  invalid: [
    {
      name: 'password log-on turned on',
      hcl: host('echo "PasswordAuthentication yes" >> /etc/ssh/sshd_config'),
      expected: [{ messageId: 'ssh-password-login', address: 'aws_instance.bastion', line: 3, data: { attribute: 'user_data' } }],
    },
  ],
});

describe('admin-strong-auth on design files', () => {
  it('reports a password-only channel', async () => {
    const model = designModel((evidence) => {
      evidence.remoteAccess.push({ id: 'vpn-a', kind: 'vpn', factors: ['password'], origin: designOrigin('identity.remoteAccess[0]', 70, ['factors']) });
      evidence.remoteAccess.push({ id: 'vpn-b', kind: 'vpn', factors: ['password', 'otp-token'], origin: designOrigin('identity.remoteAccess[1]', 80, ['factors']) });
    });
    const findings = await runOnModel(model, 'admin-strong-auth');
    expect(findings.map((f) => [f.messageId, f.data['channel'], f.location.range?.startLine])).toEqual([['password-only-channel', 'vpn-a', 71]]);
  });
});

import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../src/model/unknown.ts';
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

ruleTable('logon-time-limit', {
  coveredElsewhere: ['field-unknown', 'not-evidenced'],
  valid: [
    { name: 'one minute grace', hcl: host('echo "LoginGraceTime 1m" >> /etc/ssh/sshd_config') },
    { name: 'no grace setting in a module', hcl: host('yum install -y nginx') },
  ],
  invalid: [
    {
      name: 'ten minutes grace',
      hcl: host('echo "LoginGraceTime 600" >> /etc/ssh/sshd_config'),
      expected: [{ messageId: 'grace-too-long', address: 'aws_instance.bastion', line: 3, data: { minutes: 10, limit: 5 }, restsOn: ['logonGraceMinutes'] }],
    },
    {
      name: 'grace never ends',
      hcl: host('echo "LoginGraceTime 0" >> /etc/ssh/sshd_config'),
      expected: [{ messageId: 'grace-too-long', address: 'aws_instance.bastion', line: 3, data: { minutes: 'never' } }],
    },
  ],
});

describe('logon-time-limit on design files', () => {
  it('reports an unknown grace time and a design without one', async () => {
    const model = designModel((evidence) => {
      evidence.sessionPolicies.push({ systems: [], logonGraceMinutes: new Unknown('not a number', '"short"'), origin: designOrigin('identity.session', 60, ['logonGraceMinutes']) });
    });
    expect((await runOnModel(model, 'logon-time-limit')).map((f) => [f.messageId, f.location.range?.startLine])).toEqual([['field-unknown', 61]]);
    expect((await runOnModel(designModel(() => {}), 'logon-time-limit')).map((f) => f.messageId)).toEqual(['not-evidenced']);
  });
});

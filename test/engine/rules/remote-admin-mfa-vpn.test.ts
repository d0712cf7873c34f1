import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function endpoint(options: string[]): string {
  const blocks = options.map((type) => `  authentication_options {\n    type = "${type}"\n  }\n`).join('');
  return `resource "aws_ec2_client_vpn_endpoint" "admin" {
  server_certificate_arn = "arn:aws:acm:ap-southeast-1:123456789012:certificate/abc"
  client_cidr_block      = "10.100.0.0/22"
${blocks}  connection_log_options {
    enabled = false
  }
}
`;
}

ruleTable('remote-admin-mfa-vpn', {
  coveredElsewhere: ['not-encrypted', 'open-to-everyone', 'not-evidenced'],
  valid: [
    { name: 'certificate and directory password', hcl: endpoint(['certificate-authentication', 'directory-service-authentication']) },
    { name: 'no channel in a module', hcl: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' },
  ],
  invalid: [
    {
      name: 'directory password alone',
      hcl: endpoint(['directory-service-authentication']),
      expected: [{ messageId: 'single-factor', address: 'aws_ec2_client_vpn_endpoint.admin', line: 4, data: { factors: 'password' } }],
    },
    {
      name: 'certificate alone',
      hcl: endpoint(['certificate-authentication']),
      expected: [{ messageId: 'single-factor', address: 'aws_ec2_client_vpn_endpoint.admin', line: 4, data: { factors: 'certificate' } }],
    },
    {
      name: 'federated log-on',
      hcl: endpoint(['federated-authentication']),
      expected: [{ messageId: 'field-unknown', address: 'aws_ec2_client_vpn_endpoint.admin', status: 'unknown', line: 4 }],
    },
  ],
});

describe('remote-admin-mfa-vpn on design files', () => {
  it('reports an unencrypted channel open to everyone, and a design without channels', async () => {
    const model = designModel((evidence) => {
      evidence.remoteAccess.push({
        id: 'vpn-a', kind: 'vpn', encrypted: false, factors: ['password', 'otp-token'], administratorsOnly: false,
        origin: designOrigin('identity.remoteAccess[0]', 70, ['encrypted', 'factors', 'administratorsOnly']),
      });
    });
    const findings = await runOnModel(model, 'remote-admin-mfa-vpn');
    expect(findings.map((f) => [f.messageId, f.location.range?.startLine])).toEqual([['not-encrypted', 71], ['open-to-everyone', 73]]);
    expect((await runOnModel(designModel(() => {}), 'remote-admin-mfa-vpn')).map((f) => f.messageId)).toEqual(['not-evidenced']);
  });
});

import { describe, expect, it } from 'vitest';
import { runOnHcl } from '../harness.ts';
import { groupWithIngress, ingress, ZONED_SUBNETS } from './flow-fixtures/hcl.ts';
import { ruleTables } from './flow-fixtures/table.ts';

const PARTNER_SUBNET = `resource "aws_subnet" "partner" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.60.0/24"
  tags       = { Zone = "partner" }
}
`;
const NET = `${ZONED_SUBNETS}\n${PARTNER_SUBNET}`;
const PARTNER = '10.0.60.0/24';

function group(zone: string, protocol: string, from: number, to: number, cidrs: string[]) {
  return { 'net.tf': NET, 'main.tf': groupWithIngress('sg', zone, ingress(protocol, from, to, cidrs)) };
}

ruleTables(
  'partner-zone-isolated',
  [
    { name: 'partner reaches the dmz', files: group('dmz', 'tcp', 443, 443, [PARTNER]) },
    { name: 'users reach the internal zone', files: group('internal', 'tcp', 443, 443, ['10.0.40.0/24']) },
    { name: 'partner reaches its own zone', files: group('partner', 'tcp', 0, 65535, [PARTNER]) },
  ],
  [
    {
      name: 'partner reaches an internal group',
      files: group('internal', 'tcp', 1521, 1521, [PARTNER]),
      expected: [{ messageId: 'reaches-protected', address: 'aws_security_group.sg', at: 'main.tf:10', data: { traffic: 'tcp 1521', zones: 'internal', source: '10.0.60.0/24 (partner zone)' } }],
    },
    {
      name: 'partner reaches the management zone with every protocol',
      files: group('management', '-1', 0, 0, ['10.0.0.0/16']),
      expected: [{ messageId: 'reaches-protected', address: 'aws_security_group.sg', at: 'main.tf:10', data: { zones: 'management', traffic: 'all protocols and ports' } }],
    },
  ],
);

describe('partner-zone-isolated agreed flows', () => {
  const agreed = (ports: string) => ({
    rules: { 'partner-zone-isolated': { parameters: { allowedPartnerFlows: [{ target: 'aws_security_group.sg', protocol: 'tcp', ports }] } } },
  });

  it('accepts a flow the config lists', async () => {
    const run = await runOnHcl(group('internal', 'tcp', 443, 443, [PARTNER]), { ruleIds: ['partner-zone-isolated'], config: agreed('443') });
    expect(run.findings.map((finding) => finding.message)).toEqual([]);
  });

  it('still reports ports beyond the agreed ones', async () => {
    const run = await runOnHcl(group('internal', 'tcp', 443, 444, [PARTNER]), { ruleIds: ['partner-zone-isolated'], config: agreed('443') });
    expect(run.findings.map((finding) => [finding.messageId, finding.data['traffic']])).toEqual([['reaches-protected', 'tcp 443-444']]);
  });

  it('says a finding rests on the default, empty list', async () => {
    const run = await runOnHcl(group('internal', 'tcp', 443, 443, [PARTNER]), { ruleIds: ['partner-zone-isolated'] });
    expect(run.findings.map((finding) => finding.restsOn)).toEqual([['allowedPartnerFlows']]);
  });
});

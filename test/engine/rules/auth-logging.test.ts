import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

function trail(extra: string): string {
  return `resource "aws_cloudtrail" "org" {
  name                       = "org"
  s3_bucket_name             = "audit-logs"
  is_multi_region_trail      = true
${extra}}
`;
}

ruleTable('auth-logging', {
  coveredElsewhere: ['not-evidenced'],
  valid: [
    { name: 'multi-region trail with global events', hcl: trail('  include_global_service_events = true\n') },
    { name: 'global events by default', hcl: trail('') },
    { name: 'no trail in a module', hcl: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' },
  ],
  invalid: [
    {
      name: 'global events turned off',
      hcl: trail('  include_global_service_events = false\n'),
      expected: [{
        messageId: 'events-missing', address: 'aws_cloudtrail.org', line: 5,
        data: { events: 'authentication-success, authentication-failure, logon, password-change', trails: 'aws_cloudtrail.org' },
      }],
    },
  ],
});

describe('auth-logging on design files', () => {
  it('pools the events of several trails and reports a design without a trail', async () => {
    const model = designModel((evidence) => {
      evidence.auditTrails.push({ id: 'siem', events: ['logon', 'authentication-failure', 'authentication-success'], scope: [], origin: designOrigin('audit.trails[0]', 90, ['events']) });
      evidence.auditTrails.push({ id: 'pam', events: ['privilege-use'], scope: [], origin: designOrigin('audit.trails[1]', 95, ['events']) });
    });
    const findings = await runOnModel(model, 'auth-logging');
    expect(findings.map((f) => [f.messageId, f.data['events'], f.location.range?.startLine])).toEqual([['events-missing', 'password-change', 91]]);
    expect((await runOnModel(designModel(() => {}), 'auth-logging')).map((f) => f.messageId)).toEqual(['not-evidenced']);
  });
});

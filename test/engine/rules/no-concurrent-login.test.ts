import { describe, expect, it } from 'vitest';
import { designModel, designOrigin, runOnModel } from './organisation/design-model.ts';
import { ruleTable } from './engine-table.ts';

ruleTable('no-concurrent-login', {
  coveredElsewhere: ['concurrent-allowed', 'field-unknown', 'not-evidenced'],
  valid: [{ name: 'code without the setting', hcl: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }],
  invalid: [],
});

describe('no-concurrent-login on design files', () => {
  const origin = designOrigin('identity.session', 60, ['concurrentLoginsAllowed']);

  it('reports a policy that allows concurrent log-ons and passes one that does not', async () => {
    const allowed = designModel((evidence) => evidence.sessionPolicies.push({ systems: [], concurrentLoginsAllowed: true, origin }));
    expect((await runOnModel(allowed, 'no-concurrent-login')).map((f) => [f.messageId, f.location.range?.startLine])).toEqual([['concurrent-allowed', 61]]);
    const denied = designModel((evidence) => evidence.sessionPolicies.push({ systems: [], concurrentLoginsAllowed: false, origin }));
    expect(await runOnModel(denied, 'no-concurrent-login')).toEqual([]);
  });

  it('reports a design without the setting', async () => {
    const model = designModel((evidence) => evidence.sessionPolicies.push({ systems: [], idleTimeoutOsMinutes: 10, origin }));
    expect((await runOnModel(model, 'no-concurrent-login')).map((f) => f.messageId)).toEqual(['not-evidenced']);
  });
});

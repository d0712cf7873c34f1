import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../src/model/unknown.ts';
import type { FirewallSet } from '../../../src/model/types.ts';
import { at, database, flowTo, host, modelWith, originOf, runRule, segment } from './portal-fixtures/model.ts';

const RULE = 'portal-db-not-exposed';

const app = segment('aws_subnet.app', 'internal');
const data = segment('aws_subnet.data', 'internal');
const dmz = segment('aws_subnet.dmz', 'dmz');
const users = segment('aws_subnet.users', 'user-wired');
const mgmt = segment('aws_subnet.mgmt', 'management');

const dbGroup: FirewallSet = {
  id: 'aws_security_group.db',
  name: 'db',
  kind: 'stateful-group',
  segmentIds: [],
  rules: [
    {
      id: 'aws_security_group.db/ingress[0]',
      setId: 'aws_security_group.db',
      direction: 'ingress',
      action: 'allow',
      protocol: 'tcp',
      ports: [{ from: 5432, to: 5432 }],
      peers: [],
      origin: originOf('aws_security_group.db', 40, { 'ingress[0]': 42 }),
      path: 'ingress[0]',
    },
  ],
  tags: {},
  origin: originOf('aws_security_group.db', 40),
};
const RULE_ID = 'aws_security_group.db/ingress[0]';

function placed(options: Parameters<typeof database>[1] = {}) {
  return database('aws_db_instance.main', {
    segmentIds: ['aws_subnet.data'],
    firewallSetIds: ['aws_security_group.db'],
    origin: originOf('aws_db_instance.main', 20, { publicly_accessible: 25, db_subnet_group_name: 26 }),
    ...options,
  });
}

const segments = [app, data, dmz, users, mgmt];

describe('portal-db-not-exposed on hand-built models', () => {
  it('passes a private database in the internal zone', async () => {
    const model = modelWith({ segments, hosts: [placed()], firewallSets: [dbGroup] });
    expect(await runRule(RULE, model)).toEqual([]);
  });

  it('reports publicly_accessible true with a one-line fix', async () => {
    const db = placed();
    db.database = { ...db.database!, publiclyAccessible: true, publiclyAccessibleSource: 'attribute' };
    const [finding, ...rest] = await runRule(RULE, modelWith({ segments, hosts: [db] }));
    expect(rest).toEqual([]);
    expect(finding?.messageId).toBe('publicly-accessible');
    expect(finding?.location).toEqual(at(25));
    expect(finding?.fix).toEqual({ location: at(25), replacement: 'publicly_accessible = false' });
  });

  it('reports an unknown public access flag as unknown', async () => {
    const db = placed();
    const unknown = new Unknown('an input variable with no value', 'var.expose');
    db.database = { ...db.database!, publiclyAccessible: unknown, publiclyAccessibleSource: 'attribute' };
    const [finding] = await runRule(RULE, modelWith({ segments, hosts: [db] }));
    expect(finding?.status).toBe('unknown');
    expect(finding?.messageId).toBe('publicly-accessible-unknown');
    expect(finding?.data).toMatchObject({ expression: 'var.expose' });
  });

  it('reports a subnet outside the internal zone', async () => {
    const db = placed({ segmentIds: ['aws_subnet.dmz', 'aws_subnet.data'] });
    const [finding, ...rest] = await runRule(RULE, modelWith({ segments, hosts: [db] }));
    expect(rest).toEqual([]);
    expect(finding?.messageId).toBe('outside-internal-zone');
    expect(finding?.location).toEqual(at(26));
    expect(String(finding?.data['segments'])).toContain('aws_subnet.dmz [dmz: tag Zone = "dmz"]');
    expect(String(finding?.data['segments'])).not.toContain('aws_subnet.data');
  });

  it('names a zone guessed from a subnet name', async () => {
    const guessed = segment('aws_subnet.public', 'dmz', {
      zone: { zone: 'dmz', candidates: [{ zone: 'dmz', source: 'name', evidence: "name 'public'" }] },
    });
    const db = placed({ segmentIds: ['aws_subnet.public'] });
    const [finding] = await runRule(RULE, modelWith({ segments: [...segments, guessed], hosts: [db] }));
    expect(finding?.messageId).toBe('outside-internal-zone-guessed');
    expect(finding?.message).toContain('confirm them with a Zone tag');
  });

  it('reports an unresolved subnet group as unknown', async () => {
    const db = placed({ segmentIds: [], segmentUnknown: new Unknown('computed by the provider', 'data.x.name') });
    const [finding] = await runRule(RULE, modelWith({ segments, hosts: [db] }));
    expect(finding?.status).toBe('unknown');
    expect(finding?.messageId).toBe('placement-unknown');
  });

  it('allows the database port from the application subnet and the DMZ', async () => {
    const model = modelWith({ segments, hosts: [placed()], firewallSets: [dbGroup] });
    const flows = [
      flowTo('aws_db_instance.main', { kind: 'zone', zone: 'internal', segmentIds: [app.id], cidrs: [] }, RULE_ID),
      flowTo('aws_db_instance.main', { kind: 'zone', zone: 'dmz', segmentIds: [dmz.id], cidrs: [] }, RULE_ID),
      flowTo('aws_db_instance.main', { kind: 'zone', zone: 'management', segmentIds: [mgmt.id], cidrs: [] }, RULE_ID),
    ];
    expect(await runRule(RULE, model, { flows, unevaluated: [], matrix: [] })).toEqual([]);
  });

  it('reports one finding per rule for internet and user sources', async () => {
    const model = modelWith({ segments, hosts: [placed()], firewallSets: [dbGroup] });
    const flows = [
      flowTo('aws_db_instance.main', { kind: 'internet', cidrs: ['0.0.0.0/0'] }, RULE_ID),
      flowTo('aws_db_instance.main', { kind: 'zone', zone: 'user-wired', segmentIds: [users.id], cidrs: [] }, RULE_ID),
    ];
    const findings = await runRule(RULE, model, { flows, unevaluated: [], matrix: [] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.messageId).toBe('reachable-outside-tier');
    expect(findings[0]?.data).toMatchObject({
      database: 'aws_db_instance.main',
      rule: RULE_ID,
      ports: 'tcp 5432',
      sources: 'aws_subnet.users [user-wired], internet',
    });
    expect(findings[0]?.location).toEqual(at(20));
    expect(findings[0]?.related[0]?.location).toEqual(at(42));
  });

  it('counts the database subnet itself outside the application tier', async () => {
    const model = modelWith({ segments, hosts: [placed()], firewallSets: [dbGroup] });
    const source = { kind: 'zone' as const, zone: 'internal' as const, segmentIds: [app.id, data.id], cidrs: [] };
    const findings = await runRule(RULE, model, { flows: [flowTo('aws_db_instance.main', source, RULE_ID)], unevaluated: [], matrix: [] });
    expect(findings[0]?.data['sources']).toBe('aws_subnet.data [internal]');
    expect(findings[0]?.restsOn).toEqual(['applicationTierRoles', 'applicationTierZones']);
  });

  it('ignores flows on ports other than database ports', async () => {
    const model = modelWith({ segments, hosts: [placed()], firewallSets: [dbGroup] });
    const flow = flowTo('aws_db_instance.main', { kind: 'internet', cidrs: ['0.0.0.0/0'] }, RULE_ID, [{ from: 22, to: 22 }]);
    expect(await runRule(RULE, model, { flows: [flow], unevaluated: [], matrix: [] })).toEqual([]);
  });

  it('reports an all-protocols flow on the database port', async () => {
    const model = modelWith({ segments, hosts: [placed()], firewallSets: [dbGroup] });
    const flow = { ...flowTo('aws_db_instance.main', { kind: 'internet', cidrs: ['0.0.0.0/0'] }, RULE_ID, [{ from: 0, to: 65535 }]), protocol: 'all' as const };
    const findings = await runRule(RULE, model, { flows: [flow], unevaluated: [], matrix: [] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.data['ports']).toBe('tcp 1158, 1434, 5432, 5500, 33062');
  });

  it('reports a group the code does not define as unknown', async () => {
    const model = modelWith({ segments, hosts: [placed()], firewallSets: [dbGroup] });
    const flow = flowTo('aws_db_instance.main', { kind: 'external-group', written: 'sg-0abc' }, RULE_ID);
    const [finding] = await runRule(RULE, model, { flows: [flow], unevaluated: [], matrix: [] });
    expect(finding?.status).toBe('unknown');
    expect(finding?.messageId).toBe('reachable-from-undefined-group');
  });

  it('treats an instance with a database role as a database', async () => {
    const server = host('aws_instance.pg', 'instance', {
      roles: [{ role: 'database', source: 'tag', evidence: 'tag Role = "database"' }],
      segmentIds: ['aws_subnet.users'],
      origin: originOf('aws_instance.pg', 50, { subnet_id: 52 }),
    });
    const [finding] = await runRule(RULE, modelWith({ segments, hosts: [server] }));
    expect(finding?.messageId).toBe('outside-internal-zone');
    expect(finding?.location).toEqual(at(52));
  });
});

import { describe, expect, it } from 'vitest';
import { Unknown } from '../../../src/model/unknown.ts';
import { at, host, modelWith, originOf, runRule, segment } from './portal-fixtures/model.ts';

const dmz = segment('aws_subnet.dmz', 'dmz');
const app = segment('aws_subnet.app', 'internal');
const publicByName = segment('aws_subnet.public', 'internal', {
  zone: { zone: 'internal', candidates: [{ zone: 'internal', source: 'name', evidence: "name 'private'" }] },
});
const doubly = segment('aws_subnet.both', undefined, {
  zone: {
    candidates: [
      { zone: 'dmz', source: 'tag', evidence: 'tag Zone = "dmz"' },
      { zone: 'internal', source: 'tag', evidence: 'tag Tier = "internal"' },
    ],
  },
});
const segments = [dmz, app, publicByName, doubly];

const webAndDb = host('aws_instance.portal', 'instance', {
  segmentIds: [dmz.id],
  roles: [
    { role: 'web', source: 'tag', evidence: 'tag Role = "web"' },
    { role: 'database', source: 'user-data', evidence: 'user data installs mysql-server' },
  ],
  origin: originOf('aws_instance.portal', 10, { user_data: 14, tags: 15, subnet_id: 12 }),
});

describe('portal-two-tier on hand-built models', () => {
  it('reports a web host that installs a database', async () => {
    const [finding, ...rest] = await runRule('portal-two-tier', modelWith({ segments, hosts: [webAndDb] }));
    expect(rest).toEqual([]);
    expect(finding?.messageId).toBe('database-on-web-host');
    expect(finding?.data).toEqual({
      host: 'aws_instance.portal',
      web: 'tag Role = "web"',
      database: 'user data installs mysql-server',
    });
    expect(finding?.location).toEqual(at(14));
  });

  it('reads a comma-separated Role tag', async () => {
    const tagged = host('aws_instance.both', 'instance', {
      tags: { Role: 'web,db' },
      origin: originOf('aws_instance.both', 30, { tags: 33 }),
    });
    const [finding] = await runRule('portal-two-tier', modelWith({ segments, hosts: [tagged] }));
    expect(finding?.data['database']).toBe('tag Role = "web,db"');
    expect(finding?.location).toEqual(at(33));
  });

  it('passes separate web and database hosts', async () => {
    const web = host('aws_instance.web', 'instance', { roles: [{ role: 'web', source: 'tag', evidence: 'x' }] });
    const db = host('aws_instance.db', 'instance', { roles: [{ role: 'database', source: 'tag', evidence: 'y' }] });
    expect(await runRule('portal-two-tier', modelWith({ segments, hosts: [web, db] }))).toEqual([]);
  });

  it('treats a DMZ host serving 443 as web tier', async () => {
    const server = host('aws_instance.edge', 'instance', {
      segmentIds: [dmz.id],
      services: [{ name: 'https', protocol: 'tcp', ports: [{ from: 443, to: 443 }], source: 'tag' }],
      roles: [{ role: 'database', source: 'user-data', evidence: 'user data installs postgresql' }],
    });
    const [finding] = await runRule('portal-two-tier', modelWith({ segments, hosts: [server] }));
    expect(finding?.data['web']).toBe('DMZ host serving 80/443');
  });
});

function lb(internetFacing: boolean | Unknown, segmentIds: string[]) {
  return host('aws_lb.front', 'load-balancer', {
    segmentIds,
    loadBalancer: { internetFacing, listeners: [], targetGroupIds: ['aws_lb_target_group.web'] },
    origin: originOf('aws_lb.front', 60, { subnets: 62, internal: 61 }),
  });
}

describe('portal-web-in-dmz on hand-built models', () => {
  it('passes web hosts and load balancers in the DMZ', async () => {
    const web = host('aws_instance.web', 'instance', { segmentIds: [dmz.id], roles: [{ role: 'web', source: 'tag', evidence: 'x' }] });
    expect(await runRule('portal-web-in-dmz', modelWith({ segments, hosts: [web, lb(true, [dmz.id])] }))).toEqual([]);
  });

  it('reports public load balancer and target', async () => {
    const target = host('aws_instance.app', 'instance', {
      segmentIds: [app.id],
      origin: originOf('aws_instance.app', 70, { subnet_id: 72 }),
    });
    const targetGroups = [{ id: 'aws_lb_target_group.web', protocol: 'HTTP', targetHostIds: [target.id], origin: originOf('tg', 80) }];
    const findings = await runRule('portal-web-in-dmz', modelWith({ segments, hosts: [lb(true, [app.id, dmz.id]), target], targetGroups }));
    expect(findings.map((finding) => [finding.address, finding.messageId, finding.location])).toEqual([
      ['aws_lb.front', 'web-outside-dmz', at(62)],
      ['aws_instance.app', 'web-outside-dmz', at(72)],
    ]);
    expect(findings[1]?.data).toMatchObject({ webReason: 'target of internet-facing aws_lb.front', zone: 'internal', evidence: 'tag Zone = "internal"' });
  });

  it('passes internal load balancer', async () => {
    expect(await runRule('portal-web-in-dmz', modelWith({ segments, hosts: [lb(false, [app.id])] }))).toEqual([]);
  });

  it('says when the zone was inferred from a name', async () => {
    const web = host('aws_instance.web', 'instance', { segmentIds: [publicByName.id], roles: [{ role: 'web', source: 'tag', evidence: 'tag Role = "web"' }] });
    const [finding] = await runRule('portal-web-in-dmz', modelWith({ segments, hosts: [web] }));
    expect(finding?.messageId).toBe('web-outside-dmz-guessed');
    expect(finding?.message).toContain("inferred from the name 'private'; confirm it with a Zone tag");
  });

  it('reports a subnet with no single zone', async () => {
    const web = host('aws_instance.web', 'instance', { segmentIds: [doubly.id], roles: [{ role: 'web', source: 'tag', evidence: 'x' }] });
    const [finding] = await runRule('portal-web-in-dmz', modelWith({ segments, hosts: [web] }));
    expect(finding?.messageId).toBe('web-zone-unclassified');
    expect(finding?.data['evidence']).toBe('dmz (tag Zone = "dmz"), internal (tag Tier = "internal")');
  });

  it('reports an unknown scheme outside the DMZ as unknown', async () => {
    const unknown = new Unknown('an input variable with no value', 'var.internal');
    const [finding] = await runRule('portal-web-in-dmz', modelWith({ segments, hosts: [lb(unknown, [app.id])] }));
    expect(finding?.status).toBe('unknown');
    expect(finding?.location).toEqual(at(61));
  });
});

describe('routing-source-destination on hand-built models', () => {
  const forwarding = (roles: string[]) =>
    host('aws_instance.box', 'instance', {
      sourceDestCheck: false,
      roles: roles.map((role) => ({ role, source: 'tag' as const, evidence: `tag Role = "${role}"` })),
      origin: originOf('aws_instance.box', 90, { source_dest_check: 93 }),
    });

  it('reports source_dest_check off on a plain host', async () => {
    const [finding] = await runRule('routing-source-destination', modelWith({ hosts: [forwarding(['web'])] }));
    expect(finding?.messageId).toBe('check-disabled');
    expect(finding?.location).toEqual(at(93));
  });

  it('passes a declared NAT appliance', async () => {
    expect(await runRule('routing-source-destination', modelWith({ hosts: [forwarding(['nat'])] }))).toEqual([]);
  });

  it('reports routes around the firewall', async () => {
    const plain = host('aws_instance.box', 'instance');
    const table = {
      id: 'aws_route_table.private',
      segmentIds: [],
      main: false,
      routes: [
        {
          destination: '0.0.0.0/0',
          target: { kind: 'instance' as const, id: 'aws_instance.box', written: 'aws_instance.box.id' },
          origin: originOf('aws_route_table.private', 100, { 'route[0]': 102 }),
          path: 'route[0]',
        },
        {
          destination: '10.1.0.0/16',
          target: { kind: 'network-interface' as const, written: 'eni-123' },
          origin: originOf('aws_route_table.private', 100, { 'route[1]': 106 }),
          path: 'route[1]',
        },
      ],
      origin: originOf('aws_route_table.private', 100),
    };
    const findings = await runRule('routing-source-destination', modelWith({ hosts: [plain], routeTables: [table] }));
    expect(findings.map((finding) => [finding.status, finding.messageId, finding.location])).toEqual([
      ['fail', 'route-to-host', at(102)],
      ['unknown', 'route-to-undeclared-target', at(106)],
    ]);
    expect(findings[0]?.data).toEqual({ table: 'aws_route_table.private', destination: '0.0.0.0/0', target: 'aws_instance.box' });
  });
});

import { describe, expect, it } from 'vitest';
import { computeReachability } from '../../../../src/analysis/reachability/index.ts';
import { buildModel } from '../../../../src/model/build.ts';
import { isUnknown } from '../../../../src/model/unknown.ts';
import { blocks, ref, resource } from '../../resource.ts';

const network = [
  resource('google_compute_network.vpc', { name: 'vpc' }),
  resource('google_compute_subnetwork.web', { name: 'web', network: ref('google_compute_network.vpc'), ip_cidr_range: '10.0.1.0/24', secondary_ip_range: blocks({ range_name: 'pods', ip_cidr_range: '10.4.0.0/16' }) }),
];

describe('gcp network mapping', () => {
  const model = buildModel(network);
  it('maps a network to a site whose ranges are its subnetworks, with secondary ranges', () => {
    expect(model.segments[0]).toMatchObject({ id: 'google_compute_subnetwork.web', siteId: 'google_compute_network.vpc', cidrs: ['10.0.1.0/24', '10.4.0.0/16'] });
    expect(model.sites[0]!.cidrs).toEqual(['10.0.1.0/24', '10.4.0.0/16']);
  });
});

describe('gcp firewall rule forms', () => {
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['one port', { protocol: 'tcp', ports: ['22'] }, [{ from: 22, to: 22 }]],
    ['a range and a number', { protocol: 'tcp', ports: ['8000-8080', 443] }, [{ from: 443, to: 443 }, { from: 8000, to: 8080 }]],
    ['no ports, which is every port', { protocol: 'udp' }, [{ from: 0, to: 65535 }]],
    ['all protocols', { protocol: 'all' }, [{ from: 0, to: 65535 }]],
    ['icmp', { protocol: 'icmp' }, []],
  ];
  it.each(cases)('reads %s', (_name, allow, expected) => {
    const model = buildModel([resource('google_compute_firewall.f', { name: 'f', network: 'vpc', source_ranges: ['0.0.0.0/0'], allow: blocks(allow) })]);
    expect(model.firewallSets[0]!.rules[0]!.ports).toEqual(expected);
    expect(model.firewallSets[0]!.rules[0]).toMatchObject({ order: 1000, action: 'allow', direction: 'ingress' });
  });

  it('diagnoses an invalid port and leaves the rule unknown', () => {
    const model = buildModel([resource('google_compute_firewall.f', { name: 'f', network: 'vpc', allow: blocks({ protocol: 'tcp', ports: ['22-'] }) })]);
    expect(isUnknown(model.firewallSets[0]!.rules[0]!.ports)).toBe(true);
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-port-range']);
  });

  it('skips a disabled firewall and reads EGRESS with destination ranges as peers', () => {
    const model = buildModel([
      resource('google_compute_firewall.off', { name: 'off', network: 'vpc', disabled: true, allow: blocks({ protocol: 'all' }) }),
      resource('google_compute_firewall.out', { name: 'out', network: 'vpc', direction: 'EGRESS', priority: 10, destination_ranges: ['0.0.0.0/0'], deny: blocks({ protocol: 'all' }) }),
    ]);
    expect(model.firewallSets.map((set) => set.id)).toEqual(['google_compute_firewall.out']);
    expect(model.firewallSets[0]!.rules[0]).toMatchObject({ direction: 'egress', action: 'deny', order: 10, peers: [{ cidr: '0.0.0.0/0' }] });
  });
});

describe('gcp targets, source tags and deny priority', () => {
  const model = buildModel([
    ...network,
    resource('google_compute_firewall.ssh', { name: 'ssh', network: 'vpc', source_ranges: ['0.0.0.0/0'], target_tags: ['web'], allow: blocks({ protocol: 'tcp', ports: ['22'] }) }),
    resource('google_compute_firewall.no_ssh', { name: 'no-ssh', network: 'vpc', priority: 900, source_ranges: ['0.0.0.0/0'], deny: blocks({ protocol: 'tcp', ports: ['22'] }) }),
    resource('google_compute_firewall.app', { name: 'app', network: 'vpc', source_tags: ['web'], target_service_accounts: ['app@p.iam'], allow: blocks({ protocol: 'tcp', ports: ['8080'] }) }),
    resource('google_compute_instance.web', { name: 'web-1', tags: ['web'], network_interface: blocks({ subnetwork: 'web', network_ip: '10.0.1.5', access_config: blocks({}) }) }),
    resource('google_compute_instance.app', { name: 'app-1', service_account: blocks({ email: 'app@p.iam' }), metadata_startup_script: 'apt-get install -y postgresql', network_interface: blocks({ subnetwork: ref('google_compute_subnetwork.web', 'self_link') }) }),
  ]);
  const host = (id: string) => model.hosts.find((candidate) => candidate.id === id)!;

  it('attaches firewalls by target tag and service account, and the groups of the host tags', () => {
    expect(host('google_compute_instance.web')).toMatchObject({ publicAddress: true, addresses: ['10.0.1.5'], segmentIds: ['google_compute_subnetwork.web'] });
    expect(host('google_compute_instance.web').firewallSetIds.sort()).toEqual(['google:tag:web', 'google_compute_firewall.no_ssh', 'google_compute_firewall.ssh']);
    expect(host('google_compute_instance.app').firewallSetIds.sort()).toEqual(['google_compute_firewall.app', 'google_compute_firewall.no_ssh']);
    expect(host('google_compute_instance.app').roles.map((role) => role.role)).toContain('database');
  });

  it('copies an earlier deny into the sets it shadows, so its allow admits nothing', () => {
    const ssh = model.firewallSets.find((set) => set.id === 'google_compute_firewall.ssh')!;
    expect(ssh.kind).toBe('ordered-policy');
    expect(ssh.rules.map((rule) => [rule.action, rule.order])).toEqual([['allow', 1000], ['deny', 899.5]]);
    const flows = computeReachability(model).flows;
    expect(flows.filter((flow) => flow.ruleId === 'google_compute_firewall.ssh/allow[0]')).toEqual([]);
  });

  it('resolves a source tag to the zones of the instances that carry it', () => {
    const flows = computeReachability(model).flows.filter((flow) => flow.ruleId === 'google_compute_firewall.app/allow[0]');
    expect(flows.map((flow) => [flow.source.kind, flow.target])).toEqual([['zone', { kind: 'host', hostId: 'google_compute_instance.app' }]]);
  });
});

describe('gcp databases and routes', () => {
  const model = buildModel([
    ...network,
    resource('google_sql_database_instance.open', {
      name: 'open',
      database_version: 'MYSQL_8_0',
      settings: blocks({ ip_configuration: blocks({ authorized_networks: blocks({ name: 'all', value: '0.0.0.0/0' }) }) }),
    }),
    resource('google_sql_database_instance.private', { name: 'private', database_version: 'POSTGRES_15', settings: blocks({ ip_configuration: blocks({ ipv4_enabled: false }) }) }),
    resource('google_compute_route.out', { name: 'out', network: 'vpc', dest_range: '0.0.0.0/0', next_hop_gateway: 'default-internet-gateway' }),
    resource('google_compute_router.r', { name: 'r', network: ref('google_compute_network.vpc') }),
    resource('google_compute_router_nat.nat', { name: 'nat', router: 'r' }),
  ]);
  const host = (id: string) => model.hosts.find((candidate) => candidate.id === id)!;

  it('makes authorized networks an allow rule on the engine port', () => {
    expect(host('google_sql_database_instance.open').database).toMatchObject({ engine: 'mysql_8_0', port: 3306, publiclyAccessible: true, publiclyAccessibleSource: 'default' });
    const set = model.firewallSets.find((candidate) => candidate.id === 'google_sql_database_instance.open/authorized_networks')!;
    expect(set.rules[0]).toMatchObject({ protocol: 'tcp', ports: [{ from: 3306, to: 3306 }], peers: [{ cidr: '0.0.0.0/0' }] });
    expect(host('google_sql_database_instance.private').database).toMatchObject({ publiclyAccessible: false, publiclyAccessibleSource: 'attribute' });
  });

  it('puts routes in the network main table and Cloud NAT on the network', () => {
    expect(model.routeTables).toMatchObject([{ id: 'google_compute_network.vpc/routes', main: true, siteId: 'google_compute_network.vpc' }]);
    expect(model.routeTables[0]!.routes[0]).toMatchObject({ destination: '0.0.0.0/0', target: { kind: 'internet-gateway' } });
    expect(model.gateways).toMatchObject([{ id: 'google_compute_router_nat.nat', kind: 'nat', siteId: 'google_compute_network.vpc' }]);
  });
});

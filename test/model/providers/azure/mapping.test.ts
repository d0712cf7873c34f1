import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../../src/model/build.ts';
import { isUnknown } from '../../../../src/model/unknown.ts';
import { blocks, ref, resource } from '../../resource.ts';

const rule = (fields: Record<string, unknown>) => ({
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  source_port_range: '*',
  destination_address_prefix: '*',
  ...fields,
});

describe('azure network mapping', () => {
  const model = buildModel([
    resource('azurerm_virtual_network.core', {
      name: 'vnet-core',
      resource_group_name: 'rg',
      address_space: ['10.0.0.0/16'],
      subnet: blocks({ name: 'snet-inline', address_prefixes: ['10.0.5.0/24'] }),
    }),
    resource('azurerm_subnet.web', { name: 'snet-web', resource_group_name: 'rg', virtual_network_name: 'vnet-core', address_prefixes: ['10.0.1.0/24'] }),
    resource('azurerm_subnet.old', { name: 'snet-old', virtual_network_name: 'vnet-core', address_prefix: '10.0.2.0/24' }),
  ]);

  it('maps a VNet to a site and subnets, separate and inline, to segments in it', () => {
    expect(model.sites).toMatchObject([{ id: 'azurerm_virtual_network.core', name: 'vnet-core', cidrs: ['10.0.0.0/16'] }]);
    expect(model.segments.map((segment) => [segment.id, segment.name, segment.cidrs, segment.siteId])).toEqual([
      ['azurerm_virtual_network.core/subnet[0]', 'snet-inline', ['10.0.5.0/24'], 'azurerm_virtual_network.core'],
      ['azurerm_subnet.web', 'snet-web', ['10.0.1.0/24'], 'azurerm_virtual_network.core'],
      ['azurerm_subnet.old', 'snet-old', ['10.0.2.0/24'], 'azurerm_virtual_network.core'],
    ]);
  });
});

describe('azure NSG rule forms', () => {
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['a bare number', { destination_port_range: 53 }, [{ from: 53, to: 53 }]],
    ['a numeric string', { destination_port_range: '22' }, [{ from: 22, to: 22 }]],
    ['a range', { destination_port_range: '8000-8080' }, [{ from: 8000, to: 8080 }]],
    ['a star', { destination_port_range: '*' }, [{ from: 0, to: 65535 }]],
    ['the plural list', { destination_port_ranges: ['443', 80, '10-12'] }, [{ from: 10, to: 12 }, { from: 80, to: 80 }, { from: 443, to: 443 }]],
    ['icmp, which has no ports', { protocol: 'Icmp', destination_port_range: '*' }, []],
    ['every protocol on one port', { protocol: '*', destination_port_range: '22' }, [{ from: 22, to: 22 }]],
  ];
  it.each(cases)('reads %s', (_name, fields, expected) => {
    const model = buildModel([
      resource('azurerm_network_security_group.g', { name: 'g', security_rule: blocks(rule({ priority: 100, source_address_prefix: '*', ...fields })) }),
    ]);
    expect(model.firewallSets[0]!.rules[0]!.ports).toEqual(expected);
    expect(model.diagnostics).toEqual([]);
  });

  it.each([['22-'], ['70000'], ['a-b']])('diagnoses %s and leaves the ports unknown', (written) => {
    const model = buildModel([
      resource('azurerm_network_security_group.g', { name: 'g', security_rule: blocks(rule({ priority: 100, destination_port_range: written })) }),
    ]);
    expect(isUnknown(model.firewallSets[0]!.rules[0]!.ports)).toBe(true);
    expect(model.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-port-range']);
    expect(model.diagnostics[0]!.message).toContain(`"${written}"`);
  });

  const peers: Array<[string, Record<string, unknown>, string[]]> = [
    ['a CIDR', { source_address_prefix: '192.0.2.0/24' }, ['192.0.2.0/24']],
    ['a bare address', { source_address_prefix: '192.0.2.7' }, ['192.0.2.7/32']],
    ['the plural list', { source_address_prefixes: ['192.0.2.0/24', '198.51.100.0/24'] }, ['192.0.2.0/24', '198.51.100.0/24']],
    ['a star', { source_address_prefix: '*' }, ['0.0.0.0/0', '::/0']],
    ['AzureLoadBalancer', { source_address_prefix: 'AzureLoadBalancer' }, ['168.63.129.16/32']],
    ['VirtualNetwork, as the scanned VNets', { source_address_prefix: 'VirtualNetwork' }, ['10.0.0.0/16']],
  ];
  it.each(peers)('reads %s as address peers', (_name, fields, expected) => {
    const model = buildModel([
      resource('azurerm_virtual_network.v', { name: 'v', address_space: ['10.0.0.0/16'] }),
      resource('azurerm_network_security_group.g', { name: 'g', security_rule: blocks(rule({ priority: 100, destination_port_range: '22', ...fields })) }),
    ]);
    const found = model.firewallSets[0]!.rules[0]!.peers;
    expect(found.map((peer) => (peer.kind === 'cidr' ? peer.cidr : peer.kind))).toEqual(expected);
  });

  it('reads Internet as the public address space, written as the tag', () => {
    const model = buildModel([
      resource('azurerm_network_security_group.g', { name: 'g', security_rule: blocks(rule({ priority: 100, destination_port_range: '22', source_address_prefix: 'Internet' })) }),
    ]);
    const found = model.firewallSets[0]!.rules[0]!.peers;
    expect(found.length).toBeGreaterThan(10);
    expect(found.every((peer) => peer.kind === 'cidr' && peer.written === 'Internet')).toBe(true);
    expect(found.some((peer) => peer.kind === 'cidr' && peer.cidr === '10.0.0.0/8')).toBe(false);
  });

  it('keeps other service tags as tags, whose addresses are unknown', () => {
    const model = buildModel([
      resource('azurerm_network_security_group.g', { name: 'g', security_rule: blocks(rule({ priority: 100, destination_port_range: '22', source_address_prefix: 'Storage.WestEurope' })) }),
    ]);
    expect(model.firewallSets[0]!.rules[0]!.peers).toMatchObject([{ kind: 'tag', tag: 'Storage.WestEurope' }]);
  });

  it('reads priority, Deny, Outbound and the destination as local peers', () => {
    const model = buildModel([
      resource('azurerm_network_security_group.g', {
        name: 'g',
        security_rule: blocks(
          rule({ priority: 200, access: 'Deny', destination_port_range: '*', source_address_prefix: '*', destination_address_prefix: '10.0.1.4' }),
          rule({ priority: 300, direction: 'Outbound', destination_port_range: '443', source_address_prefix: '10.0.1.0/24', destination_address_prefix: 'Internet' }),
        ),
      }),
    ]);
    const [deny, outbound] = model.firewallSets[0]!.rules;
    expect(deny).toMatchObject({ order: 200, action: 'deny', direction: 'ingress', localPeers: [{ cidr: '10.0.1.4/32' }] });
    expect(outbound).toMatchObject({ order: 300, action: 'allow', direction: 'egress', localPeers: [{ cidr: '10.0.1.0/24' }] });
  });

  it('attaches a rule resource by NSG name and resource group, and an NSG Zone tag to the set', () => {
    const model = buildModel([
      resource('azurerm_network_security_rule.r', rule({ priority: 100, destination_port_range: '22', source_address_prefix: '*', network_security_group_name: 'g', resource_group_name: 'RG' })),
      resource('azurerm_network_security_group.other', { name: 'g', resource_group_name: 'rg2' }),
      resource('azurerm_network_security_group.g', { name: 'g', resource_group_name: 'rg', tags: { Zone: 'mgmt' } }),
    ]);
    const set = model.firewallSets.find((candidate) => candidate.id === 'azurerm_network_security_group.g')!;
    expect(set.rules.map((found) => found.id)).toEqual(['azurerm_network_security_rule.r']);
    expect(set.zone?.zone).toBe('management');
  });
});

describe('azure hosts', () => {
  const model = buildModel([
    resource('azurerm_subnet.web', { name: 'snet-web', address_prefixes: ['10.0.1.0/24'] }),
    resource('azurerm_network_security_group.web', { name: 'web' }),
    resource('azurerm_subnet_network_security_group_association.web', { subnet_id: ref('azurerm_subnet.web'), network_security_group_id: ref('azurerm_network_security_group.web') }),
    resource('azurerm_public_ip.web', { name: 'pip' }),
    resource('azurerm_network_interface.web', {
      ip_configuration: blocks({ subnet_id: ref('azurerm_subnet.web'), private_ip_address: '10.0.1.10', public_ip_address_id: ref('azurerm_public_ip.web') }),
    }),
    resource('azurerm_network_interface_security_group_association.web', { network_interface_id: ref('azurerm_network_interface.web'), network_security_group_id: ref('azurerm_network_security_group.web') }),
    resource('azurerm_windows_virtual_machine.web', {
      name: 'vm-web',
      admin_username: 'admin1',
      admin_password: 'P@ssw0rd!',
      custom_data: Buffer.from('apt-get install -y mysql-server\n').toString('base64'),
      network_interface_ids: [ref('azurerm_network_interface.web')],
    }),
    resource('azurerm_mssql_server.sql', { name: 'sql', administrator_login: 'sa', administrator_login_password: 'Secret123!' }),
    resource('azurerm_postgresql_flexible_server.pg', { name: 'pg', delegated_subnet_id: ref('azurerm_subnet.web') }),
    resource('azurerm_mysql_flexible_server.my', { name: 'my', public_network_access_enabled: false }),
  ]);
  const host = (id: string) => model.hosts.find((candidate) => candidate.id === id)!;

  it('places a VM through its interface: subnet, address, public IP and NSG', () => {
    expect(host('azurerm_windows_virtual_machine.web')).toMatchObject({
      name: 'vm-web',
      segmentIds: ['azurerm_subnet.web'],
      addresses: ['10.0.1.10'],
      publicAddress: true,
      firewallSetIds: ['azurerm_network_security_group.web'],
    });
    expect(model.firewallSets[0]!.segmentIds).toEqual(['azurerm_subnet.web']);
  });

  it('decodes custom_data and reads the database role from it', () => {
    expect(host('azurerm_windows_virtual_machine.web').userData).toContain('mysql-server');
    expect(host('azurerm_windows_virtual_machine.web').roles.map((role) => role.role)).toContain('database');
  });

  it('applies the public network access default per server type', () => {
    expect(host('azurerm_mssql_server.sql').database).toMatchObject({ engine: 'sqlserver', port: 1433, publiclyAccessible: true, publiclyAccessibleSource: 'default' });
    expect(host('azurerm_postgresql_flexible_server.pg').database).toMatchObject({ publiclyAccessible: false, publiclyAccessibleSource: 'default' });
    expect(host('azurerm_postgresql_flexible_server.pg').segmentIds).toEqual(['azurerm_subnet.web']);
    expect(host('azurerm_mysql_flexible_server.my').database).toMatchObject({ publiclyAccessible: false, publiclyAccessibleSource: 'attribute' });
  });

  it('collects literal admin and administrator passwords as credentials', () => {
    expect(model.credentials.map((credential) => [credential.subjectId, credential.attribute, credential.userName])).toEqual([
      ['azurerm_windows_virtual_machine.web', 'admin_password', 'admin1'],
      ['azurerm_mssql_server.sql', 'administrator_login_password', 'sa'],
    ]);
  });
});

describe('azure routes and load balancers', () => {
  const model = buildModel([
    resource('azurerm_subnet.app', { name: 'snet-app', address_prefixes: ['10.0.2.0/24'] }),
    resource('azurerm_route_table.rt', {
      name: 'rt',
      resource_group_name: 'rg',
      route: blocks({ name: 'out', address_prefix: '0.0.0.0/0', next_hop_type: 'Internet' }),
    }),
    resource('azurerm_route.fw', { name: 'fw', resource_group_name: 'rg', route_table_name: 'rt', address_prefix: '10.9.0.0/16', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.0.0.4' }),
    resource('azurerm_subnet_route_table_association.app', { subnet_id: ref('azurerm_subnet.app'), route_table_id: ref('azurerm_route_table.rt') }),
    resource('azurerm_lb.public', { name: 'lb', frontend_ip_configuration: blocks({ name: 'fe', public_ip_address_id: ref('azurerm_public_ip.lb') }) }),
    resource('azurerm_lb.private', { name: 'ilb', frontend_ip_configuration: blocks({ name: 'fe', subnet_id: ref('azurerm_subnet.app') }) }),
  ]);

  it('reads next_hop_type Internet as an internet route and merges route resources by table name', () => {
    expect(model.routeTables).toHaveLength(1);
    expect(model.routeTables[0]!.segmentIds).toEqual(['azurerm_subnet.app']);
    expect(model.routeTables[0]!.routes.map((route) => [route.destination, route.target.kind])).toEqual([
      ['0.0.0.0/0', 'internet-gateway'],
      ['10.9.0.0/16', 'instance'],
    ]);
  });

  it('makes a load balancer with a public frontend internet-facing', () => {
    const balancers = model.hosts.map((host) => [host.id, host.loadBalancer?.internetFacing, host.segmentIds]);
    expect(balancers).toEqual([
      ['azurerm_lb.public', true, []],
      ['azurerm_lb.private', false, ['azurerm_subnet.app']],
    ]);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTerraform } from '../../src/loaders/terraform/index.ts';
import { buildModel } from '../../src/model/build.ts';
import type { InfrastructureModel } from '../../src/model/types.ts';
import { isUnknown } from '../../src/model/unknown.ts';

/** The inputs of the model tests, loaded from real `.tf` files through the Terraform loader. */

const fixtures = join(import.meta.dirname, '../fixtures/cases');

async function modelOf(folder: string, varFiles: string[] = []): Promise<InfrastructureModel> {
  const root = join(fixtures, folder);
  const loaded = await loadTerraform(root, { varFiles: varFiles.map((file) => join(root, file)) });
  expect(loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return buildModel(loaded.resources);
}

function rulesOf(model: InfrastructureModel, setId: string) {
  return model.firewallSets.find((set) => set.id === setId)?.rules ?? [];
}

describe('model of real terraform inputs', () => {
  it('all-protocol and numeric protocols', async () => {
    const model = await modelOf('case-01');
    const db = rulesOf(model, 'aws_security_group.db');
    expect(db.map((rule) => [rule.protocol, rule.ports])).toEqual([
      ['all', [{ from: 0, to: 65535 }]],
      ['all', [{ from: 0, to: 65535 }]],
    ]);
    const vpn = rulesOf(model, 'aws_security_group.vpn');
    expect(vpn.map((rule) => rule.protocol)).toEqual(['icmp', { number: 47 }, 'tcp', 'udp']);
    expect(model.hosts[0]!.firewallSetIds).toEqual(['aws_security_group.db']);
  });

  it('invalid CIDR diagnostic names file, line and value', async () => {
    const model = await modelOf('case-02');
    const invalid = model.diagnostics.find((diagnostic) => diagnostic.code === 'invalid-cidr');
    expect(invalid?.location?.file).toBe(join(fixtures, 'case-02', 'main.tf'));
    expect(invalid?.location?.range?.startLine).toBe(54);
    expect(invalid?.message).toContain('10.0.0.0/33');
    const bad = rulesOf(model, 'aws_security_group.admin').find(
      (rule) => rule.id === 'aws_security_group_rule.bad_cidr',
    );
    expect(bad?.peers.map((peer) => peer.kind)).toEqual(['unknown']);
  });

  it('group sources resolve, unknown group ids stay external', async () => {
    const model = await modelOf('case-04');
    const web = rulesOf(model, 'aws_security_group.web');
    expect(web.map((rule) => rule.peers.map((peer) => peer.kind))).toEqual([
      ['group'],
      ['cidr', 'group'],
      ['external-group'],
      ['group'],
    ]);
    expect(model.hosts[0]!.segmentIds).toEqual(['aws_subnet.mgmt']);
  });

  it('defaults, string booleans and subnet groups', async () => {
    const model = await modelOf('case-09');
    const database = (name: string) => model.hosts.find((host) => host.name === name)!.database!;
    expect(database('a_default').publiclyAccessibleSource).toBe('default');
    expect(database('a_default').publiclyAccessible).toBe(false);
    expect(database('c_string_true').publiclyAccessible).toBe(true);
    expect(database('d_var').publiclyAccessible).toBe(true);
    expect(database('e_in_dmz').subnetGroupId).toBe('aws_db_subnet_group.mixed');
    const withPrivate = await modelOf('case-09', ['private.tfvars']);
    const dVar = withPrivate.hosts.find((host) => host.name === 'd_var')!.database!;
    expect(dVar.publiclyAccessible).toBe(false);
  });

  it('keyed instances link, count = 0 is absent', async () => {
    const model = await modelOf('case-12');
    expect(rulesOf(model, 'aws_security_group.tier["db"]').map((rule) => rule.id)).toEqual([
      'aws_security_group_rule.tier_in["db"]',
    ]);
    const main = model.hosts.find((host) => host.id === 'aws_db_instance.main')!;
    expect(main.firewallSetIds).toEqual(['aws_security_group.tier["db"]']);
    expect(model.hosts.some((host) => host.id.startsWith('aws_instance.jump'))).toBe(false);
    const open = await modelOf('case-12', ['db-open.tfvars']);
    const openRule = rulesOf(open, 'aws_security_group.tier["db"]')[0]!;
    expect(openRule.peers).toMatchObject([{ kind: 'cidr', cidr: '0.0.0.0/0' }]);
    const jump = await modelOf('case-12', ['jump.tfvars']);
    const jumpHost = jump.hosts.find((host) => host.id === 'aws_instance.jump[0]');
    expect(jumpHost?.firewallSetIds).toEqual(['aws_security_group.tier["web"]']);
    expect(isUnknown(jumpHost?.segmentUnknown)).toBe(true);
  });
});

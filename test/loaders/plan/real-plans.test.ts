import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/loaders/plan/index.ts';
import type { ResourceInstance } from '../../../src/loaders/terraform/types.ts';
import { isUnknown } from '../../../src/model/unknown.ts';
import { checkFolder, checkPlan, findingKeys } from './pipeline.ts';
import { planFolder, whyNoTerraform, type PlannedFolder } from './terraform-plan.ts';

/**
 * Real plans from terraform 1.11 and the hashicorp/aws provider, planned offline
 * with fake credentials. Each plan must give the same findings as the HCL of the
 * same folder: the plan and HCL front ends feed one mapping.
 */

const REPO = resolve(import.meta.dirname, '../../..');
const FOLDERS = {
  compliant: join(REPO, 'examples/terraform/portal-compliant'),
  noncompliant: join(REPO, 'examples/terraform/portal-noncompliant'),
  expanded: join(import.meta.dirname, 'fixtures/expanded'),
};
const missing = whyNoTerraform();
const PLAN_TIMEOUT = 180_000;

if (missing !== undefined) console.warn(`Skipping real-plan tests: ${missing}.`);

describe.skipIf(missing !== undefined)('real terraform plans', () => {
  const planned = new Map<keyof typeof FOLDERS, PlannedFolder>();

  beforeAll(async () => {
    for (const [name, folder] of Object.entries(FOLDERS)) {
      planned.set(name as keyof typeof FOLDERS, await planFolder(folder));
    }
  }, PLAN_TIMEOUT);

  afterAll(async () => {
    for (const { dir } of planned.values()) await rm(dirname(dir), { recursive: true, force: true });
  });

  const plannedFolder = (name: keyof typeof FOLDERS): PlannedFolder => planned.get(name)!;

  it.each(Object.keys(FOLDERS) as Array<keyof typeof FOLDERS>)(
    'finds in the plan of %s what it finds in its HCL',
    async (name) => {
      const { dir, planFile } = plannedFolder(name);
      const fromPlan = await checkPlan(planFile);
      const fromHcl = await checkFolder(dir);
      expect(findingKeys(fromPlan.findings)).toEqual(findingKeys(fromHcl.findings));
      expect(fromPlan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    },
  );

  it('finds something in the noncompliant portal, so the comparison is not empty', async () => {
    const fromPlan = await checkPlan(plannedFolder('noncompliant').planFile);
    expect(findingKeys(fromPlan.findings, 'fail')).toContain(
      'management-ports-from-management-zone aws_security_group.web fail',
    );
  });

  it('points findings at the .tf blocks beside the plan', async () => {
    const { dir, planFile } = plannedFolder('noncompliant');
    const { findings } = await checkPlan(planFile);
    const web = findings.find(
      (f) => f.ruleId === 'management-ports-from-management-zone' && f.address === 'aws_security_group.web',
    )!;
    expect(web.location.file).toBe(join(dir, 'firewall.tf'));
    expect(web.location.range?.startLine).toBeGreaterThan(1);
    for (const finding of findings) expect(finding.location.range?.startLine).not.toBe(0);
  });

  it('reads the sources from --source when the plan is elsewhere', async () => {
    const { dir, planFile } = plannedFolder('expanded');
    const alone = await mkdtemp(join(tmpdir(), 'zoneguard-plan-alone-'));
    try {
      await copyFile(planFile, join(alone, 'plan.json'));
      const withoutSources = await checkPlan(join(alone, 'plan.json'));
      for (const finding of withoutSources.findings) {
        expect(finding.location).toEqual({ file: join(alone, 'plan.json') });
      }
      const withSources = await checkPlan(join(alone, 'plan.json'), { sourceDir: dir });
      const moduleFinding = withSources.findings.find((f) => f.address === 'module.tier.aws_security_group.web')!;
      expect(moduleFinding.location.file).toBe(join(dir, 'modules/tier/main.tf'));
      expect(moduleFinding.location.range).toBeDefined();
    } finally {
      await rm(alone, { recursive: true, force: true });
    }
  });

  it('links unknown ids to the instance of the same key, and through modules', async () => {
    const loaded = await loadPlan(plannedFolder('expanded').planFile);
    const refOf = (address: string, attribute: string): unknown => {
      const value = byAddress(loaded.resources, address).body.attributes[attribute]?.value;
      return isUnknown(value) ? value.ref : value;
    };
    expect(refOf('aws_instance.node["app"]', 'subnet_id')).toEqual({ address: 'aws_subnet.zone["app"]', attribute: 'id' });
    expect(refOf('aws_instance.node["mgmt"]', 'vpc_security_group_ids')).toEqual({
      address: 'aws_security_group.zone["mgmt"]',
      attribute: 'id',
    });
    expect(refOf('module.tier.aws_instance.web', 'subnet_id')).toEqual({ address: 'aws_subnet.dmz[0]', attribute: 'id' });
    expect(refOf('module.tier.aws_security_group.web', 'vpc_id')).toEqual({ address: 'aws_vpc.main', attribute: 'id' });
    expect(byAddress(loaded.resources, 'module.tier.aws_instance.web').moduleCalls).toEqual(['module.tier']);
  });
});

function byAddress(resources: ResourceInstance[], address: string): ResourceInstance {
  const found = resources.find((resource) => resource.address === address);
  if (found === undefined) throw new Error(`no instance ${address} in ${resources.map((r) => r.address).join(', ')}`);
  return found;
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeReachability } from '../../../src/analysis/reachability/index.ts';
import { isDesignFileName, loadDesign } from '../../../src/loaders/design/index.ts';
import { designToModel } from '../../../src/model/design/index.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function writeDesign(text: string, name = 'dc.zoneguard.yml'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'zoneguard-design-'));
  folders.push(folder);
  const file = join(folder, name);
  await writeFile(file, text);
  return file;
}

const SMALL = `version: 1
sites:
  dc:
    profile: portal
    zones:
      dmz: { cidrs: [10.1.1.0/24] }
      app: { kind: internal, cidrs: [10.1.2.0/24] }
    policies:
      - rules:
          - { from: internet, to: dmz/web, protocol: tcp, ports: 443, action: allow }
          - { from: dmz, to: app, protocol: tcp, ports: [8080, "9000-9001"], action: allow }
    servers:
      web: { zone: dmz, address: 10.1.1.10, roles: [web], storage: [{ name: data, raid: 1, disks: 2 }] }
`;

describe('design loader', () => {
  it('maps zones to segments at their YAML lines', async () => {
    const loaded = await loadDesign(await writeDesign(SMALL));
    expect(loaded.diagnostics).toEqual([]);
    const model = designToModel(loaded.design!);
    const app = model.segments.find((segment) => segment.id === 'sites.dc.zones.app');
    expect(app?.zone.zone).toBe('internal');
    expect(app?.zone.candidates[0]?.source).toBe('design');
    expect(app?.cidrs).toEqual(['10.1.2.0/24']);
    expect(app?.origin.location.range?.startLine).toBe(7);
    expect(model.segments.find((segment) => segment.id === 'sites.dc.zones.dmz')?.zone.zone).toBe('dmz');
  });

  it('maps servers with storage RAID', async () => {
    const model = designToModel((await loadDesign(await writeDesign(SMALL))).design!);
    const web = model.hosts.find((host) => host.id === 'sites.dc.servers.web');
    expect(web?.addresses).toEqual(['10.1.1.10/32']);
    expect(web?.segmentIds).toEqual(['sites.dc.zones.dmz']);
    expect(model.volumes[0]?.raid?.level).toBe('1');
    expect(model.volumes[0]?.raid?.disks).toBe(2);
  });

  it('turns policies into flows between zones', async () => {
    const model = designToModel((await loadDesign(await writeDesign(SMALL))).design!);
    const matrix = computeReachability(model).matrix;
    const internet = matrix.find((cell) => cell.from === 'internet' && cell.to === 'dmz');
    expect(internet?.services).toEqual([{ protocol: 'tcp', ports: [{ from: 443, to: 443 }] }]);
    const dmzToApp = matrix.find((cell) => cell.from === 'dmz' && cell.to === 'internal');
    expect(dmzToApp?.services[0]?.ports).toEqual([
      { from: 8080, to: 8080 },
      { from: 9000, to: 9001 },
    ]);
    expect(matrix.some((cell) => cell.from === 'internet' && cell.to === 'internal')).toBe(false);
  });

  it('reports a schema error at its line', async () => {
    const file = await writeDesign('version: 1\nsites:\n  dc:\n    zones:\n      dmz: { cidrs: [10.1.1.0/24], colour: red }\n');
    const loaded = await loadDesign(file);
    expect(loaded.design).toBeUndefined();
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]?.code).toBe('config-invalid');
    expect(loaded.diagnostics[0]?.location?.range?.startLine).toBe(5);
    expect(loaded.diagnostics[0]?.message).toContain('sites.dc.zones.dmz.colour');
  });

  it('reports an unknown zone reference', async () => {
    const text = SMALL.replace('to: app,', 'to: backend,');
    const model = designToModel((await loadDesign(await writeDesign(text))).design!);
    expect(model.diagnostics).toHaveLength(1);
    expect(model.diagnostics[0]?.message).toContain('backend');
    expect(model.diagnostics[0]?.location?.range?.startLine).toBe(11);
  });

  it('reports invalid YAML as a parse error', async () => {
    const loaded = await loadDesign(await writeDesign('version: 1\nsites: [\n'));
    expect(loaded.diagnostics[0]?.code).toBe('parse-error');
  });

  it('reads JSON design files', async () => {
    const json = JSON.stringify({ version: 1, sites: { dc: { zones: { mgmt: { kind: 'management', cidrs: ['10.9.0.0/24'] } } } } });
    const model = designToModel((await loadDesign(await writeDesign(json, 'dc.json'))).design!);
    expect(model.segments[0]?.zone.zone).toBe('management');
  });

  it('maps organisational evidence', async () => {
    const text = `version: 1
identity:
  passwordPolicy: { minLength: 6, maxAgeDays: { users: 365 } }
evidenceDates:
  - { kind: dr-plan-review, date: "2024-01-01" }
sites:
  dc:
    zones: { dmz: { cidrs: [10.1.1.0/24] } }
    facility: { dedicatedRoom: false, power: { lines: 1 } }
`;
    const evidence = designToModel((await loadDesign(await writeDesign(text))).design!).evidence!;
    expect(evidence.passwordPolicies[0]?.minLength).toBe(6);
    expect(evidence.passwordPolicies[0]?.maxAgeDaysUsers).toBe(365);
    expect(evidence.passwordPolicies[0]?.origin.location.range?.startLine).toBe(3);
    expect(evidence.dates[0]?.kind).toBe('dr-plan-review');
    expect(evidence.facilities[0]?.dedicatedRoom).toBe(false);
    expect(evidence.facilities[0]?.power?.lines).toBe(1);
  });

  it('tells design files from the config file', () => {
    expect(isDesignFileName('/x/dc.zoneguard.yml')).toBe(true);
    expect(isDesignFileName('/x/.zoneguard.yml')).toBe(false);
    expect(isDesignFileName('/x/main.tf')).toBe(false);
  });
});

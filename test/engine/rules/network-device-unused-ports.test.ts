import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReachability } from '../../../src/analysis/reachability/index.ts';
import { runRules } from '../../../src/engine/run.ts';
import type { Finding } from '../../../src/engine/types.ts';
import { loadDesign } from '../../../src/loaders/design/index.ts';
import { designToModel } from '../../../src/model/design/index.ts';
import { builtInPack, runOnHcl } from '../harness.ts';

const RULE = 'network-device-unused-ports';

/** A design file of one site with the given `networkDevices` lines (already indented). */
function design(devices: string): string {
  return `version: 1
organisation: Test
sites:
  dc:
    zones:
      servers: { kind: internal, cidrs: [10.0.1.0/24] }
${devices}`;
}

/** Runs the rule on a design file written to a temp folder, through the design loader and model. */
async function runOnDesign(text: string): Promise<Finding[]> {
  const root = await mkdtemp(join(tmpdir(), 'zoneguard-devices-'));
  try {
    const file = join(root, 'dc.zoneguard.yml');
    await writeFile(file, text);
    const loaded = await loadDesign(file);
    if (loaded.design === undefined) throw new Error(JSON.stringify(loaded.diagnostics));
    const model = designToModel(loaded.design);
    const output = runRules({ model, reachability: computeReachability(model), pack: await builtInPack(), language: 'en', ruleIds: [RULE], strict: true });
    return output.findings;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const rows = (findings: Finding[]) => findings.map((f) => [f.messageId, f.status, f.address, f.location.range?.startLine]);

describe(`${RULE} on design files`, () => {
  it('passes devices that record their unused ports shut', async () => {
    const findings = await runOnDesign(design('    networkDevices:\n      core-sw: { kind: switch, unusedPortsShut: true }\n'));
    expect(rows(findings)).toEqual([]);
  });

  it('reports a device with open ports and one that records nothing', async () => {
    const findings = await runOnDesign(design('    networkDevices:\n      core-sw: { kind: switch, unusedPortsShut: false }\n      edge-rt: { kind: router }\n'));
    expect(rows(findings)).toEqual([
      ['ports-open', 'fail', 'sites.dc.networkDevices.core-sw', 8],
      ['not-recorded', 'fail', 'sites.dc.networkDevices.edge-rt', 9],
    ]);
    expect(findings[0]?.message).toBe('The switch dc.core-sw records unusedPortsShut: false; unused ports and features of network devices must be shut.');
  });

  it('reports a design that lists no network device', async () => {
    const findings = await runOnDesign(design(''));
    expect(findings.map((f) => [f.messageId, f.data['what']])).toEqual([['not-evidenced', 'network device list']]);
  });
});

describe(`${RULE} on code`, () => {
  it('stays silent on infrastructure code, which cannot show switch ports', async () => {
    const run = await runOnHcl({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' }, { ruleIds: [RULE] });
    expect(run.findings).toEqual([]);
  });
});

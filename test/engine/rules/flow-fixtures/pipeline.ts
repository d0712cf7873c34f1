import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { computeReachability } from '../../../../src/analysis/reachability/index.ts';
import { loadRulePack, type RulePack } from '../../../../src/engine/registry.ts';
import { runRules } from '../../../../src/engine/run.ts';
import type { Finding } from '../../../../src/engine/types.ts';
import { loadTerraform } from '../../../../src/loaders/terraform/index.ts';
import { buildModel } from '../../../../src/model/build.ts';

/** The six flow rules of this folder. */
export const FLOW_RULES = [
  'internet-ingress-dmz-only',
  'management-ports-from-management-zone',
  'service-insecure-protocol',
  'service-port-range-wide',
  'zone-firewall-between',
  'internet-egress-via-access-zone',
];

let pack: Promise<RulePack> | undefined;

/**
 * Runs rules through the whole pipeline: the files are written to a fresh
 * temp folder, loaded, mapped, analysed and checked in strict mode.
 * `varFiles` are names inside that folder.
 */
export async function scanFiles(
  ruleIds: readonly string[],
  files: Record<string, string>,
  varFiles: readonly string[] = [],
): Promise<Finding[]> {
  const root = await mkdtemp(join(tmpdir(), 'zoneguard-flow-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, name)), { recursive: true });
      await writeFile(join(root, name), text);
    }
    const loaded = await loadTerraform(root, { varFiles: varFiles.map((name) => join(root, name)) });
    const model = buildModel(loaded.resources);
    const reachability = computeReachability(model);
    pack ??= loadRulePack();
    const output = runRules({ model, reachability, pack: await pack, language: 'en', ruleIds: [...ruleIds], strict: true });
    return output.findings;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** `main.tf:12` for a finding. */
export function whereOf(finding: Finding): string {
  const file = finding.location.file.split(/[\\/]/).pop() ?? '';
  return `${file}:${finding.location.range?.startLine ?? 0}`;
}

/** Lists the (rule id, address, status) of each finding, sorted, for set comparisons. */
export function summaryOf(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} ${finding.address} ${finding.status}`).sort();
}

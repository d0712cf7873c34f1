import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { computeReachability, type Reachability } from '../../../src/analysis/reachability/index.ts';
import type { Diagnostic } from '../../../src/diagnostics.ts';
import { loadRulePack, type RulePack } from '../../../src/engine/registry.ts';
import { runRules } from '../../../src/engine/run.ts';
import type { Finding } from '../../../src/engine/types.ts';
import { loadTerraform } from '../../../src/loaders/terraform/index.ts';
import { buildModel } from '../../../src/model/build.ts';
import type { InfrastructureModel } from '../../../src/model/types.ts';

/** Everything one scan of HCL files produced, for provider tests. */
export interface ProviderScan {
  model: InfrastructureModel;
  reachability: Reachability;
  findings: Finding[];
  /** Loader and model diagnostics. */
  diagnostics: Diagnostic[];
}

let pack: Promise<RulePack> | undefined;

/**
 * Scans files through the whole pipeline: written to a temp folder, loaded,
 * mapped, analysed and checked by every rule of the built-in pack in strict mode.
 */
export async function scanProviderFiles(files: Record<string, string>): Promise<ProviderScan> {
  const root = await mkdtemp(join(tmpdir(), 'zoneguard-providers-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, name)), { recursive: true });
      await writeFile(join(root, name), text);
    }
    const loaded = await loadTerraform(root, {});
    const model = buildModel(loaded.resources, { config: {} });
    const reachability = computeReachability(model);
    pack ??= loadRulePack();
    const output = runRules({ model, reachability, pack: await pack, language: 'en', strict: true, config: {} });
    return { model, reachability, findings: output.findings, diagnostics: [...loaded.diagnostics, ...model.diagnostics] };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Reads every `.tf` file of an example folder. */
export async function exampleFiles(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(folder)) {
    if (name.endsWith('.tf')) files[name] = await readFile(join(folder, name), 'utf8');
  }
  return files;
}

/** `rule-id address status` of each finding, sorted. */
export function summaryOf(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} ${finding.address} ${finding.status}`).sort();
}

/** The zoning rules every provider example is judged by. */
export const ZONING_RULES = ['internet-ingress-dmz-only', 'management-ports-from-management-zone'];

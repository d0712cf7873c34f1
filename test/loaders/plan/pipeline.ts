import { computeReachability } from '../../../src/analysis/reachability/index.ts';
import type { Diagnostic } from '../../../src/diagnostics.ts';
import { loadRulePack } from '../../../src/engine/registry.ts';
import { runRules } from '../../../src/engine/run.ts';
import type { Finding } from '../../../src/engine/types.ts';
import { loadPlan, type PlanLoadOptions } from '../../../src/loaders/plan/index.ts';
import { loadTerraform } from '../../../src/loaders/terraform/index.ts';
import type { TerraformLoadResult } from '../../../src/loaders/terraform/types.ts';
import { buildModel } from '../../../src/model/build.ts';

export interface Checked {
  findings: Finding[];
  diagnostics: Diagnostic[];
  loaded: TerraformLoadResult;
}

/** Runs loaded resources through the model, reachability and every rule. */
async function check(loaded: TerraformLoadResult): Promise<Checked> {
  const model = buildModel(loaded.resources);
  const reachability = computeReachability(model);
  const pack = await loadRulePack();
  const output = runRules({ model, reachability, pack, language: 'en' });
  return {
    findings: output.findings,
    diagnostics: [...loaded.diagnostics, ...model.diagnostics, ...output.diagnostics],
    loaded,
  };
}

export async function checkPlan(file: string, options: PlanLoadOptions = {}): Promise<Checked> {
  return check(await loadPlan(file, options));
}

export async function checkFolder(root: string): Promise<Checked> {
  return check(await loadTerraform(root));
}

/** Findings as `rule-id address status`, sorted, for set comparisons. */
export function findingKeys(findings: Finding[], status?: Finding['status']): string[] {
  const keys = findings
    .filter((finding) => status === undefined || finding.status === status)
    .map((finding) => `${finding.ruleId} ${finding.address} ${finding.status}`);
  return [...new Set(keys)].sort();
}

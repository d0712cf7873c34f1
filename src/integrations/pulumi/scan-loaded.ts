import { computeReachability } from '../../analysis/reachability/index.ts';
import type { ZoneguardConfig } from '../../engine/config.ts';
import { loadRulePack } from '../../engine/registry.ts';
import { sortFindings, uniqueFindings } from '../../engine/render/order.ts';
import type { ScanResult } from '../../engine/result.ts';
import { runRules } from '../../engine/run.ts';
import { toolVersion } from '../../engine/tool-version.ts';
import type { Language } from '../../engine/types.ts';
import type { TerraformLoadResult } from '../../loaders/terraform/types.ts';
import { buildModel } from '../../model/build.ts';

export interface PulumiScanOptions {
  config?: ZoneguardConfig;
  language?: Language;
  /** Run only these rules. */
  ruleIds?: string[];
  /** A policy pack folder other than the built-in one. */
  packDir?: string;
}

/**
 * Runs the model, reachability and rule stages over resources a Pulumi
 * front end loaded, and returns the same `ScanResult` a Terraform scan does.
 */
export async function scanLoaded(loaded: TerraformLoadResult, options: PulumiScanOptions = {}): Promise<ScanResult> {
  const language = options.language ?? 'en';
  const pack = await loadRulePack(options.packDir);
  const model = buildModel(loaded.resources, { config: options.config ?? {} });
  const reachability = computeReachability(model);
  const checked = runRules({
    model,
    reachability,
    pack,
    language,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.ruleIds === undefined ? {} : { ruleIds: options.ruleIds }),
  });
  return {
    root: loaded.root,
    files: [...loaded.files].sort(),
    findings: sortFindings(uniqueFindings(checked.findings)),
    diagnostics: [...pack.diagnostics, ...loaded.diagnostics, ...model.diagnostics, ...checked.diagnostics],
    unresolvedVariables: [],
    rules: checked.rules,
    skippedRules: checked.skipped,
    language,
    toolVersion: toolVersion(),
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeReachability } from '../../../../src/analysis/reachability/index.ts';
import { loadRulePack } from '../../../../src/engine/registry.ts';
import { runRules } from '../../../../src/engine/run.ts';
import type { Finding } from '../../../../src/engine/types.ts';
import { loadTerraform } from '../../../../src/loaders/terraform/index.ts';
import type { TerraformLoadOptions } from '../../../../src/loaders/terraform/types.ts';
import { buildModel } from '../../../../src/model/build.ts';

/**
 * Runs one rule through the whole pipeline: the files are written to a fresh
 * temp folder, loaded with the Terraform loader, mapped, analysed and checked.
 * `varFiles` are names inside that folder.
 */
export async function scanFiles(
  ruleIds: string[],
  files: Record<string, string>,
  options: TerraformLoadOptions = {},
): Promise<{ findings: Finding[]; root: string }> {
  const root = await mkdtemp(join(tmpdir(), 'zoneguard-portal-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
    const varFiles = options.varFiles?.map((name) => join(root, name));
    const loaded = await loadTerraform(root, varFiles === undefined ? options : { ...options, varFiles });
    const model = buildModel(loaded.resources);
    const reachability = computeReachability(model);
    const pack = await loadRulePack();
    const output = runRules({ model, reachability, pack, language: 'en', ruleIds, strict: true });
    return { findings: output.findings, root };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The 1-based line a finding points at. */
export function lineOf(finding: Finding): number | undefined {
  return finding.location.range?.startLine;
}

/** The file name (without the temp folder) a finding points at. */
export function fileOf(finding: Finding): string {
  return finding.location.file.split(/[\\/]/).pop() ?? '';
}

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { computeReachability } from '../../src/analysis/reachability/index.ts';
import { loadTerraform } from '../../src/loaders/terraform/index.ts';
import { buildModel } from '../../src/model/build.ts';
import type { ZoneguardConfig } from '../../src/engine/config.ts';
import { loadRulePack } from '../../src/engine/registry.ts';
import type { RulePack } from '../../src/engine/registry.ts';
import { runRules } from '../../src/engine/run.ts';
import type { RunRulesOutput } from '../../src/engine/run.ts';
import type { Language } from '../../src/engine/types.ts';

/** The output of `runOnHcl`. */
export interface HclRun extends RunRulesOutput {
  /** The temp folder the files were written to. */
  root: string;
}

let packPromise: Promise<RulePack> | undefined;

export function builtInPack(): Promise<RulePack> {
  packPromise ??= loadRulePack();
  return packPromise;
}

/**
 * Runs rules over HCL files through the real pipeline: files written to a
 * temp folder, `loadTerraform`, `buildModel`, `computeReachability`, then
 * `runRules`. Strict mode is on, so a message id or placeholder that the pack
 * entry does not define fails the test instead of becoming a diagnostic.
 */
export async function runOnHcl(
  files: Record<string, string>,
  options: { ruleIds?: string[]; config?: ZoneguardConfig; language?: Language } = {},
): Promise<HclRun> {
  const root = await mkdtemp(join(tmpdir(), 'zoneguard-engine-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, name)), { recursive: true });
      await writeFile(join(root, name), text);
    }
    const loaded = await loadTerraform(root, {});
    const model = buildModel(loaded.resources, { config: options.config ?? {} });
    const reachability = computeReachability(model);
    const output = runRules({
      model,
      reachability,
      pack: await builtInPack(),
      language: options.language ?? 'en',
      strict: true,
      ...(options.config ? { config: options.config } : {}),
      ...(options.ruleIds ? { ruleIds: options.ruleIds } : {}),
    });
    return { ...output, root };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

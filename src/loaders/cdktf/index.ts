import createDebug from 'debug';
import type { Diagnostic } from '../../diagnostics.ts';
import { loadTerraform } from '../terraform/index.ts';
import type { TerraformLoadOptions } from '../terraform/types.ts';
import { readCdktfManifest } from './manifest.ts';
import { locateCdktfOutput } from './project.ts';
import type { CdktfLoadResult, CdktfOutput } from './types.ts';

export { locateCdktfOutput, PROJECT_FILE } from './project.ts';
export { readCdktfManifest, MANIFEST_FILE } from './manifest.ts';
export type { CdktfLoadResult, CdktfOutput, CdktfStack, LoadedCdktfStack } from './types.ts';

const debug = createDebug('zoneguard:load:cdktf');

/**
 * Lists the stacks of a cdktf project or output folder, or returns `undefined`
 * when the folder is not one. A project that was never synthesized gives no
 * stacks and a diagnostic whose hint is to run `cdktf synth`.
 */
export async function findCdktfStacks(folder: string): Promise<CdktfOutput | undefined> {
  const located = await locateCdktfOutput(folder);
  if (located === undefined) return undefined;
  if ('diagnostic' in located) return { outDir: folder, stacks: [], diagnostics: [located.diagnostic] };
  return readCdktfManifest(located.outDir);
}

/**
 * Loads every stack of a synthesized cdktf (or CDK Terrain) app. Each stack is
 * its own Terraform root module, read by the Terraform loader, which keeps the
 * construct path of each resource from its `"//"` metadata.
 */
export async function loadCdktf(folder: string, options: TerraformLoadOptions = {}): Promise<CdktfLoadResult> {
  const output = (await findCdktfStacks(folder)) ?? notCdktf(folder);
  const stacks = [];
  for (const stack of output.stacks) {
    debug('loading stack %s from %s', stack.name, stack.file);
    stacks.push({ ...stack, load: await loadTerraform(stack.folder, options) });
  }
  return { outDir: output.outDir, stacks, diagnostics: output.diagnostics };
}

function notCdktf(folder: string): CdktfOutput {
  const diagnostic: Diagnostic = {
    code: 'unsupported-format',
    severity: 'error',
    message: `${folder} is neither a cdktf project (no cdktf.json) nor a synthesized output folder (no manifest.json and stacks/).`,
    hint: 'Scan the folder that holds cdktf.json, or its cdktf.out folder.',
    location: { file: folder },
  };
  return { outDir: folder, stacks: [], diagnostics: [diagnostic] };
}

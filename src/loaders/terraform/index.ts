import { loadAndEvaluate } from './evaluate/load.ts';
import { FUNCTIONS } from './functions/index.ts';
import { listModuleFiles, parseFile } from './parse/index.ts';
import type { TerraformLoadOptions, TerraformLoadResult } from './types.ts';

export type { TerraformLoadOptions, TerraformLoadResult } from './types.ts';

/**
 * Loads one root module folder and every module it calls, and returns every
 * resource and data source instance evaluated, with the comments, block
 * headers and diagnostics of all files read.
 */
export function loadTerraform(root: string, options: TerraformLoadOptions = {}): Promise<TerraformLoadResult> {
  return loadAndEvaluate(root, options, {
    reader: { listFiles: listModuleFiles, parse: (path) => parseFile(path) },
    parse: parseFile,
    functions: FUNCTIONS,
  });
}

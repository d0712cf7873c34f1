import { resolve } from 'node:path';
import createDebug from 'debug';
import type { ConfigFile } from '../ast.ts';
import type { TerraformFunction } from '../functions/types.ts';
import type { TerraformLoadOptions, TerraformLoadResult } from '../types.ts';
import { collectResources, uniqueDiagnostics, unresolvedVariables } from './collect.ts';
import { Evaluation } from './evaluation.ts';
import { constantNames, functionContext, ModuleInstance } from './module-instance.ts';
import { loadModuleTree, type ModuleReader } from './module-tree.ts';
import { readRootVariableValues, rootVariableSource } from './root-variables.ts';

const log = createDebug('zoneguard:load:terraform');

/** The parser and function library the evaluator depends on. */
export interface LoadDependencies {
  reader: ModuleReader;
  parse: (path: string, bytes?: Buffer) => Promise<ConfigFile>;
  functions: Record<string, TerraformFunction>;
}

/**
 * Reads a root module, every module it calls and its variable files, then
 * evaluates every resource and data source instance.
 */
export async function loadAndEvaluate(root: string, options: TerraformLoadOptions, dependencies: LoadDependencies): Promise<TerraformLoadResult> {
  const rootDir = resolve(root);
  const tree = await loadModuleTree(rootDir, dependencies.reader);
  const variables = await readRootVariableValues(rootDir, tree.root.config, options, dependencies.parse);
  const evaluation = new Evaluation(dependencies.functions);
  const constantScope = { evaluation, names: constantNames(functionContext(rootDir, evaluation), evaluation) };
  const placement = { address: '', moduleCalls: [], rootDir };
  const rootModule = new ModuleInstance(tree.root, placement, rootVariableSource(variables, constantScope), evaluation);
  const { resources, usedBy } = collectResources(rootModule);
  const unresolved = unresolvedVariables(evaluation, usedBy);
  const files: ConfigFile[] = [...tree.files, ...variables.files];
  log('evaluated %d resource instances from %d files in %s', resources.length, files.length, rootDir);
  return {
    root: rootDir,
    resources,
    files: files.map((file) => file.path),
    comments: files.flatMap((file) => file.comments),
    headers: files.flatMap((file) => file.headers),
    diagnostics: uniqueDiagnostics([...tree.diagnostics, ...variables.diagnostics, ...evaluation.diagnostics]),
    unresolvedVariables: unresolved,
  };
}

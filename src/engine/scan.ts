import { performance } from 'node:perf_hooks';
import createDebug from 'debug';
import { computeReachability } from '../analysis/reachability/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { loadTerraform } from '../loaders/terraform/index.ts';
import { buildModel } from '../model/build.ts';
import { emptyModel } from '../model/types.ts';
import type { ZoneguardConfig } from './config.ts';
import type { SkippedRule } from './pack/types.ts';
import { loadRulePack } from './registry.ts';
import type { RulePack } from './registry.ts';
import { sortFindings, uniqueFindings } from './render/order.ts';
import type { ScanResult } from './result.ts';
import { runRules } from './run.ts';
import { commonScanRoot, resolveScanInputs } from './scan-inputs.ts';
import { toolVersion } from './tool-version.ts';
import type { Finding, Language, RuleMeta } from './types.ts';

const debug = createDebug('zoneguard:engine:scan');

export type ScanStage = 'pack' | 'load' | 'model' | 'reachability' | 'rules';

export interface ScanOptions {
  config?: ZoneguardConfig;
  /** `--var-file` paths in the order given. */
  varFiles?: string[];
  /** `--var name=value` options in the order given. */
  vars?: Array<{ name: string; value: string }>;
  language?: Language;
  /** Run only these rules. */
  ruleIds?: string[];
  /** Called after each stage of each root module; `done` of `total` root modules. */
  onProgress?(stage: ScanStage, done: number, total: number): void;
  /** The folder relative paths are resolved against; the process cwd by default. */
  cwd?: string;
  /** A policy pack folder other than the built-in one. */
  packDir?: string;
}

/** Everything the scan of every root module produced, merged. */
interface Accumulator {
  files: Set<string>;
  findings: Finding[];
  diagnostics: Diagnostic[];
  unresolved: Map<string, Set<string>>;
  rules: RuleMeta[];
  skipped: SkippedRule[];
  timings: Record<ScanStage, number>;
}

/**
 * Scans files and folders: each root module is loaded, modelled, analysed
 * and checked on its own, and the results are merged. Bad input ends up in
 * `diagnostics`; the function rejects only on bugs.
 */
export async function scan(paths: string[], options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const language = options.language ?? 'en';
  const result = emptyAccumulator();

  const pack = await timed(result, 'pack', () => loadRulePack(options.packDir));
  result.diagnostics.push(...pack.diagnostics);
  const inputs = await resolveScanInputs(paths, cwd);
  result.diagnostics.push(...inputs.diagnostics);

  for (const [index, root] of inputs.roots.entries()) {
    await scanRoot(root, pack, { ...options, language }, result, (stage) =>
      options.onProgress?.(stage, index + 1, inputs.roots.length),
    );
  }
  if (inputs.roots.length === 0) collectRulesWithoutRoots(pack, options, result);
  debug('timings (ms): %o', result.timings);

  return {
    root: await commonScanRoot(paths, cwd),
    files: [...result.files].sort(),
    findings: sortFindings(uniqueFindings(result.findings)),
    diagnostics: uniqueDiagnostics(result.diagnostics),
    unresolvedVariables: [...result.unresolved].map(([variable, usedBy]) => ({
      variable,
      usedBy: [...usedBy].sort(),
    })),
    rules: result.rules,
    skippedRules: result.skipped,
    language,
    toolVersion: toolVersion(),
    timings: result.timings,
  };
}

async function scanRoot(
  root: string,
  pack: RulePack,
  options: ScanOptions & { language: Language },
  result: Accumulator,
  progress: (stage: ScanStage) => void,
): Promise<void> {
  debug('scanning root module %s', root);
  const loaded = await timed(result, 'load', () =>
    loadTerraform(root, { varFiles: options.varFiles ?? [], vars: options.vars ?? [] }),
  );
  progress('load');
  const model = await timed(result, 'model', async () =>
    buildModel(loaded.resources, { config: options.config ?? {} }),
  );
  progress('model');
  const reachability = await timed(result, 'reachability', async () =>
    computeReachability(model),
  );
  progress('reachability');
  const checked = await timed(result, 'rules', async () =>
    runRules({ model, reachability, pack, language: options.language, ...ruleOptions(options) }),
  );
  progress('rules');

  loaded.files.forEach((file) => result.files.add(file));
  result.diagnostics.push(...loaded.diagnostics, ...model.diagnostics, ...checked.diagnostics);
  result.findings.push(...checked.findings);
  mergeUnresolved(result.unresolved, loaded.unresolvedVariables);
  result.rules = checked.rules;
  result.skipped = checked.skipped;
}

/** With nothing to scan, the result still lists the rules and skipped rules of the config. */
function collectRulesWithoutRoots(pack: RulePack, options: ScanOptions, result: Accumulator): void {
  const empty = runRules({
    model: emptyModel(),
    reachability: { flows: [], unevaluated: [], matrix: [] },
    pack,
    language: options.language ?? 'en',
    ...ruleOptions(options),
  });
  result.rules = empty.rules;
  result.skipped = empty.skipped;
  result.diagnostics.push(...empty.diagnostics);
}

function ruleOptions(options: ScanOptions): { config?: ZoneguardConfig; ruleIds?: string[] } {
  return {
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.ruleIds === undefined ? {} : { ruleIds: options.ruleIds }),
  };
}

function mergeUnresolved(
  into: Map<string, Set<string>>,
  variables: Array<{ variable: string; usedBy: string[] }>,
): void {
  for (const { variable, usedBy } of variables) {
    const users = into.get(variable) ?? new Set<string>();
    usedBy.forEach((user) => users.add(user));
    into.set(variable, users);
  }
}

/** Config and pack problems repeat for every root module; each is reported once. */
function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = JSON.stringify([diagnostic.code, diagnostic.message, diagnostic.location]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function timed<T>(result: Accumulator, stage: ScanStage, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    result.timings[stage] += performance.now() - started;
  }
}

function emptyAccumulator(): Accumulator {
  return {
    files: new Set(),
    findings: [],
    diagnostics: [],
    unresolved: new Map(),
    rules: [],
    skipped: [],
    timings: { pack: 0, load: 0, model: 0, reachability: 0, rules: 0 },
  };
}

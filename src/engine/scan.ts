import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import createDebug from 'debug';
import { computeReachability } from '../analysis/reachability/index.ts';
import { isInputFailure, type Diagnostic } from '../diagnostics.ts';
import { loadPlan } from '../loaders/plan/index.ts';
import { expandCdktfPaths } from '../loaders/cdktf/scan-paths.ts';
import { loadTerraform } from '../loaders/terraform/index.ts';
import type { TerraformLoadResult } from '../loaders/terraform/types.ts';
import { buildModel } from '../model/build.ts';
import { emptyModel } from '../model/types.ts';
import type { ZoneguardConfig } from './config.ts';
import type { SkippedRule } from './pack/types.ts';
import { loadRulePack } from './registry.ts';
import type { RulePack } from './registry.ts';
import { sortFindings, uniqueFindings } from './render/order.ts';
import type { ScanResult } from './result.ts';
import { runRules } from './run.ts';
import { siteMatrices } from './site-matrix.ts';
import { addInventory, inventoryOf, type Inventory } from './inventory.ts';
import { listZones } from '../model/zones/listing.ts';
import { applyBaseline, type Baseline } from './baseline/index.ts';
import { dayOf, suppressByConfig, suppressInline, SuppressionLedger } from './suppressions/index.ts';
import { commonScanRoot, resolveScanInputs } from './scan-inputs.ts';
import { toolVersion } from './tool-version.ts';
import { loadPulumi } from '../loaders/pulumi/index.ts';
import { isPulumiFile } from '../loaders/pulumi/sniff.ts';
import { loadPulumiProgram } from '../integrations/pulumi/scan-program.ts';
import { loadDesignInputs, withDesignProfiles, type DesignUnit } from './scan-design.ts';
import type { ApprovedDesign } from '../analysis/design-as-built/types.ts';
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
  /**
   * `--source DIR`: the root module folder of the `.tf` sources of a scanned
   * plan, so findings point at lines; the plan's own folder by default.
   */
  sourceDir?: string;
  /** The config file `config` came from; `waivers` path globs are relative to its folder. */
  configFile?: string;
  /** Findings already accepted (`--baseline`), with the file they came from. */
  baseline?: { baseline: Baseline; file?: string };
  /** The clock suppression expiry dates and [date] rules are compared with; now by default. */
  now?: Date;
  /** `--design FILE`: approved design files, scanned and compared with the code. */
  design?: string[];
  /**
   * `--pulumi-program DIR`: Pulumi TypeScript programs to run under the mock
   * runtime and scan. This runs the user's code, so only an explicit option sets it.
   */
  pulumiPrograms?: string[];
}

/** One unit of a scan: a root module folder, or a plan JSON file. */
type ScanUnit =
  | { kind: 'root'; path: string }
  | { kind: 'plan'; path: string }
  | { kind: 'pulumi-program'; path: string };

/** Everything the scan of every root module produced, merged. */
interface Accumulator {
  files: Set<string>;
  findings: Finding[];
  diagnostics: Diagnostic[];
  unresolved: Map<string, Set<string>>;
  rules: RuleMeta[];
  skipped: SkippedRule[];
  timings: Record<ScanStage, number>;
  suppressions: SuppressionLedger;
  /** Sites and per-site flow matrices of every root module, for diagrams. */
  zones: NonNullable<ScanResult['zones']>;
  matrix: NonNullable<ScanResult['matrix']>;
  inventory: Inventory;
}

/**
 * Scans files and folders: each root module is loaded, modelled, analysed
 * and checked on its own, and the results are merged. Bad input ends up in
 * `diagnostics`; the function rejects only on bugs.
 */
export async function scan(paths: string[], options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const language = options.language ?? 'en';
  const result = emptyAccumulator(options.now ?? new Date());

  const pack = await timed(result, 'pack', () => loadRulePack(options.packDir));
  result.diagnostics.push(...pack.diagnostics);
  const designs = await loadDesignInputs(paths, options.design ?? [], cwd);
  result.diagnostics.push(...designs.diagnostics);
  const expanded = await expandCdktfPaths(designs.codePaths, cwd);
  result.diagnostics.push(...expanded.diagnostics);
  const inputs = await resolveScanInputs(expanded.paths, cwd);
  result.diagnostics.push(...inputs.diagnostics);

  const units: ScanUnit[] = [
    ...inputs.roots.map((path) => ({ kind: 'root' as const, path })),
    ...inputs.plans.map((path) => ({ kind: 'plan' as const, path })),
    ...(options.pulumiPrograms ?? []).map((path) => ({ kind: 'pulumi-program' as const, path: resolve(cwd, path) })),
  ];
  for (const [index, unit] of units.entries()) {
    await scanRoot(unit, pack, { ...options, language, cwd, approved: designs.approved }, result, (stage) =>
      options.onProgress?.(stage, index + 1, units.length),
    );
  }
  for (const unit of designs.units) scanDesignUnit(unit, pack, { ...options, language }, result);
  if (units.length === 0 && designs.units.length === 0) {
    collectRulesWithoutRoots(pack, options, result);
    if (!result.diagnostics.some(isInputFailure)) result.diagnostics.push(nothingToScan(paths, cwd));
  }
  debug('timings (ms): %o', result.timings);
  const root = await commonScanRoot(paths, cwd);
  const settled = settleSuppressions(uniqueFindings(result.findings), options, root, result);

  return {
    root,
    files: [...result.files].sort(),
    findings: sortFindings(settled.findings),
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
    suppressions: result.suppressions.records(),
    zones: result.zones,
    matrix: result.matrix,
    inventory: result.inventory,
    ...(settled.baseline ? { baseline: settled.baseline } : {}),
  };
}

/**
 * After every root module: config waivers, then the baseline, then the
 * diagnostics of suppressions that expired, were refused or matched nothing.
 */
function settleSuppressions(
  findings: Finding[],
  options: ScanOptions,
  root: string,
  result: Accumulator,
): { findings: Finding[]; baseline?: ReturnType<typeof applyBaseline>['outcome'] } {
  const where = { root, ...(options.configFile ? { configFile: options.configFile } : {}) };
  const waived = suppressByConfig(result.suppressions, findings, options.config, where, result.rules);
  result.diagnostics.push(...result.suppressions.diagnostics());
  if (!options.baseline) return { findings: waived };
  const compared = applyBaseline(waived, options.baseline.baseline, options.baseline.file);
  return { findings: compared.findings, baseline: compared.outcome };
}

async function scanRoot(
  unit: ScanUnit,
  pack: RulePack,
  options: ScanOptions & { language: Language; cwd: string; approved?: ApprovedDesign | undefined },
  result: Accumulator,
  progress: (stage: ScanStage) => void,
): Promise<void> {
  debug('scanning %s %s', unit.kind === 'plan' ? 'plan' : 'root module', unit.path);
  const loaded = await timed(result, 'load', () => loadUnit(unit, options));
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
    runRules({
      model,
      reachability,
      pack,
      language: options.language,
      ...ruleOptions(options),
      ...(options.approved ? { design: options.approved } : {}),
    }),
  );
  progress('rules');

  loaded.files.forEach((file) => result.files.add(file));
  const inline = suppressInline(result.suppressions, checked.findings, { ...loaded, model }, checked.rules);
  result.diagnostics.push(...loaded.diagnostics, ...model.diagnostics, ...checked.diagnostics);
  result.diagnostics.push(...inline.diagnostics);
  result.findings.push(...inline.findings);
  mergeUnresolved(result.unresolved, loaded.unresolvedVariables);
  result.zones.push(...listZones(model));
  result.matrix.push(...siteMatrices(model, reachability));
  addInventory(result.inventory, inventoryOf(model));
  result.rules = checked.rules;
  result.skipped = checked.skipped;
}

/** Runs the rules on one design file's model; its findings point at YAML lines. */
function scanDesignUnit(
  unit: DesignUnit,
  pack: RulePack,
  options: ScanOptions & { language: Language },
  result: Accumulator,
): void {
  const reachability = computeReachability(unit.model);
  const config = withDesignProfiles(options.config, unit.model);
  const checked = runRules({ model: unit.model, reachability, pack, language: options.language, ...ruleOptions({ ...options, config }) });
  result.files.add(unit.file);
  // Design entries carry suppressions as `zoneguard:ignore` tags, read like a resource's.
  const inline = suppressInline(result.suppressions, checked.findings, { root: dirname(unit.file), model: unit.model }, checked.rules);
  result.diagnostics.push(...unit.model.diagnostics, ...checked.diagnostics, ...inline.diagnostics);
  result.findings.push(...inline.findings);
  result.zones.push(...listZones(unit.model));
  result.matrix.push(...siteMatrices(unit.model, reachability));
  result.rules = checked.rules;
  result.skipped = checked.skipped;
}

/** Plans go to the plan loader, root module folders to the HCL loader. */
async function loadUnit(unit: ScanUnit, options: ScanOptions & { cwd: string }): Promise<TerraformLoadResult> {
  if (unit.kind === 'pulumi-program') return loadPulumiProgram(unit.path);
  if (unit.kind === 'plan' && (await isPulumiFile(unit.path))) return loadPulumi(unit.path);
  if (unit.kind === 'plan') {
    const sourceDir = options.sourceDir === undefined ? undefined : resolve(options.cwd, options.sourceDir);
    return loadPlan(unit.path, sourceDir === undefined ? {} : { sourceDir });
  }
  return loadTerraform(unit.path, { varFiles: options.varFiles ?? [], vars: options.vars ?? [] });
}

/** An error for paths that hold nothing to scan, so a wrong path never passes as clean. */
function nothingToScan(paths: string[], cwd: string): Diagnostic {
  const named = paths.length === 0 ? cwd : paths.map((path) => resolve(cwd, path)).join(', ');
  return {
    code: 'nothing-to-scan',
    severity: 'error',
    message: `No Terraform, plan, cdktf, Pulumi or design file was found in ${named}, so nothing was scanned.`,
    hint: 'Check the path: zoneguard reads .tf and .tf.json folders, plan and Pulumi JSON files, cdktf.out folders and *.zoneguard.yml design files.',
    location: { file: paths.length === 1 ? resolve(cwd, paths[0]!) : cwd },
  };
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

function ruleOptions(options: ScanOptions): { config?: ZoneguardConfig; ruleIds?: string[]; now?: Date } {
  return {
    ...(options.now === undefined ? {} : { now: options.now }),
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

function emptyAccumulator(now: Date): Accumulator {
  return {
    files: new Set(),
    findings: [],
    diagnostics: [],
    unresolved: new Map(),
    rules: [],
    skipped: [],
    timings: { pack: 0, load: 0, model: 0, reachability: 0, rules: 0 },
    suppressions: new SuppressionLedger(dayOf(now)),
    zones: [],
    matrix: [],
    inventory: {},
  };
}

import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import createDebug from 'debug';
import type { Diagnostic } from '../diagnostics.ts';
import { loadPack } from './pack/load.ts';
import type { PolicyPack } from './pack/types.ts';
import type { Rule, RuleMeta } from './types.ts';

const debug = createDebug('zoneguard:engine:registry');

const RULES_DIR = new URL('./rules/', import.meta.url);

/** A pack entry paired with the rule module of the same id. */
export interface RegisteredRule {
  meta: RuleMeta;
  rule: Rule;
}

/** A pack with its rule modules loaded: what `runRules` runs. */
export interface RulePack extends Omit<PolicyPack, 'rules'> {
  rules: RegisteredRule[];
}

/**
 * Loads a pack and imports `rules/<id>.ts` for each entry. An entry without a
 * module, a module without an entry, and a module whose `id` differs from its
 * file name are `config-invalid` diagnostics listing the ids; such rules do
 * not run.
 */
export async function loadRulePack(dir?: string): Promise<RulePack> {
  const pack = await loadPack(dir);
  const diagnostics = [...pack.diagnostics];
  const moduleIds = await listRuleModules();
  const entryIds = new Set(pack.rules.map((meta) => meta.id));

  const rules: RegisteredRule[] = [];
  const missingModules: string[] = [];
  for (const meta of pack.rules) {
    if (!moduleIds.includes(meta.id)) {
      missingModules.push(meta.id);
      continue;
    }
    const rule = await importRule(meta.id, diagnostics);
    if (rule) rules.push({ meta, rule });
  }
  const missingEntries = moduleIds.filter((id) => !entryIds.has(id));
  diagnostics.push(...mismatchDiagnostics(missingModules, missingEntries));
  debug('registered %d rules', rules.length);
  return { ...pack, rules, diagnostics };
}

/** The rule ids that have a module: the `.ts` file names in `rules/`. */
export async function listRuleModules(): Promise<string[]> {
  const names = await readdir(RULES_DIR);
  return names
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => name.slice(0, -'.ts'.length))
    .sort();
}

/** Imports one rule module and checks its default export. */
export async function importRule(id: string, diagnostics: Diagnostic[]): Promise<Rule | undefined> {
  const url = new URL(`./${id}.ts`, RULES_DIR);
  try {
    const module = (await import(url.href)) as { default?: Rule };
    const rule = module.default;
    if (!rule || typeof rule.check !== 'function' || rule.id !== id) {
      diagnostics.push(registryProblem(
        `The rule module ${fileURLToPath(url)} must export default defineRule({ id: '${id}', check }); ` +
          `it exports id \`${String(rule?.id)}\`.`,
        id,
      ));
      return undefined;
    }
    return rule;
  } catch (error) {
    diagnostics.push(registryProblem(
      `The rule module ${fileURLToPath(url)} failed to load: ${(error as Error).message}.`,
      id,
    ));
    return undefined;
  }
}

function mismatchDiagnostics(missingModules: string[], missingEntries: string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (missingModules.length > 0) {
    diagnostics.push(registryProblem(
      `Pack entries without a rule module in src/engine/rules: ${missingModules.join(', ')}.`,
    ));
  }
  if (missingEntries.length > 0) {
    diagnostics.push(registryProblem(
      `Rule modules without a valid pack entry in policies/tchq-2926: ${missingEntries.join(', ')}.`,
    ));
  }
  return diagnostics;
}

function registryProblem(message: string, subject?: string): Diagnostic {
  return {
    code: 'config-invalid',
    severity: 'error',
    message,
    hint: 'Every rule needs both policies/tchq-2926/<id>.yaml and src/engine/rules/<id>.ts.',
    ...(subject === undefined ? {} : { subject }),
  };
}

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createDebug from 'debug';
import type { Diagnostic } from '../../diagnostics.ts';
import type { RuleMeta } from '../types.ts';
import { readValidatedYaml } from './read-yaml.ts';
import { packValidators } from './schemas.ts';
import { checkEntryConsistency } from './consistency.ts';
import type { PackInfo, PolicyPack, RuleEntry } from './types.ts';

const debug = createDebug('zoneguard:engine:pack');

/** The regulation pack shipped with zoneguard, found from this file rather than the cwd. */
export const DEFAULT_PACK_DIR = fileURLToPath(
  new URL('../../../policies/tchq-2926/', import.meta.url),
);

export const PACK_FILE = 'pack.yaml';
/** The requirement list of the pack, read by `zoneguard rules --coverage`; not a rule entry. */
export const ARTICLES_FILE = 'articles.yaml';

/**
 * Reads `pack.yaml` and every `<rule-id>.yaml` of a pack folder, validating
 * each against the schemas in `policies/schema`. Invalid entries become
 * `config-invalid` diagnostics and are left out; the function does not throw
 * on bad content.
 */
export async function loadPack(dir: string = DEFAULT_PACK_DIR): Promise<PolicyPack> {
  const validators = packValidators();
  const diagnostics: Diagnostic[] = [];
  const header = await readValidatedYaml(join(dir, PACK_FILE), validators.pack);
  diagnostics.push(...header.diagnostics);

  const rules: RuleMeta[] = [];
  for (const file of await listRuleFiles(dir, diagnostics)) {
    const entry = await readValidatedYaml(file, validators.rule, checkEntryConsistency);
    diagnostics.push(...entry.diagnostics);
    if (entry.data !== undefined) rules.push(toRuleMeta(entry.data as RuleEntry));
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  debug('loaded %d rules from %s with %d problems', rules.length, dir, diagnostics.length);
  return { dir, info: header.data as PackInfo | undefined, rules, diagnostics };
}

async function listRuleFiles(dir: string, diagnostics: Diagnostic[]): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((name) => name.endsWith('.yaml') && name !== PACK_FILE && name !== ARTICLES_FILE)
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    diagnostics.push({
      code: 'file-unreadable',
      severity: 'error',
      message: `Could not list the policy pack folder ${dir}: ${(error as Error).message}.`,
      hint: 'Reinstall zoneguard or point it at an existing pack folder.',
      location: { file: dir },
    });
    return [];
  }
}

function toRuleMeta(entry: RuleEntry): RuleMeta {
  const parameters: Record<string, unknown> = {};
  const defaultParameters: string[] = [];
  for (const [name, parameter] of Object.entries(entry.parameters ?? {})) {
    parameters[name] = parameter.value;
    if (parameter.default) defaultParameters.push(name);
  }
  return {
    id: entry.id,
    title: entry.title,
    articles: entry.articles,
    severity: entry.severity,
    description: entry.description,
    remediation: entry.remediation,
    messages: entry.messages,
    parameters,
    defaultParameters,
    advisory: entry.advisory,
    centralSuppressionOnly: entry.centralSuppressionOnly,
  };
}

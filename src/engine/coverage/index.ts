import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Diagnostic } from '../../diagnostics.ts';
import { ARTICLES_FILE, DEFAULT_PACK_DIR } from '../pack/load.ts';
import type { RuleMeta } from '../types.ts';

/** One checkable requirement of the regulation and the pack rules that check it. */
export interface RequirementCoverage {
  id: string;
  section: string;
  articles: string[];
  requirement: string;
  /** Rule ids of the pack that check it; empty marks a gap. */
  rules: string[];
}

export interface CoverageReport {
  requirements: RequirementCoverage[];
  diagnostics: Diagnostic[];
}

interface WrittenRequirement {
  id: string;
  section: string;
  articles: string[];
  requirement: string;
}

/**
 * Pairs each requirement of `articles.yaml` with the pack rules that check
 * it. A rule covers a requirement when their ids are equal, because rule ids
 * are the requirement ids of the regulation's list.
 */
export async function coverageOf(rules: readonly RuleMeta[], dir = DEFAULT_PACK_DIR): Promise<CoverageReport> {
  const file = join(dir, ARTICLES_FILE);
  let written: WrittenRequirement[];
  try {
    const data = load(await readFile(file, 'utf8')) as { requirements?: WrittenRequirement[] } | undefined;
    written = data?.requirements ?? [];
  } catch (error) {
    return { requirements: [], diagnostics: [unreadable(file, error)] };
  }
  const ruleIds = new Set(rules.map((rule) => rule.id));
  return {
    requirements: written.map((entry) => ({ ...entry, rules: ruleIds.has(entry.id) ? [entry.id] : [] })),
    diagnostics: [],
  };
}

function unreadable(file: string, error: unknown): Diagnostic {
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `Could not read the requirement list ${file}: ${error instanceof Error ? error.message : String(error)}.`,
    hint: 'Reinstall zoneguard; the file ships with the policy pack.',
    location: { file },
  };
}

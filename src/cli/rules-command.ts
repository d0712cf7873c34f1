import { isInputFailure } from '../diagnostics.ts';
import { coverageOf } from '../engine/coverage/index.ts';
import { loadPack } from '../engine/pack/index.ts';
import type { Language, RuleMeta } from '../engine/types.ts';
import { printDiagnostics } from './diagnostics-output.ts';
import { EXIT } from './errors.ts';
import type { CliIo } from './io.ts';
import { languageFromEnv } from './language.ts';
import { formatTable } from './table.ts';

export interface RulesCommandOptions {
  format: 'text' | 'json';
  lang?: Language;
  /** `--coverage`: requirements of the regulation and the rules that cover them. */
  coverage?: boolean;
}

/** Runs `zoneguard rules`: the rules of the built-in pack. */
export async function runRules(options: RulesCommandOptions, io: CliIo): Promise<number> {
  const pack = await loadPack();
  const language = options.lang ?? languageFromEnv(io.env);
  if (options.coverage) return printCoverage(pack.rules, options.format, io);
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(pack.rules.map(ruleSummary), null, 2)}\n`);
  } else {
    const header = language === 'vi' ? ['ID', 'MỨC ĐỘ', 'ĐIỀU', 'TIÊU ĐỀ'] : ['ID', 'SEVERITY', 'ARTICLES', 'TITLE'];
    const rows = pack.rules.map((rule) => [rule.id, rule.severity, rule.articles.join(', '), rule.title[language]]);
    io.stdout.write(formatTable([header, ...rows]));
  }
  printDiagnostics(io, pack.diagnostics);
  return pack.diagnostics.some(isInputFailure) ? EXIT.inputError : EXIT.ok;
}

function ruleSummary(rule: RuleMeta) {
  return {
    id: rule.id,
    severity: rule.severity,
    articles: rule.articles,
    advisory: rule.advisory,
    title: rule.title,
    description: rule.description,
    remediation: rule.remediation,
    parameters: rule.parameters,
  };
}

/** Prints each requirement with its covering rules; a requirement without one is marked GAP. */
async function printCoverage(rules: RuleMeta[], format: 'text' | 'json', io: CliIo): Promise<number> {
  const report = await coverageOf(rules);
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(report.requirements, null, 2)}\n`);
  } else {
    const rows = report.requirements.map((entry) => [
      entry.section,
      entry.id,
      entry.articles.join(', '),
      entry.rules.length > 0 ? entry.rules.join(', ') : 'GAP',
    ]);
    io.stdout.write(formatTable([['SECTION', 'REQUIREMENT', 'ARTICLES', 'RULES'], ...rows]));
    const covered = report.requirements.filter((entry) => entry.rules.length > 0).length;
    io.stdout.write(`${covered} of ${report.requirements.length} requirements covered.\n`);
  }
  printDiagnostics(io, report.diagnostics);
  return report.diagnostics.some(isInputFailure) ? EXIT.inputError : EXIT.ok;
}

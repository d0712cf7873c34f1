import createDebug from 'debug';
import type { Reachability } from '../analysis/reachability/types.ts';
import type { ApprovedDesign } from '../analysis/design-as-built/types.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { InfrastructureModel } from '../model/types.ts';
import type { ZoneguardConfig } from './config.ts';
import { applyConfig } from './pack/apply-config.ts';
import type { SkippedRule } from './pack/types.ts';
import type { RegisteredRule, RulePack } from './registry.ts';
import { toFinding } from './render/finding.ts';
import { sortFindings, uniqueFindings } from './render/order.ts';
import type { Finding, Language, Rule, RuleMeta, RuleReport } from './types.ts';

const debug = createDebug('zoneguard:engine:run');

export interface RunRulesInput {
  model: InfrastructureModel;
  reachability: Reachability;
  pack: RulePack;
  config?: ZoneguardConfig;
  language: Language;
  /** Run only these rules (a rule test, `--rule`). */
  ruleIds?: string[];
  /**
   * Throw when a rule reports a message id or template data its pack entry
   * does not match, instead of turning it into a `rule-error`. Tests set it.
   */
  strict?: boolean;
  /** The clock for [date] rules; defaults to the time of the run. Tests set it. */
  now?: Date;
  /** The approved design to compare the model with (`design-as-built`). */
  design?: ApprovedDesign;
}

export interface RunRulesOutput {
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** Metadata of the rules that ran, after config. */
  rules: RuleMeta[];
  skipped: SkippedRule[];
}

/**
 * Runs the pack's rules over one model. A rule that throws becomes a
 * `rule-error` diagnostic naming the rule, and the other rules still run.
 * Findings are deduplicated by (rule, address, detail) and sorted by file,
 * line, column and rule.
 */
export function runRules(input: RunRulesInput): RunRulesOutput {
  const configured = applyConfig(input.pack.rules.map((entry) => entry.meta), input.config);
  const diagnostics = [...configured.diagnostics];
  const selected = selectRules(input, configured.rules, diagnostics);

  const findings: Finding[] = [];
  for (const { meta, rule } of selected) {
    findings.push(...runOneRule(rule, meta, input, diagnostics));
  }
  debug('%d rules produced %d findings', selected.length, findings.length);
  return {
    findings: sortFindings(uniqueFindings(findings)),
    diagnostics,
    rules: selected.map((entry) => entry.meta),
    skipped: configured.skipped,
  };
}

function selectRules(
  input: RunRulesInput,
  configuredMetas: RuleMeta[],
  diagnostics: Diagnostic[],
): RegisteredRule[] {
  const modules = new Map(input.pack.rules.map((entry) => [entry.meta.id, entry.rule]));
  const wanted = input.ruleIds ? new Set(input.ruleIds) : undefined;
  for (const id of wanted ?? []) {
    if (!modules.has(id)) diagnostics.push(unknownRuleDiagnostic(id));
  }
  return configuredMetas
    .filter((meta) => wanted === undefined || wanted.has(meta.id))
    .flatMap((meta) => {
      const rule = modules.get(meta.id);
      return rule ? [{ meta, rule }] : [];
    });
}

function runOneRule(
  rule: Rule,
  meta: RuleMeta,
  input: RunRulesInput,
  diagnostics: Diagnostic[],
): Finding[] {
  const reports: RuleReport[] = [];
  try {
    rule.check({
      model: input.model,
      reachability: input.reachability,
      meta,
      report: (report) => reports.push(report),
      reports,
      now: input.now ?? new Date(),
      ...(input.design ? { design: input.design } : {}),
    });
    const severityFromConfig = input.config?.rules?.[meta.id]?.severity !== undefined;
    return reports.map((report) => toFinding(meta, report, input.language, severityFromConfig));
  } catch (error) {
    if (input.strict) throw error;
    debug('rule %s threw: %O', meta.id, error);
    diagnostics.push(ruleErrorDiagnostic(meta.id, error));
    return [];
  }
}

function ruleErrorDiagnostic(ruleId: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'rule-error',
    severity: 'error',
    message: `Rule ${ruleId} failed and was not evaluated: ${reason}`,
    hint: 'This is a bug in zoneguard; please report it with the input that caused it.',
    subject: ruleId,
  };
}

function unknownRuleDiagnostic(ruleId: string): Diagnostic {
  return {
    code: 'config-invalid',
    severity: 'error',
    message: `The requested rule ${ruleId} is not in the policy pack or has no rule module.`,
    hint: 'Check the rule id against the pack listing.',
    subject: ruleId,
  };
}

import type { Diagnostic } from '../../diagnostics.ts';
import type { ZoneguardConfig } from '../config.ts';
import { SEVERITIES } from '../types.ts';
import type { RuleMeta } from '../types.ts';
import type { SkippedRule } from './types.ts';

export interface ConfiguredRules {
  /** Rules to run, with severities and parameters after the config. */
  rules: RuleMeta[];
  skipped: SkippedRule[];
  diagnostics: Diagnostic[];
}

/**
 * Applies `.zoneguard.yml` to the pack: severity overrides, parameter
 * overrides merged over the pack value (an overridden parameter is no longer
 * zoneguard's default), and skipped rules, which are listed with their reason.
 */
export function applyConfig(rules: RuleMeta[], config: ZoneguardConfig = {}): ConfiguredRules {
  const diagnostics = unknownRuleDiagnostics(rules, config);
  const configured: RuleMeta[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of rules) {
    const settings = config.rules?.[rule.id];
    if (settings?.skip) {
      skipped.push({ ruleId: rule.id, reason: settings.skip.reason });
      continue;
    }
    const withProfiles = applyProfiles(rule, config);
    configured.push(overrideRule(withProfiles, settings, diagnostics));
  }
  return { rules: configured, skipped, diagnostics };
}

type RuleSettings = NonNullable<ZoneguardConfig['rules']>[string];

function overrideRule(
  rule: RuleMeta,
  settings: RuleSettings | undefined,
  diagnostics: Diagnostic[],
): RuleMeta {
  if (!settings) return rule;
  let result = rule;
  if (settings.severity !== undefined) {
    if ((SEVERITIES as readonly string[]).includes(settings.severity)) {
      result = { ...result, severity: settings.severity };
    } else {
      diagnostics.push(configProblem(rule.id, `severity \`${String(settings.severity)}\` is not one of ${SEVERITIES.join(', ')}`));
    }
  }
  for (const [name, value] of Object.entries(settings.parameters ?? {})) {
    if (!(name in result.parameters)) {
      diagnostics.push(configProblem(rule.id, `parameter \`${name}\` does not exist`));
      continue;
    }
    result = overrideParameter(result, name, value);
  }
  return result;
}

/** Sets a parameter; objects merge key by key over the pack value, anything else replaces it. */
export function overrideParameter(rule: RuleMeta, name: string, value: unknown): RuleMeta {
  const current = rule.parameters[name];
  const merged = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  return {
    ...rule,
    parameters: { ...rule.parameters, [name]: merged },
    defaultParameters: rule.defaultParameters.filter((parameter) => parameter !== name),
  };
}

/**
 * Site profiles are top-level settings in `.zoneguard.yml` but are read by
 * `zone-required` as its `defaultProfile` and `siteProfiles` parameters.
 */
function applyProfiles(rule: RuleMeta, config: ZoneguardConfig): RuleMeta {
  let result = rule;
  const profiles = config.profiles;
  if (!profiles) return result;
  if (profiles.default !== undefined && 'defaultProfile' in rule.parameters) {
    result = overrideParameter(result, 'defaultProfile', profiles.default);
  }
  if (profiles.sites !== undefined && 'siteProfiles' in rule.parameters) {
    result = overrideParameter(result, 'siteProfiles', profiles.sites);
  }
  return result;
}

function unknownRuleDiagnostics(rules: RuleMeta[], config: ZoneguardConfig): Diagnostic[] {
  const known = new Set(rules.map((rule) => rule.id));
  return Object.keys(config.rules ?? {})
    .filter((id) => !known.has(id))
    .map((id) => configProblem(id, 'is not a rule of the policy pack'));
}

function configProblem(ruleId: string, problem: string): Diagnostic {
  return {
    code: 'config-invalid',
    severity: 'error',
    message: `.zoneguard.yml: rules.${ruleId}: ${problem}.`,
    hint: 'Use a rule id and parameter names listed by the policy pack.',
    subject: ruleId,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

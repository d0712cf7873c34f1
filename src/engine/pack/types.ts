import type { Diagnostic } from '../../diagnostics.ts';
import type { LocalizedText, RuleMeta, Severity } from '../types.ts';

/** The header of a pack, from its `pack.yaml`. */
export interface PackInfo {
  id: string;
  name: string;
  regulation: LocalizedText;
  version: string;
}

/** A pack as read from disk, before any config is applied. */
export interface PolicyPack {
  /** Absolute folder of the pack. */
  dir: string;
  info?: PackInfo;
  /** Entries that matched the schema, sorted by id. */
  rules: RuleMeta[];
  /** Problems with the pack itself; entries with errors are left out of `rules`. */
  diagnostics: Diagnostic[];
}

/** A rule entry as written in YAML, after schema validation. */
export interface RuleEntry {
  id: string;
  articles: string[];
  severity: Severity;
  advisory: boolean;
  centralSuppressionOnly: boolean;
  title: LocalizedText;
  description: LocalizedText;
  remediation: LocalizedText;
  parameters?: Record<string, { default: boolean; value: unknown; description: LocalizedText }>;
  messages: Record<string, LocalizedText>;
}

/** A rule the config turned off, listed in the result with its reason. */
export interface SkippedRule {
  ruleId: string;
  reason: string;
}

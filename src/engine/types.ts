import type { Reachability } from '../analysis/reachability/types.ts';
import type { Origin, SourceLocation } from '../model/location.ts';
import type { InfrastructureModel } from '../model/types.ts';
import type { Unknown } from '../model/unknown.ts';
import type { EvidenceStep } from '../analysis/reachability/types.ts';
import type { ApprovedDesign } from '../analysis/design-as-built/types.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Language = 'en' | 'vi';
/** Text in both languages of the pack. */
export type LocalizedText = Record<Language, string>;

/** A rule's metadata, read from its YAML entry in the pack. */
export interface RuleMeta {
  id: string;
  title: LocalizedText;
  /** Articles of the regulation, as `Đ9.2.a`. */
  articles: string[];
  severity: Severity;
  description: LocalizedText;
  remediation: LocalizedText;
  /** Message templates by id; `{name}` placeholders are filled from finding data. */
  messages: Record<string, LocalizedText>;
  /** Parameters with their values after config overrides. */
  parameters: Record<string, unknown>;
  /**
   * Parameter names whose values are zoneguard's choice rather than the
   * regulation's; a finding that rests on one says so.
   */
  defaultParameters: string[];
  /** True when the regulation only recommends this ("có thể", "cần"). */
  advisory: boolean;
  /** True when only the central config file may suppress this rule. */
  centralSuppressionOnly: boolean;
}

/** A rule's report about one subject. */
export interface RuleReport {
  /** `fail`: the subject breaks the rule. `unknown`: it could not be decided. */
  status: 'fail' | 'unknown';
  messageId: string;
  data: Record<string, string | number>;
  /** The resource address the finding is about. */
  address: string;
  origin: Origin;
  /** The location the finding points at, by default the origin's block. */
  location?: SourceLocation;
  /** The other end of a flow finding, and other places that matter. */
  related?: Array<{ location: SourceLocation; message: string }>;
  /** The chain that makes a flow reachable. */
  evidence?: EvidenceStep[];
  /**
   * The text that sets this finding apart from others of the same rule and address,
   * without line numbers: `tcp:22:0.0.0.0/0`.
   */
  detail: string;
  /** Names of default parameters the finding rests on. */
  restsOn?: string[];
  /** For `unknown`: the value that was unknown. */
  unknown?: Unknown;
  /** A one-line fix the pull-request commenter can offer as a suggestion. */
  fix?: { location: SourceLocation; replacement: string };
  /**
   * A severity for this report other than the rule's (a lesser case of the
   * rule). A severity set in the config still applies to every report.
   */
  severity?: Severity;
  /**
   * The id of the model object the report is about (a firewall rule, a host),
   * so a rule can tell whether it already failed that object.
   */
  subjectId?: string;
}

export interface RuleContext {
  model: InfrastructureModel;
  reachability: Reachability;
  meta: RuleMeta;
  report(report: RuleReport): void;
  /** The reports this rule has made so far in this run. */
  reports: readonly RuleReport[];
  /** The time [date] rules measure ages against; the engine sets it to the scan time. */
  now?: Date;
  /** The approved design (`--design`, `*.zoneguard.yml`) when a code scan has one. */
  design?: ApprovedDesign;
}

/** A rule's logic. Its metadata lives in the pack, found by the same id. */
export interface Rule {
  id: string;
  check(context: RuleContext): void;
}

export interface Suppression {
  kind: 'inline' | 'config' | 'baseline';
  reason: string;
  approver?: string;
  expires?: string;
  location?: SourceLocation;
}

/** A finding as reporters see it: rendered in the chosen language, with English kept. */
export interface Finding {
  ruleId: string;
  status: 'fail' | 'unknown';
  severity: Severity;
  articles: string[];
  title: string;
  message: string;
  remediation: string;
  /** English text for SARIF when the chosen language is Vietnamese. */
  english: { title: string; message: string; remediation: string };
  messageId: string;
  data: Record<string, string | number>;
  address: string;
  constructPath?: string;
  location: SourceLocation;
  related: Array<{ location: SourceLocation; message: string }>;
  evidence: EvidenceStep[];
  /** Stable across line moves: a hash of rule id, address and detail. */
  fingerprint: string;
  restsOn: string[];
  suppression?: Suppression;
  fix?: { location: SourceLocation; replacement: string };
  /** For `unknown`: the value that could not be evaluated and why (from `RuleReport.unknown`). */
  unknown?: Unknown;
}

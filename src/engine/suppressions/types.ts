import type { BlockHeader } from '../../loaders/terraform/types.ts';
import type { SourceLocation } from '../../model/location.ts';

/** Picks one `count` / `for_each` instance: `[key=beta]` or `[index=0]`. */
export type InstanceSelector = { key: string } | { index: number };

/** The content of a suppression, whatever wrote it: a comment, a tag or the config. */
export interface SuppressionText {
  /** Rule ids in lower case; empty only for a config waiver that covers every rule. */
  ruleIds: string[];
  reason: string;
  approver?: string;
  /** The last day the suppression holds, `YYYY-MM-DD`. */
  expires?: string;
  selector?: InstanceSelector;
}

/**
 * The reach of a suppression. Comments reach a line, a block or
 * a module call; tags reach their own resource; config waivers reach by glob.
 */
export type SuppressionScope =
  | { kind: 'line'; file: string; line: number; trailing: boolean }
  | { kind: 'block'; header: BlockHeader }
  | { kind: 'module'; header: BlockHeader }
  | { kind: 'resource'; address: string }
  | { kind: 'waiver'; address?: string; path?: string; base: string };

/** One suppression in force, before it is matched against findings. */
export interface SuppressionDirective extends SuppressionText {
  /** Stable across root modules that read the same file: `file:line`, `tag:address`, `config:index`. */
  id: string;
  kind: 'inline' | 'config';
  /** The place it is written. For a waiver without a known line, the config file. */
  location?: SourceLocation;
  scope: SuppressionScope;
}

/** The outcome of one rule id of one suppression in the scan. */
export type SuppressionStatus = 'matched' | 'unused' | 'expired' | 'refused';

/** One line of `zoneguard suppressions`: a suppression and what it did. */
export interface SuppressionRecord {
  kind: 'inline' | 'config';
  /** A rule id, or `*` for a waiver of every rule. */
  ruleId: string;
  /** The reach in words: `aws_security_group.bastion`, `line 23`. */
  scope: string;
  reason: string;
  approver?: string;
  expires?: string;
  location?: SourceLocation;
  status: SuppressionStatus;
  /** Findings it suppressed. */
  matched: number;
}

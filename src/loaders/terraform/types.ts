import type { Diagnostic } from '../../diagnostics.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { Unknown } from '../../model/unknown.ts';

/**
 * An evaluated Terraform value. Objects and maps are plain records, lists,
 * tuples and sets are arrays. `null` is Terraform's null: an attribute set to
 * null is treated as absent. Any part of a value may be Unknown.
 */
export type Value = null | boolean | number | string | Unknown | Value[] | { [key: string]: Value };

/** An attribute after evaluation, with the location of the whole `name = expr` line(s). */
export interface EvaluatedAttribute {
  value: Value;
  location: SourceLocation;
  /**
   * Locations of list elements when the expression is a literal tuple, so that a
   * finding about one CIDR of `cidr_blocks` can point at it. Indexed as the value.
   */
  elementLocations?: SourceLocation[];
}

/** A nested block after evaluation; `dynamic` blocks are already expanded. */
export interface EvaluatedBlock {
  type: string;
  labels: string[];
  location: SourceLocation;
  body: EvaluatedBody;
}

export interface EvaluatedBody {
  attributes: Record<string, EvaluatedAttribute>;
  blocks: EvaluatedBlock[];
}

/**
 * One instance of a resource or data source after `count` / `for_each`
 * expansion. A resource with `count = 0` has no instances.
 */
export interface ResourceInstance {
  /** Full address: `module.tenants["a"].aws_security_group.this[0]`. */
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `count.index` or `each.key`; absent for a resource with neither. */
  key?: number | string;
  /**
   * Module call instances from the root, outermost first: `['module.tenants["a"]']`.
   * Empty in the root module.
   */
  moduleCalls: string[];
  /** Location of the whole resource block (or JSON object). */
  location: SourceLocation;
  body: EvaluatedBody;
  /** The cdktf construct path from `"//"` metadata, when present. */
  constructPath?: string;
}

/** A comment in a source file, kept for inline suppressions. */
export interface SourceComment {
  file: string;
  line: number;
  /** The comment text without its `#`, `//` or `/* *\/` markers. */
  text: string;
  /** True when code precedes the comment on the same line. */
  trailing: boolean;
}

/** A block header in a source file, kept so that suppressions can find their block. */
export interface BlockHeader {
  file: string;
  /** `resource`, `module`, `data`, or a nested block type such as `ingress`. */
  type: string;
  labels: string[];
  location: SourceLocation;
  /** For `resource`, `data` and `module` blocks: the address without instance keys. */
  address?: string;
}

/** Everything the Terraform loader read from one root module and its module calls. */
export interface TerraformLoadResult {
  /** The scanned root folder (absolute). */
  root: string;
  resources: ResourceInstance[];
  /** Every file that was read, absolute paths, including module files. */
  files: string[];
  comments: SourceComment[];
  headers: BlockHeader[];
  diagnostics: Diagnostic[];
  /**
   * Input variables that had no value from any source, with the resources whose
   * attributes depend on them; the summary lists them.
   */
  unresolvedVariables: Array<{ variable: string; usedBy: string[] }>;
}

export interface TerraformLoadOptions {
  /** `--var-file` paths in the order given, applied after the automatic files. */
  varFiles?: string[];
  /** `--var name=value` options in the order given, applied last. */
  vars?: Array<{ name: string; value: string }>;
}

import type { Diagnostic } from '../../diagnostics.ts';

/**
 * The parts of `terraform show -json` (and `tofu show -json`) that the plan
 * loader reads. Every key is optional: Terraform omits empty sections, and a
 * destroy plan has an empty `planned_values`.
 */
export interface PlanDocument {
  format_version: string;
  terraform_version?: string;
  planned_values?: { root_module?: PlannedModule };
  resource_changes?: ResourceChange[];
  configuration?: { root_module?: ConfigModule };
  prior_state?: { values?: { root_module?: PlannedModule } };
}

export interface PlannedModule {
  address?: string;
  resources?: PlannedResource[];
  child_modules?: PlannedModule[];
}

export interface PlannedResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  values?: Record<string, unknown>;
}

export interface ResourceChange {
  address: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  change?: {
    actions?: string[];
    before?: unknown;
    after?: unknown;
    after_unknown?: unknown;
  };
}

export interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, ModuleCall>;
  outputs?: Record<string, { expression?: ConfigExpression }>;
}

export interface ConfigResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  expressions?: Record<string, unknown>;
}

export interface ModuleCall {
  source?: string;
  expressions?: Record<string, unknown>;
  module?: ConfigModule;
}

/** An expression of the configuration: a constant, or the references it reads. */
export interface ConfigExpression {
  constant_value?: unknown;
  references?: string[];
}

/** Plan formats this loader reads: 0.x (Terraform 0.12–0.15) and 1.x. */
const SUPPORTED_MAJORS = new Set(['0', '1']);

/**
 * True when `value` looks like the JSON of a plan: a `format_version` and one of
 * the sections only a plan has. Used to route a file to this loader by content.
 */
export function isPlanDocument(value: unknown): boolean {
  if (!isRecord(value) || !('format_version' in value)) return false;
  return 'planned_values' in value || 'resource_changes' in value || 'terraform_version' in value;
}

/** Checks the format version, and returns an `unsupported-format` error for any other major version. */
export function checkFormatVersion(document: PlanDocument, file: string): Diagnostic | undefined {
  const version = String(document.format_version);
  const major = version.split('.')[0] ?? '';
  if (SUPPORTED_MAJORS.has(major)) return undefined;
  return {
    code: 'unsupported-format',
    severity: 'error',
    message: `${file} is a plan in JSON format version ${version}, which zoneguard does not read (it reads 0.x and 1.x). The plan was not scanned.`,
    hint: 'Produce the plan with a Terraform or OpenTofu version whose `show -json` writes format 1.x, or scan the .tf sources instead.',
    location: { file },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

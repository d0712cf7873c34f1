import { dirname, relative } from 'node:path';
import type { BlockHeader, ResourceInstance } from '../../loaders/terraform/types.ts';
import { globMatches } from '../../model/zones/glob.ts';
import type { Finding } from '../types.ts';
import { instanceKeyOf, moduleCallsOf, type ModuleCallStep } from './address.ts';
import type { InstanceSelector, SuppressionDirective, SuppressionScope } from './types.ts';

/** The folders of the module tree, used to find the calls a `module` comment covers. */
export interface ModuleLayout {
  /** The folder of the root module. */
  root: string;
  /** The folder of each module call instance, by its address prefix, where known. */
  folders: Map<string, string>;
}

/** Builds the layout from where each resource instance was written. */
export function moduleLayout(root: string, resources: ResourceInstance[]): ModuleLayout {
  const folders = new Map<string, string>();
  for (const resource of resources) {
    const innermost = resource.moduleCalls.at(-1);
    if (innermost !== undefined) folders.set(innermost, dirname(resource.location.file));
  }
  return { root, folders };
}

/** True when `directive` names the finding's rule and its scope reaches the finding. */
export function reaches(directive: SuppressionDirective, finding: Finding, layout?: ModuleLayout): boolean {
  const ruleId = finding.ruleId.toLowerCase();
  if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(ruleId)) return false;
  return scopeReaches(directive.scope, directive.selector, finding, layout);
}

function scopeReaches(
  scope: SuppressionScope,
  selector: InstanceSelector | undefined,
  finding: Finding,
  layout: ModuleLayout | undefined,
): boolean {
  switch (scope.kind) {
    case 'line':
      return finding.location.file === scope.file && lineOf(finding) === scope.line && selects(selector, instanceKeyOf(finding.address));
    case 'block':
      return insideBlock(finding, scope.header.file, scope.header.location.range) && selects(selector, instanceKeyOf(finding.address));
    case 'module':
      return moduleCallsOf(finding.address).some((step, depth, steps) =>
        isCallOf(scope.header, step, steps[depth - 1], layout) && selects(selector, step.key));
    case 'resource':
      return finding.address === scope.address || finding.address.startsWith(`${scope.address}/`);
    case 'waiver':
      return waiverReaches(scope, finding);
  }
}

/** Returns the line a finding points at. */
export function lineOf(finding: Finding): number | undefined {
  return finding.location.range?.startLine;
}

function insideBlock(finding: Finding, file: string, range: { startLine: number; endLine: number } | undefined): boolean {
  const line = lineOf(finding);
  if (finding.location.file !== file || line === undefined || range === undefined) return false;
  return line >= range.startLine && line <= range.endLine;
}

/**
 * True when `step` is a call written by the `module` block `header`: same
 * name, and made from the folder the header's file is in. Where the folder of
 * the calling module is not known (it has no resources of its own), the name
 * decides.
 */
function isCallOf(
  header: BlockHeader,
  step: ModuleCallStep,
  parent: ModuleCallStep | undefined,
  layout: ModuleLayout | undefined,
): boolean {
  if (header.labels[0] !== step.name) return false;
  if (layout === undefined) return true;
  const callerFolder = parent === undefined ? layout.root : layout.folders.get(parent.prefix);
  return callerFolder === undefined || callerFolder === dirname(header.file);
}

function selects(selector: InstanceSelector | undefined, key: string | number | undefined): boolean {
  if (selector === undefined) return true;
  if ('key' in selector) return key === selector.key;
  return key === selector.index;
}

function waiverReaches(scope: SuppressionScope & { kind: 'waiver' }, finding: Finding): boolean {
  if (scope.address !== undefined && !globMatches(scope.address, finding.address)) return false;
  if (scope.path === undefined) return true;
  const path = relative(scope.base, finding.location.file).split('\\').join('/');
  return globMatches(scope.path, path);
}

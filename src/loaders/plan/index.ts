import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import createDebug from 'debug';
import type { Diagnostic } from '../../diagnostics.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { ResourceInstance, TerraformLoadResult } from '../terraform/types.ts';
import { PlanConfiguration } from './configuration.ts';
import { checkFormatVersion, isPlanDocument, type PlanDocument } from './document.ts';
import { planShapeProblem } from './shape.ts';
import { plannedInstances, type PlannedInstance } from './instances.ts';
import { ReferenceResolver } from './references.ts';
import { blockKey, blockLocations, emptySources, readSources, type PlanSources } from './sources.ts';
import { knownIds, type InstanceContext } from './unknowns.ts';
import { instanceBody } from './body.ts';

export { isPlanDocument } from './document.ts';

const debug = createDebug('zoneguard:load:plan');

export interface PlanLoadOptions {
  /**
   * The root module folder of the plan's `.tf` sources. When absent, the folder
   * of the plan file is used if it contains `.tf` files.
   */
  sourceDir?: string;
}

/**
 * Loads a Terraform or OpenTofu plan in JSON (`terraform show -json plan.out`)
 * into the resource instances of the future state, the same shape the HCL
 * loader gives. Bad input is a diagnostic, never a rejection.
 */
export async function loadPlan(file: string, options: PlanLoadOptions = {}): Promise<TerraformLoadResult> {
  const path = resolve(file);
  const result = emptyResult(dirname(path), path);
  const read = await readPlan(path);
  if ('diagnostic' in read) {
    result.diagnostics.push(read.diagnostic);
    return result;
  }
  const plan = read.plan;
  const configuration = new PlanConfiguration(plan);
  const sourceDir = resolve(options.sourceDir ?? dirname(path));
  const sources = await readSources(sourceDir, configuration).catch(() => emptySources());
  result.root = sourceDir;
  result.files.push(...sources.files);
  result.comments.push(...sources.comments);
  result.headers.push(...sources.headers);
  result.diagnostics.push(...sources.diagnostics);
  result.resources = toResources(plan, configuration, sources, path);
  debug('loaded %d instances from %s (%d source files)', result.resources.length, path, sources.files.length);
  return result;
}

function toResources(
  plan: PlanDocument,
  configuration: PlanConfiguration,
  sources: PlanSources,
  planFile: string,
): ResourceInstance[] {
  const { instances } = plannedInstances(plan);
  const resolver = new ReferenceResolver(configuration, instances);
  const ids = knownIds(instances);
  return instances.map((instance) => {
    const config = configuration.resource(instance.parsed.moduleNames, instance.parsed.resource);
    const context: InstanceContext = { instance, config, configuration, resolver, ids };
    const block = sources.blocks.get(blockKey(instance.parsed.moduleNames, instance.parsed.resource));
    const locations = block === undefined ? undefined : blockLocations(block);
    // Without sources a plan has no lines: the plan file, with no range.
    const location: SourceLocation = locations?.block ?? { file: planFile };
    return toResource(instance, instanceBody(context, locations, location), location);
  });
}

function toResource(instance: PlannedInstance, body: ResourceInstance['body'], location: SourceLocation): ResourceInstance {
  const resource: ResourceInstance = {
    address: instance.address,
    mode: instance.mode,
    type: instance.type,
    name: instance.name,
    moduleCalls: instance.parsed.moduleCalls,
    location,
    body,
  };
  if (instance.key !== undefined) resource.key = instance.key;
  return resource;
}

async function readPlan(path: string): Promise<{ plan: PlanDocument } | { diagnostic: Diagnostic }> {
  let text: string;
  try {
    if ((await stat(path)).isDirectory()) throw new Error('it is a folder');
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { diagnostic: problem('file-unreadable', path, `could not be read: ${(error as Error).message}`) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { diagnostic: problem('parse-error', path, `is not valid JSON: ${(error as Error).message}`) };
  }
  if (!isPlanDocument(parsed)) {
    return { diagnostic: problem('unsupported-format', path, 'is not the JSON of a Terraform plan (no format_version with planned_values, resource_changes or terraform_version)') };
  }
  // A plan of an unknown format version may have another shape, and its version error is the more useful one.
  const versionProblem = checkFormatVersion(parsed as PlanDocument, path);
  if (versionProblem !== undefined) return { diagnostic: versionProblem };
  const shapeProblem = planShapeProblem(parsed);
  if (shapeProblem !== undefined) return { diagnostic: problem('unsupported-format', path, shapeProblem) };
  return { plan: parsed as PlanDocument };
}

function problem(code: Diagnostic['code'], file: string, what: string): Diagnostic {
  return {
    code,
    severity: 'error',
    message: `The plan ${file} ${what}. It was not scanned.`,
    hint: 'Write the plan with `terraform show -json plan.out > plan.json` and scan that file.',
    location: { file },
  };
}

function emptyResult(root: string, file: string): TerraformLoadResult {
  return {
    root,
    resources: [],
    files: [file],
    comments: [],
    headers: [],
    diagnostics: [],
    unresolvedVariables: [],
  };
}

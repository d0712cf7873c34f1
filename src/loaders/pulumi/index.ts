import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import createDebug from 'debug';
import type { Diagnostic } from '../../diagnostics.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { ResourceInstance, TerraformLoadResult } from '../terraform/types.ts';
import { exportVersionProblem, pulumiFormat, resourcesOf, type PulumiFormat, type PulumiResource } from './document.ts';
import { ResourceIndex } from './references.ts';
import { terraformType } from './type-tokens.ts';
import { BodyReader } from './values.ts';

export { pulumiFormat, type PulumiFormat, type PulumiResource } from './document.ts';
export { isPlaceholder, UNKNOWN_PLACEHOLDER } from './values.ts';
export { TERRAFORM_TYPES, terraformType } from './type-tokens.ts';

const debug = createDebug('zoneguard:load:pulumi');

/** True when a parsed JSON document is a Pulumi preview or stack export. */
export function isPulumiDocument(document: unknown): boolean {
  return pulumiFormat(document) !== undefined;
}

/**
 * Loads `pulumi preview --json` output or a `pulumi stack export` file into
 * the resource instances the Terraform front end gives, so that one mapping
 * builds the model. Bad input is a diagnostic, never a rejection.
 */
export async function loadPulumi(file: string): Promise<TerraformLoadResult> {
  const path = resolve(file);
  const read = await readDocument(path);
  if ('diagnostic' in read) return { ...emptyResult(path), diagnostics: [read.diagnostic] };
  return loadPulumiDocument(read.document, path);
}

/**
 * Loads a document already parsed. `location` is where every resource
 * points: the file itself by default, with no line, since neither a preview
 * nor an export has source positions.
 */
export function loadPulumiDocument(document: unknown, file: string, location: SourceLocation = { file }): TerraformLoadResult {
  const result = emptyResult(file);
  const format = pulumiFormat(document);
  if (format === undefined) {
    result.diagnostics.push(problem('unsupported-format', file, 'is neither `pulumi preview --json` output nor a `pulumi stack export` file'));
    return result;
  }
  const versionProblem = format === 'stack-export' ? exportVersionProblem(document as Record<string, unknown>) : undefined;
  if (versionProblem !== undefined) {
    result.diagnostics.push(problem('unsupported-format', file, versionProblem));
    return result;
  }
  result.resources = toInstances(resourcesOf(document as Record<string, unknown>, format), () => location);
  debug('loaded %d AWS resources from the %s %s', result.resources.length, format, file);
  return result;
}

/**
 * Resources of types the AWS mapping reads; providers, stacks and components
 * have no network meaning. `locate` says where each resource was written.
 */
export function toInstances(
  resources: readonly PulumiResource[],
  locate: (resource: PulumiResource) => SourceLocation,
): ResourceInstance[] {
  const index = new ResourceIndex(resources);
  return resources.flatMap((resource) => {
    const type = terraformType(resource.type);
    if (type === undefined) return [];
    const address = index.address(resource.urn);
    const location = locate(resource);
    const body = new BodyReader(resource, type, address, index).body(location);
    return [{ address, mode: resource.mode, type, name: resource.name, moduleCalls: [], location, body }];
  });
}

async function readDocument(path: string): Promise<{ document: unknown } | { diagnostic: Diagnostic }> {
  let text: string;
  try {
    if ((await stat(path)).isDirectory()) throw new Error('it is a folder');
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { diagnostic: problem('file-unreadable', path, `could not be read: ${(error as Error).message}`) };
  }
  try {
    return { document: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { diagnostic: problem('parse-error', path, `is not valid JSON: ${(error as Error).message}`) };
  }
}

function problem(code: Diagnostic['code'], file: string, what: string): Diagnostic {
  return {
    code,
    severity: 'error',
    message: `The Pulumi file ${file} ${what}. It was not scanned.`,
    hint: 'Write it with `pulumi preview --json > preview.json` or `pulumi stack export > stack.json` and scan that file.',
    location: { file },
  };
}

function emptyResult(file: string): TerraformLoadResult {
  return { root: dirname(file), resources: [], files: [file], comments: [], headers: [], diagnostics: [], unresolvedVariables: [] };
}


/** The resources of a parsed preview or stack export; none when it is neither. */
export function resourcesOfDocument(document: unknown): PulumiResource[] {
  const format = pulumiFormat(document);
  return format === undefined ? [] : resourcesOf(document as Record<string, unknown>, format);
}

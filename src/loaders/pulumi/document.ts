/**
 * The two JSON documents the Pulumi CLI writes about a stack's resources, read
 * into one list of resources:
 *
 * - `pulumi preview --json`: `steps[]`, each with `op`, `urn` and, unless the
 *   step deletes, `newState` with `type`, `inputs` and sometimes `outputs`.
 * - `pulumi stack export`: `{ version, deployment: { resources[] } }`, each
 *   resource with `urn`, `type`, `id`, `inputs` and `outputs`.
 */

export type PulumiFormat = 'preview' | 'stack-export';

/** One resource of a preview or a stack, before its values are read. */
export interface PulumiResource {
  urn: string;
  /** The type token: `aws:ec2/securityGroup:SecurityGroup`. */
  type: string;
  /** The name given in the program: the last part of the URN. */
  name: string;
  /** `data` for a resource read with `.get()` (a `read` step); it is not created. */
  mode: 'managed' | 'data';
  /** The provider's id, when the resource exists already. */
  id?: string;
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  /** URNs each input property was computed from, by top-level property name. */
  propertyDependencies?: Record<string, string[]>;
}

/** Step operations whose `newState` is a resource that exists after the update. */
const LIVE_OPS = new Set(['create', 'same', 'update', 'replace', 'create-replacement', 'import', 'import-replacement', 'read', 'read-replacement', 'refresh']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The format of a parsed JSON document, or undefined when it is neither. */
export function pulumiFormat(document: unknown): PulumiFormat | undefined {
  if (!isRecord(document)) return undefined;
  const steps = document['steps'];
  if (Array.isArray(steps) && steps.every((step) => isRecord(step) && typeof step['op'] === 'string')) {
    return steps.length > 0 || 'changeSummary' in document ? 'preview' : undefined;
  }
  const deployment = document['deployment'];
  if (isRecord(deployment) && (Array.isArray(deployment['resources']) || isRecord(deployment['manifest']))) {
    return 'stack-export';
  }
  return undefined;
}

/** The version of a stack export the loader reads: 1 to 3 share the resource shape. */
export function exportVersionProblem(document: Record<string, unknown>): string | undefined {
  const version = document['version'];
  if (version === undefined || version === 1 || version === 2 || version === 3) return undefined;
  return `has deployment version ${JSON.stringify(version)}; zoneguard reads versions 1 to 3`;
}

/** The resources of a document whose format is known. */
export function resourcesOf(document: Record<string, unknown>, format: PulumiFormat): PulumiResource[] {
  return format === 'preview' ? previewResources(document) : exportResources(document);
}

/**
 * A replacement has several steps for one URN; the last step with a new state
 * is what the stack holds afterwards. Deleted resources have none.
 */
function previewResources(document: Record<string, unknown>): PulumiResource[] {
  const byUrn = new Map<string, PulumiResource>();
  for (const step of document['steps'] as Array<Record<string, unknown>>) {
    const state = step['newState'];
    if (!LIVE_OPS.has(String(step['op'])) || !isRecord(state)) continue;
    const resource = fromState(state, typeof step['urn'] === 'string' ? step['urn'] : undefined);
    if (resource === undefined) continue;
    if (step['op'] === 'read' || step['op'] === 'read-replacement') resource.mode = 'data';
    byUrn.set(resource.urn, resource);
  }
  return [...byUrn.values()];
}

function exportResources(document: Record<string, unknown>): PulumiResource[] {
  const deployment = document['deployment'] as Record<string, unknown>;
  const resources = Array.isArray(deployment['resources']) ? deployment['resources'] : [];
  return resources.flatMap((state) => {
    if (!isRecord(state) || state['delete'] === true) return [];
    const resource = fromState(state, undefined);
    if (resource !== undefined && state['external'] === true) resource.mode = 'data';
    return resource === undefined ? [] : [resource];
  });
}

function fromState(state: Record<string, unknown>, stepUrn: string | undefined): PulumiResource | undefined {
  const urn = typeof state['urn'] === 'string' ? state['urn'] : stepUrn;
  if (urn === undefined) return undefined;
  const type = typeof state['type'] === 'string' ? state['type'] : typeOfUrn(urn);
  const resource: PulumiResource = {
    urn,
    type,
    name: nameOfUrn(urn),
    mode: 'managed',
    inputs: isRecord(state['inputs']) ? state['inputs'] : {},
  };
  if (typeof state['id'] === 'string' && state['id'] !== '') resource.id = state['id'];
  if (isRecord(state['outputs'])) resource.outputs = state['outputs'];
  const dependencies = state['propertyDependencies'];
  if (isRecord(dependencies)) resource.propertyDependencies = dependencies as Record<string, string[]>;
  return resource;
}

/**
 * `urn:pulumi:<stack>::<project>::<parent types$type>::<name>`. The name may
 * itself contain `::`, so it is everything after the fourth separator.
 */
export function nameOfUrn(urn: string): string {
  return urn.split('::').slice(3).join('::');
}

export function typeOfUrn(urn: string): string {
  const qualified = urn.split('::')[2] ?? '';
  return qualified.split('$').at(-1) ?? qualified;
}

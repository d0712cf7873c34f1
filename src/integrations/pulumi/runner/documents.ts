import { UNKNOWN_PLACEHOLDER } from '../../../loaders/pulumi/index.ts';
import type { CaptureOutput, CapturedResource } from './captured.ts';

/**
 * Writes what the runner captured in the two formats the Pulumi CLI writes,
 * so the fixtures and `scanPulumiProgram` go through the same loader as real
 * files. These are built by zoneguard's runner, not by the Pulumi CLI: ids
 * and ARNs are the mocks' own.
 */

/**
 * Writes a `pulumi stack export` document: every resource created, ids and ARNs
 * known, and `propertyDependencies` as the engine records them.
 */
export function toStackExport(capture: CaptureOutput): Record<string, unknown> {
  const computed = computedValues(capture.resources);
  return {
    version: 3,
    deployment: {
      manifest: { time: '1970-01-01T00:00:00Z', magic: '', version: 'zoneguard-mock-runtime' },
      resources: capture.resources.map((resource) => ({
        urn: resource.urn,
        custom: resource.custom,
        ...(resource.custom ? { id: resource.id } : {}),
        type: resource.type,
        inputs: resource.inputs,
        outputs: resource.outputs,
        propertyDependencies: dependenciesOf(resource, computed),
      })),
    },
  };
}

/**
 * Writes a `pulumi preview --json` document of a first update: every resource is
 * created, so the ids and ARNs it refers to are unknown. Each becomes Pulumi's
 * placeholder, and `propertyDependencies` lists the resource it came from,
 * as a real preview does. Values written in the program stay known.
 */
export function toPreview(capture: CaptureOutput): Record<string, unknown> {
  const computed = computedValues(capture.resources);
  return {
    steps: capture.resources.map((resource) => {
      const dependencies: Record<string, string[]> = {};
      const inputs = Object.fromEntries(
        Object.entries(resource.inputs).map(([key, value]) => [key, hideComputed(value, computed, key, dependencies)]),
      );
      return {
        op: 'create',
        urn: resource.urn,
        newState: { urn: resource.urn, custom: resource.custom, type: resource.type, inputs, propertyDependencies: dependencies },
      };
    }),
    changeSummary: { create: capture.resources.length },
  };
}

/** Mock ids and ARNs, each with the URN of the resource it belongs to. */
function computedValues(resources: readonly CapturedResource[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const resource of resources) {
    values.set(resource.id, resource.urn);
    if (typeof resource.outputs['arn'] === 'string') values.set(resource.outputs['arn'], resource.urn);
  }
  return values;
}

/** Lists, by input property, the resources whose ids and ARNs the property contains. */
function dependenciesOf(resource: CapturedResource, computed: Map<string, string>): Record<string, string[]> {
  const dependencies: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(resource.inputs)) hideComputed(value, computed, key, dependencies);
  return dependencies;
}

function hideComputed(value: unknown, computed: Map<string, string>, top: string, dependencies: Record<string, string[]>): unknown {
  if (typeof value === 'string' && computed.has(value)) {
    const urn = computed.get(value)!;
    const listed = dependencies[top] ?? [];
    if (!listed.includes(urn)) dependencies[top] = [...listed, urn];
    return UNKNOWN_PLACEHOLDER;
  }
  if (Array.isArray(value)) return value.map((item) => hideComputed(item, computed, top, dependencies));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hideComputed(item, computed, top, dependencies)]));
  }
  return value;
}

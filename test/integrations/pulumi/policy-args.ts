import { readFile } from 'node:fs/promises';
import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from '@pulumi/policy';

// CrossGuard hands properties to policies through this proxy (internal to @pulumi/policy); tests wrap them the same way.
const { unknownCheckingProxy } = (await import('@pulumi/policy/proxy.js')) as unknown as {
  unknownCheckingProxy: (props: object) => Record<string, unknown>;
};

/** Resources of a saved preview or stack export, shaped as CrossGuard passes them to policies. */
export async function policyResources(file: string): Promise<PolicyResource[]> {
  const document = JSON.parse(await readFile(file, 'utf8')) as Record<string, any>;
  const states: Array<Record<string, any>> = document['steps'] !== undefined
    ? document['steps'].map((step: Record<string, any>) => step['newState'])
    : document['deployment']['resources'];
  const byUrn = new Map<string, PolicyResource>();
  for (const state of states) {
    byUrn.set(state['urn'], {
      type: state['type'],
      urn: state['urn'],
      name: String(state['urn']).split('::').slice(3).join('::'),
      props: unknownCheckingProxy(state['inputs'] ?? {}),
      opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
    });
  }
  for (const state of states) {
    const resource = byUrn.get(state['urn'])!;
    for (const [property, urns] of Object.entries((state['propertyDependencies'] ?? {}) as Record<string, string[]>)) {
      resource.propertyDependencies[property] = urns.map((urn) => byUrn.get(urn)!).filter(Boolean);
    }
  }
  return [...byUrn.values()];
}

export function stackArgs(resources: PolicyResource[], config: object = {}): StackValidationArgs {
  return { resources, stackTags: new Map(), getConfig: <T>() => config as T, notApplicable: notApplicable };
}

export function resourceArgs(resource: PolicyResource, config: object = {}): ResourceValidationArgs {
  return { ...resource, stackTags: new Map(), getConfig: <T>() => config as T, notApplicable: notApplicable } as ResourceValidationArgs;
}

function notApplicable(reason?: string): never {
  throw new Error(`not applicable: ${reason}`);
}

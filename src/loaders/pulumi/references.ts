import type { ResourceRef } from '../../model/unknown.ts';
import { isRecord, type PulumiResource } from './document.ts';

/**
 * Finds the resource a value refers to. A Pulumi program passes `vpc.id` or
 * `lb.arn`; the preview or stack holds the resolved string, or the unknown
 * placeholder plus the URNs the property depends on. Both become a reference
 * to the resource, so the mapping links the two as it does for HCL.
 */
export class ResourceIndex {
  private readonly addresses = new Map<string, string>();
  private readonly types = new Map<string, string>();
  /** Known `id` and `arn` values, which name one resource. */
  private readonly byValue = new Map<string, ResourceRef>();
  /** Known `name` values; names repeat across types, so a value may name several. */
  private readonly byName = new Map<string, ResourceRef[]>();

  constructor(resources: readonly PulumiResource[]) {
    const counts = new Map<string, number>();
    for (const resource of resources) counts.set(shortAddress(resource), (counts.get(shortAddress(resource)) ?? 0) + 1);
    for (const resource of resources) {
      const short = shortAddress(resource);
      // Two resources of one type and name under different parents: only the URN tells them apart.
      const address = counts.get(short) === 1 ? short : resource.urn;
      this.addresses.set(resource.urn, address);
      this.types.set(address, resource.type);
      this.indexValues(resource, address);
    }
  }

  /** The address findings name: `aws:ec2/securityGroup:SecurityGroup::db`. */
  address(urn: string): string {
    return this.addresses.get(urn) ?? urn;
  }

  /** The resource whose `id` or `arn` is `text`. */
  byKnownValue(text: string): ResourceRef | undefined {
    return this.byValue.get(text);
  }

  /** The one resource named `text` whose type fits `noun`, when exactly one does. */
  byKnownName(text: string, noun: string): ResourceRef | undefined {
    const fitting = (this.byName.get(text) ?? []).filter((ref) => this.fits(ref.address, noun));
    return fitting.length === 1 ? fitting[0] : undefined;
  }

  /** True when the resource at `address` is of a type the property noun names (`vpc`, `securityGroup`). */
  fits(address: string, noun: string): boolean {
    const type = this.types.get(address);
    if (type === undefined || noun === '') return false;
    const resource = typeNoun(type);
    const wanted = noun.toLowerCase();
    return resource.endsWith(wanted) || wanted.endsWith(resource);
  }

  private indexValues(resource: PulumiResource, address: string): void {
    const state = { ...resource.inputs, ...resource.outputs };
    const id = resource.id ?? state['id'];
    if (typeof id === 'string' && id !== '') this.byValue.set(id, { address, attribute: 'id' });
    if (typeof state['arn'] === 'string') this.byValue.set(state['arn'], { address, attribute: 'arn' });
    const name = state['name'];
    if (typeof name === 'string' && name !== '') {
      this.byName.set(name, [...(this.byName.get(name) ?? []), { address, attribute: 'name' }]);
    }
  }
}

/**
 * The noun of a type token: `aws:ec2/securityGroup:SecurityGroup` → `securitygroup`.
 * `aws:autoscaling/group:Group` is `autoscalinggroup`, so that it does not fit
 * every property ending in "group".
 */
function typeNoun(token: string): string {
  const [module = '', resource = ''] = (token.split(':')[1] ?? '').split('/');
  return (resource === 'group' ? `${module}${resource}` : resource).toLowerCase();
}

function shortAddress(resource: PulumiResource): string {
  return `${resource.type}::${resource.name}`;
}

/** What a property name says it refers to: `vpcSecurityGroupIds` → securityGroup ids. */
export interface PropertyNoun {
  noun: string;
  attribute: 'id' | 'arn' | 'name';
}

/**
 * Reads a property name as a reference: `vpcId`, `loadBalancerArn`,
 * `dbSubnetGroupName`, `subnets`, `securityGroups`, `instance`. Returns
 * undefined for names that hold data (`cidrBlocks`, `fromPort`).
 */
export function propertyNoun(property: string): PropertyNoun | undefined {
  const suffixed = /^(.*?)(Ids?|Arns?|Names?)$/.exec(property);
  if (suffixed !== null && suffixed[1] !== '') {
    const kind = suffixed[2]!.replace(/s$/, '').toLowerCase();
    const noun = suffixed[1]!.replace(/^vpcSecurityGroup/, 'securityGroup');
    return { noun, attribute: kind as PropertyNoun['attribute'] };
  }
  if (REFERENCE_WORDS.has(property)) return { noun: property.replace(/s$/, ''), attribute: 'id' };
  return undefined;
}

/** Properties named by the resource type alone that hold ids. */
const REFERENCE_WORDS = new Set(['subnets', 'securityGroups', 'instance', 'vpc']);

/** The URNs `property` depends on, as the preview lists them. */
export function dependenciesOf(resource: PulumiResource, property: string): string[] {
  const listed = resource.propertyDependencies?.[property];
  return Array.isArray(listed) ? listed.filter((urn): urn is string => typeof urn === 'string') : [];
}

export { isRecord };

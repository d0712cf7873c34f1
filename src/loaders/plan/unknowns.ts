import { Unknown, type ResourceRef } from '../../model/unknown.ts';
import type { Value } from '../terraform/types.ts';
import type { PlanConfiguration } from './configuration.ts';
import type { ConfigResource } from './document.ts';
import { isRecord } from './document.ts';
import type { PlannedInstance } from './instances.ts';
import { referencesOf, type ReferenceResolver, type ReferenceScope } from './references.ts';
import { pathText, type PathStep, type UnknownMaker } from './values.ts';

/** What turning one instance's values into Values needs from the rest of the plan. */
export interface InstanceContext {
  instance: PlannedInstance;
  config: ConfigResource | undefined;
  configuration: PlanConfiguration;
  resolver: ReferenceResolver;
  /** Known `id` values of every instance, by address. */
  ids: Map<string, string>;
}

export function scopeOf(instance: PlannedInstance): ReferenceScope {
  const scope: ReferenceScope = {
    moduleNames: instance.parsed.moduleNames,
    moduleCalls: instance.parsed.moduleCalls,
  };
  if (instance.key !== undefined) scope.key = instance.key;
  return scope;
}

/**
 * The Unknown at a path of an instance. When the configuration expression
 * that sets it refers to resources, the Unknown carries the reference, as the
 * HCL evaluator's does for `aws_security_group.web.id`. Several references
 * give a list of Unknowns, one for each.
 */
export function unknownMaker(context: InstanceContext): UnknownMaker {
  return (path: PathStep[]): Value => {
    const resolved = resolvePath(context, path);
    const refs = relevant(resolved.refs, path);
    if (refs.length === 1) return refUnknown(refs[0]!);
    if (refs.length > 1) return refs.map(refUnknown);
    const reason = resolved.problems[0] ?? 'computed by the provider';
    return new Unknown(`known only after apply: ${reason}`, `${context.instance.address}.${pathText(path)}`);
  };
}

function resolvePath(context: InstanceContext, path: PathStep[]): { refs: ResourceRef[]; problems: string[] } {
  const expression = context.configuration.expressionAt(context.config, path);
  return context.resolver.resolve(referencesOf(expression), scopeOf(context.instance));
}

function refUnknown(ref: ResourceRef): Unknown {
  return new Unknown('computed by the provider', `${ref.address}.${ref.attribute}`, ref);
}

/**
 * One expression may set several unknown values (`route = [...]` refers to a
 * gateway and a NAT gateway). A value whose name says what it holds
 * (`gateway_id`, `security_groups`) keeps the references of that resource type
 * when there are any.
 */
function relevant(refs: ResourceRef[], path: PathStep[]): ResourceRef[] {
  if (refs.length <= 1) return refs;
  const leaf = [...path].reverse().find((step): step is string => typeof step === 'string');
  const noun = leaf?.replace(/_ids?$|s$/, '').replace(/^vpc_security_group/, 'security_group');
  if (noun === undefined || noun === '') return refs;
  const matching = refs.filter((ref) => typeOf(ref.address).includes(noun));
  return matching.length > 0 ? matching : refs;
}

function typeOf(address: string): string {
  const steps = address.replace(/\[[^\]]*\]/g, '').split('.');
  return steps.at(-2) ?? '';
}

/**
 * A plan of resources that already exist has their ids as known strings
 * (`vpc_id = "vpc-0a1b"`). The model links objects by address, so a known id
 * that the configuration says was read from a resource's `id` becomes an
 * Unknown naming that resource; its text stays in the origin.
 */
export function linkKnownIds(value: Value, attribute: string, context: InstanceContext): Value {
  if (typeof value === 'string') return linkedId(value, [attribute], context) ?? value;
  if (!Array.isArray(value)) return value;
  return value.map((item, i) => (typeof item === 'string' ? (linkedId(item, [attribute, i], context) ?? item) : item));
}

function linkedId(text: string, path: PathStep[], context: InstanceContext): Unknown | undefined {
  const { refs } = resolvePath(context, path);
  const target = refs.find((ref) => ref.attribute === 'id' && context.ids.get(ref.address) === text);
  if (target === undefined) return undefined;
  return new Unknown(`the id of ${target.address} in the current state`, text, target);
}

/** Returns the known ids of every instance by address. Created resources have none yet. */
export function knownIds(instances: readonly PlannedInstance[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const instance of instances) {
    const id = isRecord(instance.after) ? instance.after['id'] : undefined;
    if (typeof id === 'string') ids.set(instance.address, id);
  }
  return ids;
}

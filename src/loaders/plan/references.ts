import type { ResourceRef } from '../../model/unknown.ts';
import { keyTextOf, keyValue } from './addresses.ts';
import type { PlanConfiguration } from './configuration.ts';
import type { PlannedInstance } from './instances.ts';

/** Where a reference is read: the module instance and, for count/for_each, the instance key. */
export interface ReferenceScope {
  moduleNames: string[];
  moduleCalls: string[];
  /** The key of the referring instance, which `each.key` and `count.index` refer to. */
  key?: number | string;
}

/** What a list of configuration references names: resource attributes, or why none. */
export interface Resolved {
  refs: ResourceRef[];
  /** Why a reference could not be followed to one resource instance. */
  problems: string[];
}

const MAX_DEPTH = 16;
const NOT_RESOURCES = new Set(['count', 'each', 'local', 'path', 'self', 'terraform']);

/**
 * Follows configuration references to resource instances. Terraform lists a
 * reference and its prefixes (`aws_vpc.main.id`, `aws_vpc.main`) and cuts a
 * reference at an index it cannot write (`aws_subnet.zone[each.key].id` becomes
 * `aws_subnet.zone` and `each.key`). The key of the referring instance is used
 * instead, and the attribute defaults to `id` because the cut loses it.
 */
export class ReferenceResolver {
  private readonly byResource = new Map<string, PlannedInstance[]>();

  constructor(
    private readonly configuration: PlanConfiguration,
    instances: readonly PlannedInstance[],
  ) {
    for (const instance of instances) {
      const id = resourceId(instance.parsed.moduleCalls, instance.parsed.resource);
      this.byResource.set(id, [...(this.byResource.get(id) ?? []), instance]);
    }
  }

  resolve(references: readonly string[], scope: ReferenceScope, depth = 0): Resolved {
    const result: Resolved = { refs: [], problems: [] };
    if (depth > MAX_DEPTH) return { refs: [], problems: ['the references are nested too deeply to follow'] };
    const usesKey = references.some((reference) => /^(each|count)\./.test(reference));
    for (const reference of longest(references)) {
      const one = this.resolveOne(reference, scope, usesKey, depth);
      result.refs.push(...one.refs);
      result.problems.push(...one.problems);
    }
    return result;
  }

  private resolveOne(reference: string, scope: ReferenceScope, usesKey: boolean, depth: number): Resolved {
    const steps = reference.split('.');
    const head = steps[0] ?? '';
    if (head === 'var') return this.throughVariable(steps[1] ?? '', scope, depth);
    if (head === 'module') return this.throughOutput(steps, scope, depth);
    if (NOT_RESOURCES.has(head)) return { refs: [], problems: [] };
    const typeSteps = head === 'data' ? 3 : 2;
    const resourceSteps = steps.slice(0, typeSteps);
    const last = resourceSteps.at(-1) ?? '';
    const bracket = last.indexOf('[');
    const keyText = bracket < 0 ? '' : last.slice(bracket);
    resourceSteps[typeSteps - 1] = bracket < 0 ? last : last.slice(0, bracket);
    const resource = resourceSteps.join('.');
    const attribute = steps.slice(typeSteps).join('.') || 'id';
    return this.instanceRef(resource, keyText, attribute, scope, usesKey);
  }

  private instanceRef(
    resource: string,
    keyText: string,
    attribute: string,
    scope: ReferenceScope,
    usesKey: boolean,
  ): Resolved {
    const candidates = this.byResource.get(resourceId(scope.moduleCalls, resource)) ?? [];
    const wanted = keyText !== '' ? keyValue(keyText) : usesKey ? scope.key : undefined;
    const match =
      candidates.length === 1 && keyText === '' && candidates[0]!.key === undefined
        ? candidates[0]
        : candidates.find((candidate) => candidate.key !== undefined && candidate.key === wanted);
    if (match !== undefined) return { refs: [{ address: match.address, attribute }], problems: [] };
    if (candidates.length === 0) return { refs: [], problems: [] };
    const written = `${resource}${keyText || keyTextOf(wanted)}`;
    return { refs: [], problems: [`the reference to ${written} names none of its ${candidates.length} instances`] };
  }

  /** `var.x` inside a module is the module call's argument `x`, read in the parent module. */
  private throughVariable(name: string, scope: ReferenceScope, depth: number): Resolved {
    if (scope.moduleNames.length === 0) return { refs: [], problems: [] };
    const argument = this.configuration.call(scope.moduleNames)?.expressions?.[name];
    const references = referencesOf(argument);
    const parentCall = scope.moduleCalls.at(-1) ?? '';
    const parent: ReferenceScope = {
      moduleNames: scope.moduleNames.slice(0, -1),
      moduleCalls: scope.moduleCalls.slice(0, -1),
      ...keyOf(parentCall),
    };
    return this.resolve(references, parent, depth + 1);
  }

  /** `module.net.subnet_id` is the output `subnet_id` of the called module, read inside it. */
  private throughOutput(steps: string[], scope: ReferenceScope, depth: number): Resolved {
    const call = steps[1] ?? '';
    const bracket = call.indexOf('[');
    const name = bracket < 0 ? call : call.slice(0, bracket);
    const output = steps[2];
    if (output === undefined) return { refs: [], problems: [`the reference to module.${call} names no output`] };
    const childNames = [...scope.moduleNames, name];
    const expression = this.configuration.module(childNames)?.outputs?.[output]?.expression;
    const prefix = scope.moduleCalls.at(-1);
    const childCall = `${prefix === undefined ? '' : `${prefix}.`}module.${call}`;
    const child: ReferenceScope = { moduleNames: childNames, moduleCalls: [...scope.moduleCalls, childCall] };
    return this.resolve(referencesOf(expression), child, depth + 1);
  }
}

/** Drops references that are prefixes of another one in the list. */
function longest(references: readonly string[]): string[] {
  return references.filter(
    (reference) =>
      !references.some(
        (other) => other !== reference && (other.startsWith(`${reference}.`) || other.startsWith(`${reference}[`)),
      ),
  );
}

export function referencesOf(expression: unknown): string[] {
  if (typeof expression !== 'object' || expression === null || Array.isArray(expression)) return [];
  const references = (expression as { references?: unknown }).references;
  return Array.isArray(references) ? references.filter((item): item is string => typeof item === 'string') : [];
}

function keyOf(moduleCall: string): { key?: number | string } {
  const match = /(\[[^\]]*\])$/.exec(moduleCall);
  const key = match === null ? undefined : keyValue(match[1]!);
  return key === undefined ? {} : { key };
}

function resourceId(moduleCalls: readonly string[], resource: string): string {
  const prefix = moduleCalls.at(-1);
  return prefix === undefined ? resource : `${prefix}.${resource}`;
}

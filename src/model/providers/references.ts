import type { SourceLocation } from '../location.ts';
import type { Site } from '../types.ts';
import { isUnknown, Unknown } from '../unknown.ts';
import type { Element } from './body.ts';
import type { MappingContext, ObjectKind } from './context.ts';
import { writtenText } from './rule-parts.ts';

/** Lookup of firewall group names (the `name` attribute) to set ids. */
export const GROUP_NAMES = 'firewall-group-names';

/**
 * A reference to another resource as written: `aws_vpc.main.id` evaluates to
 * an Unknown that names its target, and a literal id (`vpc-1`, `sg-0123…`)
 * names something the scanned code may not define.
 */
export interface Reference {
  /** Address of the resource referred to, when the value names one. */
  address?: string;
  /** The literal text, when the value is a known string. */
  literal?: string;
  /** Set when the value is unknown without naming a resource. */
  unknown?: Unknown;
  written: string;
  location: SourceLocation;
}

export function referenceOf(element: Element): Reference {
  const { value, location } = element;
  const written = writtenText(value);
  if (isUnknown(value)) {
    if (value.ref !== undefined) return { address: value.ref.address, written, location };
    return { unknown: value, written, location };
  }
  if (typeof value === 'string') return { literal: value, written, location };
  if (typeof value === 'number') return { literal: String(value), written, location };
  const unknown = new Unknown('not a resource id', written);
  return { unknown, written, location };
}

/** Returns the id of the model object the reference names, when it is of `kind`. */
export function resolveReference(
  reference: Reference,
  kind: ObjectKind,
  context: MappingContext,
): string | undefined {
  const id = reference.address ?? reference.literal;
  if (id === undefined) return undefined;
  return context.kindOf(id) === kind ? id : undefined;
}

/**
 * Returns the site a `vpc_id` names. A literal VPC id the code does not define becomes
 * an implicit site of that id, so that segments written into `vpc-1` share it.
 */
export function resolveSite(reference: Reference, context: MappingContext): string | undefined {
  const resolved = resolveReference(reference, 'site', context);
  if (resolved !== undefined) return resolved;
  if (reference.literal === undefined) return undefined;
  context.model.sites.push(implicitSite(reference.literal, reference.location));
  return reference.literal;
}

function implicitSite(id: string, location: SourceLocation): Site {
  return {
    id,
    name: id,
    cidrs: [],
    tags: {},
    origin: { address: id, location, attributes: {}, moduleCalls: [] },
  };
}

/** Explains, as an Unknown, why a reference names nothing in the model. */
export function unresolved(reference: Reference, what: string): Unknown {
  if (reference.unknown !== undefined) return reference.unknown;
  const reason =
    reference.address !== undefined
      ? `${what} ${reference.address} is not defined by a mapped resource`
      : `${what} ${reference.written} is defined outside the scanned code`;
  return new Unknown(reason, reference.written);
}

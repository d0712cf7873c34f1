import type { SourceLocation } from '../../model/location.ts';
import type { EvaluatedAttribute, EvaluatedBody, Value } from '../terraform/types.ts';
import { isRecord } from './document.ts';
import type { BlockLocations } from './sources.ts';
import { linkKnownIds, unknownMaker, type InstanceContext } from './unknowns.ts';
import { mergeUnknown } from './values.ts';

/**
 * The body of one planned instance. Plan JSON writes nested blocks as lists of
 * objects (`ingress: [{...}]`); they stay attributes, which the mapping's
 * `nested()` reads like blocks. With sources, each attribute points at its
 * `name = ...` line and each nested object at its block; without, at `fallback`.
 */
export function instanceBody(
  context: InstanceContext,
  locations: BlockLocations | undefined,
  fallback: SourceLocation,
): EvaluatedBody {
  const { after, afterUnknown } = context.instance;
  const merged = mergeUnknown(after, afterUnknown, [], unknownMaker(context));
  const attributes: Record<string, EvaluatedAttribute> = {};
  if (!isRecord(merged)) return { attributes, blocks: [] };
  const mask = isRecord(afterUnknown) ? afterUnknown : {};
  for (const [name, raw] of Object.entries(merged as Record<string, Value>)) {
    if (mask[name] === true && isProviderChosen(context, name)) continue;
    const value = mask[name] === true ? raw : linkKnownIds(writtenString(context, name, raw), name, context);
    attributes[name] = attributeAt(name, value, locations, fallback);
  }
  return { attributes, blocks: [] };
}

/**
 * Some providers store a digest of a string instead of the string
 * (`aws_instance.user_data` becomes its SHA-1). When the configuration writes
 * the attribute as a constant string, that text is what the user wrote and
 * what the HCL front end reads, so it wins over a different planned string.
 */
function writtenString(context: InstanceContext, name: string, planned: Value): Value {
  const written = context.configuration.expressionAt(context.config, [name])?.constant_value;
  return typeof planned === 'string' && typeof written === 'string' ? written : planned;
}

/**
 * An attribute the configuration does not set, which the provider computes
 * (`associate_public_ip_address`, `egress` of a security group). The HCL
 * front end sees it as absent and the mapping applies the provider's default,
 * so the plan front end does the same. Without a configuration section the
 * plan is all there is, and `after_unknown` stays authoritative.
 */
function isProviderChosen(context: InstanceContext, name: string): boolean {
  if (context.config === undefined) return false;
  return !(name in (context.config.expressions ?? {}));
}

function attributeAt(
  name: string,
  value: Value,
  locations: BlockLocations | undefined,
  fallback: SourceLocation,
): EvaluatedAttribute {
  const location = locations?.attribute(name) ?? locations?.nested(name)?.[0] ?? locations?.block ?? fallback;
  const attribute: EvaluatedAttribute = { value, location };
  const blocks = locations?.nested(name);
  if (Array.isArray(value) && blocks !== undefined && blocks.length === value.length && blocks.length > 0) {
    attribute.elementLocations = blocks;
  }
  return attribute;
}

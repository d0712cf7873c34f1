import type { SourceLocation } from '../../model/location.ts';
import { Unknown, type ResourceRef } from '../../model/unknown.ts';
import type { EvaluatedAttribute, EvaluatedBody, Value } from '../terraform/types.ts';
import { isRecord, type PulumiResource } from './document.ts';
import { keepsKeys, terraformName } from './property-names.ts';
import { dependenciesOf, propertyNoun, type ResourceIndex } from './references.ts';

/** Pulumi's stand-in for a value that is unknown during preview. */
export const UNKNOWN_PLACEHOLDER = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/**
 * The stand-ins of unknown values of other kinds, which policy packs see in
 * resource properties (boolean, number, list, asset, archive, object).
 */
const UNKNOWN_SENTINELS = new Set([
  UNKNOWN_PLACEHOLDER,
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7',
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421',
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2',
  '030794c1-ac77-496b-92df-f27374a8bd58',
  'e48ece36-62e2-4504-bad9-02848725956a',
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff',
]);

export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && UNKNOWN_SENTINELS.has(value);
}

/** The key that marks special objects of Pulumi's property encoding. Its value names the kind. */
const SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const SECRET = '1b47061264138c4ac30d75fd1eb44270';
const RESOURCE_REFERENCE = '5cf8f73096256a8f31e491e813e4eb8e';
const OUTPUT_VALUE = 'd0e6a833031e9bbcd3f4e8bde6ca49a4';

/** The position of a value: its top-level property, the nearest property name and the Terraform path. */
interface Place {
  top: string;
  leaf: string;
  path: string;
  /** Under `tags`: keys and values are data, never references. */
  data: boolean;
}

/**
 * Reads one resource's inputs into the body the mapping reads: Terraform
 * names, Pulumi's placeholder as an Unknown, and references to other
 * resources as Unknowns that name them. One unknown value stays where it is;
 * the values around it remain known.
 */
export class BodyReader {
  constructor(
    private readonly resource: PulumiResource,
    private readonly terraformType: string,
    private readonly address: string,
    private readonly index: ResourceIndex,
  ) {}

  body(location: SourceLocation): EvaluatedBody {
    const attributes: Record<string, EvaluatedAttribute> = {};
    for (const [property, raw] of Object.entries(this.resource.inputs)) {
      if (property.startsWith('__')) continue; // `__defaults` and other engine bookkeeping
      const name = terraformName(property, this.terraformType);
      const place: Place = { top: property, leaf: property, path: name, data: keepsKeys(property) };
      attributes[name] = { value: this.value(raw, place), location };
    }
    return { attributes, blocks: [] };
  }

  private value(raw: unknown, place: Place): Value {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'boolean' || typeof raw === 'number') return raw;
    if (typeof raw === 'string') return this.text(raw, place);
    if (Array.isArray(raw)) return this.list(raw, place);
    if (isRecord(raw) && SIGNATURE_KEY in raw) return this.special(raw, place);
    if (isRecord(raw)) return this.object(raw, place);
    return new Unknown('a value Pulumi wrote in a form zoneguard does not read', place.path);
  }

  private object(raw: Record<string, unknown>, place: Place): Value {
    const result: { [key: string]: Value } = {};
    for (const [key, item] of Object.entries(raw)) {
      const name = place.data ? key : terraformName(key, this.terraformType);
      result[name] = this.value(item, { ...place, leaf: place.data ? place.leaf : key, path: `${place.path}.${name}` });
    }
    return result;
  }

  /**
   * Reads a list. When it refers to several resources (`vpcSecurityGroupIds`)
   * through placeholders or ids the file does not define, it matches them to
   * the property's dependencies in order, if their numbers agree.
   */
  private list(raw: unknown[], place: Place): Value {
    const linkable = raw.map((item) => this.needsDependency(item, place));
    const count = linkable.filter(Boolean).length;
    const targets = count > 1 ? this.dependencyTargets(place) : [];
    let next = 0;
    return raw.map((item, i) => {
      const at = { ...place, path: `${place.path}[${i}]` };
      if (!linkable[i] || targets.length !== count) return this.value(item, at);
      return referenceUnknown(targets[next++]!);
    });
  }

  /** Tells whether an item is a placeholder, or a reference string whose id or ARN no resource of the file has. */
  private needsDependency(item: unknown, place: Place): boolean {
    if (isPlaceholder(item)) return true;
    if (typeof item !== 'string' || place.data || propertyNoun(place.leaf) === undefined) return false;
    return this.knownReference(item, place) === undefined;
  }

  private text(raw: string, place: Place): Value {
    if (isPlaceholder(raw)) return this.placeholder(place);
    if (place.data || raw === '[secret]') {
      return raw === '[secret]' ? new Unknown('a secret that Pulumi does not show', `${this.address}.${place.path}`) : raw;
    }
    const ref = this.knownReference(raw, place) ?? this.dependencyTargets(place)[0];
    if (ref === undefined) return raw;
    return new Unknown(`the ${ref.attribute} of ${ref.address}`, `${ref.address}.${ref.attribute}`, ref);
  }

  /** Finds the resource whose id or ARN a string is, or which a `...Name` property names. */
  private knownReference(raw: string, place: Place): ResourceRef | undefined {
    const own = place.top === place.leaf && ['id', 'arn', 'name'].includes(place.top);
    if (own) return undefined;
    const byValue = this.index.byKnownValue(raw);
    if (byValue !== undefined) return byValue.address === this.address ? undefined : byValue;
    const noun = propertyNoun(place.leaf);
    return noun?.attribute === 'name' ? this.index.byKnownName(raw, noun.noun) : undefined;
  }

  private placeholder(place: Place): Value {
    const [target] = this.dependencyTargets(place);
    if (target !== undefined) return referenceUnknown(target);
    return new Unknown('unknown during preview (Pulumi computes it on update)', `${this.address}.${place.path}`);
  }

  /**
   * Finds the resources a value was computed from: the dependencies of its
   * top-level property whose type fits the property's name (`vpcId` → a VPC).
   * A lone dependency of a top-level reference property counts even when its
   * type does not fit (`allocationId` → an Elastic IP). Placeholders of a
   * preview and ids that CrossGuard shows without their resources' ids both
   * find their resource this way.
   */
  private dependencyTargets(place: Place): ResourceRef[] {
    const noun = propertyNoun(place.leaf);
    if (noun === undefined || place.data) return [];
    const addresses = dependenciesOf(this.resource, place.top).map((urn) => this.index.address(urn));
    const fitting = addresses.filter((address) => this.index.fits(address, noun.noun));
    let chosen = fitting;
    if (chosen.length === 0 && place.top === place.leaf && addresses.length === 1) chosen = addresses;
    return chosen.map((address) => ({ address, attribute: noun.attribute }));
  }

  /** Secrets, resource references and output values of Pulumi's property encoding. */
  private special(raw: Record<string, unknown>, place: Place): Value {
    const kind = raw[SIGNATURE_KEY];
    if (kind === SECRET && 'value' in raw) return this.value(raw['value'], place);
    if (kind === SECRET && typeof raw['plaintext'] === 'string') return this.value(parsePlaintext(raw['plaintext']), place);
    if (kind === SECRET) return new Unknown('a secret that the file holds encrypted', `${this.address}.${place.path}`);
    if (kind === RESOURCE_REFERENCE && typeof raw['urn'] === 'string') {
      return referenceUnknown({ address: this.index.address(raw['urn']), attribute: 'id' });
    }
    if (kind === OUTPUT_VALUE && 'value' in raw) return this.value(raw['value'], place);
    return new Unknown('unknown during preview (Pulumi computes it on update)', `${this.address}.${place.path}`);
  }
}

function referenceUnknown(ref: ResourceRef): Unknown {
  return new Unknown('computed by the provider', `${ref.address}.${ref.attribute}`, ref);
}

function parsePlaintext(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

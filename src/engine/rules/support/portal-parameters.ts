import { ZONE_KINDS, type ZoneKind } from '../../../model/types.ts';
import type { RuleMeta } from '../../types.ts';
import type { PortListEntry } from './portal-database.ts';

/**
 * Typed readers for the parameters of the portal and routing rules. The pack
 * schema does not type parameter values, so a value of the wrong shape is an
 * error naming the rule and the parameter; the engine reports a rule that
 * throws as a `rule-error` diagnostic.
 */

function invalid(meta: RuleMeta, name: string, expected: string): Error {
  return new TypeError(
    `Parameter ${name} of rule ${meta.id} must be ${expected}; fix it in .zoneguard.yml or the pack.`,
  );
}

export function stringListParameter(meta: RuleMeta, name: string): string[] {
  const value = meta.parameters[name];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw invalid(meta, name, 'a list of strings');
  }
  return value;
}

export function zoneListParameter(meta: RuleMeta, name: string): ZoneKind[] {
  const words = stringListParameter(meta, name);
  const zones = ZONE_KINDS as readonly string[];
  if (!words.every((word) => zones.includes(word))) {
    throw invalid(meta, name, `a list of zone kinds (${ZONE_KINDS.join(', ')})`);
  }
  return words as ZoneKind[];
}

export function booleanParameter(meta: RuleMeta, name: string): boolean {
  const value = meta.parameters[name];
  if (typeof value !== 'boolean') throw invalid(meta, name, 'true or false');
  return value;
}

export function portListParameter(meta: RuleMeta, name: string): PortListEntry[] {
  const value = meta.parameters[name];
  const valid =
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as PortListEntry).protocol === 'string' &&
        ['string', 'number'].includes(typeof (item as PortListEntry).ports),
    );
  if (!valid) throw invalid(meta, name, 'a list of { protocol, ports } entries');
  return value as PortListEntry[];
}

/** The parameters among `names` that are zoneguard's defaults, for `restsOn`. */
export function defaultsAmong(meta: RuleMeta, names: readonly string[]): string[] {
  return names.filter((name) => meta.defaultParameters.includes(name));
}

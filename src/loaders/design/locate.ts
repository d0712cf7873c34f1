import type { Origin, SourceLocation } from '../../model/location.ts';
import { pointerSegment, type YamlPositionMap } from '../../engine/pack/yaml-positions.ts';
import type { OriginOf } from './types.ts';

/** Nested fields deeper than this below a node are not given attribute locations. */
const ATTRIBUTE_DEPTH = 3;

/**
 * Builds origins for design-file nodes. The address is the dotted path
 * (`sites.dc.zones.dmz`), the location is the node's key, and `attributes`
 * holds the keys below it (`cidrs`, `cidrs[0]`, `power.lines`), so a finding
 * can point at the field that decides it.
 */
export function originFactory(file: string, document: unknown, positions: YamlPositionMap): OriginOf {
  return (path) => {
    const attributes: Record<string, SourceLocation> = {};
    collectAttributes(nodeAt(document, path), path, '', ATTRIBUTE_DEPTH, attributes, file, positions);
    return {
      address: addressOf(path),
      location: locationOf(file, positions, path),
      attributes,
      moduleCalls: [],
    };
  };
}

/** `['sites', 'dc', 'policies', 0, 'rules', 2]` → `sites.dc.policies[0].rules[2]`. */
export function addressOf(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

function locationOf(
  file: string,
  positions: YamlPositionMap,
  path: readonly (string | number)[],
): SourceLocation {
  const pointer = path.map((segment) => `/${pointerSegment(String(segment))}`).join('');
  const { line, column } = positions.locate(pointer);
  const last = path[path.length - 1];
  const width = typeof last === 'string' ? Math.max(last.length, 1) : 1;
  return {
    file,
    range: { startLine: line, startColumn: column, endLine: line, endColumn: column + width },
  };
}

function nodeAt(document: unknown, path: readonly (string | number)[]): unknown {
  let node = document;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function collectAttributes(
  node: unknown,
  base: readonly (string | number)[],
  prefix: string,
  depth: number,
  into: Record<string, SourceLocation>,
  file: string,
  positions: YamlPositionMap,
): void {
  if (depth === 0 || node === null || typeof node !== 'object') return;
  const entries: Array<[string | number, unknown]> = Array.isArray(node)
    ? node.map((item, index) => [index, item])
    : Object.entries(node);
  for (const [key, child] of entries) {
    const name = typeof key === 'number' ? `${prefix}[${key}]` : prefix === '' ? key : `${prefix}.${key}`;
    const path = [...base, key];
    into[name] = locationOf(file, positions, path);
    collectAttributes(child, path, name, depth - 1, into, file, positions);
  }
}

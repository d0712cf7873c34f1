import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PolicyConfigSchema } from '@pulumi/policy';

const CONFIG_SCHEMA = fileURLToPath(new URL('../../../../policies/schema/config.schema.json', import.meta.url));

/**
 * The `.zoneguard.yml` options a policy takes as CrossGuard config. Waivers
 * are left out: CrossGuard has its own way to turn a policy off for a stack.
 */
const OPTIONS = ['profiles', 'zones', 'rules', 'severityThreshold', 'failOnUnknown'] as const;

/**
 * The config schema of the zoneguard policies: the options of `.zoneguard.yml`,
 * from its JSON schema with `$ref`s written out, because each policy's schema
 * must be self-contained.
 */
export function policyConfigSchema(): PolicyConfigSchema {
  const schema = JSON.parse(readFileSync(CONFIG_SCHEMA, 'utf8')) as {
    properties: Record<string, unknown>;
    definitions?: Record<string, unknown>;
  };
  const definitions = schema.definitions ?? {};
  const properties: Record<string, unknown> = {};
  for (const name of OPTIONS) {
    if (schema.properties[name] !== undefined) properties[name] = inline(schema.properties[name], definitions);
  }
  return { properties: properties as PolicyConfigSchema['properties'] };
}

function inline(node: unknown, definitions: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(item, definitions));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    return inline(definitions[ref.slice('#/definitions/'.length)], definitions);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value, definitions)]));
}

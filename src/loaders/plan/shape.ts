import { Ajv, type ErrorObject } from 'ajv';

/**
 * The structure the plan loader relies on, checked before any of it is read:
 * Terraform omits empty sections, but a section that is present must have the
 * type the JSON output format documents. Values inside resources are left
 * open, because they follow each provider's schema.
 */
const resource = {
  type: 'object',
  required: ['address', 'type', 'name'],
  properties: {
    address: { type: 'string' },
    mode: { enum: ['managed', 'data'] },
    type: { type: 'string' },
    name: { type: 'string' },
    values: { type: ['object', 'null'] },
  },
};

const plannedModule = {
  type: 'object',
  properties: {
    resources: { type: 'array', items: resource },
    child_modules: { type: 'array', items: { $ref: '#/$defs/plannedModule' } },
  },
};

const change = {
  type: 'object',
  properties: {
    actions: { type: 'array', items: { type: 'string' } },
  },
};

const configModule = {
  type: 'object',
  properties: {
    resources: { type: 'array', items: { type: 'object', required: ['address'] } },
    module_calls: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { module: { $ref: '#/$defs/configModule' } },
      },
    },
  },
};

const PLAN_SCHEMA = {
  type: 'object',
  required: ['format_version'],
  $defs: { plannedModule, configModule },
  properties: {
    format_version: { type: 'string' },
    planned_values: {
      type: 'object',
      properties: { root_module: { $ref: '#/$defs/plannedModule' } },
    },
    resource_changes: {
      type: 'array',
      items: { ...resource, properties: { ...resource.properties, change } },
    },
    configuration: {
      type: 'object',
      properties: { root_module: { $ref: '#/$defs/configModule' } },
    },
    prior_state: {
      type: 'object',
      properties: {
        values: {
          type: 'object',
          properties: { root_module: { $ref: '#/$defs/plannedModule' } },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: false, strict: false }).compile(PLAN_SCHEMA);

/**
 * Returns a sentence naming the first part of `document` that does not have
 * the documented shape, or undefined when the shape is right.
 */
export function planShapeProblem(document: unknown): string | undefined {
  if (validate(document)) return undefined;
  const error: ErrorObject | undefined = validate.errors?.[0];
  if (error === undefined) return 'does not have the structure of a plan';
  const where = error.instancePath === '' ? 'the document' : `\`${error.instancePath.slice(1).replaceAll('/', '.')}\``;
  return `does not have the structure of a plan: ${where} ${error.message ?? 'is invalid'}`;
}

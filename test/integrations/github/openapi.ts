import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks requests against GitHub's published OpenAPI description
 * (`@octokit/openapi`, `generated/api.github.com.json`): the operation must
 * exist, path and query parameters must match their schemas, no unknown query
 * parameter may appear, and a JSON body must match the request body schema.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: false });
  private readonly routes: Array<{ template: string; pattern: RegExp; literals: number }>;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(document as object, 'gh');
    this.routes = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      literals: template.split('/').filter((part) => part !== '' && !part.startsWith('{')).length,
    }));
  }

  static load(): OpenApiValidator {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    return new OpenApiValidator(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }

  /** Returns the problems with one request; an empty list means GitHub would accept its shape. */
  validate(method: string, path: string, query: URLSearchParams, body: unknown): string[] {
    const route = this.routes
      .filter((candidate) => candidate.pattern.test(path))
      .sort((a, b) => b.literals - a.literals)[0];
    const operation = route ? this.document.paths[route.template]?.[method.toLowerCase()] : undefined;
    if (!route || !operation) return [`${method} ${path} is no operation of the GitHub REST API`];
    const problems: string[] = [];
    const values = route.pattern.exec(path)!.slice(1).map(decodeURIComponent);
    const names = Array.from(route.template.matchAll(/\{([^}]+)\}/g), (match) => match[1]!);
    const parameters = (operation.parameters ?? []).map((parameter) => this.resolve(parameter));
    names.forEach((name, index) => problems.push(...this.checkParameter(parameters, 'path', name, values[index]!)));
    for (const [name, value] of query) problems.push(...this.checkParameter(parameters, 'query', name, value));
    if (operation.requestBody) problems.push(...this.checkBody(route.template, method, body));
    else if (body !== undefined) problems.push(`${method} ${route.template} takes no body`);
    return problems.map((problem) => `${method} ${path}: ${problem}`);
  }

  private checkParameter(parameters: Parameter[], where: string, name: string, raw: string): string[] {
    const parameter = parameters.find((candidate) => candidate.in === where && candidate.name === name);
    if (!parameter) return [`unknown ${where} parameter ${name}`];
    const schema = parameter.schema ?? {};
    const value = schema.type === 'integer' || schema.type === 'number' ? Number(raw) : raw;
    const validate = this.ajv.compile(schema);
    return validate(value) ? [] : [`${where} parameter ${name}=${raw}: ${this.ajv.errorsText(validate.errors)}`];
  }

  private checkBody(template: string, method: string, body: unknown): string[] {
    const pointer = `gh#/paths/${escape(template)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
    let validate = this.cache.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: pointer });
      this.cache.set(pointer, validate);
    }
    return validate(body) ? [] : [`body: ${this.ajv.errorsText(validate.errors)}`];
  }

  private resolve(parameter: Parameter | { $ref: string }): Parameter {
    if (!('$ref' in parameter)) return parameter;
    const name = parameter.$ref.replace('#/components/parameters/', '');
    return this.document.components.parameters[name]!;
  }
}

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Array<Parameter | { $ref: string }>; requestBody?: unknown }>>;
  components: { parameters: Record<string, Parameter> };
}

function escape(template: string): string {
  return template.replace(/~/g, '~0').replace(/\//g, '~1');
}

import { existsSync, readdirSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic } from '../../../diagnostics.ts';
import { Unknown } from '../../../model/unknown.ts';
import type { Block, ConfigFile, Expression } from '../ast.ts';
import type { TerraformLoadOptions, Value } from '../types.ts';
import { evaluate } from './expression.ts';
import { findAttribute } from './expansion.ts';
import { readJsonVariables } from './json-variable-file.ts';
import type { ModuleConfig } from './module-config.ts';
import type { Scope } from './scope.ts';
import type { GivenValue, VariableSource } from './variables.ts';

/** One value for a root variable from one source, before evaluation. */
type RootValue =
  | { kind: 'expression'; expression: Expression; location: ConfigFile['body']['attributes'][number]['location'] }
  | { kind: 'json'; value: Value; file: string }
  | { kind: 'unreadable'; file: string };

/** The values that tfvars files and options give to root variables; the last source wins. */
export interface RootVariableValues {
  values: Map<string, RootValue>;
  /** The variable files that were read. */
  files: ConfigFile[];
  diagnostics: Diagnostic[];
}

type Parse = (path: string, bytes?: Buffer) => Promise<ConfigFile>;

/**
 * Reads the variable values of the root module in Terraform's order of
 * precedence: `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`
 * and `*.auto.tfvars.json` by file name, then `varFiles` and `vars` in the
 * order given. A file that cannot be parsed may have set any variable, so it
 * makes every variable it could set unreadable until a later source sets it.
 */
export async function readRootVariableValues(root: string, config: ModuleConfig, options: TerraformLoadOptions, parse: Parse): Promise<RootVariableValues> {
  const result: RootVariableValues = { values: new Map(), files: [], diagnostics: [] };
  for (const path of automaticVariableFiles(root)) await readVariableFile(path, config, parse, result);
  for (const given of options.varFiles ?? []) await readVariableFile(varFilePath(root, given), config, parse, result);
  for (const { name, value } of options.vars ?? []) await readVarOption(name, value, config, parse, result);
  return result;
}

function automaticVariableFiles(root: string): string[] {
  const names = existsSync(root) ? readdirSync(root) : [];
  const automatic = names.filter((name) => name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')).sort();
  return ['terraform.tfvars', 'terraform.tfvars.json', ...automatic]
    .map((name) => join(root, name))
    .filter((path) => existsSync(path));
}

/** Resolves a relative `--var-file` against the working folder, as Terraform does, else against the root. */
function varFilePath(root: string, given: string): string {
  if (isAbsolute(given)) return given;
  const fromWorkingFolder = resolve(given);
  return existsSync(fromWorkingFolder) ? fromWorkingFolder : resolve(root, given);
}

async function readVariableFile(path: string, config: ModuleConfig, parse: Parse, result: RootVariableValues): Promise<void> {
  if (path.endsWith('.json')) {
    await readJsonVariableFile(path, config, result);
    return;
  }
  const file = await parse(path);
  result.files.push(file);
  result.diagnostics.push(...file.diagnostics);
  if (file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    markUnreadable(path, config, result);
    return;
  }
  for (const attribute of file.body.attributes) {
    if (!isDeclared(attribute.name, config, attribute.location, result)) continue;
    result.values.set(attribute.name, { kind: 'expression', expression: attribute.expression, location: attribute.location });
  }
}

/** JSON variable files hold plain JSON values, one property per variable. */
async function readJsonVariableFile(path: string, config: ModuleConfig, result: RootVariableValues): Promise<void> {
  const read = await readJsonVariables(path);
  if (read.diagnostic) {
    result.diagnostics.push(read.diagnostic);
    markUnreadable(path, config, result);
    return;
  }
  const parsed = read.value;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    result.diagnostics.push({ code: 'parse-error', severity: 'error', message: `${path} must contain a JSON object of variable values.`, location: { file: path } });
    markUnreadable(path, config, result);
    return;
  }
  for (const [name, value] of Object.entries(parsed as Record<string, Value>)) {
    if (isDeclared(name, config, { file: path }, result)) result.values.set(name, { kind: 'json', value, file: path });
  }
}

/**
 * `--var name=value`. Terraform takes the text literally for a variable
 * without a type or with a primitive type, and parses it as an HCL
 * expression for any other type (lists, maps, objects, `any`).
 */
async function readVarOption(name: string, text: string, config: ModuleConfig, parse: Parse, result: RootVariableValues): Promise<void> {
  const declaration = config.variables.get(name);
  const origin = `--var ${name}`;
  if (!declaration) {
    result.diagnostics.push({ code: 'evaluation-error', severity: 'error', message: `The option --var ${name}=… sets a variable that the root module does not declare.`, hint: 'Check the variable name.' });
    return;
  }
  if (takesLiteralText(declaration)) {
    result.values.set(name, { kind: 'json', value: text, file: origin });
    return;
  }
  const file = await parse(origin, Buffer.from(`${name} = ${text}\n`));
  result.diagnostics.push(...file.diagnostics);
  const attribute = file.body.attributes[0];
  if (!attribute || file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    result.values.set(name, { kind: 'unreadable', file: origin });
    return;
  }
  result.values.set(name, { kind: 'expression', expression: attribute.expression, location: attribute.location });
}

function takesLiteralText(declaration: Block): boolean {
  const type = findAttribute(declaration, 'type')?.expression;
  return !type || (type.kind === 'variable' && ['string', 'number', 'bool'].includes(type.name));
}

function markUnreadable(path: string, config: ModuleConfig, result: RootVariableValues): void {
  for (const name of config.variables.keys()) result.values.set(name, { kind: 'unreadable', file: path });
}

function isDeclared(name: string, config: ModuleConfig, location: Diagnostic['location'], result: RootVariableValues): boolean {
  if (config.variables.has(name)) return true;
  const diagnostic: Diagnostic = {
    code: 'evaluation-error',
    severity: 'warning',
    message: `A value is given for the variable "${name}", which the root module does not declare; it is ignored.`,
    hint: 'Remove the value or declare the variable.',
  };
  if (location) diagnostic.location = location;
  result.diagnostics.push(diagnostic);
  return false;
}

/** Creates the variable source of the root module. A tfvars expression may call functions but not refer to anything. */
export function rootVariableSource(values: RootVariableValues, constantScope: Scope): VariableSource {
  return (name: string): GivenValue => {
    const given = values.values.get(name);
    if (!given) return { kind: 'none' };
    switch (given.kind) {
      case 'expression':
        return { kind: 'given', value: () => evaluate(given.expression, constantScope), location: given.location };
      case 'json':
        return { kind: 'given', value: () => given.value, location: { file: given.file } };
      case 'unreadable':
        return { kind: 'given', value: () => new Unknown(`the variable file ${basename(given.file)} could not be parsed`, `var.${name}`) };
    }
  };
}

import { isAbsolute, join } from 'node:path';
import type { SourceLocation } from '../../../model/location.ts';
import { Unknown } from '../../../model/unknown.ts';
import { type FunctionContext, FunctionError } from '../functions/types.ts';
import { readFunctionFileSync } from '../parse/source-file.ts';
import type { Value } from '../types.ts';
import type { Evaluation } from './evaluation.ts';
import { Memo } from './evaluation.ts';
import { evaluate } from './expression.ts';
import { findAttribute } from './expansion.ts';
import { asValue, LazyObject } from './lazy.ts';
import { ModuleCallNode } from './module-call.ts';
import type { ModuleNode } from './module-tree.ts';
import { Namespace } from './namespace.ts';
import { ResourceNode } from './resource.ts';
import type { ModuleNames, Scope } from './scope.ts';
import { renderTemplateText } from './template-file.ts';
import { resolveVariable, type VariableSource } from './variables.ts';

/** The position of a module instance: its address and the calls that lead to it. */
export interface ModulePlacement {
  /** `''` for the root, `module.tenants["alpha"]` below it. */
  address: string;
  moduleCalls: string[];
  rootDir: string;
}

/**
 * One instance of a module: its variables, locals, resources, calls and
 * outputs, each evaluated once on first use. As a value (`module.m`) it is
 * the object of its outputs.
 */
export class ModuleInstance extends LazyObject implements ModuleNames {
  readonly scope: Scope;
  readonly resources: ResourceNode[] = [];
  readonly calls = new Map<string, ModuleCallNode>();
  readonly functionContext: FunctionContext;
  private readonly prefix: string;
  private readonly managed = new Map<string, Map<string, ResourceNode>>();
  private readonly data = new Map<string, Map<string, ResourceNode>>();
  private readonly memos = new Map<string, Memo<Value>>();
  private readonly roots: Map<string, Value>;

  constructor(
    readonly node: ModuleNode,
    readonly placement: ModulePlacement,
    private readonly variableSource: VariableSource,
    evaluation: Evaluation,
  ) {
    super();
    this.prefix = placement.address ? `${placement.address}.` : '';
    this.functionContext = functionContext(node.config.dir, evaluation);
    this.scope = { evaluation, names: this };
    this.roots = this.createRoots();
    this.createResources();
    for (const [name, block] of node.config.moduleCalls) {
      const target = node.calls.get(name) ?? { kind: 'not-followed', reason: 'the module was not read' };
      this.calls.set(name, new ModuleCallNode(name, block, this, target));
    }
  }

  get address(): string {
    return this.placement.address;
  }

  resolveRoot(name: string, location: SourceLocation): Value {
    const root = this.roots.get(name);
    if (root !== undefined) return root;
    return this.scope.evaluation.fail(location, `${name} is not a declared resource type or a known reference in ${this.describe()}.`);
  }

  /** Reads output `name` of this module instance, as `module.m.name` does. */
  getAttribute(name: string, location: SourceLocation): Value {
    if (!this.node.config.outputs.has(name)) {
      return this.scope.evaluation.fail(location, `${this.address} has no output named "${name}".`);
    }
    return this.output(name);
  }

  materialize(): Value {
    const outputs: Record<string, Value> = {};
    for (const name of this.node.config.outputs.keys()) outputs[name] = this.output(name);
    return outputs;
  }

  variable(name: string, location: SourceLocation): Value {
    const declaration = this.node.config.variables.get(name);
    if (!declaration) return this.scope.evaluation.fail(location, `var.${name} is not declared in ${this.describe()}.`);
    const label = `${this.prefix}var.${name}`;
    return this.memoised(label, declaration.location, () =>
      resolveVariable(declaration, label, this.variableSource(name), this.scope, this.constantScope()),
    );
  }

  local(name: string, location: SourceLocation): Value {
    const attribute = this.node.config.locals.get(name);
    if (!attribute) return this.scope.evaluation.fail(location, `local.${name} is not declared in ${this.describe()}.`);
    return this.memoised(`${this.prefix}local.${name}`, attribute.location, () => evaluate(attribute.expression, this.scope));
  }

  output(name: string): Value {
    const block = this.node.config.outputs.get(name);
    const value = block && findAttribute(block, 'value');
    if (!block || !value) return null;
    return this.memoised(`${this.prefix}output.${name}`, value.location, () => evaluate(value.expression, this.scope));
  }

  /** Evaluates every local and output, so that their errors are reported even when nothing reads them. */
  evaluateUnread(): void {
    for (const [name, attribute] of this.node.config.locals) this.local(name, attribute.location);
    for (const name of this.node.config.outputs.keys()) this.output(name);
  }

  private memoised(label: string, location: SourceLocation, compute: () => Value): Value {
    let memo = this.memos.get(label);
    if (!memo) {
      memo = new Memo<Value>();
      this.memos.set(label, memo);
    }
    return this.scope.evaluation.once(memo, label, location, compute, () => new Unknown('the value refers to itself', label));
  }

  /** Variable defaults and types cannot refer to anything, but may call functions. */
  private constantScope(): Scope {
    return { evaluation: this.scope.evaluation, names: constantNames(this.functionContext, this.scope.evaluation) };
  }

  private describe(): string {
    return this.address ? this.address : 'the root module';
  }

  private createRoots(): Map<string, Value> {
    const config = this.node.config;
    const roots = new Map<string, Value>();
    roots.set('var', asValue(new Namespace((name, at) => this.variable(name, at), () => config.variables.keys())));
    roots.set('local', asValue(new Namespace((name, at) => this.local(name, at), () => config.locals.keys())));
    roots.set('module', asValue(new Namespace((name, at) => this.moduleCall(name, at), () => this.calls.keys())));
    roots.set('data', asValue(new Namespace((type, at) => this.resourceType(this.data, type, 'data ', at), () => this.data.keys())));
    roots.set('path', { module: config.dir, root: this.placement.rootDir, cwd: this.placement.rootDir });
    roots.set('terraform', { workspace: 'default' });
    return roots;
  }

  private createResources(): void {
    const home = { prefix: this.prefix, moduleCalls: this.placement.moduleCalls, scope: this.scope };
    const declarations = [...this.node.config.resources.values(), ...this.node.config.dataSources.values()];
    for (const declaration of declarations) {
      const node = new ResourceNode(declaration, home);
      this.resources.push(node);
      const byType = declaration.mode === 'managed' ? this.managed : this.data;
      if (!byType.has(declaration.type)) byType.set(declaration.type, new Map());
      byType.get(declaration.type)?.set(declaration.name, node);
    }
    for (const type of this.managed.keys()) {
      if (this.roots.has(type)) continue;
      this.roots.set(type, asValue(new Namespace((name, at) => this.resourceType(this.managed, type, '', at, name), () => this.managed.get(type)?.keys() ?? [])));
    }
  }

  private resourceType(table: Map<string, Map<string, ResourceNode>>, type: string, kind: string, location: SourceLocation, name?: string): Value {
    const byName = table.get(type);
    if (name === undefined) {
      if (!byName) return this.scope.evaluation.fail(location, `No ${kind}resource of type ${type} is declared in ${this.describe()}.`);
      return asValue(new Namespace((inner, at) => this.resourceType(table, type, kind, at, inner), () => byName.keys()));
    }
    const node = byName?.get(name);
    if (!node) return this.scope.evaluation.fail(location, `The ${kind}resource ${type}.${name} is not declared in ${this.describe()}.`);
    return node.referenceValue();
  }

  private moduleCall(name: string, location: SourceLocation): Value {
    const call = this.calls.get(name);
    if (!call) return this.scope.evaluation.fail(location, `module.${name} is not declared in ${this.describe()}.`);
    return call.referenceValue();
  }
}

/** Names for expressions that may not refer to anything: defaults, types and tfvars values. */
export function constantNames(context: FunctionContext, evaluation: Evaluation): ModuleNames {
  return {
    functionContext: context,
    resolveRoot(name: string, location: SourceLocation): Value {
      return evaluation.fail(location, `${name} cannot be referred to here; only literal values and functions are allowed.`);
    },
  };
}

/** File access for `file()` and `templatefile()`, relative to the module folder. */
export function functionContext(moduleDir: string, evaluation: Evaluation): FunctionContext {
  const context: FunctionContext = {
    moduleDir,
    readFile(path: string): string {
      const full = isAbsolute(path) ? path : join(moduleDir, path);
      try {
        return readFunctionFileSync(full).toString('utf8');
      } catch (error) {
        const { code, message } = error as NodeJS.ErrnoException;
        throw new FunctionError(`the file ${full} could not be read (${code ?? message}).`);
      }
    },
    renderTemplate(text: string, variables: Record<string, Value>): Value {
      return renderTemplateText(text, variables, context, evaluation);
    },
  };
  return context;
}

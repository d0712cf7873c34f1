import { Unknown } from '../../../model/unknown.ts';
import type { Block } from '../ast.ts';
import type { Value } from '../types.ts';
import { Memo } from './evaluation.ts';
import { type Expansion, expandInstances, type InstanceKey } from './expansion.ts';
import { evaluate } from './expression.ts';
import { asValue } from './lazy.ts';
import { ModuleInstance } from './module-instance.ts';
import type { CallTarget } from './module-tree.ts';
import type { Scope } from './scope.ts';
import { instanceKeySuffix } from './values.ts';
import type { GivenValue } from './variables.ts';

/** Arguments of a `module` block that Terraform reads itself; the rest set input variables. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** A `module` block in one module instance, expanded into child instances on first use. */
export class ModuleCallNode {
  readonly address: string;
  private readonly expansionMemo = new Memo<Expansion>();
  private children?: ModuleInstance[];

  constructor(
    readonly name: string,
    readonly block: Block,
    readonly parent: ModuleInstance,
    readonly target: CallTarget,
  ) {
    this.address = `${parent.address ? `${parent.address}.` : ''}module.${name}`;
  }

  expansion(): Expansion {
    const scope = this.parent.scope;
    return scope.evaluation.once(
      this.expansionMemo,
      `${this.address} (count or for_each)`,
      this.block.location,
      () => expandInstances(this.block, this.address, scope),
      () => ({ kind: 'unknown' }),
    );
  }

  /** Creates the module instances of this call once; none when the module was not read. */
  instances(): ModuleInstance[] {
    if (this.children) return this.children;
    this.children = [];
    if (this.target.kind !== 'loaded') return this.children;
    const expansion = this.expansion();
    if (expansion.kind === 'unknown') return this.children;
    this.reportUndeclaredArguments();
    const keys: Array<InstanceKey | undefined> = expansion.kind === 'single' ? [undefined] : expansion.instances;
    this.children = keys.map((key) => this.createInstance(key));
    return this.children;
  }

  /** Returns the value of `module.name`: the outputs of one instance, or a list or map of them. */
  referenceValue(): Value {
    if (this.target.kind !== 'loaded') return new Unknown('output of a module that was not read', this.address);
    const expansion = this.expansion();
    if (expansion.kind === 'unknown') return new Unknown('the number of module instances is unknown', this.address);
    const instances = this.instances();
    if (expansion.kind === 'single') return asValue(instances[0] as ModuleInstance);
    if (expansion.kind === 'count') return instances.map(asValue);
    const byKey: Record<string, Value> = {};
    instances.forEach((instance, index) => {
      byKey[String(expansion.instances[index]?.key)] = asValue(instance);
    });
    return byKey;
  }

  private createInstance(key: InstanceKey | undefined): ModuleInstance {
    const node = (this.target as Extract<CallTarget, { kind: 'loaded' }>).node;
    const address = `${this.address}${instanceKeySuffix(key?.key)}`;
    let callerScope: Scope = this.parent.scope;
    if (key?.each) callerScope = { ...callerScope, each: key.each };
    if (key?.countIndex !== undefined) callerScope = { ...callerScope, countIndex: key.countIndex };
    const placement = {
      address,
      moduleCalls: [...this.parent.placement.moduleCalls, address],
      rootDir: this.parent.placement.rootDir,
    };
    const source = (name: string) => this.argument(name, callerScope);
    return new ModuleInstance(node, placement, source, callerScope.evaluation);
  }

  /** Returns the call argument that sets input variable `name`, evaluated where the call is written. */
  private argument(name: string, callerScope: Scope): GivenValue {
    if (MODULE_META_ARGUMENTS.has(name)) return { kind: 'none' };
    const attribute = this.block.body.attributes.find((candidate) => candidate.name === name);
    if (!attribute) return { kind: 'none' };
    return { kind: 'given', value: () => evaluate(attribute.expression, callerScope), location: attribute.location };
  }

  private reportUndeclaredArguments(): void {
    if (this.target.kind !== 'loaded') return;
    const variables = this.target.node.config.variables;
    for (const attribute of this.block.body.attributes) {
      if (MODULE_META_ARGUMENTS.has(attribute.name) || variables.has(attribute.name)) continue;
      this.parent.scope.evaluation.warn(
        attribute.location,
        `${this.address} sets "${attribute.name}", but the module declares no input variable of that name, so the argument is ignored.`,
        this.address,
      );
    }
  }
}


import type { SourceLocation } from '../../../model/location.ts';
import { Unknown } from '../../../model/unknown.ts';
import type { EvaluatedBlock, EvaluatedBody, ResourceInstance, Value } from '../types.ts';
import { evaluateResourceBody } from './body.ts';
import { Memo } from './evaluation.ts';
import { type Expansion, expandInstances, type InstanceKey } from './expansion.ts';
import { asValue, LazyObject } from './lazy.ts';
import type { ResourceDeclaration } from './module-config.ts';
import type { Scope } from './scope.ts';
import { computedByProvider, readFromDataSource } from './unknowns.ts';
import { instanceKeySuffix } from './values.ts';

/** The module instance a resource is declared in: its address prefix, calls and scope. */
export interface ResourceHome {
  /** `''` in the root module, `module.a["x"].` below it. */
  prefix: string;
  moduleCalls: string[];
  scope: Scope;
}

/** A `resource` or `data` block in one module instance, expanded on first use. */
export class ResourceNode {
  readonly address: string;
  private readonly expansionMemo = new Memo<Expansion>();
  private instanceNodes?: ResourceInstanceNode[];

  constructor(
    readonly declaration: ResourceDeclaration,
    readonly home: ResourceHome,
  ) {
    const { mode, type, name } = declaration;
    this.address = `${home.prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  }

  expansion(): Expansion {
    const block = this.declaration.block;
    return this.home.scope.evaluation.once(
      this.expansionMemo,
      `${this.address} (count or for_each)`,
      block.location,
      () => expandInstances(block, this.address, this.home.scope),
      () => ({ kind: 'unknown' }),
    );
  }

  instances(): ResourceInstanceNode[] {
    if (this.instanceNodes) return this.instanceNodes;
    const expansion = this.expansion();
    let keys: Array<InstanceKey | undefined> = [];
    if (expansion.kind === 'single') keys = [undefined];
    else if (expansion.kind !== 'unknown') keys = expansion.instances;
    this.instanceNodes = keys.map((key) => new ResourceInstanceNode(this, key));
    return this.instanceNodes;
  }

  /** Returns the value of `type.name`: one instance, a list (count) or a map (for_each) of instances. */
  referenceValue(): Value {
    const expansion = this.expansion();
    const instances = this.instances();
    if (expansion.kind === 'unknown') return new Unknown('the number of instances is unknown', this.address);
    if (expansion.kind === 'single') return asValue(instances[0] as ResourceInstanceNode);
    if (expansion.kind === 'count') return instances.map(asValue);
    const byKey: Record<string, Value> = {};
    for (const instance of instances) byKey[String(instance.key)] = asValue(instance);
    return byKey;
  }
}

/** One instance of a resource; its body is evaluated once, when first needed. */
export class ResourceInstanceNode extends LazyObject {
  readonly address: string;
  readonly key?: number | string;
  readonly bodyMemo = new Memo<EvaluatedBody>();
  private readonly scope: Scope;

  constructor(
    readonly resource: ResourceNode,
    instanceKey: InstanceKey | undefined,
  ) {
    super();
    this.address = `${resource.address}${instanceKeySuffix(instanceKey?.key)}`;
    this.scope = resource.home.scope;
    if (instanceKey) {
      this.key = instanceKey.key;
      this.scope = { ...this.scope };
      if (instanceKey.each) this.scope = { ...this.scope, each: instanceKey.each };
      if (instanceKey.countIndex !== undefined) this.scope = { ...this.scope, countIndex: instanceKey.countIndex };
    }
  }

  body(): EvaluatedBody {
    const block = this.resource.declaration.block;
    return this.scope.evaluation.once(
      this.bodyMemo,
      this.address,
      block.location,
      () => evaluateResourceBody(block.body, this.scope, this.address),
      () => ({ attributes: {}, blocks: [] }),
    );
  }

  /**
   * Reads an attribute: a configured one gives its value and a nested block
   * type gives the list of its blocks. Anything else is computed by the
   * provider. Every attribute of a data source is read at plan time, so it is Unknown.
   */
  getAttribute(name: string, _location: SourceLocation): Value {
    if (this.resource.declaration.mode === 'data') return readFromDataSource(this.address, name);
    const body = this.body();
    const attribute = body.attributes[name];
    if (attribute) return attribute.value;
    const blocks = body.blocks.filter((block) => block.type === name);
    if (blocks.length > 0) return blocks.map(blockValue);
    return computedByProvider(this.address, name);
  }

  materialize(): Value {
    if (this.resource.declaration.mode === 'data') {
      return new Unknown('read from a data source at plan time', this.address);
    }
    const value = bodyValue(this.body()) as Record<string, Value>;
    value['id'] ??= computedByProvider(this.address, 'id');
    return value;
  }

  toResourceInstance(): ResourceInstance {
    const { declaration, home } = this.resource;
    const instance: ResourceInstance = {
      address: this.address,
      mode: declaration.mode,
      type: declaration.type,
      name: declaration.name,
      moduleCalls: home.moduleCalls,
      location: declaration.block.location,
      body: this.body(),
    };
    if (this.key !== undefined) instance.key = this.key;
    const localAddress = `${declaration.mode === 'data' ? 'data.' : ''}${declaration.type}.${declaration.name}`;
    const constructPath = declaration.file.constructPaths?.[localAddress];
    if (constructPath !== undefined) instance.constructPath = constructPath;
    return instance;
  }
}

function bodyValue(body: EvaluatedBody): Value {
  const value: Record<string, Value> = {};
  for (const [name, attribute] of Object.entries(body.attributes)) value[name] = attribute.value;
  for (const block of body.blocks) {
    const list = (value[block.type] ??= []) as Value[];
    list.push(blockValue(block));
  }
  return value;
}

function blockValue(block: EvaluatedBlock): Value {
  return bodyValue(block.body);
}

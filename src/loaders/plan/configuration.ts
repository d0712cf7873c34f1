import type { ConfigExpression, ConfigModule, ConfigResource, ModuleCall, PlanDocument } from './document.ts';
import { isRecord } from './document.ts';
import type { PathStep } from './values.ts';

/**
 * The `configuration` section of a plan: the expressions as written, by module
 * path. Expressions that read other objects carry `references`, which is how
 * a value unknown until apply still names the resource it comes from.
 */
export class PlanConfiguration {
  private readonly root: ConfigModule | undefined;

  constructor(plan: PlanDocument) {
    this.root = plan.configuration?.root_module;
  }

  get present(): boolean {
    return this.root !== undefined;
  }

  /** The module at a path of module call names (`['net', 'tier']`). */
  module(names: readonly string[]): ConfigModule | undefined {
    let module = this.root;
    for (const name of names) module = module?.module_calls?.[name]?.module;
    return module;
  }

  /** The module call `names` ends with, as written in its parent. */
  call(names: readonly string[]): ModuleCall | undefined {
    const name = names.at(-1);
    return name === undefined ? undefined : this.module(names.slice(0, -1))?.module_calls?.[name];
  }

  resource(names: readonly string[], resource: string): ConfigResource | undefined {
    return this.module(names)?.resources?.find((candidate) => candidate.address === resource);
  }

  /**
   * The expression that sets the value at `path`: the deepest one written. An
   * attribute written as one expression (`ingress = [...]`, or block syntax that
   * Terraform records as one) covers every value below it.
   */
  expressionAt(resource: ConfigResource | undefined, path: readonly PathStep[]): ConfigExpression | undefined {
    let current: unknown = resource?.expressions;
    let found: ConfigExpression | undefined;
    for (const step of path) {
      if (Array.isArray(current) && typeof step === 'number') current = current[step];
      else if (isRecord(current) && typeof step === 'string') current = current[step];
      else break;
      if (isExpression(current)) {
        found = current;
        break;
      }
    }
    return found;
  }
}

function isExpression(value: unknown): value is ConfigExpression {
  return isRecord(value) && ('references' in value || 'constant_value' in value);
}

import type { Diagnostic } from '../../diagnostics.ts';
import type { ZoneguardConfig } from '../../engine/config.ts';
import type { InfrastructureModel } from '../types.ts';

/**
 * The phases of linking, in the order they run. `attach` puts separate
 * resources into their parents (a rule into its group, a route into its
 * table) and creates implicit objects; `resolve` turns references into model
 * ids; `derive` computes facts that need resolved links (a database's segments
 * from its subnet group, the role of a load balancer target).
 */
export type LinkPhase = 'attach' | 'resolve' | 'derive';
const LINK_PHASES: readonly LinkPhase[] = ['attach', 'resolve', 'derive'];

/** The kind of model object an id names. */
export type ObjectKind =
  | 'site'
  | 'segment'
  | 'host'
  | 'firewall-set'
  | 'route-table'
  | 'gateway'
  | 'target-group'
  | 'volume';

/**
 * The state shared by provider mappings while one model is built. Mappings add
 * objects to `model` as they read each resource; steps that need every object
 * of the model are queued with `afterMapping` and run by phase.
 */
export class MappingContext {
  readonly model: InfrastructureModel;
  readonly config: ZoneguardConfig | undefined;
  private readonly linkSteps = new Map<LinkPhase, Array<() => void>>();
  private readonly lookups = new Map<string, Map<string, unknown>>();
  private indexed = { size: -1, kinds: new Map<string, ObjectKind>() };

  constructor(model: InfrastructureModel, config?: ZoneguardConfig) {
    this.model = model;
    this.config = config;
  }

  diagnose(diagnostic: Diagnostic): void {
    this.model.diagnostics.push(diagnostic);
  }

  afterMapping(phase: LinkPhase, step: () => void): void {
    const steps = this.linkSteps.get(phase) ?? [];
    steps.push(step);
    this.linkSteps.set(phase, steps);
  }

  /** Runs the queued steps phase by phase; a step may queue steps of a later phase. */
  runLinkSteps(): void {
    for (const phase of LINK_PHASES) {
      const steps = this.linkSteps.get(phase) ?? [];
      for (let i = 0; i < steps.length; i++) steps[i]!();
      this.linkSteps.delete(phase);
    }
  }

  /**
   * A named table of provider objects that are not model objects themselves
   * (a DB subnet group, an EIP), keyed by resource address.
   */
  lookup<T>(name: string): Map<string, T> {
    let table = this.lookups.get(name);
    if (table === undefined) {
      table = new Map();
      this.lookups.set(name, table);
    }
    return table as Map<string, T>;
  }

  /** The kind of the model object with this id, or undefined when there is none. */
  kindOf(id: string): ObjectKind | undefined {
    return this.objectIndex().get(id);
  }

  /** Rebuilt whenever objects were added since the last call, so implicit objects count. */
  private objectIndex(): Map<string, ObjectKind> {
    const model = this.model;
    const groups: Array<[ObjectKind, Array<{ id: string }>]> = [
      ['site', model.sites],
      ['segment', model.segments],
      ['host', model.hosts],
      ['firewall-set', model.firewallSets],
      ['route-table', model.routeTables],
      ['gateway', model.gateways],
      ['target-group', model.targetGroups],
      ['volume', model.volumes],
    ];
    const size = groups.reduce((total, [, objects]) => total + objects.length, 0);
    if (size === this.indexed.size) return this.indexed.kinds;
    const kinds = new Map<string, ObjectKind>();
    for (const [kind, objects] of groups) {
      for (const object of objects) kinds.set(object.id, kind);
    }
    this.indexed = { size, kinds };
    return kinds;
  }
}

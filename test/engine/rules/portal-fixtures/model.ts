import type { Flow, FlowSource, Reachability } from '../../../../src/analysis/reachability/types.ts';
import { loadRulePack } from '../../../../src/engine/registry.ts';
import { runRules } from '../../../../src/engine/run.ts';
import type { Finding } from '../../../../src/engine/types.ts';
import type { Origin, SourceLocation } from '../../../../src/model/location.ts';
import {
  emptyModel,
  type Host,
  type InfrastructureModel,
  type Segment,
  type ZoneKind,
} from '../../../../src/model/types.ts';

/**
 * Hand-built models for the portal and routing rules, so that rule logic is
 * tested before and apart from the loader and the AWS mapping. Every origin
 * points into one fictional file, one line per attribute.
 */

export const FILE = '/scan/main.tf';

export function at(line: number): SourceLocation {
  return { file: FILE, range: { startLine: line, startColumn: 3, endLine: line, endColumn: 30 } };
}

export function originOf(address: string, line: number, attributes: Record<string, number> = {}): Origin {
  const located: Record<string, SourceLocation> = {};
  for (const [path, attributeLine] of Object.entries(attributes)) located[path] = at(attributeLine);
  return { address, location: at(line), attributes: located, moduleCalls: [] };
}

export function segment(id: string, zone: ZoneKind | undefined, options: Partial<Segment> = {}): Segment {
  const candidates = zone === undefined ? [] : [{ zone, source: 'tag' as const, evidence: `tag Zone = "${zone}"` }];
  return {
    id,
    name: id,
    cidrs: [],
    zone: zone === undefined ? { candidates } : { zone, candidates },
    mapPublicIp: false,
    tags: {},
    origin: originOf(id, 1),
    ...options,
  };
}

export function host(id: string, kind: Host['kind'], options: Partial<Host> = {}): Host {
  return {
    id,
    name: id,
    kind,
    segmentIds: [],
    firewallSetIds: [],
    addresses: [],
    publicAddress: false,
    roles: [],
    services: [],
    sourceDestCheck: true,
    tags: {},
    origin: originOf(id, 10),
    ...options,
  };
}

export function database(id: string, options: Partial<Host> = {}): Host {
  return host(id, 'database', {
    database: { engine: 'postgres', port: 5432, publiclyAccessible: false, publiclyAccessibleSource: 'default' },
    ...options,
  });
}

export function flowTo(hostId: string, source: FlowSource, ruleId: string, ports = [{ from: 5432, to: 5432 }]): Flow {
  return {
    source,
    target: { kind: 'host', hostId },
    ruleId,
    protocol: 'tcp',
    ports,
    outsidePath: 'unknown',
    evidence: [],
  };
}

export function modelWith(parts: Partial<InfrastructureModel>): InfrastructureModel {
  return { ...emptyModel(), ...parts };
}

export function noFlows(): Reachability {
  return { flows: [], unevaluated: [], matrix: [] };
}

/** Runs one rule of the real pack over a hand-built model, in strict mode. */
export async function runRule(
  ruleId: string,
  model: InfrastructureModel,
  reachability: Reachability = noFlows(),
): Promise<Finding[]> {
  const pack = await loadRulePack();
  const output = runRules({ model, reachability, pack, language: 'en', ruleIds: [ruleId], strict: true });
  return output.findings;
}

import type { MatrixCell } from '../../analysis/reachability/types.ts';
import type { ScanResult, SiteMatrix } from '../../engine/result.ts';
import { ZONE_KINDS } from '../../model/types.ts';
import type { ZoneListingSite } from '../../model/zones/listing.ts';
import { describeServices } from './services.ts';
import { violationsByFirewallRule } from './violations.ts';

/** A node of the zone diagram: a zone kind, address space no zone claims, or the outside. */
export type ZoneNode = MatrixCell['from'] | MatrixCell['to'];

/** Nodes drawn once for the whole diagram, outside every site. */
export const OUTSIDE_NODES = ['internet', 'outside'] as const;

/** Zone nodes in the order the regulation lists the zones. */
const NODE_ORDER: readonly ZoneNode[] = [...OUTSIDE_NODES, ...ZONE_KINDS, 'unclassified'];

/** An allowed flow between two nodes, with the rules it breaks. */
export interface ZoneEdge {
  from: ZoneNode;
  to: ZoneNode;
  /** The open services, sorted: `tcp 22, 443; udp 53`. */
  services: string;
  /** Ids of the zoning rules whose failing findings name a firewall rule of this flow, sorted. */
  violations: string[];
}

export interface SiteGraph {
  site: string;
  /** Zone nodes inside the site, in regulation order. */
  zones: ZoneNode[];
  edges: ZoneEdge[];
}

/** The nodes and edges of the diagram, sorted so the output is deterministic. */
export interface ZoneGraph {
  /** `internet` always, and `outside` when a flow comes from a narrower outside range. */
  outside: ZoneNode[];
  sites: SiteGraph[];
}

export interface DiagramOptions {
  /** Draw only this site (its id as `zoneguard zones` lists it); every site by default. */
  site?: string;
}

/** Thrown when `--site` names a site the scan did not find. */
export class UnknownSiteError extends Error {
  constructor(
    readonly site: string,
    readonly known: string[],
  ) {
    super(`Site ${site} was not found; the scanned sites are: ${known.join(', ') || '(none)'}.`);
  }
}

/** Builds the diagram's graph from a scan result's zones, matrix and findings. */
export function buildZoneGraph(result: ScanResult, options: DiagramOptions = {}): ZoneGraph {
  const violations = violationsByFirewallRule(result);
  const sites = siteNames(result)
    .filter((site) => options.site === undefined || site === options.site)
    .map((site) => siteGraph(site, result, violations));
  if (options.site !== undefined && sites.length === 0) {
    throw new UnknownSiteError(options.site, siteNames(result));
  }
  const sources = new Set(sites.flatMap((site) => site.edges.map((edge) => edge.from)));
  const outside = OUTSIDE_NODES.filter((node) => node === 'internet' || sources.has(node));
  return { outside, sites };
}

/** Site ids of every root module, sorted, without duplicates. */
export function siteNames(result: ScanResult): string[] {
  const names = new Set<string>();
  for (const site of result.zones ?? []) names.add(site.site);
  for (const matrix of result.matrix ?? []) names.add(matrix.site);
  return [...names].sort();
}

function siteGraph(site: string, result: ScanResult, violations: Map<string, Set<string>>): SiteGraph {
  const cells = mergeCells((result.matrix ?? []).filter((matrix) => matrix.site === site));
  const edges = cells.map((cell) => edgeOf(cell, violations)).sort(compareEdges);
  const zones = new Set<ZoneNode>(zonesOfSegments((result.zones ?? []).filter((entry) => entry.site === site)));
  for (const edge of edges) {
    zones.add(edge.to);
    if (!isOutside(edge.from)) zones.add(edge.from);
  }
  return { site, zones: NODE_ORDER.filter((node) => zones.has(node)), edges };
}

function zonesOfSegments(sites: ZoneListingSite[]): ZoneNode[] {
  return sites.flatMap((site) => site.segments.map((segment) => segment.zone ?? 'unclassified'));
}

/** Joins the cells of one site found in several root modules. */
function mergeCells(matrices: SiteMatrix[]): MatrixCell[] {
  const merged = new Map<string, MatrixCell>();
  for (const cell of matrices.flatMap((matrix) => matrix.cells)) {
    const key = `${cell.from}>${cell.to}`;
    const known = merged.get(key);
    merged.set(
      key,
      known === undefined
        ? cell
        : { ...known, services: [...known.services, ...cell.services], ruleIds: [...known.ruleIds, ...cell.ruleIds] },
    );
  }
  return [...merged.values()];
}

function edgeOf(cell: MatrixCell, violations: Map<string, Set<string>>): ZoneEdge {
  const broken = new Set(cell.ruleIds.flatMap((ruleId) => [...(violations.get(ruleId) ?? [])]));
  return { from: cell.from, to: cell.to, services: describeServices(cell.services), violations: [...broken].sort() };
}

export function isOutside(node: ZoneNode): boolean {
  return (OUTSIDE_NODES as readonly ZoneNode[]).includes(node);
}

function compareEdges(a: ZoneEdge, b: ZoneEdge): number {
  return NODE_ORDER.indexOf(a.from) - NODE_ORDER.indexOf(b.from) || NODE_ORDER.indexOf(a.to) - NODE_ORDER.indexOf(b.to);
}

import type { InfrastructureModel, Route, RouteTable, Segment } from '../../../model/types.ts';

/**
 * The route table that serves each segment: its explicit association, else
 * the main table of its site. Returns the tables with the segments they serve.
 */
export function segmentsByRouteTable(
  model: InfrastructureModel,
  keep: (segment: Segment) => boolean,
): Map<RouteTable, Segment[]> {
  const associated = new Map<string, RouteTable>();
  for (const table of model.routeTables) table.segmentIds.forEach((id) => associated.set(id, table));
  const tables = new Map<RouteTable, Segment[]>();
  for (const segment of model.segments) {
    if (!keep(segment)) continue;
    const table = associated.get(segment.id) ?? model.routeTables.find(
      (candidate) => candidate.main && candidate.siteId !== undefined && candidate.siteId === segment.siteId,
    );
    if (table !== undefined) tables.set(table, [...(tables.get(table) ?? []), segment]);
  }
  return tables;
}

/** `aws_subnet.app (internal), aws_subnet.db (internal)`. */
export function describeSegments(segments: readonly Segment[]): string {
  return segments.map((segment) => `${segment.id} (${segment.zone.zone ?? 'unclassified'})`).join(', ');
}

/** A route with the table it belongs to. */
export interface TableRoute {
  table: RouteTable;
  route: Route;
}

/** Every route of the model whose target is one of `kinds`. */
export function routesTo(model: InfrastructureModel, kinds: ReadonlySet<Route['target']['kind']>): TableRoute[] {
  return model.routeTables.flatMap((table) =>
    table.routes.filter((route) => kinds.has(route.target.kind)).map((route) => ({ table, route })),
  );
}

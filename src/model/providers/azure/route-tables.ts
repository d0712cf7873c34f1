import type { SourceLocation } from '../../location.ts';
import type { RouteTable } from '../../types.ts';
import type { MappingContext } from '../context.ts';

/** Finds the route table `id`, or adds one the code refers to but does not define, so its routes stay. */
export function findOrAddTable(id: string, location: SourceLocation, context: MappingContext): RouteTable {
  const existing = context.model.routeTables.find((table) => table.id === id);
  if (existing !== undefined) return existing;
  const table: RouteTable = {
    id,
    segmentIds: [],
    main: false,
    routes: [],
    origin: { address: id, location, attributes: {}, moduleCalls: [] },
  };
  context.model.routeTables.push(table);
  return table;
}

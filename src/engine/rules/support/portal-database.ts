import { PortSet } from '../../../analysis/net/port-set.ts';
import type { Host, PortRange } from '../../../model/types.ts';

/**
 * Default listener ports of database engines, keyed by a word that starts the
 * engine name as AWS writes it (`aurora-postgresql`, `sqlserver-ee`,
 * `oracle-se2`). Sources: the engines' documentation and the RDS defaults.
 */
const ENGINE_PORTS: Array<[prefix: string, port: number]> = [
  ['aurora-postgresql', 5432],
  ['aurora-mysql', 3306],
  ['aurora', 3306],
  ['postgres', 5432],
  ['mysql', 3306],
  ['mariadb', 3306],
  ['oracle', 1521],
  ['sqlserver', 1433],
  ['mssql', 1433],
  ['docdb', 27017],
  ['mongo', 27017],
  ['db2', 50000],
];

/** The default port of an engine, or undefined for an engine not listed. */
export function enginePort(engine: string): number | undefined {
  const name = engine.trim().toLowerCase();
  return ENGINE_PORTS.find(([prefix]) => name.startsWith(prefix))?.[1];
}

/** A port list parameter as written in the pack: `[{ protocol: tcp, ports: "1521" }]`. */
export interface PortListEntry {
  protocol: string;
  ports: string | number;
}

/** The tcp ports of a port list parameter; entries that do not read as ports are left out. */
export function tcpPorts(entries: readonly PortListEntry[]): PortSet {
  let ports = PortSet.empty();
  for (const entry of entries) {
    if (entry.protocol.toLowerCase() !== 'tcp') continue;
    const range = parseRange(String(entry.ports));
    if (range !== undefined) ports = ports.union(PortSet.of([range]));
  }
  return ports;
}

function parseRange(text: string): PortRange | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (match === null) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to && to <= 65535 ? { from, to } : undefined;
}

/**
 * The ports the database engine of a host listens on: the written port, else
 * the engine's default, else the tcp ports of services named after an engine.
 * When none of these says, the ports in `fallback` count, so a flow to any of
 * them is judged.
 */
export function databasePorts(host: Host, fallback: PortSet): PortSet {
  const info = host.database;
  if (info?.port !== undefined) return PortSet.single(info.port);
  const fromEngine = info?.engine === undefined ? undefined : enginePort(info.engine);
  if (fromEngine !== undefined) return PortSet.single(fromEngine);
  const services = host.services.filter(
    (service) => service.protocol === 'tcp' && enginePort(service.name) !== undefined,
  );
  const fromServices = PortSet.of(services.flatMap((service) => service.ports));
  return fromServices.isEmpty() ? fallback : fromServices;
}

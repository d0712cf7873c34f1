import { parsePortSpec } from '../../analysis/net/port-set.ts';
import type { Service } from '../types.ts';

/** Services a host declares in a tag: `https:443/tcp, ssh:22, dns:53/udp, app:8000-8080`. */

export type ParsedServices = { ok: true; services: Service[] } | { ok: false; error: string };

export function parseServiceTag(text: string): ParsedServices {
  const services: Service[] = [];
  for (const item of text.split(/[,;]/).map((part) => part.trim())) {
    if (item === '') continue;
    const match = /^([^:\s]+)\s*:\s*([\d\s-]+?)\s*(?:\/\s*(tcp|udp))?$/i.exec(item);
    if (match === null) {
      return { ok: false, error: `Service "${item}" is not written as name:port[/tcp|udp].` };
    }
    const ports = parsePortSpec(match[2]!);
    if (!ports.ok) return { ok: false, error: ports.error };
    const protocol = (match[3]?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp';
    services.push({ name: match[1]!, protocol, ports: ports.ranges, source: 'tag' });
  }
  return { ok: true, services };
}

/** Default ports of database engines, by the prefix of the engine name. */
const ENGINE_PORTS: ReadonlyArray<[RegExp, string, number]> = [
  [/^aurora-postgresql|^postgres/, 'postgresql', 5432],
  [/^aurora-mysql|^aurora$|^mysql|^mariadb/, 'mysql', 3306],
  [/^oracle/, 'oracle', 1521],
  [/^sqlserver/, 'sqlserver', 1433],
  [/^db2/, 'db2', 50000],
  [/^docdb|^mongo/, 'mongodb', 27017],
  [/^redis|^valkey/, 'redis', 6379],
  [/^memcached/, 'memcached', 11211],
  [/^neptune/, 'neptune', 8182],
];

/** Returns the service name and default port of a database engine, when the engine is known. */
export function engineService(engine: string): { name: string; port: number } | undefined {
  const lower = engine.toLowerCase();
  for (const [pattern, name, port] of ENGINE_PORTS) {
    if (pattern.test(lower)) return { name, port };
  }
  return undefined;
}

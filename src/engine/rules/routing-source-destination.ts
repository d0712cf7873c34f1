import { locate } from '../../model/location.ts';
import type { Host, Route, RouteTable } from '../../model/types.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { findRole, hostsById, roleSet } from './support/portal.ts';
import { defaultsAmong, stringListParameter } from './support/portal-parameters.ts';

/**
 * Routing keeps checking source and destination addresses. Only declared NAT,
 * firewall or proxy appliances turn source/destination checking off. No route
 * sends traffic to an instance or network interface that is not one, because
 * such a route carries traffic around the firewall.
 */
export default defineRule({
  id: 'routing-source-destination',
  check(context) {
    const applianceRoles = roleSet(stringListParameter(context.meta, 'applianceRoles'));
    const isAppliance = (host: Host): boolean => findRole(host, applianceRoles) !== undefined;
    for (const host of context.model.hosts) {
      if (!isAppliance(host)) checkSourceDestCheck(host, context);
    }
    const hosts = hostsById(context.model);
    for (const table of context.model.routeTables) {
      for (const route of table.routes) checkRouteTarget(table, route, hosts, isAppliance, context);
    }
  },
});

function checkSourceDestCheck(host: Host, context: RuleContext): void {
  const value = host.sourceDestCheck;
  if (value === true) return;
  const location = locate(host.origin, 'source_dest_check');
  const common = { address: host.id, origin: host.origin, location, detail: 'source_dest_check' };
  const restsOn = defaultsAmong(context.meta, ['applianceRoles']);
  if (isUnknown(value)) {
    const data = { host: host.id, reason: value.reason, expression: value.origin };
    const messageId = 'check-unknown';
    context.report({ ...common, status: 'unknown', messageId, data, unknown: value });
    return;
  }
  const data = { host: host.id };
  context.report({ ...common, status: 'fail', messageId: 'check-disabled', data, restsOn });
}

function checkRouteTarget(
  table: RouteTable,
  route: Route,
  hosts: Map<string, Host>,
  isAppliance: (host: Host) => boolean,
  context: RuleContext,
): void {
  const kind = route.target.kind;
  if (kind !== 'instance' && kind !== 'network-interface') return;
  const target = route.target.id === undefined ? undefined : hosts.get(route.target.id);
  if (target !== undefined && isAppliance(target)) return;
  const destination = isUnknown(route.destination) ? route.destination.origin : route.destination;
  const written = route.target.id ?? route.target.written;
  const data = { table: table.id, destination, target: written };
  const common = {
    address: route.origin.address,
    origin: route.origin,
    location: locate(route.origin, route.path === '' ? undefined : route.path),
    detail: `route:${destination}->${written}`,
    restsOn: defaultsAmong(context.meta, ['applianceRoles']),
  };
  if (target !== undefined) {
    context.report({ ...common, status: 'fail', messageId: 'route-to-host', data });
    return;
  }
  // NOTE: a network interface is not a model host, so a route to one is undecided even when
  // the interface belongs to a declared appliance; the same holds for an undefined instance.
  context.report({ ...common, status: 'unknown', messageId: 'route-to-undeclared-target', data });
}

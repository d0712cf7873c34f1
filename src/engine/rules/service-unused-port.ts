import { PortSet } from '../../analysis/net/port-set.ts';
import type { Flow } from '../../analysis/reachability/types.ts';
import type { Host } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { flowsByRule, type RuleFlows } from './support/flow-findings.ts';
import { formatServices, mergeTraffic, trafficBeyond, trafficOf, type NamedService, type Traffic } from './support/services.ts';
import { reportRuleFlows } from './zone-isolation/flow-report.ts';

/**
 * Unused ports are closed (Đ9.2.a, Đ16.1.d): every port a firewall rule
 * opens on a host belongs to a service the host declares (tags, engines,
 * listeners, design files). A host that declares no service is skipped,
 * because every open port on it would be reported otherwise. That skip is
 * zoneguard's default reading, stated in the pack entry. Protocols without
 * ports (ICMP) are left to other rules.
 */
export default defineRule({
  id: 'service-unused-port',
  check(context) {
    const hosts = new Map(context.model.hosts.filter((host) => host.services.length > 0).map((host) => [host.id, host]));
    const declaring = (flow: Flow) => flow.target.kind === 'host' && hosts.has(flow.target.hostId);
    for (const group of flowsByRule(context.model, context.reachability.flows, declaring)) {
      checkRule(context, group, hosts);
    }
  },
});

function checkRule(context: RuleContext, { rule, flows }: RuleFlows, hosts: Map<string, Host>): void {
  const offending: Flow[] = [];
  const beyond: Traffic[] = [];
  const declared: NamedService[] = [];
  for (const flow of flows) {
    const host = flow.target.kind === 'host' ? hosts.get(flow.target.hostId) : undefined;
    if (host === undefined) continue;
    const services = declaredServices(host);
    const rest = trafficBeyond(trafficOf(flow.protocol, flow.ports), services).filter(hasPorts);
    if (rest.length === 0) continue;
    offending.push(flow);
    beyond.push(...rest);
    declared.push(...services);
  }
  if (offending.length === 0) return;
  reportRuleFlows(context, { rule, flows: offending }, {
    messageId: 'undeclared-port',
    traffic: mergeTraffic(beyond),
    data: { services: formatServices(declared) },
  });
}

function declaredServices(host: Host): NamedService[] {
  return host.services.map((service) => ({ name: service.name, protocol: service.protocol, ports: PortSet.of(service.ports) }));
}

/** Traffic with ports: tcp and udp, not the "other protocols" rest of an all-protocol rule. */
function hasPorts(traffic: Traffic): boolean {
  return (traffic.protocol === 'tcp' || traffic.protocol === 'udp') && !traffic.ports.isEmpty();
}

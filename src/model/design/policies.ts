import { parsePortSpec } from '../../analysis/net/port-set.ts';
import type { DesignPolicyRule, LoadedDesign } from '../../loaders/design/types.ts';
import { locate, type Origin } from '../location.ts';
import type { FirewallRule, FirewallSet, InfrastructureModel, PortRange, Protocol } from '../types.ts';
import { siteId, type DesignNetwork, type MappedZone } from './network.ts';
import { resolveEnd, type ResolvedEnd } from './peers.ts';
import { designProblem } from './problems.ts';

/**
 * Maps each ordered firewall policy of a site to one `ordered-policy` set per
 * zone it protects. A rule lands in the set of each destination zone as an
 * ingress rule whose peers are the source addresses and whose `localPeers`
 * are the destination addresses; a rule to the outside lands in the set of
 * each source zone as an egress rule. Splitting by zone keeps first-match
 * order intact, because a rule for another zone never matches this zone's
 * traffic.
 */
export function mapPolicies(design: LoadedDesign, model: InfrastructureModel, network: DesignNetwork): void {
  for (const [siteKey, site] of Object.entries(design.document.sites)) {
    (site.policies ?? []).forEach((policy, policyIndex) => {
      const origin = design.originOf(['sites', siteKey, 'policies', policyIndex]);
      if (policy.firewall !== undefined && site.firewalls?.[policy.firewall] === undefined) {
        model.diagnostics.push(designProblem(locate(origin, 'firewall'), `Policy ${policyIndex} of site ${siteKey} names firewall ${policy.firewall}, which the site does not define.`, 'Use a key of the site\'s `firewalls`.'));
      }
      const sets = new Map<string, FirewallSet>();
      policy.rules.forEach((rule, ruleIndex) => {
        const ruleOrigin = design.originOf(['sites', siteKey, 'policies', policyIndex, 'rules', ruleIndex]);
        mapRule({ model, network, siteKey, origin, firewall: policy.firewall, sets }, rule, ruleOrigin, ruleIndex);
      });
      model.firewallSets.push(...sets.values());
    });
  }
}

interface PolicyScope {
  model: InfrastructureModel;
  network: DesignNetwork;
  siteKey: string;
  origin: Origin;
  firewall?: string;
  sets: Map<string, FirewallSet>;
}

function mapRule(scope: PolicyScope, rule: DesignPolicyRule, origin: Origin, order: number): void {
  const service = serviceOf(scope.model, rule, origin);
  if (service === undefined) return;
  const from = resolveAll(scope, rule.from, locate(origin, 'from'));
  const to = resolveAll(scope, rule.to, locate(origin, 'to'));
  const base = { action: rule.action, order, ...service, origin, path: '' } as const;
  const description = rule.name ?? rule.description;
  for (const { zone, peers } of to.zones) {
    const localPeers = peers ?? zone.segment.cidrs.map((cidr) => ({ kind: 'cidr' as const, cidr, written: zone.zoneKey }));
    addRule(scope, zone, { ...base, direction: 'ingress', peers: from.peers, localPeers, id: '', setId: '' }, description);
  }
  if (!to.outside) return;
  for (const { zone, peers } of from.zones) {
    const localPeers = peers ?? zone.segment.cidrs.map((cidr) => ({ kind: 'cidr' as const, cidr, written: zone.zoneKey }));
    addRule(scope, zone, { ...base, direction: 'egress', peers: to.peers, localPeers, id: '', setId: '' }, description);
  }
}

function addRule(scope: PolicyScope, zone: MappedZone, rule: FirewallRule, description?: string): void {
  const set = setFor(scope, zone);
  rule.setId = set.id;
  rule.id = `${rule.origin.address}@${zone.siteKey}.${zone.zoneKey}${rule.direction === 'egress' ? '/egress' : ''}`;
  if (description !== undefined) rule.description = description;
  set.rules.push(rule);
}

function setFor(scope: PolicyScope, zone: MappedZone): FirewallSet {
  const key = `${zone.siteKey}.${zone.zoneKey}`;
  let set = scope.sets.get(key);
  if (set === undefined) {
    set = {
      id: `${scope.origin.address}@${key}`,
      name: `${scope.firewall ?? scope.origin.address} for zone ${key}`,
      kind: 'ordered-policy',
      siteId: siteId(zone.siteKey),
      segmentIds: [zone.segment.id],
      zone: { zone: zone.kind, source: 'design', evidence: `design zone ${key}` },
      rules: [],
      tags: scope.firewall ? { firewall: scope.firewall } : {},
      origin: scope.origin,
    };
    scope.sets.set(key, set);
  }
  return set;
}

function resolveAll(scope: PolicyScope, written: string | string[], location: ReturnType<typeof locate>): ResolvedEnd {
  const ends = (Array.isArray(written) ? written : [written]).map((text) =>
    resolveEnd(text, scope.siteKey, scope.network, scope.model, location),
  );
  return {
    zones: ends.flatMap((end) => end.zones),
    peers: ends.flatMap((end) => end.peers),
    outside: ends.some((end) => end.outside),
  };
}

function serviceOf(
  model: InfrastructureModel,
  rule: DesignPolicyRule,
  origin: Origin,
): { protocol: Protocol; ports: PortRange[] } | undefined {
  if (rule.protocol === 'any') return { protocol: 'all', ports: [{ from: 0, to: 65535 }] };
  if (rule.protocol === 'icmp') return { protocol: 'icmp', ports: [] };
  const written = rule.ports ?? 'any';
  const parsed = parsePortSpec(written === 'any' ? '*' : written);
  if (parsed.ok) return { protocol: rule.protocol, ports: parsed.ranges };
  model.diagnostics.push(designProblem(locate(origin, 'ports'), parsed.error, 'Write a port, a range `a-b`, `any` or a list of them.'));
  return undefined;
}

import type { Host } from '../../model/types.ts';
import { isUnknown, type Unknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { internetFacingTargets, webRole } from './support/portal.ts';
import {
  isGuessedZone,
  placementsOf,
  subnetLocation,
  zoneEvidence,
  type Placement,
} from './support/portal-zones.ts';

/**
 * Web servers, and the internet-facing load balancers in front of them, sit
 * in the DMZ. Every segment of such a host that is in another zone, or in no
 * single zone, is a finding at the attribute that places the host there.
 */
export default defineRule({
  id: 'portal-web-in-dmz',
  check(context) {
    const behindLoadBalancer = internetFacingTargets(context.model);
    for (const host of context.model.hosts) {
      // A launch template names no subnet; the autoscaling group that uses it is checked instead.
      if (host.kind === 'launch-template') continue;
      const reason = webTierReason(host, behindLoadBalancer);
      if (reason === undefined) continue;
      if (reason.unknown !== undefined) {
        reportUnknownScheme(host, reason.unknown, context);
        continue;
      }
      checkHost(host, reason.text, context);
    }
  },
});

interface WebTierReason {
  text: string;
  /** Set for a load balancer whose scheme could not be evaluated. */
  unknown?: Unknown;
}

function webTierReason(
  host: Host,
  behindLoadBalancer: Map<string, Host>,
): WebTierReason | undefined {
  const facing = host.loadBalancer?.internetFacing;
  if (host.kind === 'load-balancer' && facing !== undefined) {
    if (isUnknown(facing)) return { text: 'load balancer', unknown: facing };
    return facing ? { text: 'internet-facing load balancer' } : undefined;
  }
  const role = webRole(host);
  if (role !== undefined) return { text: `web server, ${role.evidence}` };
  const loadBalancer = behindLoadBalancer.get(host.id);
  if (loadBalancer !== undefined) return { text: `target of internet-facing ${loadBalancer.id}` };
  return undefined;
}

function checkHost(host: Host, webReason: string, context: RuleContext): void {
  const { location } = subnetLocation(host);
  const common = { address: host.id, origin: host.origin, location };
  if (host.segmentUnknown !== undefined) {
    const unknown = host.segmentUnknown;
    const data = { host: host.id, webReason, reason: unknown.reason, expression: unknown.origin };
    const messageId = 'placement-unknown';
    context.report({ ...common, status: 'unknown', messageId, data, unknown, detail: 'zone:unknown' });
    return;
  }
  for (const placement of placementsOf(host, context.model)) {
    if (placement.zone === 'dmz') continue;
    const data = {
      host: host.id,
      webReason,
      place: placement.placeId,
      zone: placement.zone ?? 'none',
      evidence: zoneEvidence(placement),
    };
    const detail = `zone:${placement.placeId}:${placement.zone ?? 'none'}`;
    context.report({ ...common, status: 'fail', messageId: messageFor(placement), data, detail });
  }
}

function messageFor(placement: Placement): string {
  if (placement.zone === undefined) return 'web-zone-unclassified';
  return isGuessedZone(placement) ? 'web-outside-dmz-guessed' : 'web-outside-dmz';
}

/** Reports a load balancer outside the DMZ whose `internal` flag could not be evaluated. */
function reportUnknownScheme(host: Host, unknown: Unknown, context: RuleContext): void {
  const outside = placementsOf(host, context.model).some((placement) => placement.zone !== 'dmz');
  if (!outside && host.segmentUnknown === undefined) return;
  context.report({
    status: 'unknown',
    messageId: 'scheme-unknown',
    data: { host: host.id, reason: unknown.reason, expression: unknown.origin },
    unknown,
    address: host.id,
    origin: host.origin,
    location: host.origin.attributes['internal'] ?? host.origin.location,
    detail: 'scheme:unknown',
  });
}

import { locate } from '../../model/location.ts';
import type { Host, InfrastructureModel } from '../../model/types.ts';
import { isUnknown, type Unknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { internetFacingTargets, webRole } from './support/portal.ts';

/**
 * (advisory) An n-tier portal load-balances its web application servers
 * (Đ7.4.a). zoneguard's reading: each internet-facing load balancer has at
 * least `minInstances` web instances behind it, counting an autoscaling
 * group by its minimum, and no web server serves the Internet on its own.
 * Design files do not describe load balancers, so design hosts are left out.
 */
export default defineRule({
  id: 'portal-load-balanced',
  check(context) {
    const minimum = Number(context.meta.parameters['minInstances'] ?? 2);
    const balanced = internetFacingTargets(context.model);
    for (const balancer of facingBalancers(context.model)) checkCapacity(context, balancer, minimum);
    for (const host of context.model.hosts) {
      if (!isCodeWebServer(host) || balanced.has(host.id) || host.kind === 'launch-template') continue;
      if (isUnknown(host.publicAddress) || host.publicAddress !== true) continue;
      report(context, host, 'not-load-balanced', { host: host.id }, undefined);
    }
  },
});

function isCodeWebServer(host: Host): boolean {
  const role = webRole(host);
  return role !== undefined && role.source !== 'design';
}

function facingBalancers(model: InfrastructureModel): Host[] {
  return model.hosts.filter((host) => host.loadBalancer?.internetFacing === true);
}

/** Instances behind a load balancer: an autoscaling group counts by its minimum. */
function instancesBehind(model: InfrastructureModel, balancer: Host): { count: number; unknown?: Unknown } {
  const groups = new Set(balancer.loadBalancer?.targetGroupIds ?? []);
  const targetIds = new Set(model.targetGroups.filter((group) => groups.has(group.id)).flatMap((group) => group.targetHostIds));
  let count = 0;
  for (const target of model.hosts.filter((host) => targetIds.has(host.id))) {
    const min = target.capacity?.min;
    if (isUnknown(min)) return { count, unknown: min };
    count += min ?? 1;
  }
  return { count };
}

function checkCapacity(context: RuleContext, balancer: Host, minimum: number): void {
  const { count, unknown } = instancesBehind(context.model, balancer);
  if (unknown !== undefined) {
    context.report({
      status: 'unknown',
      messageId: 'capacity-unknown',
      data: { balancer: balancer.id, reason: unknown.reason },
      address: balancer.id,
      origin: balancer.origin,
      detail: 'capacity-unknown',
      unknown,
    });
    return;
  }
  if (count >= minimum) return;
  report(context, balancer, 'too-few-instances', { balancer: balancer.id, count, minimum }, undefined);
}

function report(context: RuleContext, host: Host, messageId: string, data: Record<string, string | number>, field: string | undefined): void {
  context.report({
    status: 'fail',
    messageId,
    data,
    address: host.id,
    origin: host.origin,
    location: locate(host.origin, field),
    detail: messageId,
    restsOn: ['minInstances'],
  });
}

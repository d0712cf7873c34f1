import type { EnvironmentTag } from '../../model/evidence.ts';
import { locate, type Origin } from '../../model/location.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { environmentsById, isProduction } from './organisation/environments.ts';

const NETWORKS = 'separateNetworks';

/** A shared place and the environments of the resources in it. */
interface Sharing {
  id: string;
  origin: Origin;
  members: EnvironmentTag[];
}

/**
 * Production and test or development do not share systems: no subnet holds
 * both, no security group serves both (ours, advisory), and no domain name
 * names both. Resources without an environment tag take no part.
 */
export default defineRule({
  id: 'env-test-separated',
  check(context) {
    const tags = environmentsById(context.model);
    if (tags.size === 0) return;
    for (const segment of context.model.segments) {
      const members = membersOf(context, tags, segment.id, (host) => host.segmentIds);
      checkShared(context, { id: segment.id, origin: segment.origin, members }, 'shared-segment', false);
    }
    if (context.meta.parameters[NETWORKS] !== false) {
      for (const set of context.model.firewallSets) {
        const members = membersOf(context, tags, set.id, (host) => host.firewallSetIds);
        checkShared(context, { id: set.id, origin: set.origin, members }, 'shared-group', true);
      }
    }
    checkDomains(context, [...tags.values()]);
  },
});

function membersOf(context: RuleContext, tags: Map<string, EnvironmentTag>, id: string, placesOf: (host: { segmentIds: string[]; firewallSetIds: string[] }) => string[]): EnvironmentTag[] {
  const members = context.model.hosts
    .filter((host) => placesOf(host).includes(id))
    .map((host) => tags.get(host.id) ?? (host.templateId === undefined ? undefined : tags.get(host.templateId)))
    .filter((tag): tag is EnvironmentTag => tag !== undefined);
  const own = tags.get(id);
  return own === undefined ? members : [own, ...members];
}

function checkShared(context: RuleContext, sharing: Sharing, messageId: string, ours: boolean): void {
  const production = sharing.members.find((tag) => isProduction(tag.environment));
  const other = sharing.members.find((tag) => !isProduction(tag.environment));
  if (production === undefined || other === undefined) return;
  context.report({
    status: 'fail',
    messageId,
    data: { subject: sharing.id, production: production.resourceId, other: other.resourceId, environment: other.environment },
    address: sharing.id,
    origin: sharing.origin,
    location: locate(sharing.origin, undefined),
    detail: `${production.resourceId}|${other.resourceId}`,
    ...(ours ? { restsOn: [NETWORKS], severity: 'low' as const } : {}),
  });
}

function checkDomains(context: RuleContext, tags: EnvironmentTag[]): void {
  for (const other of tags) {
    if (other.domain === undefined || isProduction(other.environment)) continue;
    const production = tags.find((tag) => tag.domain === other.domain && isProduction(tag.environment));
    if (production === undefined) continue;
    context.report({
      status: 'fail',
      messageId: 'shared-domain',
      data: { subject: other.resourceId, production: production.resourceId, environment: other.environment, domain: other.domain },
      address: other.resourceId,
      origin: other.origin,
      location: locate(other.origin, other.origin.attributes['domain'] ? 'domain' : 'tags'),
      detail: `domain:${other.domain}`,
    });
  }
}

import type { HostingAgreement } from '../../model/evidence.ts';
import type { Host, Site } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { checkFlags } from './design-facts/flags.ts';
import { designSites } from './design-facts/sites.ts';
import { webRole } from './support/portal.ts';

/**
 * A portal on rented hosting, public cloud included, records an agreement
 * with the provider that covers firewalls and unauthorised-access control
 * (Đ7.4.c). A cloud network that publishes a portal (an internet-facing load
 * balancer or a public web server) needs one: a hosting agreement fact, or
 * the `agreementTag` tag on the network. Design sites are on premises.
 * Google networks take their project's labels, and Google label keys are
 * lower case only, so the tag key matches without case, `-` or `_`.
 */
export default defineRule({
  id: 'hosted-portal-agreement',
  check(context) {
    const onPremises = new Set(designSites(context).map((site) => site.id));
    for (const site of context.model.sites) {
      if (onPremises.has(site.id) || !publishesPortal(context, site)) continue;
      checkAgreement(context, site);
    }
  },
});

function publishesPortal(context: RuleContext, site: Site): boolean {
  return context.model.hosts.some((host) => host.siteId === site.id && isPublished(host));
}

function isPublished(host: Host): boolean {
  if (host.loadBalancer?.internetFacing === true) return true;
  return host.publicAddress === true && webRole(host) !== undefined;
}

function checkAgreement(context: RuleContext, site: Site): void {
  const tag = String(context.meta.parameters['agreementTag'] ?? 'HostingAgreement');
  const agreement = (context.model.evidence?.hostingAgreements ?? []).find(
    (candidate: HostingAgreement) => candidate.subject === site.id || candidate.subject === site.name,
  );
  if (agreement !== undefined) {
    checkFlags(context, agreement, site.id, [
      { field: 'coversFirewall', value: agreement.coversFirewall },
      { field: 'coversUnauthorisedAccess', value: agreement.coversUnauthorisedAccess },
    ]);
    return;
  }
  if (agreementLabel(site, tag) !== undefined) return;
  context.report({
    status: 'fail',
    messageId: 'no-agreement',
    data: { site: site.id, tag },
    address: site.origin.address,
    origin: site.origin,
    location: site.origin.location,
    detail: 'no-agreement',
    restsOn: ['agreementTag'],
  });
}

function foldKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** The non-empty value of the agreement tag, matched as `foldKey` spells it. */
function agreementLabel(site: Site, tag: string): string | undefined {
  const wanted = foldKey(tag);
  const key = Object.keys(site.tags).find((candidate) => foldKey(candidate) === wanted && site.tags[candidate]!.trim() !== '');
  return key === undefined ? undefined : site.tags[key];
}

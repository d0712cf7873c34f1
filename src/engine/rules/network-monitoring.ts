import type { NetworkMonitor } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import type { Segment, Site } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { designSites } from './design-facts/sites.ts';
import { evidenceRequired } from './organisation/required.ts';

/**
 * Each site monitors network status and connected devices (Đ16.1.c). A flow
 * log or monitoring system counts when it covers the zone (zoneguard's
 * default reading): by the segment, its zone kind or its whole site. Code
 * scans without any monitor stay silent, as for other organisational facts;
 * once code shows flow logs, every site it defines must have them.
 */
export default defineRule({
  id: 'network-monitoring',
  check(context) {
    const kinds = (context.meta.parameters['monitorEvidence'] as string[] | undefined) ?? ['flow-log', 'monitoring-system', 'nac'];
    const monitors = (context.model.evidence?.networkMonitors ?? []).filter((monitor) => kinds.includes(monitor.kind));
    for (const monitor of monitors) checkConnections(context, monitor);
    if (monitors.length === 0 && !evidenceRequired(context)) return;
    const sites = evidenceRequired(context) && designSites(context).length > 0 ? designSites(context) : context.model.sites;
    for (const site of sites) checkSite(context, site, monitors);
  },
});

function covers(monitor: NetworkMonitor, site: Site, segment?: Segment): boolean {
  return monitor.covers.some(
    (subject) => subject === site.id || (segment !== undefined && (subject === segment.id || subject === segment.zone.zone)),
  );
}

function checkSite(context: RuleContext, site: Site, monitors: NetworkMonitor[]): void {
  const segments = context.model.segments.filter((segment) => segment.siteId === site.id);
  const uncovered = segments.filter((segment) => !monitors.some((monitor) => covers(monitor, site, segment)));
  const siteWatched = monitors.some((monitor) => covers(monitor, site) || segments.some((segment) => covers(monitor, site, segment)));
  if (!siteWatched) {
    report(context, 'site-not-monitored', site.origin, { site: site.id }, 'site');
    return;
  }
  for (const segment of uncovered) {
    report(context, 'zone-not-monitored', segment.origin, { site: site.id, segment: segment.id, zone: segment.zone.zone ?? 'unclassified' }, segment.id);
  }
}

function checkConnections(context: RuleContext, monitor: NetworkMonitor): void {
  if (monitor.showsConnections !== false) return;
  report(context, 'no-connections', monitor.origin, { monitor: monitor.id }, 'no-connections', 'showsConnections');
}

function report(
  context: RuleContext,
  messageId: string,
  origin: Site['origin'],
  data: Record<string, string>,
  detail: string,
  field?: string,
): void {
  context.report({
    status: 'fail',
    messageId,
    data,
    address: origin.address,
    origin,
    location: locate(origin, field),
    detail,
    ...(messageId === 'no-connections' ? {} : { restsOn: ['monitorEvidence'] }),
  });
}

import type { ApplicationMonitor } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import type { Site } from '../../model/types.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { designSites } from './design-facts/sites.ts';
import { factReport, knownField, subjectOf } from './organisation/facts.ts';
import { reportNotEvidenced } from './organisation/required.ts';

/**
 * Applications at the DC, DR and portal are covered by centralised
 * monitoring that detects incidents (Đ18.2.a). A monitor counts when it is
 * centralised and raises alerts; in code a CloudWatch alarm with actions or a
 * GuardDuty detector is one. Alarms without actions are common beside an
 * alerting one and break nothing, so the rule reports them only when no
 * monitor of the scan alerts. Each site a design file describes must be
 * covered: a monitor without `covers` covers every site.
 */
export default defineRule({
  id: 'app-central-monitoring',
  check(context) {
    const monitors = context.model.evidence?.applicationMonitors ?? [];
    const first = monitors[0];
    if (first === undefined) {
      reportNotEvidenced(context, 'not-evidenced', 'application monitoring');
      return;
    }
    const detecting = monitors.filter((monitor) => detectsIncidents(context, monitor));
    if (detecting.length === 0) {
      reportNoneDetecting(context, first, monitors);
      return;
    }
    for (const site of designSites(context)) {
      if (!detecting.some((monitor) => covers(monitor, site))) reportSite(context, site, detecting);
    }
  },
});

/** Centralised and alerting; an unknown field is reported and does not count. */
function detectsIncidents(context: RuleContext, monitor: ApplicationMonitor): boolean {
  const centralised = knownField(context, monitor, { paths: ['centralised'], value: monitor.centralised });
  const alerting = knownField(context, monitor, { paths: ['alerting', 'alarm_actions'], value: monitor.alerting });
  return centralised === true && alerting === true;
}

/** A site is covered by its id (`sites.dc`), its key or name (`dc`), or `all`. */
function covers(monitor: ApplicationMonitor, site: Site): boolean {
  if (monitor.covers.length === 0) return true;
  const names = new Set(['all', site.id, site.id.replace(/^sites\./, ''), site.name].map((name) => name.toLowerCase()));
  return monitor.covers.some((subject) => names.has(subject.toLowerCase()));
}

function reportNoneDetecting(context: RuleContext, first: ApplicationMonitor, monitors: ApplicationMonitor[]): void {
  const missing = first.centralised === false ? 'centralised' : 'alerting';
  context.report({
    ...factReport(first, missing === 'centralised' ? ['centralised'] : ['alerting', 'actions_enabled', 'alarm_actions']),
    status: 'fail',
    messageId: missing === 'centralised' ? 'not-centralised' : 'no-alerting',
    data: { subject: subjectOf(first), monitors: monitors.map((monitor) => monitor.id).join(', ') },
    detail: `none-detecting:${missing}`,
  });
}

function reportSite(context: RuleContext, site: Site, detecting: ApplicationMonitor[]): void {
  context.report({
    status: 'fail',
    messageId: 'site-not-covered',
    data: { site: site.id.replace(/^sites\./, ''), monitors: detecting.map((monitor) => monitor.id).join(', ') },
    address: site.origin.address,
    origin: site.origin,
    location: locate(site.origin),
    detail: `site-not-covered:${site.id}`,
  });
}

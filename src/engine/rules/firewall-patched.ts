import { locate } from '../../model/location.ts';
import { isUnknown } from '../../model/unknown.ts';
import type { FirewallDevice } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { daysAfter, today } from './design-facts/dates.ts';
import { reportUnknownField } from './organisation/facts.ts';
import { evidenceRequired } from './organisation/required.ts';

/**
 * Firewall updates and patches are installed on time (Đ9.2.a): the running
 * version is still supported by the vendor, and the last patch is no older
 * than `maxPatchAgeDays` (zoneguard's default of 90 days).
 */
export default defineRule({
  id: 'firewall-patched',
  check(context) {
    for (const device of context.model.evidence?.firewallDevices ?? []) {
      checkVersion(context, device);
      checkLastPatch(context, device);
    }
  },
});

function checkVersion(context: RuleContext, device: FirewallDevice): void {
  const end = device.endOfSupport;
  if (isUnknown(end)) return reportUnknownField(context, device, { paths: ['endOfSupport'], value: end });
  if (end === undefined || end >= today(context)) return;
  const version = isUnknown(device.version) ? device.version.origin : (device.version ?? 'not recorded');
  context.report({
    status: 'fail',
    messageId: 'version-unsupported',
    data: { firewall: device.id, version, endOfSupport: end },
    address: device.origin.address,
    origin: device.origin,
    location: locate(device.origin, 'endOfSupport'),
    detail: 'version-unsupported',
  });
}

function checkLastPatch(context: RuleContext, device: FirewallDevice): void {
  const patched = device.lastPatch;
  if (isUnknown(patched)) return reportUnknownField(context, device, { paths: ['lastPatch'], value: patched });
  if (patched === undefined) {
    if (evidenceRequired(context)) reportPatch(context, device, 'patch-not-recorded', { firewall: device.id });
    return;
  }
  const limit = Number(context.meta.parameters['maxPatchAgeDays'] ?? 90);
  if (daysAfter(patched, limit) >= today(context)) return;
  reportPatch(context, device, 'patch-old', { firewall: device.id, lastPatch: patched, limit });
}

function reportPatch(
  context: RuleContext,
  device: FirewallDevice,
  messageId: 'patch-old' | 'patch-not-recorded',
  data: Record<string, string | number>,
): void {
  context.report({
    status: 'fail',
    messageId,
    data,
    address: device.origin.address,
    origin: device.origin,
    location: locate(device.origin, messageId === 'patch-old' ? 'lastPatch' : undefined),
    detail: messageId,
    ...(messageId === 'patch-old' ? { restsOn: ['maxPatchAgeDays'] } : {}),
  });
}

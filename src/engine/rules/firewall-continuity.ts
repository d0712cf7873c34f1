import { locate } from '../../model/location.ts';
import { isUnknown } from '../../model/unknown.ts';
import type { FirewallDevice } from '../../model/evidence.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';

/**
 * Firewalls keep working continuously (Đ9.2.a): each firewall device has an
 * HA pair, a spare or a managed multi-zone service, and a warranty or support
 * contract that has not ended.
 */
export default defineRule({
  id: 'firewall-continuity',
  check(context) {
    for (const device of context.model.evidence?.firewallDevices ?? []) {
      checkRedundancy(context, device);
      checkSupport(context, device);
    }
  },
});

function checkRedundancy(context: RuleContext, device: FirewallDevice): void {
  const continuity = device.continuity;
  if (isUnknown(continuity) || (continuity !== undefined && continuity !== 'none')) return;
  context.report({
    status: 'fail',
    messageId: 'no-redundancy',
    data: { firewall: device.id, continuity: continuity ?? 'not recorded' },
    address: device.origin.address,
    origin: device.origin,
    location: locate(device.origin, continuity === undefined ? undefined : 'continuity'),
    detail: 'no-redundancy',
  });
}

function checkSupport(context: RuleContext, device: FirewallDevice): void {
  const until = device.supportUntil;
  if (isUnknown(until)) return;
  const today = (context.now ?? new Date()).toISOString().slice(0, 10);
  if (until !== undefined && until >= today) return;
  context.report({
    status: 'fail',
    messageId: until === undefined ? 'no-support' : 'support-ended',
    data: { firewall: device.id, until: until ?? '' },
    address: device.origin.address,
    origin: device.origin,
    location: locate(device.origin, until === undefined ? undefined : 'supportUntil'),
    detail: until === undefined ? 'no-support' : 'support-ended',
  });
}

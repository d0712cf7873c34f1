import type { NetworkDevice } from '../../model/evidence.ts';
import { locate } from '../../model/location.ts';
import { isUnknown } from '../../model/unknown.ts';
import { defineRule } from '../define-rule.ts';
import type { RuleContext } from '../types.ts';
import { evidenceRequired, reportNotEvidenced } from './organisation/required.ts';

/**
 * Unused switch and router ports and features are administratively shut
 * (Đ16.1.d). Only a design file records this: each network device says
 * `unusedPortsShut`. A device that records false is a finding. A device that
 * records nothing is a finding where the input states the organisation's
 * facts (a design file), because the record is the only evidence there is.
 */
export default defineRule({
  id: 'network-device-unused-ports',
  check(context) {
    const devices = context.model.evidence?.networkDevices ?? [];
    if (devices.length === 0) reportNotEvidenced(context, 'not-evidenced', 'network device list');
    for (const device of devices) checkDevice(context, device);
  },
});

function checkDevice(context: RuleContext, device: NetworkDevice): void {
  const shut = device.unusedPortsShut;
  if (shut === true) return;
  if (shut === undefined && !evidenceRequired(context)) return;
  const base = {
    address: device.origin.address,
    origin: device.origin,
    subjectId: device.id,
    location: locate(device.origin, 'unusedPortsShut'),
  };
  if (isUnknown(shut)) {
    const data = { device: device.id, kind: device.kind, expression: shut.origin, reason: shut.reason };
    context.report({ ...base, status: 'unknown', messageId: 'field-unknown', data, detail: 'unknown:unusedPortsShut', unknown: shut });
    return;
  }
  const messageId = shut === false ? 'ports-open' : 'not-recorded';
  context.report({ ...base, status: 'fail', messageId, data: { device: device.id, kind: device.kind }, detail: messageId });
}

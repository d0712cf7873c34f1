import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import { isUnknown } from '../../../unknown.ts';
import { attr, bool, elements, origin } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf } from './record.ts';

/**
 * Monitoring resources. A CloudWatch alarm with actions is centralised
 * monitoring that alerts; GuardDuty watches the whole account. Flow logs show
 * the connections of the VPC or subnet they are attached to.
 */
function mapAlarm(instance: ResourceInstance, context: MappingContext): void {
  const alerting = elements(instance.body, 'alarm_actions').length > 0 && bool(instance.body, 'actions_enabled') !== false;
  evidenceOf(context).applicationMonitors.push({
    id: instance.address,
    centralised: true,
    alerting,
    covers: [],
    origin: origin(instance),
  });
}

function mapDetector(instance: ResourceInstance, context: MappingContext): void {
  if (bool(instance.body, 'enable') === false) return;
  evidenceOf(context).applicationMonitors.push({ id: instance.address, centralised: true, alerting: true, covers: [], origin: origin(instance) });
}

const FLOW_LOG_TARGETS = ['vpc_id', 'subnet_id', 'eni_id', 'transit_gateway_id'];

function mapFlowLog(instance: ResourceInstance, context: MappingContext): void {
  const covers: string[] = [];
  for (const name of FLOW_LOG_TARGETS) {
    const target = attr(instance.body, name)?.value;
    if (isUnknown(target) && target.ref !== undefined) covers.push(target.ref.address);
    else if (typeof target === 'string') covers.push(target);
  }
  evidenceOf(context).networkMonitors.push({ id: instance.address, kind: 'flow-log', covers, showsConnections: true, origin: origin(instance) });
}

export const monitoringMappers: Record<string, ResourceMapper> = {
  aws_cloudwatch_metric_alarm: mapAlarm,
  aws_guardduty_detector: mapDetector,
  aws_flow_log: mapFlowLog,
};

import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import type { Gateway } from '../../types.ts';
import { elements, origin, str } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference, resolveSite } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/** Gateways that connect a VPC to the internet or to other networks. */

function gatewayMapper(kind: Gateway['kind']): ResourceMapper {
  return (instance, context) => {
    const gateway: Gateway = { id: instance.address, kind, origin: origin(instance) };
    context.model.gateways.push(gateway);
    linkGatewaySite(gateway, instance, context);
  };
}

function linkGatewaySite(gateway: Gateway, instance: ResourceInstance, context: MappingContext): void {
  const vpc = elements(instance.body, 'vpc_id')[0];
  if (vpc === undefined) return;
  context.afterMapping('attach', () => {
    const siteId = resolveSite(referenceOf(vpc), context);
    if (siteId !== undefined) gateway.siteId = siteId;
  });
}

/** A NAT gateway is public unless `connectivity_type = "private"`. */
function mapNatGateway(instance: ResourceInstance, context: MappingContext): void {
  const connectivity = str(instance.body, 'connectivity_type');
  const gateway: Gateway = {
    id: instance.address,
    kind: 'nat',
    public: connectivity !== 'private',
    origin: origin(instance),
  };
  context.model.gateways.push(gateway);
  const subnet = elements(instance.body, 'subnet_id')[0];
  if (subnet === undefined) return;
  context.afterMapping('resolve', () => {
    const segmentId = resolveReference(referenceOf(subnet), 'segment', context);
    if (segmentId === undefined) return;
    gateway.segmentId = segmentId;
    const segment = context.model.segments.find((candidate) => candidate.id === segmentId);
    if (segment?.siteId !== undefined) gateway.siteId = segment.siteId;
  });
}

export const gatewayMappers: Record<string, ResourceMapper> = {
  aws_internet_gateway: gatewayMapper('internet'),
  aws_egress_only_internet_gateway: gatewayMapper('egress-only-internet'),
  aws_nat_gateway: mapNatGateway,
  aws_vpn_gateway: gatewayMapper('vpn'),
  aws_ec2_transit_gateway_vpc_attachment: gatewayMapper('transit'),
  aws_vpc_peering_connection: gatewayMapper('peering'),
};

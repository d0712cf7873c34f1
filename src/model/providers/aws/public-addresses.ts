import type { ResourceInstance } from '../../../loaders/terraform/types.ts';
import { elements, type Element } from '../body.ts';
import type { MappingContext } from '../context.ts';
import { referenceOf, resolveReference } from '../references.ts';
import type { ResourceMapper } from '../registry.ts';

/** Elastic IPs: an instance they are bound to has a public address. */

function markPublic(element: Element | undefined, context: MappingContext): void {
  if (element === undefined) return;
  context.afterMapping('derive', () => {
    const hostId = resolveReference(referenceOf(element), 'host', context);
    const host = context.model.hosts.find((candidate) => candidate.id === hostId);
    if (host !== undefined) host.publicAddress = true;
  });
}

function mapEip(instance: ResourceInstance, context: MappingContext): void {
  markPublic(elements(instance.body, 'instance')[0], context);
}

function mapEipAssociation(instance: ResourceInstance, context: MappingContext): void {
  markPublic(elements(instance.body, 'instance_id')[0], context);
}

export const publicAddressMappers: Record<string, ResourceMapper> = {
  aws_eip: mapEip,
  aws_eip_association: mapEipAssociation,
};

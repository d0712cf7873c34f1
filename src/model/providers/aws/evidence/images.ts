import type { ResourceInstance } from '../../../../loaders/terraform/types.ts';
import { Unknown, isUnknown, type Known } from '../../../unknown.ts';
import { attr, elements, origin } from '../../body.ts';
import type { MappingContext } from '../../context.ts';
import { dataSourceAt } from '../../data-sources.ts';
import type { ResourceMapper } from '../../registry.ts';
import { evidenceOf, pushOptional } from './record.ts';

/**
 * The publisher of the image a host boots from. Only an image looked up
 * through `data.aws_ami` names who may publish it (`owners`). A literal AMI id
 * carries no owner in the code and is left out rather than guessed.
 */
function mapImage(instance: ResourceInstance, context: MappingContext): void {
  const ami = attr(instance.body, 'ami') ?? attr(instance.body, 'image_id');
  if (ami === undefined || !isUnknown(ami.value) || ami.value.ref === undefined) return;
  const address = ami.value.ref.address;
  const image = dataSourceAt(context, address);
  if (image === undefined || image.type !== 'aws_ami') return;
  pushOptional(evidenceOf(context), 'imageSources', {
    subject: instance.address,
    image: address,
    owners: ownersOf(image),
    origin: origin(instance),
  });
}

function ownersOf(image: ResourceInstance): Known<string[]> {
  const owners: string[] = [];
  for (const element of elements(image.body, 'owners')) {
    if (isUnknown(element.value)) return element.value;
    if (typeof element.value !== 'string') return new Unknown('not a list of strings', JSON.stringify(element.value));
    owners.push(element.value);
  }
  return owners;
}

export const imageMappers: Record<string, ResourceMapper> = {
  aws_instance: mapImage,
  aws_launch_template: mapImage,
  aws_launch_configuration: mapImage,
};

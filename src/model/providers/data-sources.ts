import type { ResourceInstance } from '../../loaders/terraform/types.ts';
import type { MappingContext } from './context.ts';

/**
 * Data sources as evidence mappers see them. Data sources are not model
 * objects and never reach the network mappers, but some facts live in their
 * arguments (the `owners` of a `data.aws_ami` an instance launches from), so
 * the build keeps them in one lookup table, keyed by address.
 */
const TABLE = 'data-sources';

/** Records every data-source instance of `resources` before mapping starts. */
export function recordDataSources(resources: readonly ResourceInstance[], context: MappingContext): void {
  const table = context.lookup<ResourceInstance>(TABLE);
  for (const instance of resources) if (instance.mode === 'data') table.set(instance.address, instance);
}

/** The data-source instance at `address` (`data.aws_ami.ubuntu`), when the scan has it. */
export function dataSourceAt(context: MappingContext, address: string): ResourceInstance | undefined {
  return context.lookup<ResourceInstance>(TABLE).get(address);
}

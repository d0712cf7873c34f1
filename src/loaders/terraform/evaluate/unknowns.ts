import { Unknown } from '../../../model/unknown.ts';

/**
 * Follows an attribute or index step into an Unknown. The result stays
 * unknown, but its origin and resource reference gain the step, so that
 * `aws_vpc.main.cidr_block_associations[0]` still names its resource.
 */
export function stepInto(unknown: Unknown, step: string): Unknown {
  const suffix = step.startsWith('[') ? step : `.${step}`;
  const ref = unknown.ref && {
    address: unknown.ref.address,
    attribute: `${unknown.ref.attribute}${suffix}`,
  };
  return new Unknown(unknown.reason, `${unknown.origin}${suffix}`, ref);
}

export function computedByProvider(address: string, attribute: string): Unknown {
  return new Unknown('computed by the provider', `${address}.${attribute}`, { address, attribute });
}

export function readFromDataSource(address: string, attribute: string): Unknown {
  return new Unknown('read from a data source at plan time', `${address}.${attribute}`, {
    address,
    attribute,
  });
}

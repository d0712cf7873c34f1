import type { Provider } from '../registry.ts';
import { computeMappers } from './compute.ts';
import { contentFilterMappers } from './content-filters.ts';
import { databaseMappers } from './databases.ts';
import { withEvidence } from './evidence/index.ts';
import { gatewayMappers } from './gateways.ts';
import { loadBalancerMappers } from './load-balancers.ts';
import { networkAclMappers } from './network-acls.ts';
import { networkMappers } from './network.ts';
import { publicAddressMappers } from './public-addresses.ts';
import { routingMappers } from './routing.ts';
import { securityGroupMappers } from './security-groups.ts';
import { storageMappers } from './storage.ts';

/** The AWS provider: every `aws_` resource type zoneguard maps. */
export const awsProvider: Provider = {
  name: 'aws',
  prefix: 'aws_',
  mappers: withEvidence({
    ...networkMappers,
    ...securityGroupMappers,
    ...networkAclMappers,
    ...routingMappers,
    ...gatewayMappers,
    ...computeMappers,
    ...publicAddressMappers,
    ...loadBalancerMappers,
    ...databaseMappers,
    ...storageMappers,
    ...contentFilterMappers,
  }),
};

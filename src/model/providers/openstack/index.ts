import type { Provider } from '../registry.ts';
import { computeMappers } from './compute.ts';
import { loadBalancerMappers } from './load-balancers.ts';
import { networkMappers } from './network.ts';
import { publicAddressMappers } from './public-addresses.ts';
import { routingMappers } from './routing.ts';
import { securityGroupMappers } from './security-groups.ts';

/** The OpenStack provider: every `openstack_` resource type zoneguard maps. */
export const openstackProvider: Provider = {
  name: 'openstack',
  prefix: 'openstack_',
  mappers: {
    ...networkMappers,
    ...securityGroupMappers,
    ...computeMappers,
    ...publicAddressMappers,
    ...routingMappers,
    ...loadBalancerMappers,
  },
};

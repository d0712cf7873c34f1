import type { Provider } from '../registry.ts';
import { computeMappers } from './compute.ts';
import { databaseMappers } from './databases.ts';
import { interfaceMappers } from './interfaces.ts';
import { loadBalancerMappers } from './load-balancers.ts';
import { networkMappers } from './network.ts';
import { routingMappers } from './routing.ts';
import { securityGroupMappers } from './security-groups.ts';

/** The Azure provider: every `azurerm_` resource type zoneguard maps. */
export const azureProvider: Provider = {
  name: 'azure',
  prefix: 'azurerm_',
  mappers: {
    ...networkMappers,
    ...securityGroupMappers,
    ...interfaceMappers,
    ...computeMappers,
    ...databaseMappers,
    ...routingMappers,
    ...loadBalancerMappers,
  },
};

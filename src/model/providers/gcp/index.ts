import type { Provider } from '../registry.ts';
import { computeMappers } from './compute.ts';
import { databaseMappers } from './databases.ts';
import { firewallMappers } from './firewall.ts';
import { loadBalancerMappers } from './load-balancers.ts';
import { networkMappers } from './network.ts';
import { projectMappers } from './projects.ts';
import { routingMappers } from './routing.ts';

/** The Google Cloud provider: every `google_` resource type zoneguard maps. */
export const gcpProvider: Provider = {
  name: 'gcp',
  prefix: 'google_',
  mappers: {
    ...projectMappers,
    ...networkMappers,
    ...firewallMappers,
    ...computeMappers,
    ...databaseMappers,
    ...routingMappers,
    ...loadBalancerMappers,
  },
};

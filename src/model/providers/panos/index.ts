import type { Provider } from '../registry.ts';
import { objectMappers } from './objects.ts';
import { policyMappers } from './policy.ts';

/** The PAN-OS provider: every `panos_` resource type zoneguard maps. */
export const panosProvider: Provider = {
  name: 'panos',
  prefix: 'panos_',
  mappers: {
    ...objectMappers,
    ...policyMappers,
  },
};

import type { Provider } from '../registry.ts';
import { interfaceMappers } from './interfaces.ts';
import { objectMappers } from './objects.ts';
import { policyMappers } from './policy.ts';

/** The FortiOS provider: every `fortios_` resource type zoneguard maps. */
export const fortiosProvider: Provider = {
  name: 'fortios',
  prefix: 'fortios_',
  mappers: {
    ...interfaceMappers,
    ...objectMappers,
    ...policyMappers,
  },
};

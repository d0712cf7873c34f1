import type { Provider } from '../registry.ts';
import { nsxtMappers } from './nsxt.ts';
import { vsphereMappers } from './vsphere.ts';

/** The vSphere provider: port groups, virtual machines and their tags. */
export const vsphereProvider: Provider = { name: 'vsphere', prefix: 'vsphere_', mappers: vsphereMappers };

/** The NSX-T provider: segments, groups, services and distributed firewall policies. */
export const nsxtProvider: Provider = { name: 'nsxt', prefix: 'nsxt_', mappers: nsxtMappers };

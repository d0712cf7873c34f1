import { awsProvider } from './aws/index.ts';
import { azureProvider } from './azure/index.ts';
import { fortiosProvider } from './fortios/index.ts';
import { gcpProvider } from './gcp/index.ts';
import { openstackProvider } from './openstack/index.ts';
import { panosProvider } from './panos/index.ts';
import type { Provider } from './registry.ts';
import { nsxtProvider, vsphereProvider } from './vsphere/index.ts';

/** The providers `buildModel` uses when the caller passes none. */
export const DEFAULT_PROVIDERS: readonly Provider[] = [
  awsProvider,
  azureProvider,
  gcpProvider,
  openstackProvider,
  fortiosProvider,
  panosProvider,
  vsphereProvider,
  nsxtProvider,
];

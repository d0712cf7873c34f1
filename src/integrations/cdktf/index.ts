/**
 * zoneguard for CDK for Terraform and CDK Terrain: `import { ZoneguardAspect } from 'zoneguard/cdktf'`.
 */
export { ZoneguardAspect } from './aspect.ts';
export type { ZoneguardAspectOptions } from './options.ts';

// The `zoneguard/cdktf` package entry. zoneguard ships TypeScript sources and
// no build step (see bin/zoneguard.js), so this file loads them through tsx,
// scoped to this import. A cdktf app that imports it must run as an ES module.
import { tsImport } from 'tsx/esm/api';

const cdktf = await tsImport('./index.ts', import.meta.url);

export const { ZoneguardAspect } = cdktf;

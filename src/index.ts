// The library entry (`import { scan } from 'zoneguard'`): the scan facade,
// config loading, the reporters and the types they exchange.
export { scan, type ScanOptions } from './engine/scan.ts';
export type { ScanResult } from './engine/result.ts';
export type { Finding, RuleMeta, Severity, Language } from './engine/types.ts';
export type { ZoneguardConfig } from './engine/config.ts';
export type { Diagnostic } from './diagnostics.ts';
export { loadConfig } from './engine/config-load.ts';
export { renderJson } from './reporters/json.ts';
export { renderSarif } from './reporters/sarif.ts';
export { renderText } from './reporters/text.ts';
export { scanPulumiProgram } from './integrations/pulumi/scan-program.ts';

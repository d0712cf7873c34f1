import { loadPulumi } from '../../loaders/pulumi/index.ts';
import type { ScanResult } from '../../engine/result.ts';
import { scanLoaded, type PulumiScanOptions } from './scan-loaded.ts';

/** Scans `pulumi preview --json` output or a `pulumi stack export` file. */
export async function scanPulumiFile(file: string, options: PulumiScanOptions = {}): Promise<ScanResult> {
  return scanLoaded(await loadPulumi(file), options);
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ScanResult } from '../../../src/engine/result.ts';
import { scan, type ScanOptions } from '../../../src/engine/scan.ts';
import type { Finding } from '../../../src/engine/types.ts';

/** A fixed day for expiry checks, so that no test depends on today's date. */
export const TODAY = new Date('2026-03-01T12:00:00Z');

/**
 * Writes `files` to a fresh temp folder and runs the real `scan` facade on
 * it. `options` may be a function of the folder, for paths inside it.
 */
export async function scanFiles(
  files: Record<string, string>,
  options: ScanOptions | ((root: string) => ScanOptions) = {},
): Promise<ScanResult & { folder: string }> {
  const root = await mkdtemp(join(tmpdir(), 'zoneguard-suppress-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, name)), { recursive: true });
      await writeFile(join(root, name), text);
    }
    const chosen = typeof options === 'function' ? options(root) : options;
    const result = await scan([root], { now: TODAY, ...chosen, cwd: root });
    return { ...result, folder: root };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** `rule address` of each finding, suppressed ones marked, sorted. */
export function outcomeOf(findings: readonly Finding[]): string[] {
  return findings
    .map((f) => `${f.ruleId} ${f.address}${f.suppression ? ` suppressed(${f.suppression.kind})` : ''}`)
    .sort();
}

/** The diagnostics of one code as `line: message`. */
export function diagnosticsOf(result: ScanResult, code: string): string[] {
  return result.diagnostics
    .filter((d) => d.code === code)
    .map((d) => `${d.location?.range?.startLine ?? '-'}: ${d.message}`);
}

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics.ts';
import { findCdktfStacks } from './index.ts';

/**
 * Replaces each cdktf project folder (with `cdktf.json`) or synthesized output
 * folder (`cdktf.out`) among the scan paths by the stack folders its manifest
 * lists. Other paths pass through unchanged. A project folder needs this
 * because the Terraform folder walk skips `cdktf.out`. Going by the manifest
 * also leaves out stack folders of stacks the app has removed.
 */
export async function expandCdktfPaths(paths: string[], cwd: string): Promise<{ paths: string[]; diagnostics: Diagnostic[] }> {
  const expanded: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const output = (await isFolder(absolute)) ? await findCdktfStacks(absolute) : undefined;
    if (output === undefined) {
      expanded.push(path);
      continue;
    }
    expanded.push(...output.stacks.map((stack) => stack.folder));
    diagnostics.push(...output.diagnostics);
  }
  return { paths: expanded, diagnostics };
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

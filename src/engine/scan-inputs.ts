import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { findRootModules } from '../loaders/terraform/parse/files.ts';
import { isPlanFile } from './scan-plan-input.ts';

export interface ScanInputs {
  /** Absolute root module folders, each loaded on its own, in a stable order. */
  roots: string[];
  /** Absolute paths of plan JSON files given explicitly, each loaded by the plan loader. */
  plans: string[];
  diagnostics: Diagnostic[];
}

/**
 * Turns the paths given to `scan` into root modules and plans: a plan JSON
 * file (known by its content) is scanned as a plan, a Terraform file stands
 * for its folder, a folder is searched for root modules. Any other file is an
 * `unsupported-format` error, and a path that does not exist is a
 * `file-unreadable` error.
 */
export async function resolveScanInputs(paths: string[], cwd: string): Promise<ScanInputs> {
  const roots = new Set<string>();
  const plans = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const kind = await pathKind(absolute);
    if (kind === 'file' && (await isPlanFile(absolute))) plans.add(absolute);
    else if (kind === 'file' && isTerraformFile(absolute)) roots.add(dirname(absolute));
    else if (kind === 'file') diagnostics.push(unreadableFormat(absolute));
    else if (kind === 'folder') {
      for (const root of await findRootModules(absolute)) roots.add(resolve(absolute, root));
    } else diagnostics.push(missingPath(absolute, kind.error));
  }
  return { roots: [...roots].sort(), plans: [...plans].sort(), diagnostics };
}

/** Files that stand for their folder's root module. */
const TERRAFORM_SUFFIXES = ['.tf', '.tf.json', '.tfvars', '.tfvars.json'];

function isTerraformFile(path: string): boolean {
  return TERRAFORM_SUFFIXES.some((suffix) => path.endsWith(suffix));
}

/**
 * Reports a file named on the command line that no loader reads, such as a
 * truncated plan. Passing it silently would let a broken pipeline step pass.
 */
function unreadableFormat(path: string): Diagnostic {
  return {
    code: 'unsupported-format',
    severity: 'error',
    message: `${path} is not a file zoneguard reads: not Terraform (.tf, .tf.json, .tfvars), not the JSON of a Terraform plan or a Pulumi preview or export, and not a design file. It was not scanned.`,
    hint: 'Check the path; for a plan, write it with `terraform show -json plan.out > plan.json` and check that the command succeeded.',
    location: { file: path },
  };
}

async function pathKind(path: string): Promise<'file' | 'folder' | { error: string }> {
  try {
    const stats = await stat(path);
    return stats.isDirectory() ? 'folder' : 'file';
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}

function missingPath(path: string, reason: string): Diagnostic {
  const missing = reason === 'ENOENT';
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: missing
      ? `The path ${path} does not exist, so it was not scanned.`
      : `The path ${path} could not be read (${reason}), so it was not scanned.`,
    hint: 'Check the path given to zoneguard.',
    location: { file: path },
  };
}

/** The folder every report is relative to: the single folder given, or `cwd`. */
export async function commonScanRoot(paths: string[], cwd: string): Promise<string> {
  if (paths.length !== 1 || paths[0] === undefined) return cwd;
  const absolute = resolve(cwd, paths[0]);
  const kind = await pathKind(absolute);
  return kind === 'file' ? dirname(absolute) : kind === 'folder' ? absolute : cwd;
}

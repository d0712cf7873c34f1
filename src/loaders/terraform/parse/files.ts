import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import createDebug from 'debug';
import type { Body } from '../ast.ts';
import { isJsonConfigPath, parseFile } from './parse-file.ts';
import { readSourceFile } from './source-file.ts';

const log = createDebug('zoneguard:load:files');

/** Folders never searched for root modules: tool caches, dependencies, and cdktf output (read by its own loader). */
const SKIPPED_FOLDERS = new Set(['.terraform', 'node_modules', '.git', 'cdktf.out']);

export function isConfigFileName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/** Editor leftovers: `main.tf~` does not match the suffixes, but `.#main.tf` (an Emacs lock link) and `#main.tf#` do. */
function isEditorLeftover(name: string): boolean {
  return name.endsWith('~') || name.startsWith('.#') || (name.startsWith('#') && name.endsWith('#'));
}

/**
 * Lists the `.tf` and `.tf.json` files of one module folder, not its
 * subfolders, sorted by name as Terraform reads them. Returns absolute paths.
 */
export async function listModuleFiles(dir: string): Promise<string[]> {
  const folder = resolve(dir);
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!isConfigFileName(entry.name) || isEditorLeftover(entry.name)) continue;
    const path = join(folder, entry.name);
    // Terraform skips folders named like config files. Anything else, a
    // dangling symlink or a FIFO included, is listed so that the parser
    // reports it as unreadable rather than the scan passing it over.
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path)))) continue;
    files.push(path);
  }
  return files.sort();
}

/**
 * Folders below `root` with Terraform files, each visited once by real path.
 * Symlinked folders wait until the real folders are done, so a folder reached
 * both ways is reported under its real location, and a symlink loop ends.
 */
async function findModuleFolders(root: string): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  const pending = [resolve(root)];
  const pendingLinks: string[] = [];
  while (pending.length > 0 || pendingLinks.length > 0) {
    const folder = pending.pop() ?? pendingLinks.shift()!;
    const real = await realpath(folder).catch(() => undefined);
    if (real === undefined || visited.has(real)) continue;
    visited.add(real);
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      log('cannot list %s: %O', folder, error);
      return [];
    });
    entries.sort((left, right) => (left.name < right.name ? 1 : -1));
    if (entries.some((entry) => isConfigFileName(entry.name) && !isEditorLeftover(entry.name))) found.push(folder);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isSymbolicLink() && (await isDirectory(path))) pendingLinks.push(path);
    }
  }
  return found.sort();
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Returns the local `source` paths (`./x`, `../x`) of the module blocks in a body. */
function localModuleSources(body: Body): string[] {
  const sources: string[] = [];
  for (const block of body.blocks) {
    if (block.type !== 'module') continue;
    const source = block.body.attributes.find((attribute) => attribute.name === 'source')?.expression;
    if (source?.kind !== 'template' || source.parts.length !== 1) continue;
    const [part] = source.parts;
    if (part?.kind !== 'literal') continue;
    if (part.text.startsWith('./') || part.text.startsWith('../')) sources.push(part.text);
  }
  return sources;
}

/**
 * True when a native HCL file cannot hold a module block: a block type is a
 * bare identifier, so such a block always has the word `module` in its text.
 * The loader parses every file again, so skipping the parse here halves the
 * parse time of a large estate. JSON keys may be written with escapes, so
 * `.tf.json` files are always parsed.
 */
function cannotCallModules(path: string, bytes: Buffer): boolean {
  return !isJsonConfigPath(path) && !bytes.includes('module');
}

/** Real paths of the folders that module blocks in `folder` load as local modules. */
async function moduleSourceFolders(folder: string): Promise<string[]> {
  const targets: string[] = [];
  for (const file of await listModuleFiles(folder)) {
    const { bytes } = await readSourceFile(file);
    if (bytes === undefined || cannotCallModules(file, bytes)) continue;
    const parsed = await parseFile(file, bytes);
    for (const source of localModuleSources(parsed.body)) {
      targets.push(await realpath(resolve(folder, source)).catch(() => resolve(folder, source)));
    }
  }
  return targets;
}

/**
 * Finds the root modules under `path`: folders with `.tf` or `.tf.json`
 * files, skipping hidden folders, `.terraform`, `node_modules` and `cdktf.out`.
 * A folder that another found folder calls as a local module (`source =
 * "./…"` or `"../…"`) is that folder's child module, not a root. `path` may
 * itself be a module folder. Returns absolute paths, sorted.
 */
export async function findRootModules(path: string): Promise<string[]> {
  const folders = await findModuleFolders(path);
  const called = new Set<string>();
  for (const folder of folders) {
    const real = await realpath(folder);
    for (const target of await moduleSourceFolders(folder)) {
      if (target !== real) called.add(target);
    }
  }
  // NOTE: two folders that call each other as modules are both left out, and no diagnostic says so.
  const roots: string[] = [];
  for (const folder of folders) {
    if (!called.has(await realpath(folder))) roots.push(folder);
  }
  log('found %d root modules under %s', roots.length, path);
  return roots;
}


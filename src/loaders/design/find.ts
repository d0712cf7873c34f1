import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDesignFileName } from './index.ts';

/** Folders never searched for design files: dependencies, VCS data, provider caches. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', 'cdktf.out']);

/**
 * Lists the design files among the scan paths: a path that is itself a
 * `*.zoneguard.yml` file, and every such file inside a scanned folder.
 * Missing paths are left to the code input resolver, which reports them.
 */
export async function findDesignFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const kind = await kindOf(absolute);
    if (kind === 'file' && isDesignFileName(absolute)) found.add(absolute);
    if (kind === 'folder') for (const file of await walk(absolute)) found.add(file);
  }
  return [...found].sort();
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) files.push(...(await walk(path)));
    else if (entry.isFile() && isDesignFileName(entry.name)) files.push(path);
  }
  return files;
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

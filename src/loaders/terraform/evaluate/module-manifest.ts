import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import createDebug from 'debug';
import type { Diagnostic } from '../../../diagnostics.ts';

const log = createDebug('zoneguard:load:module-manifest');

/**
 * The folders `terraform init` downloaded modules to, from
 * `.terraform/modules/modules.json`, keyed by the call names from the root
 * joined with dots (`vpc.subnets`).
 */
export interface ModuleManifest {
  dirs: Map<string, string>;
  diagnostics: Diagnostic[];
}

interface ManifestEntry {
  Key?: unknown;
  Dir?: unknown;
}

export function readModuleManifest(root: string): ModuleManifest {
  const path = join(root, '.terraform', 'modules', 'modules.json');
  const manifest: ModuleManifest = { dirs: new Map(), diagnostics: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    log('no module manifest at %s', path);
    return manifest;
  }
  try {
    const entries = (JSON.parse(text.replace(/^\uFEFF/, '')) as { Modules?: ManifestEntry[] }).Modules ?? [];
    for (const entry of entries) {
      if (typeof entry.Key === 'string' && typeof entry.Dir === 'string' && entry.Key !== '') {
        manifest.dirs.set(entry.Key, resolve(root, entry.Dir));
      }
    }
  } catch (error) {
    manifest.diagnostics.push({
      code: 'file-unreadable',
      severity: 'warning',
      message: `${path} is not valid JSON (${(error as Error).message}), so downloaded modules were not read.`,
      hint: 'Run `terraform init` again to rewrite the module manifest.',
      location: { file: path },
    });
  }
  return manifest;
}

import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

/** A Pulumi project folder as the runner needs it. */
export interface PulumiProject {
  dir: string;
  name: string;
  /** The program's entry file: `main` of Pulumi.yaml, or index.ts / index.js. */
  entry: string;
  /** Values of `Pulumi.<stack>.yaml` and the defaults of Pulumi.yaml, keyed `project:key`. */
  config: Record<string, string>;
}

/**
 * Reads `Pulumi.yaml` (and `Pulumi.<stack>.yaml`, when present). Returns a
 * sentence saying what is wrong when the folder is not a Node.js project.
 */
export async function readProject(dir: string, stack: string): Promise<PulumiProject | string> {
  const root = resolve(dir);
  const manifest = await readYaml(join(root, 'Pulumi.yaml'));
  if (manifest === undefined) return `${root} has no readable Pulumi.yaml`;
  const runtime = typeof manifest['runtime'] === 'string' ? manifest['runtime'] : (manifest['runtime'] as { name?: unknown } | undefined)?.name;
  if (runtime !== 'nodejs') return `the runtime of ${root}/Pulumi.yaml is ${JSON.stringify(runtime)}; the runner reads only nodejs (TypeScript) programs`;
  const name = typeof manifest['name'] === 'string' ? manifest['name'] : 'project';
  const entry = await entryFile(root, manifest['main']);
  if (entry === undefined) return `${root} has no index.ts or index.js, and Pulumi.yaml names no main file`;
  const config = { ...defaults(name, manifest['config']), ...stackConfig(name, await readYaml(join(root, `Pulumi.${stack}.yaml`))) };
  return { dir: root, name, entry, config };
}

async function entryFile(root: string, main: unknown): Promise<string | undefined> {
  const base = typeof main === 'string' ? resolve(root, main) : root;
  const candidates = (await isFile(base)) ? [base] : ['index.ts', 'index.js', 'index.mts', 'index.mjs'].map((file) => join(base, file));
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return undefined;
}

/** Pulumi.yaml `config:` entries with a `default`. */
function defaults(project: string, config: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof config !== 'object' || config === null) return result;
  for (const [key, spec] of Object.entries(config as Record<string, unknown>)) {
    const value = typeof spec === 'object' && spec !== null ? (spec as { default?: unknown }).default : spec;
    if (value !== undefined) result[fullKey(project, key)] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return result;
}

/** `Pulumi.<stack>.yaml` values; encrypted secrets stay out, so the program sees them as unset. */
function stackConfig(project: string, document: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  const config = document?.['config'];
  if (typeof config !== 'object' || config === null) return result;
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (typeof value === 'object' && value !== null && 'secure' in value) continue;
    result[fullKey(project, key)] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return result;
}

function fullKey(project: string, key: string): string {
  return key.includes(':') ? key : `${project}:${key}`;
}

async function readYaml(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const document = load(await readFile(path, 'utf8'));
    return typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isFile(), () => false);
}

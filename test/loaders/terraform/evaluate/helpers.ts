import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadAndEvaluate } from '../../../../src/loaders/terraform/evaluate/load.ts';
import { FUNCTIONS } from '../../../../src/loaders/terraform/functions/index.ts';
import { parseFile } from '../../../../src/loaders/terraform/parse/index.ts';
import type {
  EvaluatedBody,
  ResourceInstance,
  TerraformLoadOptions,
  TerraformLoadResult,
  Value,
} from '../../../../src/loaders/terraform/types.ts';

/** Writes `files` (relative path to text) into a new temporary folder and returns it. */
export function writeFixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zoneguard-evaluate-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

/** The `.tf` and `.tf.json` files of a folder, sorted by name. */
function listTerraformFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Loads a fixture folder with the real parser and function library. */
export function load(root: string, options: TerraformLoadOptions = {}): Promise<TerraformLoadResult> {
  return loadAndEvaluate(root, options, {
    reader: { listFiles: listTerraformFiles, parse: (path) => parseFile(path) },
    parse: parseFile,
    functions: FUNCTIONS,
  });
}

export async function loadFiles(files: Record<string, string>, options: TerraformLoadOptions = {}): Promise<TerraformLoadResult> {
  return load(writeFixture(files), options);
}

export function resource(result: TerraformLoadResult, address: string): ResourceInstance {
  const found = result.resources.find((instance) => instance.address === address);
  if (!found) {
    const known = result.resources.map((instance) => instance.address).join(', ');
    throw new Error(`no resource ${address}; found: ${known}`);
  }
  return found;
}

export function attribute(result: TerraformLoadResult, address: string, name: string): Value | undefined {
  return resource(result, address).body.attributes[name]?.value;
}

export function blocks(body: EvaluatedBody, type: string): EvaluatedBody[] {
  return body.blocks.filter((block) => block.type === type).map((block) => block.body);
}

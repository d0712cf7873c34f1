import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadTerraform } from '../../../../src/loaders/terraform/index.ts';
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

/** Loads a fixture folder through the public entry point, with the real parser and functions. */
export function load(root: string, options: TerraformLoadOptions = {}): Promise<TerraformLoadResult> {
  return loadTerraform(root, options);
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

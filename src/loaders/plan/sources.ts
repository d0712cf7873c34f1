import { resolve } from 'node:path';
import createDebug from 'debug';
import type { Diagnostic } from '../../diagnostics.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { Block } from '../terraform/ast.ts';
import { listModuleFiles, parseFile } from '../terraform/parse/index.ts';
import type { BlockHeader, SourceComment } from '../terraform/types.ts';
import type { PlanConfiguration } from './configuration.ts';

const debug = createDebug('zoneguard:load:plan-sources');

/** The `.tf` sources of a plan, parsed, so that plan addresses point at their blocks. */
export interface PlanSources {
  files: string[];
  comments: SourceComment[];
  headers: BlockHeader[];
  diagnostics: Diagnostic[];
  /** Resource and data blocks by module path and address: `tier|aws_security_group.web`. */
  blocks: Map<string, Block>;
}

export function emptySources(): PlanSources {
  return { files: [], comments: [], headers: [], diagnostics: [], blocks: new Map() };
}

export function blockKey(moduleNames: readonly string[], resource: string): string {
  return `${moduleNames.join('/')}|${resource}`;
}

/**
 * Parses the root module folder and every local module folder that the plan's
 * `module_calls` name (`source = "./modules/tier"`). Registry and remote
 * modules have no folder here; their resources keep the plan file as location.
 */
export async function readSources(root: string, configuration: PlanConfiguration): Promise<PlanSources> {
  const sources = emptySources();
  const pending: Array<{ folder: string; names: string[] }> = [{ folder: root, names: [] }];
  while (pending.length > 0) {
    const { folder, names } = pending.pop()!;
    await readFolder(folder, names, sources);
    const calls = configuration.module(names)?.module_calls ?? {};
    for (const [name, call] of Object.entries(calls)) {
      if (call.source?.startsWith('./') || call.source?.startsWith('../')) {
        pending.push({ folder: resolve(folder, call.source), names: [...names, name] });
      }
    }
  }
  debug('read %d source files, %d resource blocks', sources.files.length, sources.blocks.size);
  return sources;
}

async function readFolder(folder: string, names: string[], sources: PlanSources): Promise<void> {
  const files = await listModuleFiles(folder).catch(() => []);
  for (const path of files) {
    const parsed = await parseFile(path);
    sources.files.push(path);
    sources.comments.push(...parsed.comments);
    sources.headers.push(...parsed.headers);
    sources.diagnostics.push(...parsed.diagnostics);
    for (const block of parsed.body.blocks) {
      const address = blockAddress(block);
      if (address !== undefined) sources.blocks.set(blockKey(names, address), block);
    }
  }
}

function blockAddress(block: Block): string | undefined {
  const [type, name] = block.labels;
  if (type === undefined || name === undefined) return undefined;
  if (block.type === 'resource') return `${type}.${name}`;
  if (block.type === 'data') return `data.${type}.${name}`;
  return undefined;
}

/** Locations of one resource block's attributes and nested blocks, by name. */
export interface BlockLocations {
  block: SourceLocation;
  attribute(name: string): SourceLocation | undefined;
  /** Locations of the nested blocks named `name`, in order; undefined when `dynamic` makes the order unknowable. */
  nested(name: string): SourceLocation[] | undefined;
}

export function blockLocations(block: Block): BlockLocations {
  return {
    block: block.location,
    attribute: (name) => block.body.attributes.find((attribute) => attribute.name === name)?.location,
    nested: (name) => {
      const dynamic = block.body.blocks.some((inner) => inner.type === 'dynamic' && inner.labels[0] === name);
      if (dynamic) return undefined;
      return block.body.blocks.filter((inner) => inner.type === name).map((inner) => inner.location);
    },
  };
}

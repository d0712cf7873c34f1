import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../../diagnostics.ts';
import type { Block, ConfigFile } from '../ast.ts';
import { indexModule, type ModuleConfig } from './module-config.ts';
import { type ModuleManifest, readModuleManifest } from './module-manifest.ts';

/** The file listing and parsing the loader uses to read a module folder. */
export interface ModuleReader {
  listFiles(dir: string): Promise<string[]> | string[];
  parse(path: string): Promise<ConfigFile>;
}

/** A module folder reached through one chain of module calls. */
export interface ModuleNode {
  config: ModuleConfig;
  /** Call names from the root (`['tenants', 'network']`); empty for the root. */
  callPath: string[];
  calls: Map<string, CallTarget>;
}

export type CallTarget = { kind: 'loaded'; node: ModuleNode } | { kind: 'not-followed'; reason: string };

export interface ModuleTree {
  root: ModuleNode;
  /** Every module file read, each once. */
  files: ConfigFile[];
  diagnostics: Diagnostic[];
}

/** Module calls nest at most this deep; deeper chains are reported, not followed. */
const MAX_MODULE_DEPTH = 32;

/**
 * Reads the root module and every module it calls, before evaluation: a
 * module `source` is a literal in Terraform, so the folders are known without
 * evaluating anything. A folder read through several calls is parsed once.
 */
export async function loadModuleTree(root: string, reader: ModuleReader): Promise<ModuleTree> {
  const loader = new TreeLoader(root, reader, readModuleManifest(root));
  const rootNode = await loader.loadNode(root, [], []);
  return { root: rootNode, files: loader.files, diagnostics: loader.diagnostics };
}

class TreeLoader {
  readonly files: ConfigFile[] = [];
  readonly diagnostics: Diagnostic[];
  private readonly configs = new Map<string, Promise<ModuleConfig>>();

  constructor(
    private readonly root: string,
    private readonly reader: ModuleReader,
    private readonly manifest: ModuleManifest,
  ) {
    this.diagnostics = [...manifest.diagnostics];
  }

  async loadNode(dir: string, callPath: string[], ancestry: string[]): Promise<ModuleNode> {
    const config = await this.loadConfig(dir);
    const node: ModuleNode = { config, callPath, calls: new Map() };
    const chain = [...ancestry, canonicalDir(dir)];
    for (const [name, block] of config.moduleCalls) {
      node.calls.set(name, await this.followCall(config.dir, [...callPath, name], block, chain));
    }
    return node;
  }

  private loadConfig(dir: string): Promise<ModuleConfig> {
    let config = this.configs.get(dir);
    if (!config) {
      config = this.readConfig(dir);
      this.configs.set(dir, config);
    }
    return config;
  }

  private async readConfig(dir: string): Promise<ModuleConfig> {
    let paths: string[] = [];
    try {
      paths = await this.reader.listFiles(dir);
    } catch (error) {
      this.diagnostics.push({
        code: 'file-unreadable',
        severity: 'error',
        message: `The module folder ${dir} could not be listed: ${(error as Error).message}.`,
        hint: 'Check that the folder exists and that the scan may read it.',
        location: { file: dir },
      });
    }
    const files = await Promise.all(paths.map((path) => this.reader.parse(path)));
    this.files.push(...files);
    for (const file of files) this.diagnostics.push(...file.diagnostics);
    const config = indexModule(dir, files);
    this.diagnostics.push(...config.diagnostics);
    return config;
  }

  private async followCall(parentDir: string, callPath: string[], block: Block, chain: string[]): Promise<CallTarget> {
    const address = callPath.map((name) => `module.${name}`).join('.');
    const source = block.body.attributes.find((attribute) => attribute.name === 'source');
    const location = source?.location ?? block.location;
    const sourceText = source && literalText(source.expression);
    if (sourceText === undefined) {
      return this.notFollowed(address, location, `The source of ${address} is missing or is not a literal string, so the module was not read.`, 'Write the module source as a quoted string.', 'error');
    }
    const local = isLocalSource(sourceText);
    const dir = local ? resolve(parentDir, sourceText) : this.manifest.dirs.get(callPath.join('.'));
    if (local && !existsSync(dir as string)) {
      return this.notFollowed(address, location, `The folder ${dir} of module ${address} does not exist, so its resources were not scanned.`, 'Correct the module source path.', 'warning');
    }
    if (!dir || !existsSync(dir)) {
      return this.notFollowed(address, location, `The module ${address} comes from "${sourceText}", which has not been downloaded, so its resources were not scanned.`, 'Run `terraform init` so zoneguard can read it.', 'warning');
    }
    if (chain.includes(canonicalDir(dir))) {
      return this.notFollowed(address, location, `The module ${address} calls a module that is already being loaded through this chain of calls (${dir}); the cycle was not followed.`, 'Remove the module call that leads back to a calling module.', 'error', 'evaluation-error');
    }
    if (callPath.length > MAX_MODULE_DEPTH) {
      return this.notFollowed(address, location, `The module ${address} is nested more than ${MAX_MODULE_DEPTH} calls deep, so it was not read.`, 'Reduce the nesting of module calls.', 'error', 'evaluation-error');
    }
    return { kind: 'loaded', node: await this.loadNode(dir, callPath, chain) };
  }

  private notFollowed(address: string, location: Block['location'], message: string, hint: string, severity: 'error' | 'warning', code: 'module-not-followed' | 'evaluation-error' = 'module-not-followed'): CallTarget {
    this.diagnostics.push({ code, severity, message, hint, location, subject: address });
    return { kind: 'not-followed', reason: message };
  }
}

/** Tells a local source, relative to the calling module, from one that `terraform init` downloads. */
function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

/** Returns the text of a string literal expression, or undefined for anything else. */
function literalText(expression: Block['body']['attributes'][number]['expression']): string | undefined {
  if (expression.kind === 'literal' && typeof expression.value === 'string') return expression.value;
  if (expression.kind !== 'template') return undefined;
  const texts = expression.parts.map((part) => (part.kind === 'literal' ? part.text : undefined));
  return texts.every((text) => text !== undefined) ? texts.join('') : undefined;
}

function canonicalDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

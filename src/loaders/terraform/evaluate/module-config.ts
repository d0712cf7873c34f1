import type { Diagnostic } from '../../../diagnostics.ts';
import type { Attribute, Block, ConfigFile } from '../ast.ts';

/** A `resource` or `data` block with the file it was read from. */
export interface ResourceDeclaration {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  block: Block;
  file: ConfigFile;
}

/** The declarations of one module folder, from all its files, before evaluation. */
export interface ModuleConfig {
  dir: string;
  /** The files that were evaluated: those without an error diagnostic. */
  files: ConfigFile[];
  variables: Map<string, Block>;
  locals: Map<string, Attribute>;
  /** Keyed by `type.name`, in declaration order. */
  resources: Map<string, ResourceDeclaration>;
  /** Keyed by `type.name`, in declaration order. */
  dataSources: Map<string, ResourceDeclaration>;
  moduleCalls: Map<string, Block>;
  outputs: Map<string, Block>;
  /** Duplicate declarations and other faults found while indexing. */
  diagnostics: Diagnostic[];
}

/** Collects the top-level declarations of a module's files. Files with a parse error are skipped. */
export function indexModule(dir: string, files: ConfigFile[]): ModuleConfig {
  const config: ModuleConfig = {
    dir,
    files: files.filter((file) => !file.diagnostics.some((d) => d.severity === 'error')),
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    dataSources: new Map(),
    moduleCalls: new Map(),
    outputs: new Map(),
    diagnostics: [],
  };
  for (const file of config.files) for (const block of file.body.blocks) indexBlock(config, block, file);
  return config;
}

function indexBlock(config: ModuleConfig, block: Block, file: ConfigFile): void {
  const [first, second] = block.labels;
  switch (block.type) {
    case 'variable':
      if (first !== undefined) declare(config, config.variables, first, block, `var.${first}`);
      return;
    case 'locals':
      for (const attribute of block.body.attributes) {
        declare(config, config.locals, attribute.name, attribute, `local.${attribute.name}`);
      }
      return;
    case 'output':
      if (first !== undefined) declare(config, config.outputs, first, block, `output.${first}`);
      return;
    case 'module':
      if (first !== undefined) declare(config, config.moduleCalls, first, block, `module.${first}`);
      return;
    case 'resource':
    case 'data': {
      if (first === undefined || second === undefined) return;
      const mode = block.type === 'resource' ? 'managed' : 'data';
      const declarations = mode === 'managed' ? config.resources : config.dataSources;
      const address = `${mode === 'data' ? 'data.' : ''}${first}.${second}`;
      declare(config, declarations, `${first}.${second}`, { mode, type: first, name: second, block, file }, address);
    }
  }
}

function declare<T extends { location: Attribute['location'] } | ResourceDeclaration>(
  config: ModuleConfig,
  declarations: Map<string, T>,
  key: string,
  declaration: T,
  address: string,
): void {
  if (!declarations.has(key)) {
    declarations.set(key, declaration);
    return;
  }
  const location = 'block' in declaration ? declaration.block.location : declaration.location;
  config.diagnostics.push({
    code: 'evaluation-error',
    severity: 'error',
    message: `${address} is declared more than once in ${config.dir}; only the first declaration is used.`,
    hint: 'Remove or rename the duplicate declaration.',
    location,
    subject: address,
  });
}

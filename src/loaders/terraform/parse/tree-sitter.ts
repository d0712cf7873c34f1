import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import createDebug from 'debug';
import { Language, Parser } from 'web-tree-sitter';

const log = createDebug('zoneguard:load:tree-sitter');

let parserPromise: Promise<Parser> | undefined;
let readyParser: Parser | undefined;

/** Locates the Terraform grammar shipped in `@tree-sitter-grammars/tree-sitter-hcl`. */
function terraformGrammarPath(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json');
  return join(dirname(packageJson), 'tree-sitter-terraform.wasm');
}

async function createParser(): Promise<Parser> {
  await Parser.init();
  const grammarPath = terraformGrammarPath();
  const language = await Language.load(grammarPath);
  const parser = new Parser();
  parser.setLanguage(language);
  log('loaded grammar %s', grammarPath);
  readyParser = parser;
  return parser;
}

/**
 * Loads the WebAssembly runtime and the Terraform grammar once per process.
 * A failed load is not cached, so a later call retries it.
 */
export function loadParser(): Promise<Parser> {
  parserPromise ??= createParser().catch((error: unknown) => {
    parserPromise = undefined;
    throw error;
  });
  return parserPromise;
}

/** Returns the parser after `loadParser` has resolved; throws before that. */
export function readyHclParser(): Parser {
  if (!readyParser) throw new Error('The HCL parser is not loaded yet: await loadParser() first.');
  return readyParser;
}

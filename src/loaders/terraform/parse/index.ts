/** The parse layer of the Terraform loader: files to syntax trees, with locations, comments and diagnostics. */
export { findRootModules, listModuleFiles } from './files.ts';
export { parseHcl } from './hcl.ts';
export { parseJsonConfig } from './json.ts';
export { isJsonConfigPath, parseFile } from './parse-file.ts';
export { loadParser } from './tree-sitter.ts';

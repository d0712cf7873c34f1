import { statSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { defineFunction } from './call.ts';
import type { TerraformFunction } from './types.ts';
import { isRecord } from './values.ts';

const file = defineFunction('file', { params: ['path'] }, (call) =>
  call.context.readFile(call.string(0)),
);

/** Renders a template file; Unknown variables are passed on for the template to handle. */
const templatefile = defineFunction('templatefile', { params: ['path', 'vars'] }, (call) => {
  const text = call.context.readFile(call.string(0));
  const variables = call.value(1);
  if (!isRecord(variables)) return call.fail(1, 'expected a map or object of template variables');
  return call.context.renderTemplate(text, variables);
});

/**
 * True for a regular file. Relative paths resolve against the module folder, as
 * `readFile` does; a directory is an error, as in Terraform.
 */
const fileexists = defineFunction('fileexists', { params: ['path'] }, (call) => {
  const path = resolve(call.context.moduleDir, call.string(0));
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return false;
  if (stats.isDirectory()) call.fail(0, `${path} is a directory, not a file`);
  return stats.isFile();
});

/** Resolves against the module folder and writes `/` separators, as Terraform does on every OS. */
const abspath = defineFunction('abspath', { params: ['path'] }, (call) =>
  resolve(call.context.moduleDir, call.string(0)).replace(/\\/g, '/'),
);

const basename = defineFunction('basename', { params: ['path'] }, (call) => {
  const path = call.string(0);
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : posix.basename(trimmed);
});

const dirname = defineFunction('dirname', { params: ['path'] }, (call) => {
  const path = call.string(0);
  return path === '' ? '.' : posix.dirname(path);
});

export const FILE_FUNCTIONS: Record<string, TerraformFunction> = {
  abspath,
  basename,
  dirname,
  file,
  fileexists,
  templatefile,
};

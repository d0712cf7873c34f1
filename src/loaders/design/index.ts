import { basename } from 'node:path';
import createDebug from 'debug';
import { originFactory } from './locate.ts';
import { readDesign } from './read.ts';
import type { DesignDocument, DesignLoadResult } from './types.ts';

export type * from './types.ts';

const debug = createDebug('zoneguard:load:design');

/** The suffix that marks a design file inside a scanned folder. */
export const DESIGN_FILE_SUFFIX = '.zoneguard.yml';

/** True for `dc.zoneguard.yml`; false for the config file `.zoneguard.yml` itself. */
export function isDesignFileName(path: string): boolean {
  const name = basename(path);
  return name.endsWith(DESIGN_FILE_SUFFIX) && name.length > DESIGN_FILE_SUFFIX.length;
}

/**
 * Reads and validates one design file. The result carries the document and a
 * factory for origins at its YAML lines; problems are diagnostics.
 */
export async function loadDesign(file: string): Promise<DesignLoadResult> {
  const read = await readDesign(file);
  if (read.data === undefined || read.positions === undefined) return { diagnostics: read.diagnostics };
  debug('read design file %s', file);
  const document = read.data as DesignDocument;
  return {
    design: { file, document, originOf: originFactory(file, document, read.positions) },
    diagnostics: read.diagnostics,
  };
}

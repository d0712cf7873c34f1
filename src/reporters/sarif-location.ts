import { pathToFileURL } from 'node:url';
import type { SourceLocation, SourceRange } from '../model/location.ts';
import { isOutsideRoot, relativePath } from './paths.ts';

export const SOURCE_ROOT = '%SRCROOT%';

/**
 * Builds a SARIF `location`. Files under the root get a relative URI against
 * `%SRCROOT%`; a file outside it (a cached registry module) keeps an absolute
 * `file:` URI. The region is left out where the input has no source lines.
 */
export function sarifLocation(root: string, location: SourceLocation, message?: string) {
  const relative = relativePath(root, location.file);
  const artifactLocation = isOutsideRoot(relative)
    ? { uri: pathToFileURL(relative).href }
    : { uri: encodeURI(relative), uriBaseId: SOURCE_ROOT };
  const region = sarifRegion(location.range);
  return {
    physicalLocation: region ? { artifactLocation, region } : { artifactLocation },
    ...(message !== undefined ? { message: { text: message } } : {}),
  };
}

/** Converts a range to a SARIF region, or undefined when the range has no valid start line. */
export function sarifRegion(range: SourceRange | undefined) {
  if (!range || !(range.startLine >= 1)) return undefined;
  const startColumn = Math.max(range.startColumn, 1);
  const endValid =
    range.endLine > range.startLine ||
    (range.endLine === range.startLine && range.endColumn >= startColumn);
  return endValid
    ? { startLine: range.startLine, startColumn, endLine: range.endLine, endColumn: range.endColumn }
    : { startLine: range.startLine, startColumn };
}

/** `originalUriBaseIds` value for the scan root; SARIF requires the trailing slash. */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

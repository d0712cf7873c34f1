import type { SourceLocation } from '../model/location.ts';
import { relativePath } from './paths.ts';

/** `file:line:col`, or just `file` where the location has no source range. */
export function formatLocation(root: string, location: SourceLocation): string {
  const file = relativePath(root, location.file);
  const range = location.range;
  if (!range || range.startLine < 1) return file;
  return `${file}:${range.startLine}:${Math.max(range.startColumn, 1)}`;
}

/** `file:line`, the short form used inside evidence chains. */
export function formatLine(root: string, location: SourceLocation): string {
  const file = relativePath(root, location.file);
  const range = location.range;
  if (!range || range.startLine < 1) return file;
  return `${file}:${range.startLine}`;
}

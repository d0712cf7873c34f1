import type { SourceLocation } from '../../../model/location.ts';
import type { Point } from './cst.ts';

/** Converts zero-based points into a location with 1-based lines and columns. */
export function locationBetween(file: string, start: Point, end: Point): SourceLocation {
  return {
    file,
    range: {
      startLine: start.row + 1,
      startColumn: start.column + 1,
      endLine: end.row + 1,
      endColumn: end.column + 1,
    },
  };
}

/** The span from the start of `first` to the end of `last`. */
export function spanLocations(first: SourceLocation, last: SourceLocation): SourceLocation {
  if (!first.range || !last.range) return first;
  return {
    file: first.file,
    range: {
      startLine: first.range.startLine,
      startColumn: first.range.startColumn,
      endLine: last.range.endLine,
      endColumn: last.range.endColumn,
    },
  };
}

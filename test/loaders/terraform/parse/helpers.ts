import { expect } from 'vitest';
import type { Expression } from '../../../../src/loaders/terraform/ast.ts';
import { parseFile } from '../../../../src/loaders/terraform/parse/index.ts';
import type { SourceRange } from '../../../../src/model/location.ts';

/** Parses `text` as the file `path` without touching the disk. */
export function parseText(text: string, path = '/config/main.tf') {
  return parseFile(path, Buffer.from(text, 'utf8'));
}

/** Parses `x = <source>` and returns the expression of `x`. */
export async function expressionOf(source: string): Promise<Expression> {
  const file = await parseText(`x = ${source}\n`);
  expect(file.diagnostics).toEqual([]);
  return file.body.attributes[0]!.expression;
}

/** Builds a range from 1-based [line, column] pairs. */
export function range(start: [number, number], end: [number, number]): SourceRange {
  return { startLine: start[0], startColumn: start[1], endLine: end[0], endColumn: end[1] };
}

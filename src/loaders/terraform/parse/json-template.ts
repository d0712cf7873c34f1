import type { Diagnostic } from '../../../diagnostics.ts';
import type { Expression, TemplatePart } from '../ast.ts';
import type { SourceLocation } from '../../../model/location.ts';
import type { Point } from './cst.ts';
import { parseNormalizedHcl } from './hcl.ts';
import type { JsonDocumentParser, JsonValue } from './json-document.ts';
import { locationBetween } from './location.ts';

type JsonString = Extract<JsonValue, { kind: 'string' }>;

/** The result of reading one JSON string as a template. */
export interface JsonTemplate {
  expression: Expression;
  diagnostics: Diagnostic[];
}

/** Maps positions in the decoded string back to the JSON source. */
class StringPositions {
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly string: JsonString,
    private readonly document: JsonDocumentParser,
  ) {
    for (let at = string.value.indexOf('\n'); at >= 0; at = string.value.indexOf('\n', at + 1)) {
      this.lineStarts.push(at + 1);
    }
  }

  /** `row` 0 is the synthetic heredoc opening line; the string's lines start at row 1. */
  sourcePoint(point: Point, isEnd: boolean): Point {
    const lineStart = this.lineStarts[point.row - 1];
    if (point.row === 0 || lineStart === undefined) return this.string.start;
    const offset = lineStart + point.column;
    const offsets = this.string.sourceOffsets;
    if (offsets.length === 0) return this.string.start;
    if (isEnd && offset > 0) return this.document.pointAt(offsets[Math.min(offset, offsets.length) - 1]! + 1);
    return this.document.pointAt(offsets[Math.min(offset, offsets.length - 1)]!);
  }

  remap(location: SourceLocation): SourceLocation {
    const range = location.range;
    if (!range) return location;
    const start = this.sourcePoint({ row: range.startLine - 1, column: range.startColumn - 1 }, false);
    const end = this.sourcePoint({ row: range.endLine - 1, column: range.endColumn - 1 }, true);
    return locationBetween(location.file, start, end);
  }
}

/** Replaces every `location` in a converted tree, which holds only plain objects and arrays. */
function remapLocations<T>(node: T, positions: StringPositions): T {
  if (Array.isArray(node)) return node.map((item) => remapLocations(item, positions)) as T;
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = key === 'location' ? positions.remap(value as SourceLocation) : remapLocations(value, positions);
  }
  return copy as T;
}

/** Drops the newline that the synthetic heredoc adds after the string. */
function withoutFinalNewline(parts: TemplatePart[]): TemplatePart[] {
  const last = parts[parts.length - 1];
  if (last?.kind !== 'literal' || !last.text.endsWith('\n')) return parts;
  const text = last.text.slice(0, -1);
  const rest = parts.slice(0, -1);
  if (text !== '') return [...rest, { kind: 'literal', text }];
  return rest.length > 0 ? rest : [{ kind: 'literal', text: '' }];
}

function remapDiagnostic(diagnostic: Diagnostic, positions: StringPositions): Diagnostic {
  if (!diagnostic.location?.range) return diagnostic;
  const location = positions.remap(diagnostic.location);
  const { startLine, startColumn } = location.range!;
  const message = diagnostic.message.replace(/at line \d+, column \d+/, `at line ${startLine}, column ${startColumn}`);
  return { ...diagnostic, message, location };
}

function heredocMarker(value: string): string {
  let marker = 'ZONEGUARD_JSON_STRING';
  while (value.includes(marker)) marker += '_';
  return marker;
}

/**
 * Reads a JSON string as a Terraform template. A string with `${` or `%{` is
 * parsed by the HCL grammar as the body of a heredoc, which applies the
 * template rules but no backslash escapes, because JSON has decoded those
 * already. Positions are then mapped back into the JSON file.
 */
export function convertJsonTemplate(file: string, string: JsonString, document: JsonDocumentParser): JsonTemplate {
  const location = locationBetween(file, string.start, string.end);
  if (!string.value.includes('${') && !string.value.includes('%{')) {
    return { expression: { kind: 'template', parts: [{ kind: 'literal', text: string.value }], location }, diagnostics: [] };
  }
  const marker = heredocMarker(string.value);
  const parsed = parseNormalizedHcl(file, `x = <<${marker}\n${string.value}\n${marker}\n`);
  const positions = new StringPositions(string, document);
  const heredoc = parsed.body.attributes[0]?.expression;
  const diagnostics = parsed.diagnostics.map((diagnostic) => remapDiagnostic(diagnostic, positions));
  if (heredoc?.kind !== 'template') {
    return { expression: { kind: 'invalid', text: string.value, location }, diagnostics };
  }
  const parts = withoutFinalNewline(remapLocations(heredoc.parts, positions));
  return { expression: { kind: 'template', parts, location }, diagnostics };
}

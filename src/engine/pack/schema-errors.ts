import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../../diagnostics.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { YamlPositionMap } from './yaml-positions.ts';

/**
 * Turns ajv errors into `config-invalid` diagnostics that name the file, the
 * YAML line and column, and the field. A missing field has no position of its
 * own, so it points at the mapping that should contain it.
 */
export function schemaErrorsToDiagnostics(
  file: string,
  errors: ErrorObject[],
  positions: YamlPositionMap,
): Diagnostic[] {
  return errors.map((error) => {
    const pointer = fieldPointer(error);
    const position = positions.locate(pointer);
    const location: SourceLocation = {
      file,
      range: {
        startLine: position.line,
        startColumn: position.column,
        endLine: position.line,
        endColumn: position.column,
      },
    };
    return {
      code: 'config-invalid',
      severity: 'error',
      message:
        `${file}:${position.line}:${position.column}: ` +
        `${describeField(pointer)} ${describeProblem(error)}.`,
      hint: 'Fix the entry so that it matches policies/schema; the pack cannot be used until then.',
      location,
    };
  });
}

/** The pointer of the field an error is about, including a missing or unexpected key. */
function fieldPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${String(params['additionalProperty'])}`;
  }
  return error.instancePath;
}

/** `/parameters/ports/default` → "field `parameters.ports.default`". */
function describeField(pointer: string): string {
  if (pointer === '') return 'The entry';
  const path = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
  return `Field \`${path}\``;
}

function describeProblem(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `is missing the required field \`${String(params['missingProperty'])}\``;
    case 'additionalProperties':
      return 'is not a known field';
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).join(', ')}`;
    case 'pattern':
      return `does not match the pattern ${String(params['pattern'])}`;
    default:
      return error.message ?? 'is invalid';
  }
}

import type { Diagnostic } from '../../diagnostics.ts';
import type { SourceLocation } from '../location.ts';

/** A design-file value that cannot be mapped: an unknown zone, server or CIDR. */
export function designProblem(
  location: SourceLocation,
  message: string,
  hint: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  const line = location.range ? `:${location.range.startLine}:${location.range.startColumn}` : '';
  return {
    code: severity === 'error' ? 'config-invalid' : 'evaluation-error',
    severity,
    message: `${location.file}${line}: ${message}`,
    hint,
    location,
  };
}

import type { SourceLocation } from './model/location.ts';

/**
 * The closed list of diagnostic codes. A diagnostic is a message about the
 * input or the scan itself, not a rule finding.
 */
export type DiagnosticCode =
  | 'parse-error' // a file could not be parsed; it was not scanned
  | 'file-unreadable' // a file could not be read (permissions, encoding, size)
  | 'invalid-cidr' // an address or prefix that is not a valid CIDR
  | 'invalid-port-range' // a port or port range that cannot be read
  | 'invalid-protocol'
  | 'unresolved-variable' // an input variable with no value from any source
  | 'module-not-followed' // a module call whose source could not be loaded
  | 'evaluation-error' // an expression failed (bad function argument, cycle)
  | 'unsupported-format' // an input whose format or version zoneguard does not read
  | 'nothing-to-scan' // the paths given hold no input zoneguard reads
  | 'config-invalid' // .zoneguard.yml or a pack entry failed its schema
  | 'suppression-invalid' // a suppression without reason, or unrecognised syntax
  | 'suppression-unused' // a suppression that matched no finding
  | 'suppression-expired'
  | 'non-canonical-cidr' // a prefix written with host bits set
  | 'rule-error'; // a rule threw; the rule is reported, not the scan aborted

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  /** A full sentence naming the value and what is wrong with it. */
  message: string;
  /** What the user should do next. */
  hint?: string;
  location?: SourceLocation;
  /** The resource address or rule id the diagnostic is about. */
  subject?: string;
}

/**
 * True when the diagnostic means some input was not read at all. Such a scan
 * exits with code 2 even when it also has findings.
 */
export function isInputFailure(diagnostic: Diagnostic): boolean {
  return (
    diagnostic.severity === 'error' &&
    (diagnostic.code === 'parse-error' ||
      diagnostic.code === 'file-unreadable' ||
      diagnostic.code === 'unsupported-format' ||
      diagnostic.code === 'nothing-to-scan' ||
      diagnostic.code === 'config-invalid')
  );
}

/**
 * True when an input holds a value no provider would accept (a CIDR, port
 * range or protocol that cannot be read). The file was scanned, but every
 * rule that needed the value reports "could not evaluate", so the scan exits
 * 2 rather than passing on a rule it could not judge.
 */
export function isInvalidInputValue(diagnostic: Diagnostic): boolean {
  return (
    diagnostic.severity === 'error' &&
    (diagnostic.code === 'invalid-cidr' ||
      diagnostic.code === 'invalid-port-range' ||
      diagnostic.code === 'invalid-protocol')
  );
}

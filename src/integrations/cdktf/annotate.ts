import type { Diagnostic } from '../../diagnostics.ts';
import { SEVERITIES } from '../../engine/types.ts';
import type { Finding, Severity } from '../../engine/types.ts';
import type { AnyConstruct, CdkLibrary, StackLike } from './library.ts';
import type { StackScan } from './scan-stack.ts';

export type AnnotationLevel = 'error' | 'warning' | 'info';

export interface AnnotationPolicy {
  threshold: Severity;
  failOnUnknown: boolean;
}

/**
 * Reports a stack's scan through cdktf Annotations: each finding on the
 * construct that made its resource (found by the construct path in the `"//"`
 * metadata), each diagnostic on the stack. Error annotations make `cdktf synth`
 * fail, as error findings make `zoneguard scan` exit 1.
 */
export function annotateStack(stack: StackLike, library: CdkLibrary, scan: StackScan, policy: AnnotationPolicy): void {
  const constructs = new Map(stack.node.findAll().map((construct) => [construct.node.path, construct]));
  for (const finding of scan.findings) {
    if (finding.suppression !== undefined) continue;
    const target = (finding.constructPath && constructs.get(finding.constructPath)) || stack;
    annotate(library, target, findingLevel(finding, policy), findingText(finding));
  }
  for (const diagnostic of scan.diagnostics) {
    annotate(library, stack, diagnostic.severity, diagnosticText(diagnostic));
  }
  if (scan.failure !== undefined) annotate(library, stack, 'error', failureText(scan.failure));
}

export function findingLevel(finding: Finding, policy: AnnotationPolicy): AnnotationLevel {
  if (finding.status === 'unknown') return policy.failOnUnknown ? 'error' : 'warning';
  return SEVERITIES.indexOf(finding.severity) <= SEVERITIES.indexOf(policy.threshold) ? 'error' : 'warning';
}

/** Formats a finding as `[zoneguard <rule>, <severity>, <articles>] <message> Fix: <remediation>`. */
function findingText(finding: Finding): string {
  const tags = [finding.ruleId, finding.severity, ...finding.articles].join(', ');
  const prefix = finding.status === 'unknown' ? 'could not evaluate: ' : '';
  return `[zoneguard ${tags}] ${prefix}${finding.message} Fix: ${finding.remediation}`;
}

function diagnosticText(diagnostic: Diagnostic): string {
  const hint = diagnostic.hint === undefined ? '' : ` ${diagnostic.hint}`;
  return `[zoneguard ${diagnostic.code}] ${diagnostic.message}${hint}`;
}

function failureText(reason: string): string {
  return `[zoneguard] The stack could not be scanned: ${reason} Run \`npx zoneguard scan cdktf.out\` after synth to see the full error.`;
}

function annotate(library: CdkLibrary, target: AnyConstruct, level: AnnotationLevel, text: string): void {
  const annotations = library.Annotations.of(target);
  if (level === 'error') annotations.addError(text);
  else if (level === 'warning') annotations.addWarning(text);
  else annotations.addInfo(text);
}

import createDebug from 'debug';
import type { Diagnostic } from '../../diagnostics.ts';
import type { BlockHeader } from '../../loaders/terraform/types.ts';
import type { Finding, RuleMeta, Suppression } from '../types.ts';
import { describeScope } from './describe.ts';
import { HeaderIndex } from './header-index.ts';
import { lineOf, reaches, type ModuleLayout } from './reach.ts';
import type { SuppressionDirective, SuppressionRecord, SuppressionStatus } from './types.ts';

const debug = createDebug('zoneguard:engine:suppressions');

/** The outcome of one suppression over the whole scan. */
interface Entry {
  directive: SuppressionDirective;
  /** Findings suppressed, by rule id (`*` for a waiver of every rule). */
  matched: Map<string, number>;
  /** Rule ids it tried to suppress but may not (central suppression only). */
  refused: Set<string>;
  /** Hints for rule ids that matched nothing, where the cause is known. */
  hints: Map<string, string>;
}

export interface ApplyContext {
  /** Metadata of the rules that ran, for `centralSuppressionOnly`. */
  rules: RuleMeta[];
  layout?: ModuleLayout;
  /** Block headers, to explain a suppression inside a block whose finding sits on the header. */
  headers?: BlockHeader[];
}

/**
 * Applies suppressions to findings and remembers what each one did, over
 * every root module of a scan, so that a suppression in a module file shared
 * by two roots is unused only when neither used it.
 */
export class SuppressionLedger {
  private readonly entries = new Map<string, Entry>();

  /** `today` is `YYYY-MM-DD`. A suppression still applies on its expiry day. */
  constructor(private readonly today: string) {}

  /** Returns the findings with `suppression` set where a directive reaches them. */
  apply(findings: Finding[], directives: SuppressionDirective[], context: ApplyContext): Finding[] {
    const entries = directives.map((directive) => this.entryOf(directive));
    const active = entries.filter((entry) => !this.isExpired(entry.directive));
    const central = new Set(context.rules.filter((rule) => rule.centralSuppressionOnly).map((rule) => rule.id));
    const applied = findings.map((finding) => this.applyOne(finding, active, central, context.layout));
    debug('%d directives suppressed %d findings', directives.length, count(applied) - count(findings));
    const headers = new HeaderIndex(context.headers ?? []);
    const inline = inlineByFile(active);
    return applied.map((finding) => explainMisplaced(finding, inline, headers));
  }

  private applyOne(finding: Finding, active: Entry[], central: Set<string>, layout?: ModuleLayout): Finding {
    if (finding.suppression) return finding;
    // NOTE: every finding is tried against every active suppression, so a file with
    // thousands of suppression comments costs findings × suppressions.
    for (const entry of active) {
      if (!reaches(entry.directive, finding, layout)) continue;
      const key = ruleKey(entry.directive, finding);
      if (entry.directive.kind === 'inline' && central.has(finding.ruleId)) {
        entry.refused.add(key);
        continue;
      }
      entry.matched.set(key, (entry.matched.get(key) ?? 0) + 1);
      return { ...finding, suppression: suppressionOf(entry.directive) };
    }
    return finding;
  }

  private entryOf(directive: SuppressionDirective): Entry {
    const known = this.entries.get(directive.id);
    if (known) return known;
    const entry: Entry = { directive, matched: new Map(), refused: new Set(), hints: new Map() };
    this.entries.set(directive.id, entry);
    return entry;
  }

  private isExpired(directive: SuppressionDirective): boolean {
    return directive.expires !== undefined && directive.expires < this.today;
  }

  /** Lists every suppression with its outcome, in the order they were read. */
  records(): SuppressionRecord[] {
    return [...this.entries.values()].flatMap((entry) => keysOf(entry).map((key) => this.recordOf(entry, key)));
  }

  private recordOf(entry: Entry, key: string): SuppressionRecord {
    const { directive } = entry;
    return {
      kind: directive.kind,
      ruleId: key,
      scope: describeScope(directive),
      reason: directive.reason,
      ...(directive.approver ? { approver: directive.approver } : {}),
      ...(directive.expires ? { expires: directive.expires } : {}),
      ...(directive.location ? { location: directive.location } : {}),
      status: this.statusOf(entry, key),
      matched: entry.matched.get(key) ?? 0,
    };
  }

  private statusOf(entry: Entry, key: string): SuppressionStatus {
    if (this.isExpired(entry.directive)) return 'expired';
    if ((entry.matched.get(key) ?? 0) > 0) return 'matched';
    return entry.refused.has(key) ? 'refused' : 'unused';
  }

  /** Expired, refused and unused suppressions, each at its own line. */
  diagnostics(): Diagnostic[] {
    return [...this.entries.values()].flatMap((entry) =>
      keysOf(entry).flatMap((key) => {
        const status = this.statusOf(entry, key);
        return status === 'matched' ? [] : [statusDiagnostic(entry, key, status)];
      }),
    );
  }
}

function statusDiagnostic(entry: Entry, key: string, status: SuppressionStatus): Diagnostic {
  const { directive } = entry;
  const what = key === '*' ? 'The waiver of every rule' : `The suppression of ${key}`;
  const where = directive.location ? { location: directive.location } : {};
  if (status === 'expired') {
    return {
      code: 'suppression-expired',
      severity: 'warning',
      message: `${what} expired on ${directive.expires} and no longer applies.`,
      hint: 'Fix the finding, or renew the suppression with a new date and reason.',
      subject: key,
      ...where,
    };
  }
  if (status === 'refused') {
    return {
      code: 'suppression-invalid',
      severity: 'warning',
      message: `Rule ${key} may only be suppressed in the config file, so this inline suppression does not apply.`,
      hint: 'Add a waiver with a reason and an approver under `waivers` in .zoneguard.yml.',
      subject: key,
      ...where,
    };
  }
  return {
    code: 'suppression-unused',
    severity: 'info',
    message: `${what} matched no finding.`,
    hint: entry.hints.get(key) ?? 'Remove it, or move it to the line or block of the finding it is meant for.',
    subject: key,
    ...where,
  };
}

/**
 * A finding that points at a block header cannot be suppressed from inside
 * the block. When a suppression of its rule sits there, the finding gets
 * a related note naming where the suppression must go instead.
 */
function explainMisplaced(finding: Finding, inline: Map<string, Entry[]>, headers: HeaderIndex): Finding {
  if (finding.suppression) return finding;
  const header = headers.startingAt(finding.location.file, lineOf(finding));
  const range = header?.location.range;
  if (!header || !range) return finding;
  const misplaced = (inline.get(header.file) ?? []).filter((entry) => {
    const at = entry.directive.location?.range?.startLine ?? 0;
    return (
      at > range.startLine &&
      at <= range.endLine &&
      entry.directive.ruleIds.includes(finding.ruleId.toLowerCase())
    );
  });
  if (misplaced.length === 0) return finding;
  const message = `A suppression of ${finding.ruleId} inside this block did not match: the finding points at the block header, so the suppression must go directly above line ${range.startLine}.`;
  misplaced.forEach((entry) => entry.hints.set(finding.ruleId.toLowerCase(), message));
  const related = misplaced.map((entry) => ({ location: entry.directive.location!, message }));
  return { ...finding, related: [...finding.related, ...related] };
}

/** Active inline suppressions by the file they are written in, in the order they were read. */
function inlineByFile(active: Entry[]): Map<string, Entry[]> {
  const byFile = new Map<string, Entry[]>();
  for (const entry of active) {
    const file = entry.directive.location?.file;
    if (entry.directive.kind !== 'inline' || file === undefined) continue;
    const inFile = byFile.get(file) ?? [];
    inFile.push(entry);
    byFile.set(file, inFile);
  }
  return byFile;
}

function suppressionOf(directive: SuppressionDirective): Suppression {
  return {
    kind: directive.kind,
    reason: directive.reason,
    ...(directive.approver ? { approver: directive.approver } : {}),
    ...(directive.expires ? { expires: directive.expires } : {}),
    ...(directive.location ? { location: directive.location } : {}),
  };
}

function ruleKey(directive: SuppressionDirective, finding: Finding): string {
  return directive.ruleIds.length === 0 ? '*' : finding.ruleId.toLowerCase();
}

function keysOf(entry: Entry): string[] {
  return entry.directive.ruleIds.length === 0 ? ['*'] : entry.directive.ruleIds;
}

function count(findings: Finding[]): number {
  return findings.filter((finding) => finding.suppression !== undefined).length;
}

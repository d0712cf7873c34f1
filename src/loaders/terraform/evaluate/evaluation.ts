import createDebug from 'debug';
import type { Diagnostic } from '../../../diagnostics.ts';
import type { SourceLocation } from '../../../model/location.ts';
import { Unknown } from '../../../model/unknown.ts';
import type { TerraformFunction } from '../functions/types.ts';
import type { Value } from '../types.ts';

const log = createDebug('zoneguard:load:evaluation');

/** What to do about an expression that failed; the values computed from it are unknown. */
const EVALUATION_HINT = 'Fix the expression; `terraform plan` rejects it too. Until then, results that depend on it are reported as not evaluated.';

/** An expression Terraform would reject; inside `try` and `can` it selects the fallback. */
export class EvaluationError extends Error {
  override name = 'EvaluationError';
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
  }
}

/** One value computed at most once: a local, a variable, an output, a resource body. */
export class Memo<T> {
  state: 'new' | 'busy' | 'done' = 'new';
  value?: T;
  /** Labels of the input variables without a value that the value depends on. */
  missingVariables?: Set<string>;
}

/**
 * The state shared by one load: diagnostics, the function registry, the
 * stack of values being computed (to find cycles) and the input variables
 * without a value that each computed value depends on.
 */
export class Evaluation {
  readonly diagnostics: Diagnostic[] = [];
  /** Input variables without a value from any source, by label, with their declarations. */
  readonly missingVariables = new Map<string, SourceLocation>();
  private tryDepth = 0;
  private readonly computing: string[] = [];
  private readonly collectors: Array<Set<string>> = [];

  constructor(readonly functions: Record<string, TerraformFunction>) {}

  /**
   * Reports an expression Terraform would reject. Inside `try` or `can` it
   * throws, so that they take the fallback. Elsewhere it records an error
   * diagnostic and returns an Unknown, so one bad expression spoils only itself.
   */
  fail(location: SourceLocation | undefined, message: string, origin?: string): Unknown {
    if (this.tryDepth > 0) throw new EvaluationError(message, location);
    this.report({ code: 'evaluation-error', severity: 'error', message, hint: EVALUATION_HINT, location });
    return new Unknown(`the expression could not be evaluated: ${message}`, origin ?? place(location));
  }

  report(diagnostic: Diagnostic): void {
    if (diagnostic.location === undefined) delete diagnostic.location;
    this.diagnostics.push(diagnostic);
  }

  warn(location: SourceLocation | undefined, message: string, subject?: string): void {
    const diagnostic: Diagnostic = { code: 'evaluation-error', severity: 'warning', message };
    if (location) diagnostic.location = location;
    if (subject) diagnostic.subject = subject;
    this.report(diagnostic);
  }

  /** Runs `body` so that failures throw instead of being reported, for `try` and `can`. */
  attempt<T>(body: () => T): T {
    this.tryDepth++;
    try {
      return body();
    } finally {
      this.tryDepth--;
    }
  }

  /** Records an input variable without a value; the value being computed depends on it. */
  noteMissingVariable(label: string, declaration: SourceLocation): void {
    this.missingVariables.set(label, declaration);
    this.collectors.at(-1)?.add(label);
  }

  /**
   * Computes a memoised value once. A value that needs itself, directly or
   * through others, is reported as a cycle naming every member and becomes
   * Unknown. Failures inside are reported, never thrown, because the result
   * is shared by every reader.
   */
  once<T extends Value | object>(memo: Memo<T>, label: string, location: SourceLocation | undefined, compute: () => T, onCycle: () => T): T {
    if (memo.state === 'done') return this.reuse(memo);
    if (memo.state === 'busy') {
      this.reportCycle(label, location);
      return onCycle();
    }
    memo.state = 'busy';
    const savedTryDepth = this.tryDepth;
    this.tryDepth = 0;
    this.computing.push(label);
    this.collectors.push(new Set());
    try {
      memo.value = this.guarded(label, location, compute, onCycle);
    } finally {
      this.tryDepth = savedTryDepth;
      this.computing.pop();
      const collected = this.collectors.pop() as Set<string>;
      if (collected.size > 0) memo.missingVariables = collected;
      memo.state = 'done';
    }
    return this.reuse(memo);
  }

  private reuse<T>(memo: Memo<T>): T {
    const parent = this.collectors.at(-1);
    if (parent && memo.missingVariables) for (const label of memo.missingVariables) parent.add(label);
    return memo.value as T;
  }

  private guarded<T>(label: string, location: SourceLocation | undefined, compute: () => T, fallback: () => T): T {
    try {
      return compute();
    } catch (error) {
      log('evaluating %s failed: %O', label, error);
      const message = error instanceof Error ? error.message : String(error);
      this.report({
        code: 'evaluation-error',
        severity: 'error',
        message: `${label} could not be evaluated: ${message}`,
        location: error instanceof EvaluationError ? (error.location ?? location) : location,
      });
      return fallback();
    }
  }

  private reportCycle(label: string, location: SourceLocation | undefined): void {
    const start = this.computing.lastIndexOf(label);
    const members = [...this.computing.slice(start), label];
    this.report({
      code: 'evaluation-error',
      severity: 'error',
      message: `These values refer to each other in a cycle, so none of them can be evaluated: ${members.join(' -> ')}.`,
      hint: 'Break the cycle so that each value can be computed from values that do not need it.',
      location,
      subject: label,
    });
  }
}

/** `file:line` of a location, as the origin of an Unknown that has no better name. */
export function place(location: SourceLocation | undefined): string {
  if (!location) return 'expression';
  return location.range ? `${location.file}:${location.range.startLine}` : location.file;
}

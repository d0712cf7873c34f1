/** Exit codes of every zoneguard command; docs/exit-codes.md explains them. */
export const EXIT = {
  /** No finding reached the severity threshold. */
  ok: 0,
  /** A finding (or, with --fail-on-unknown, an unknown result) reached the threshold. */
  findings: 1,
  /** A usage error, or an input that could not be read. */
  inputError: 2,
  /** A bug in zoneguard. */
  internalError: 3,
} as const;

/**
 * A mistake in the command line or its files that the user can fix. The CLI
 * prints the message and the hint, without a stack trace, and exits with 2.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

import { createHash } from 'node:crypto';

/**
 * A finding's identity across commits: the first 32 hex characters of
 * sha256(ruleId NUL address NUL detail). Line numbers are left out on purpose,
 * so moving a block does not make its finding new.
 */
export function fingerprintOf(ruleId: string, address: string, detail: string): string {
  return createHash('sha256')
    .update(`${ruleId}\0${address}\0${detail}`)
    .digest('hex')
    .slice(0, 32);
}

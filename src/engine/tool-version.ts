import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** zoneguard's version from its package.json, found from this file rather than the cwd. */
export function toolVersion(): string {
  if (cached !== undefined) return cached;
  const manifest = new URL('../../package.json', import.meta.url);
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string };
  cached = parsed.version ?? '0.0.0';
  return cached;
}

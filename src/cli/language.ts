import type { Language } from '../engine/types.ts';

/**
 * Picks the report language when `--lang` is not given. The first locale
 * variable set (LC_ALL, LC_MESSAGES, LANG, in POSIX order) decides, and `vi…` means Vietnamese.
 */
export function languageFromEnv(env: Record<string, string | undefined>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

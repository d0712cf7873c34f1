import { FunctionError } from './types.ts';

/**
 * Translates an RE2 pattern, the syntax of Terraform's regex functions, into a
 * JavaScript RegExp. Covered: `(?P<name>…)`, leading flag groups such as `(?i)`,
 * `\A` and `\z`, POSIX classes like `[[:alpha:]]`, and `\pL` Unicode classes.
 * NOTE: flag groups in the middle of a pattern and `\Q…\E` are rejected, not translated.
 */
export function compileGoRegex(functionName: string, pattern: string, global = false): RegExp {
  let source = pattern;
  let flags = global ? 'g' : '';
  const leadingFlags = /^\(\?([imsU]+)\)/.exec(source);
  if (leadingFlags !== null) {
    if (leadingFlags[1]!.includes('U')) unsupported(functionName, pattern, 'the U flag');
    flags += [...new Set(leadingFlags[1]!)].join('');
    source = source.slice(leadingFlags[0].length);
  }
  if (/\(\?[imsU-]+[:)]/.test(source)) unsupported(functionName, pattern, 'inline flag groups');
  if (source.includes('\\Q')) unsupported(functionName, pattern, '\\Q...\\E quoting');
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '(?<![\\s\\S])')
    .replace(/\\z/g, '(?![\\s\\S])')
    .replace(/\[:(\^?)([a-z]+):\]/g, (match, negated: string, name: string) =>
      posixClass(functionName, pattern, name, negated === '^') ?? match,
    );
  if (/\\[pP]/.test(source)) {
    source = source.replace(/\\([pP])([A-Z])/g, '\\$1{$2}');
    flags += 'u';
  }
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new FunctionError(
      `Invalid regular expression ${JSON.stringify(pattern)} in ${functionName}(): ${(error as Error).message}.`,
    );
  }
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

function posixClass(functionName: string, pattern: string, name: string, negated: boolean): string {
  const members = POSIX_CLASSES[name];
  if (members === undefined) unsupported(functionName, pattern, `the POSIX class [:${name}:]`);
  if (negated) unsupported(functionName, pattern, `the negated POSIX class [:^${name}:]`);
  return members;
}

function unsupported(functionName: string, pattern: string, feature: string): never {
  throw new FunctionError(
    `The regular expression ${JSON.stringify(pattern)} in ${functionName}() uses ${feature}, which zoneguard cannot translate; rewrite the pattern without it.`,
  );
}

/**
 * Expands a Go replacement template (`$1`, `${1}`, `$name`, `${name}`, `$$`)
 * for one match. As in Go, `$name` takes the longest run of letters, digits and
 * underscores, and a group that does not exist expands to nothing.
 */
export function expandReplacement(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|\{(\w+)\}|(\w+))/g, (_all, token: string, braced?: string, bare?: string) => {
    if (token === '$') return '$';
    const name = braced ?? bare ?? '';
    const group = /^\d+$/.test(name) ? match[Number(name)] : match.groups?.[name];
    return group ?? '';
  });
}

import type { TemplateToken } from './template-tokens.ts';

function leadingWhitespace(line: string): number {
  const match = /^[ \t]*/.exec(line);
  return match ? match[0].length : 0;
}

/**
 * The smallest indentation of the heredoc's lines. A line that starts with an
 * interpolation or directive has none; a line of only spaces and tabs does not count.
 */
function minimumIndentation(tokens: TemplateToken[]): number {
  let minimum = Number.POSITIVE_INFINITY;
  let atLineStart = true;
  tokens.forEach((token, i) => {
    if (token.kind !== 'text') {
      if (atLineStart) minimum = 0;
      atLineStart = false;
      return;
    }
    const lines = token.text.split('\n');
    lines.forEach((line, j) => {
      if (j === 0 && !atLineStart) return;
      const isLast = j === lines.length - 1;
      const followedByCode = isLast && i + 1 < tokens.length;
      if (line.trim() === '' && !followedByCode) return;
      minimum = Math.min(minimum, leadingWhitespace(line));
    });
    atLineStart = lines.length > 1 && lines[lines.length - 1] === '';
  });
  return Number.isFinite(minimum) ? minimum : 0;
}

/**
 * Removes the common indentation of a `<<-` heredoc from the start of every
 * line, counting a tab as one character as HCL does.
 */
export function stripHeredocIndentation(tokens: TemplateToken[]): TemplateToken[] {
  const indentation = minimumIndentation(tokens);
  if (indentation === 0) return tokens;
  let atLineStart = true;
  return tokens.map((token) => {
    if (token.kind !== 'text') {
      atLineStart = false;
      return token;
    }
    const lines = token.text.split('\n').map((line, j) => {
      if (j === 0 && !atLineStart) return line;
      return line.slice(Math.min(indentation, leadingWhitespace(line)));
    });
    atLineStart = lines.length > 1 && lines[lines.length - 1] === '';
    return { ...token, text: lines.join('\n') };
  });
}

import type { Diagnostic } from '../../diagnostics.ts';
import type { BlockHeader, SourceComment } from '../../loaders/terraform/types.ts';
import { HeaderIndex } from './header-index.ts';
import { parseSuppressionComment } from './parse-text.ts';
import type { SuppressionDirective, SuppressionScope } from './types.ts';

export interface CommentSources {
  comments: SourceComment[];
  headers: BlockHeader[];
}

export interface ReadDirectives {
  directives: SuppressionDirective[];
  diagnostics: Diagnostic[];
}

/**
 * Turns `zoneguard:ignore` comments into suppressions. A comment reaches the
 * line it ends or, when it is part of a run of comment lines, the line right
 * after the run; when a block header starts on that line, it reaches the whole
 * block (a `module` header: every instance of the call).
 */
export function directivesFromComments(sources: CommentSources): ReadDirectives {
  const commentLines = fullLineComments(sources.comments);
  const headers = new HeaderIndex(sources.headers);
  const result: ReadDirectives = { directives: [], diagnostics: [] };
  for (const comment of sources.comments) {
    const parsed = parseSuppressionComment(comment.text);
    if (parsed.kind === 'none') continue;
    const location = lineLocation(comment);
    if (parsed.kind === 'invalid') {
      result.diagnostics.push(invalidDiagnostic(parsed.problem, parsed.hint, location));
      continue;
    }
    result.directives.push({
      ...parsed.text,
      id: `${comment.file}:${comment.line}`,
      kind: 'inline',
      location,
      scope: scopeOf(comment, commentLines, headers),
    });
  }
  return result;
}

function scopeOf(
  comment: SourceComment,
  commentLines: Map<string, Set<number>>,
  headers: HeaderIndex,
): SuppressionScope {
  if (comment.file.endsWith('.json')) return jsonScope(comment, headers);
  const target = comment.trailing ? comment.line : lineAfterRun(comment, commentLines);
  return scopeAt(comment, target, headers);
}

/**
 * JSON has no comments; a `"//"` key sits inside the object it annotates,
 * so it reaches the innermost block around it.
 */
function jsonScope(comment: SourceComment, headers: HeaderIndex): SuppressionScope {
  const around = headers.inFile(comment.file).filter((header) => {
    const range = header.location.range;
    return range !== undefined && range.startLine <= comment.line && comment.line <= range.endLine;
  });
  const innermost = around.at(-1);
  if (!innermost) return { kind: 'line', file: comment.file, line: comment.line, trailing: false };
  return innermost.type === 'module' ? { kind: 'module', header: innermost } : { kind: 'block', header: innermost };
}

function scopeAt(comment: SourceComment, line: number, headers: HeaderIndex): SuppressionScope {
  const header = headers.startingAt(comment.file, line);
  if (!header) return { kind: 'line', file: comment.file, line, trailing: comment.trailing };
  return header.type === 'module' ? { kind: 'module', header } : { kind: 'block', header };
}

/** Lines holding only a comment, by file. */
function fullLineComments(comments: SourceComment[]): Map<string, Set<number>> {
  const lines = new Map<string, Set<number>>();
  for (const comment of comments) {
    if (comment.trailing) continue;
    const inFile = lines.get(comment.file) ?? new Set<number>();
    inFile.add(comment.line);
    lines.set(comment.file, inFile);
  }
  return lines;
}

/** Returns the first line after the run of comment lines that `comment` belongs to. */
function lineAfterRun(comment: SourceComment, commentLines: Map<string, Set<number>>): number {
  const inFile = commentLines.get(comment.file);
  let line = comment.line + 1;
  while (inFile?.has(line)) line += 1;
  return line;
}

function lineLocation(comment: SourceComment): SuppressionDirective['location'] {
  return {
    file: comment.file,
    range: { startLine: comment.line, startColumn: 1, endLine: comment.line, endColumn: 1 },
  };
}

export function invalidDiagnostic(
  problem: string,
  hint: string,
  location: Diagnostic['location'],
): Diagnostic {
  return {
    code: 'suppression-invalid',
    severity: 'warning',
    message: problem,
    hint,
    ...(location ? { location } : {}),
  };
}

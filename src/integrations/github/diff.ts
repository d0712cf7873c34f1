/** A file of the pull request as the list-files endpoint returns it, parsed. */
export interface ChangedFile {
  /** Repository-relative path on the head side. */
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath?: string;
  /**
   * New-side lines inside a hunk (added or context lines), the lines a review
   * comment with `side: RIGHT` may sit on. Empty for deleted files and for
   * files GitHub sends no patch for (binary, or a diff too large to show).
   */
  commentableLines: Set<number>;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Parses a unified-diff patch into the new-side line numbers that lie inside its hunks. */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (patch === undefined) return lines;
  let next = 0;
  for (const text of patch.split('\n')) {
    const header = HUNK_HEADER.exec(text);
    if (header) {
      next = Number(header[1]);
      continue;
    }
    if (next === 0) continue;
    if (text.startsWith('+') || text.startsWith(' ') || text === '') {
      // An empty line in a patch is a context line whose leading space was trimmed.
      lines.add(next);
      next += 1;
    }
    // `-` lines are old-side only, and `\ No newline at end of file` is no line.
  }
  return lines;
}

/** Builds the changed file from one entry of `GET /pulls/{pull_number}/files`. */
export function changedFile(entry: {
  filename: string;
  status: string;
  previous_filename?: string;
  patch?: string;
}): ChangedFile {
  const status = entry.status as ChangedFile['status'];
  return {
    path: entry.filename,
    status,
    ...(entry.previous_filename ? { previousPath: entry.previous_filename } : {}),
    commentableLines: status === 'removed' ? new Set() : commentableLines(entry.patch),
  };
}

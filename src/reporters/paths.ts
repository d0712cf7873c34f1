import path from 'node:path';

/**
 * Returns `file` relative to `root` with POSIX separators, so the same finding
 * reads the same on Windows and Linux runners. Backslashes, `.` and `..`
 * segments and repeated separators are normalised first. A file outside the
 * root stays absolute (with forward slashes), because a `../` path would point
 * outside the repository that reports are read against.
 */
export function relativePath(root: string, file: string): string {
  const posixRoot = toPosix(root);
  const posixFile = toPosix(file);
  const absolute = path.posix.isAbsolute(posixFile)
    ? path.posix.normalize(posixFile)
    : path.posix.join(posixRoot, posixFile);
  const relative = path.posix.relative(path.posix.normalize(posixRoot), absolute);
  if (relative === '') return '.';
  if (relative.startsWith('../') || relative === '..') return absolute;
  return relative;
}

/** True when `relativePath` kept the file absolute because it lies outside the root. */
export function isOutsideRoot(relative: string): boolean {
  return relative.startsWith('/') || /^[A-Za-z]:\//.test(relative);
}

function toPosix(value: string): string {
  return value.replace(/\\/g, '/');
}

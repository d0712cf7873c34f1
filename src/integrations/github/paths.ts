import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a scan ran: the checkout root and the folder the scanner ran in. */
export interface PathBase {
  /** Absolute path of the repository checkout (`GITHUB_WORKSPACE`). */
  repositoryRoot: string;
  /** Absolute folder relative scanner paths are read against; the root when absent. */
  workingDirectory?: string;
  /** Checks that a file exists; replaced in tests of paths that exist nowhere. */
  exists?: (file: string) => boolean;
}

/**
 * Returns `raw` as a POSIX path relative to the repository root, the form the
 * pull request's file list uses, or undefined when the file lies outside the
 * repository (a cached registry module). Backslashes become slashes, repeated
 * separators collapse, `.` and `..` are resolved and the checkout prefix goes.
 * A relative path is read against the working directory, unless only the
 * repository root holds it (a repository-relative path from a Windows runner).
 */
export function repositoryPath(raw: string, base: PathBase): string | undefined {
  const root = toPosix(base.repositoryRoot);
  const workingDirectory = toPosix(base.workingDirectory ?? base.repositoryRoot);
  const file = toPosix(raw);
  const absolute = isAbsolute(file) ? normalise(file) : resolveRelative(file, root, workingDirectory, base);
  return insideRoot(absolute, normalise(root));
}

function resolveRelative(file: string, root: string, workingDirectory: string, base: PathBase): string {
  const fromWorkingDirectory = path.posix.join(workingDirectory, file);
  const exists = base.exists ?? existsSync;
  if (exists(fromWorkingDirectory) || file.startsWith('./') || file.startsWith('../')) {
    return normalise(fromWorkingDirectory);
  }
  const fromRoot = path.posix.join(root, file);
  return normalise(exists(fromRoot) ? fromRoot : fromWorkingDirectory);
}

function insideRoot(absolute: string, root: string): string | undefined {
  const relative = path.posix.relative(dropDrive(root), dropDrive(absolute));
  const sameDrive = drive(root) === drive(absolute);
  if (!sameDrive || relative === '' || relative === '..' || relative.startsWith('../')) return undefined;
  if (isAbsolute(relative)) return undefined;
  return relative;
}

function normalise(file: string): string {
  const normal = path.posix.normalize(file);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

function toPosix(value: string): string {
  return value.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
}

function isAbsolute(file: string): boolean {
  return file.startsWith('/') || /^[A-Za-z]:\//.test(file);
}

/** Windows drive letters compare without regard to case. */
function drive(file: string): string {
  return /^([A-Za-z]):\//.exec(file)?.[1]?.toLowerCase() ?? '';
}

function dropDrive(file: string): string {
  return file.replace(/^[A-Za-z]:/, '');
}

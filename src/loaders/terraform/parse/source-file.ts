import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import createDebug from 'debug';
import type { Diagnostic } from '../../../diagnostics.ts';

const log = createDebug('zoneguard:load:source-file');

/**
 * The largest source file zoneguard reads. Generated Terraform rarely passes
 * a few megabytes; past this size the parser's memory grows beyond what a CI
 * runner has, so a bigger file is reported instead of crashing the scan.
 */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export type SourceRead = { bytes: Buffer; diagnostic?: undefined } | { bytes?: undefined; diagnostic: Diagnostic };

/**
 * Reads a source file, or returns the reason it cannot: it is missing, a dangling or
 * looping symlink, not a regular file (a FIFO would block the scan forever),
 * larger than MAX_SOURCE_BYTES, or the read failed. The file is opened
 * without blocking and checked through its handle, so what is checked is what
 * is read.
 */
export async function readSourceFile(path: string): Promise<SourceRead> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    log('cannot open %s: %O', path, error);
    return { diagnostic: unreadable(path, describeError(error), READ_HINT) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { diagnostic: unreadable(path, 'it is a FIFO, socket or device, not a regular file', SPECIAL_HINT) };
    if (stats.size > MAX_SOURCE_BYTES) return { diagnostic: unreadable(path, tooLarge(stats.size), SIZE_HINT) };
    return { bytes: await handle.readFile() };
  } catch (error) {
    log('cannot read %s: %O', path, error);
    return { diagnostic: unreadable(path, describeError(error), READ_HINT) };
  } finally {
    await handle.close();
  }
}

/**
 * Process and kernel files hold the scanner's own environment (CI tokens in
 * `/proc/self/environ`); a `file()` call in scanned code must not copy them
 * into a report or a pull-request comment.
 */
const SYSTEM_FOLDERS = ['/proc/', '/sys/'];

/**
 * Reads a file for `file()` and `templatefile()`, with the same refusals as
 * readSourceFile plus system folders. Throws an Error whose message names the reason.
 */
export function readFunctionFileSync(path: string): Buffer {
  const real = realpathSync(path);
  if (SYSTEM_FOLDERS.some((folder) => real.startsWith(folder))) throw new Error(`${real} is a system file, which zoneguard does not read`);
  const descriptor = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new Error('it is a FIFO, socket or device, not a regular file');
    if (stats.size > MAX_SOURCE_BYTES) throw new Error(tooLarge(stats.size));
    return readFileSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

const READ_HINT = 'Check that the file exists, that a symlink points at an existing file, and that the scan may read it.';
const SPECIAL_HINT = 'Remove the FIFO, socket or device from the configuration folder, or rename it so that it does not end in .tf.';
const SIZE_HINT = `Split the file into smaller .tf files; zoneguard reads files up to ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`;

function tooLarge(size: number): string {
  const megabytes = (size / 1024 / 1024).toFixed(1);
  return `it is ${megabytes} MB, more than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB zoneguard reads`;
}

/** `ENOENT: no such file or directory, open '…'` → `no such file or directory (ENOENT)`. */
function describeError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === undefined) return String(message ?? error);
  const reason = message.replace(`${code}: `, '').replace(/, \w+ '.*'$/, '');
  return `${reason} (${code})`;
}

function unreadable(path: string, reason: string, hint: string): Diagnostic {
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `${path} could not be read: ${reason}. The file was not scanned.`,
    hint,
    location: { file: path, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } },
  };
}

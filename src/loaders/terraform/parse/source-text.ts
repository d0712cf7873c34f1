import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../../../diagnostics.ts';

export type DecodedSource = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

/**
 * Removes a leading byte order mark and turns each `\r\n` into `\n`, so that
 * lines and columns come out as the location contract defines them: neither the
 * mark nor `\r` counts as a column.
 */
export function normalizeSourceText(text: string): string {
  const withoutMark = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutMark.includes('\r\n') ? withoutMark.replaceAll('\r\n', '\n') : withoutMark;
}

/** Byte length of a well-formed UTF-8 sequence starting at `at`, or 0 when it is malformed. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const [length, minimum] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80] : lead >= 0xe0 && lead <= 0xef ? [3, 0x800] : lead >= 0xf0 && lead <= 0xf4 ? [4, 0x10000] : [0, 0];
  if (length === 0 || at + length > bytes.length) return 0;
  let codePoint = lead & (0xff >> (length + 1));
  for (let i = 1; i < length; i++) {
    const next = bytes[at + i]!;
    if ((next & 0xc0) !== 0x80) return 0;
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  return codePoint < minimum || codePoint > 0x10ffff || surrogate ? 0 : length;
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const length = sequenceLength(bytes, at);
    if (length === 0) return at;
    at += length;
  }
  return -1;
}

/** 1-based line and column of a byte offset; the bytes before it are valid UTF-8. */
function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = normalizeSourceText(bytes.subarray(0, offset).toString('utf8'));
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.slice(0, lineStart).split('\n').length;
  return { line, column: before.length - lineStart + 1 };
}

function unreadableAt(path: string, bytes: Buffer, offset: number, problem: string, hint: string): Diagnostic {
  const { line, column } = positionOfByte(bytes, offset);
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `${path} could not be read: ${problem} at line ${line}, column ${column}. The file was not scanned.`,
    hint,
    location: { file: path, range: { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 } },
  };
}

/**
 * Decodes a Terraform source file. A file with a NUL byte is taken as binary and
 * a file that is not valid UTF-8 is rejected, as Terraform rejects both; either
 * gives a `file-unreadable` diagnostic at the first offending byte.
 */
export function decodeSource(path: string, bytes: Buffer): DecodedSource {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const hint = 'Remove this binary file from the configuration folder, or exclude it from the scan.';
    return { diagnostic: unreadableAt(path, bytes, nul, 'it contains a NUL byte, so it is a binary file, not Terraform source', hint) };
  }
  // The native check is far faster than the byte loop, which only runs to place the error.
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const hint = 'Save the file as UTF-8; Terraform reads only UTF-8 source files.';
    return { diagnostic: unreadableAt(path, bytes, invalid, 'the byte sequence is not valid UTF-8', hint) };
  }
  return { text: normalizeSourceText(bytes.toString('utf8')) };
}

import type { BlockHeader } from '../../loaders/terraform/types.ts';

/**
 * Block headers by file and by the line they start on, so that placing a
 * comment or a finding costs one lookup, not a scan of every header in a
 * large file.
 */
export class HeaderIndex {
  private readonly byFile = new Map<string, BlockHeader[]>();
  private readonly byStart = new Map<string, BlockHeader>();

  constructor(headers: BlockHeader[]) {
    for (const header of headers) {
      const inFile = this.byFile.get(header.file) ?? [];
      inFile.push(header);
      this.byFile.set(header.file, inFile);
      const startLine = header.location.range?.startLine;
      if (startLine === undefined) continue;
      // The first header on a line wins, as a linear search would find it.
      const key = startKey(header.file, startLine);
      if (!this.byStart.has(key)) this.byStart.set(key, header);
    }
  }

  /** Returns the first header that starts on `line` of `file`. */
  startingAt(file: string, line: number | undefined): BlockHeader | undefined {
    return line === undefined ? undefined : this.byStart.get(startKey(file, line));
  }

  /** Returns the headers of `file` in the order they were read. */
  inFile(file: string): BlockHeader[] {
    return this.byFile.get(file) ?? [];
  }
}

function startKey(file: string, line: number): string {
  return `${line}\u0000${file}`;
}

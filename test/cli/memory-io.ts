import type { CliIo } from '../../src/cli/io.ts';

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

/** An in-memory io for calling `main` in-process; nothing is a terminal unless asked. */
export function memoryIo(cwd: string, overrides: Partial<CliIo> = {}): MemoryIo {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
    isTTY: { stdout: false, stderr: false },
    ...overrides,
    out: () => stdout,
    err: () => stderr,
  };
}

import type { Diagnostic } from '../diagnostics.ts';
import type { CliIo } from './io.ts';

/** Colours only on a terminal, and never with --no-color or NO_COLOR set (no-color.org). */
export function useColor(io: CliIo, colorOption: boolean): boolean {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return io.isTTY.stdout && colorOption && !noColor;
}

/** Prints diagnostics that stop a command before it produces a report. */
export function printDiagnostics(io: CliIo, diagnostics: Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    io.stderr.write(`zoneguard: ${diagnostic.message}\n`);
    if (diagnostic.hint) io.stderr.write(`  ${diagnostic.hint}\n`);
  }
}

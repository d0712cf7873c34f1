import type { Severity } from '../engine/types.ts';

/** ANSI styling, or the identity when colour is off. */
export interface Painter {
  severity(severity: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const SEVERITY_CODES: Record<Severity, string> = {
  critical: '1;31',
  high: '31',
  medium: '33',
  low: '36',
  info: '2',
};

export function painter(color: boolean): Painter {
  const wrap = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    severity: (severity, text) => wrap(SEVERITY_CODES[severity], text),
    bold: (text) => wrap('1', text),
    dim: (text) => wrap('2', text),
  };
}

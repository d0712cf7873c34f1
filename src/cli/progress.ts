import type { CliIo } from './io.ts';

/** Scans quicker than this finish without any progress line. */
const SHOW_AFTER_MS = 300;

export interface Progress {
  update(stage: string, done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/**
 * Starts a one-line progress indicator on stderr. It shows only on a terminal
 * and only after 300 ms, so quick scans and CI logs stay clean.
 */
export function startProgress(io: CliIo): Progress {
  if (!io.isTTY.stderr) return SILENT;
  let line = 'Scanning…';
  let visible = false;
  const draw = () => io.stderr.write(`\r\u001b[K${line}`);
  const timer = setTimeout(() => {
    visible = true;
    draw();
  }, SHOW_AFTER_MS);
  timer.unref();
  return {
    update(stage, done, total) {
      line = `Scanning: ${stage} (${done}/${total} root modules)`;
      if (visible) draw();
    },
    stop() {
      clearTimeout(timer);
      if (visible) io.stderr.write('\r\u001b[K');
    },
  };
}

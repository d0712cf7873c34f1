/**
 * A limiter with the shape plugin-throttling expects of its write groups
 * (`key(id).schedule(options, task, ...args)`): tasks run one at a time, at
 * least `minTimeMs` apart. It replaces the plugin's fixed one- and three-second
 * groups so the spacing follows the client's time unit.
 */
export function pacer(minTimeMs: number) {
  let queue: Promise<unknown> = Promise.resolve();
  let lastStart = -Infinity;
  const limiter = {
    schedule<T>(_options: unknown, task: (...args: unknown[]) => Promise<T>, ...args: unknown[]): Promise<T> {
      const run = queue.then(async () => {
        const waitMs = lastStart + minTimeMs - Date.now();
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
        lastStart = Date.now();
        return task(...args);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return { key: () => limiter };
}

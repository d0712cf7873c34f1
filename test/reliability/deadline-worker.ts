import { Worker } from 'node:worker_threads';
import type { Job, Outcome } from './property-worker.ts';

export type Result = Outcome | { id: number; ok: false; error: string; hung: true };

/**
 * One worker thread that runs loader jobs, each with a deadline. A job past
 * its deadline is a hang: the worker is ended, since synchronous code cannot
 * be interrupted any other way, and the next job starts a fresh one.
 */
export class DeadlineWorker {
  private worker: Worker | undefined;
  private nextId = 0;

  constructor(private readonly deadlineMs: number) {}

  /** Runs a job; `deadlineMs` is longer for the first job, which starts the worker. */
  run(job: Omit<Job, 'id'>, deadlineMs = this.deadlineMs): Promise<Result> {
    const worker = this.current();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const finish = (result: Result) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onCrash);
        resolve(result);
      };
      const timer = setTimeout(() => {
        void this.stop();
        finish({ id, ok: false, error: `no answer within ${deadlineMs} ms`, hung: true });
      }, deadlineMs);
      const onMessage = (outcome: Outcome) => {
        if (outcome.id === id) finish(outcome);
      };
      const onCrash = (error: Error) => finish({ id, ok: false, error: `the worker crashed: ${error.stack ?? error.message}` });
      worker.on('message', onMessage);
      worker.on('error', onCrash);
      worker.postMessage({ ...job, id });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private current(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./property-worker-boot.mjs', import.meta.url));
    worker.on('error', () => {
      // The job that was running reports the crash; the next job starts a new worker.
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}

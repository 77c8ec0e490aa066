// SPDX-License-Identifier: EUPL-1.2
// An in-process timer over one pass of work (an outbox: Subscription notifications, mail): passes never
// overlap within the process, tests call runOnce after moving the clock, and stop waits for the pass
// that is running. Several instances may run it: each pass claims its rows (FOR UPDATE SKIP LOCKED).
export interface PeriodicWorker<Run> {
  /** One pass now (after any pass already running). */
  runOnce(): Promise<Run>;
  start(): void;
  stop(): Promise<void>;
}

export function periodicWorker<Run>(pass: () => Promise<Run>, intervalMs: number | null, onError?: (error: unknown) => void): PeriodicWorker<Run> {
  let timer: NodeJS.Timeout | null = null;
  let last: Promise<unknown> = Promise.resolve();
  const runOnce = (): Promise<Run> => {
    const run = last.then(pass);
    last = run.catch(() => undefined);
    return run;
  };
  return {
    runOnce,
    start() {
      if (intervalMs === null || timer) return;
      timer = setInterval(() => {
        runOnce().catch((error: unknown) => onError?.(error));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await last;
    },
  };
}

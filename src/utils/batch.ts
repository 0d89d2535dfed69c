import { createLimiter } from './limiter';

/** What became of one item of a batch. */
export type BatchOutcome<R> =
  { ok: true; value: R } | { ok: false; error: unknown };

type BatchOptions = {
  /** How many tasks run at once. */
  concurrency: number;
  /** After each item settles, saved or failed: how many of how many. */
  onProgress?: (done: number, total: number) => void;
};

/**
 * Runs `task` for every item, at most `concurrency` at once, in order.
 * Never rejects: each item's outcome comes back in the items' order, so
 * the caller can try again with only the ones that failed.
 */
export async function runBatch<T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  { concurrency, onProgress }: BatchOptions,
): Promise<BatchOutcome<R>[]> {
  const run = createLimiter(concurrency);
  let done = 0;
  onProgress?.(0, items.length);
  return Promise.all(
    items.map(async (item): Promise<BatchOutcome<R>> => {
      let outcome: BatchOutcome<R>;
      try {
        outcome = { ok: true, value: await run(() => task(item)) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      done += 1;
      onProgress?.(done, items.length);
      return outcome;
    }),
  );
}

/**
 * Runs at most `limit` tasks at once; the rest wait their turn in order. A
 * task whose signal aborts while it waits is never started.
 */
export function createLimiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  // A finished task hands its turn to the next one waiting, if any.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return async function run<T>(
    task: () => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    if (running >= limit) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      running += 1;
    }
    try {
      signal?.throwIfAborted();
      return await task();
    } finally {
      release();
    }
  };
}

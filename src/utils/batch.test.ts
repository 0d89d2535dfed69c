import { describe, expect, it } from 'vitest';

import { nextTask } from '@/testing/mock-requests';

import { runBatch } from './batch';

describe('runBatch', () => {
  it('runs at most the limit at once and gives every outcome in order', async () => {
    const waiting: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const progress: string[] = [];
    const batch = runBatch(
      [1, 2, 3, 4, 5, 6],
      async (item) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => waiting.push(resolve));
        running -= 1;
        if (item % 3 === 0) throw new Error(`no ${item}`);
        return item * 10;
      },
      {
        concurrency: 4,
        onProgress: (done, total) => progress.push(`${done}/${total}`),
      },
    );
    await nextTask();
    expect(running).toBe(4);
    while (waiting.length > 0) {
      waiting.shift()?.();
      await nextTask();
    }
    const outcomes = await batch;
    expect(most).toBe(4);
    expect(outcomes).toEqual([
      { ok: true, value: 10 },
      { ok: true, value: 20 },
      { ok: false, error: new Error('no 3') },
      { ok: true, value: 40 },
      { ok: true, value: 50 },
      { ok: false, error: new Error('no 6') },
    ]);
    expect(progress).toEqual(['0/6', '1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
  });

  it('settles an empty batch at once', async () => {
    expect(
      await runBatch([], () => Promise.resolve(1), { concurrency: 4 }),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';

import { nextTask } from '@/testing/mock-requests';

import { createLimiter } from './limiter';

/** A task that ends when told, recording how many ran beside it. */
function gate() {
  let open: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open: () => open() };
}

describe('the request limiter', () => {
  it('keeps at most the limit running and starts the rest in order', async () => {
    const run = createLimiter(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const all = gates.map((g, index) =>
      run(async () => {
        started.push(index);
        running += 1;
        most = Math.max(most, running);
        await g.done;
        running -= 1;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.open();
    await gates[1]?.done;
    await nextTask();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3]);
    expect(most).toBe(2);
  });

  it('never starts a task whose signal aborted while it waited', async () => {
    const run = createLimiter(1);
    const first = gate();
    const busy = run(() => first.done);
    const controller = new AbortController();
    let ran = false;
    const waiting = run(() => {
      ran = true;
      return Promise.resolve();
    }, controller.signal);
    controller.abort();
    first.open();
    await busy;
    await expect(waiting).rejects.toThrow();
    expect(ran).toBe(false);
    // Its turn went on to the next task.
    await expect(run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

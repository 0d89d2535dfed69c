/* global document -- in code that runs in the page */
// Timing rows that a busy machine cannot fail. A shared 2-core machine can
// run the bench while other work takes the CPU; then timings grow and spike,
// good code's as much as bad code's. So a timing is taken in several runs and
// printed as their median, and the row fails only when the budget is missed
// consistently: when even the best run is over it, after dividing by how much
// slower than usual the machine is right now (a fixed yardstick timed in the
// same run; never by less than 1, so a fast machine earns no slack). When the
// yardstick itself varied by more than MAX_SPREAD within the run, the machine
// was too unsteady to judge a timing by: the row is printed, not judged.
// Rows that do not depend on load (bytes, DOM elements, heap, requests) fail
// hard, always.

/** Largest over smallest yardstick a run may show and still judge timings. */
export const MAX_SPREAD = 1.5;

/** Largest over smallest of a few positive numbers. */
export const spreadOf = (values) => Math.max(...values) / Math.min(...values);

/** Median of a few numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * How much slower than `reference` this machine is now, given the yardstick
 * times taken in this run, as a factor ≥ 1.
 */
export const slowdownOf = (measured, reference) =>
  Math.max(1, median(measured) / reference);

/**
 * A bench row for a timing measured once per run (`runs`, lower is better):
 * prints the median, fails when the best run divided by `slowdown` is over
 * `budget`, and is not judged when the yardstick's `spread` says the machine
 * was unsteady.
 */
export function timingRow({
  metric,
  runs,
  budget,
  slowdown,
  spread,
  format,
  open,
}) {
  const best = Math.min(...runs) / slowdown;
  const unsteady = spread > MAX_SPREAD;
  const note = open
    ? `; not judged: ${open}`
    : unsteady
      ? `; not judged: the machine's speed varied ×${spread.toFixed(1)} in this run`
      : slowdown > 1.05
        ? `; machine ×${slowdown.toFixed(2)} slower`
        : '';
  return {
    metric,
    value: `${format(median(runs))} (best ${format(Math.min(...runs))}${note})`,
    budget: `≤ ${format(budget)}`,
    ok: open || unsteady ? null : best <= budget,
  };
}

/**
 * A fixed piece of script and layout work, run in `page` five times; the
 * median in milliseconds. Its frames are long: run it in a page that is not
 * being measured.
 */
export function timeYardstick(page) {
  return page.evaluate(() => {
    const times = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const numbers = Array.from(
        { length: 100_000 },
        (_, index) => (index * 7919) % 10_007,
      );
      numbers.sort((a, b) => a - b);
      const host = document.createElement('div');
      for (let index = 0; index < 1_000; index += 1) {
        const row = document.createElement('div');
        row.textContent = String(numbers[index * 100]);
        host.append(row);
      }
      document.body.append(host);
      void host.offsetHeight;
      host.remove();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2];
  });
}

// Lighthouse 12 (mobile preset) on the log-in page and the events page of the
// production build, served as deployed (nginx + CSP, mock API behind /api):
// three runs each, held to the budgets of docs/quality.md as
// bench/timing.mjs says.
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import CHROMIUM_ARGS from '../chromium-args.json' with { type: 'json' };
import { chromiumPath } from '../machine.mjs';
import { serveProduction } from './serve.mjs';
import { MAX_SPREAD, median, spreadOf, timingRow } from './timing.mjs';

const RUNS = 3;
const BUDGET = { score: 0.95, lcpMs: 2000, tbtMs: 150, cls: 0.05 };

// Lighthouse's own yardstick (lhr.environment.benchmarkIndex, higher is
// faster) on an idle machine of the kind the bench runs on.
const BENCHMARK_INDEX_IDLE = 2_700;

async function audit(url, port) {
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // Keep the signed-in session of the events page between runs.
      disableStorageReset: true,
    });
    const { categories, audits } = result.lhr;
    runs.push({
      score: categories.performance.score ?? 0,
      lcpMs: audits['largest-contentful-paint'].numericValue ?? Infinity,
      tbtMs: audits['total-blocking-time'].numericValue ?? Infinity,
      cls: audits['cumulative-layout-shift'].numericValue ?? Infinity,
      benchmarkIndex: result.lhr.environment.benchmarkIndex,
    });
  }
  return runs;
}

/** Signs in with Remember me in Lighthouse's own Chrome, so /events opens signed in. */
async function signIn(origin, port) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${origin}/login`);
  await page.getByLabel('Login').fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('Qwerty123');
  await page.getByLabel('Remember me on this device').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${origin}/`);
  await page.close();
  await browser.close();
}

function rows(page, runs) {
  const of = (key) => runs.map((run) => run[key]);
  // A slower machine means a lower benchmark index.
  const slowdown = Math.max(
    1,
    BENCHMARK_INDEX_IDLE / median(of('benchmarkIndex')),
  );
  const spread = spreadOf(of('benchmarkIndex'));
  const unsteady = spread > MAX_SPREAD;
  const seconds = (value) => `${(value / 1000).toFixed(2)} s`;
  const ms = (value) => `${Math.round(value)} ms`;
  const scores = of('score');
  return [
    {
      metric: `Lighthouse ${page}: performance (${RUNS} runs)`,
      value: `${median(scores).toFixed(2)} (best ${Math.max(...scores).toFixed(2)}${unsteady ? '; not judged: the machine was unsteady' : ''})`,
      budget: `≥ ${BUDGET.score}`,
      // The score is made of timings, so it is judged as they are.
      ok: unsteady ? null : Math.max(...scores) >= BUDGET.score,
    },
    timingRow({
      metric: `Lighthouse ${page}: LCP (${RUNS} runs)`,
      runs: of('lcpMs'),
      budget: BUDGET.lcpMs,
      slowdown,
      spread,
      format: seconds,
    }),
    timingRow({
      metric: `Lighthouse ${page}: TBT (${RUNS} runs)`,
      runs: of('tbtMs'),
      budget: BUDGET.tbtMs,
      slowdown,
      spread,
      format: ms,
    }),
    {
      metric: `Lighthouse ${page}: CLS (median of ${RUNS})`,
      value: median(of('cls')).toFixed(3),
      budget: `≤ ${BUDGET.cls}`,
      ok: median(of('cls')) <= BUDGET.cls,
    },
  ];
}

export async function measureLighthouse(ctx) {
  const { origin, stop } = await serveProduction({
    root: ctx.root,
    dist: ctx.outDir,
  });
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROMIUM_ARGS,
  });
  try {
    const login = await audit(`${origin}/login`, chrome.port);
    await signIn(origin, chrome.port);
    const events = await audit(`${origin}/events`, chrome.port);
    // Each run's figures, so an outlier on a noisy machine shows as one.
    ctx.details.push(
      `Lighthouse runs (score, LCP, TBT, CLS, benchmark index; idle ${BENCHMARK_INDEX_IDLE}):`,
      ...[
        ['log-in', login],
        ['events', events],
      ].map(
        ([page, runs]) =>
          `  ${page}: ${runs
            .map(
              (run) =>
                `${run.score.toFixed(2)} ${Math.round(run.lcpMs)} ms ${Math.round(run.tbtMs)} ms ${run.cls.toFixed(3)} ${Math.round(run.benchmarkIndex)}`,
            )
            .join(' | ')}`,
      ),
    );
    return [...rows('log-in', login), ...rows('events', events)];
  } finally {
    chrome.kill();
    stop();
  }
}

// Lighthouse 12 (mobile preset) on the log-in page and the events page of the
// production build, served as deployed (nginx + CSP, mock API behind /api):
// the median of three runs each, against the budgets of QUALITY.md.
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import CHROMIUM_ARGS from '../chromium-args.json' with { type: 'json' };
import { serveProduction } from './serve.mjs';

const RUNS = 3;
const PORT = 8098;
const API_PORT = 8797;
const BUDGET = { score: 0.95, lcpMs: 2000, tbtMs: 150, cls: 0.05 };

const median = (values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
    });
  }
  return {
    runs,
    score: median(runs.map((r) => r.score)),
    lcpMs: median(runs.map((r) => r.lcpMs)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
    cls: median(runs.map((r) => r.cls)),
  };
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

function rows(page, figures) {
  return [
    {
      metric: `Lighthouse ${page}: performance`,
      value: figures.score.toFixed(2),
      budget: `≥ ${BUDGET.score}`,
      ok: figures.score >= BUDGET.score,
    },
    {
      metric: `Lighthouse ${page}: LCP`,
      value: `${(figures.lcpMs / 1000).toFixed(2)} s`,
      budget: `≤ ${BUDGET.lcpMs / 1000} s`,
      ok: figures.lcpMs <= BUDGET.lcpMs,
    },
    {
      metric: `Lighthouse ${page}: TBT`,
      value: `${Math.round(figures.tbtMs)} ms`,
      budget: `≤ ${BUDGET.tbtMs} ms`,
      ok: figures.tbtMs <= BUDGET.tbtMs,
    },
    {
      metric: `Lighthouse ${page}: CLS`,
      value: figures.cls.toFixed(3),
      budget: `≤ ${BUDGET.cls}`,
      ok: figures.cls <= BUDGET.cls,
    },
  ];
}

export async function measureLighthouse(ctx) {
  const { origin, stop } = await serveProduction({
    root: ctx.root,
    dist: ctx.outDir,
    port: PORT,
    apiPort: API_PORT,
  });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROMIUM_ARGS,
  });
  try {
    const login = await audit(`${origin}/login`, chrome.port);
    await signIn(origin, chrome.port);
    const events = await audit(`${origin}/events`, chrome.port);
    // Each run's figures, so an outlier on a noisy machine shows as one.
    ctx.details.push(
      `Lighthouse runs (score, LCP, TBT, CLS):`,
      ...[
        ['log-in', login],
        ['events', events],
      ].map(
        ([page, { runs }]) =>
          `  ${page}: ${runs
            .map(
              (run) =>
                `${run.score.toFixed(2)} ${Math.round(run.lcpMs)} ms ${Math.round(run.tbtMs)} ms ${run.cls.toFixed(3)}`,
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

// The production build as deployed (nginx with the CSP, /api proxied to the
// mock API as a Node server), for the browser measurements of the bench.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { freePorts } from '../machine.mjs';

/**
 * Serves `dist` on a free port with the mock API on another; `env` reaches
 * the mock API (e.g. MOCK_API_BENCH_EVENTS). Resolves once the log-in page
 * answers.
 */
export async function serveProduction({ root, dist, env = {} }) {
  const [port, apiPort] = await freePorts(2);
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      path.join(root, 'scripts/serve-production.mjs'),
      '--dist',
      dist,
      '--port',
      String(port),
      '--api-port',
      String(apiPort),
    ],
    { stdio: 'ignore', env: { ...process.env, ...env } },
  );
  const stop = () => server.kill('SIGTERM');
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      const [page, api] = await Promise.all([
        fetch(`${origin}/login`),
        fetch(`${origin}/api/dictionaries/languages`),
      ]);
      if (page.ok && api.ok) return { origin, stop };
    } catch {
      // not up yet
    }
    await delay(200);
  }
  stop();
  throw new Error(`the production build did not come up at ${origin}`);
}

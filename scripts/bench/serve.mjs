// The production build as deployed (nginx with the CSP, /api proxied to the
// mock API as a Node server), for the browser measurements of the bench.
import { spawn } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { freePorts } from '../machine.mjs';

/** The status of a GET; the bench's own certificate is taken as it is. */
function statusOf(url) {
  const { get } = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject);
  });
}

/**
 * Serves `dist` on a free port with the mock API on another; `env` reaches
 * the mock API (e.g. MOCK_API_BENCH_EVENTS); `tls` serves HTTPS with HTTP/2
 * on a self-signed certificate. Resolves once the log-in page answers.
 */
export async function serveProduction({ root, dist, env = {}, tls = false }) {
  const [port, apiPort] = await freePorts(2);
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
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
      ...(tls ? ['--tls'] : []),
    ],
    { stdio: 'ignore', env: { ...process.env, ...env } },
  );
  const stop = () => server.kill('SIGTERM');
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      const answers = await Promise.all(
        ['/login', '/api/dictionaries/languages'].map((where) =>
          statusOf(`${origin}${where}`),
        ),
      );
      if (answers.every((status) => status === 200)) return { origin, stop };
    } catch {
      // not up yet
    }
    await delay(200);
  }
  stop();
  throw new Error(`the production build did not come up at ${origin}`);
}

// The mock backend as a real HTTP server, for running the production build
// (which has no mock inside) the way it is deployed: behind nginx, with /api
// proxied here. Test-only; the same handlers as the browser and Vitest.
//   npm run serve:mock-api            # http://127.0.0.1:8787
//   MOCK_API_PORT=9000 npm run serve:mock-api
//   MOCK_API_BENCH_EVENTS=10000 …     # admin also gets a property with that many events
//   MOCK_API_LATENCY_MS=100 …         # every answer waits that long, as over a real network
import { createServer as createMockServer } from '@mswjs/http-middleware';
import { createServer as createViteServer } from 'vite';

const port = Number(process.env.MOCK_API_PORT ?? 8787);

// Vite loads the TypeScript handlers (and their import.meta.env) in Node.
const vite = await createViteServer({
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  logLevel: 'error',
  mode: 'production',
});
const { handlers } = await vite.ssrLoadModule('/src/mocks/handlers/index.ts');

const benchEvents = Number(process.env.MOCK_API_BENCH_EVENTS ?? 0);
if (benchEvents > 0) {
  const { getDb } = await vite.ssrLoadModule('/src/mocks/db.ts');
  const { seedBenchmarkEvents } = await vite.ssrLoadModule(
    '/src/mocks/bench-events.ts',
  );
  seedBenchmarkEvents(getDb(), benchEvents);
}

const latencyMs = Number(process.env.MOCK_API_LATENCY_MS ?? 0);
if (latencyMs > 0) {
  const { setSwitches } = await vite.ssrLoadModule('/src/mocks/switches.ts');
  setSwitches({ latencyMs });
}

createMockServer(...handlers).listen(port, '127.0.0.1', () => {
  process.stdout.write(`mock API at http://127.0.0.1:${port}/api\n`);
});

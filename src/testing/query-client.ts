import type { QueryClient } from '@tanstack/react-query';

import { createQueryClient } from '@/lib/query-client';

/**
 * The app's query client as a test has it: reads fail at once rather than
 * retry; every other default (writes sent offline too) as in the app.
 */
export function testQueryClient(): QueryClient {
  const client = createQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({
    ...defaults,
    queries: { ...defaults.queries, retry: false },
  });
  return client;
}

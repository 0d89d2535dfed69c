import { QueryClient } from '@tanstack/react-query';

import { toApiError } from '@/api/errors';

const MAX_QUIET_RETRIES = 2;

/**
 * Reads retry quietly, at most twice with backoff, and only when trying
 * again can help: a server error, a lost connection or a timeout. A 4xx or
 * a response that breaks the contract is shown at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUIET_RETRIES) return false;
  const apiError = toApiError(error);
  return apiError.isServerError || apiError.kind === 'network';
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      // Writes are never repeated behind the user's back: one request per
      // click. Offline, a write fails at once and says so, the form kept,
      // rather than wait unseen (and shown as saved) for the connection.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

import {
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';

import { monthDays, type Month } from './months';
import type { EventRange } from './order';
import { ledgerQueries } from './shards';

/** A month fetched this recently is not fetched again on a return. */
export const FOCUS_FRESH_MS = 30_000;

function readsMonth(key: QueryKey, month: Month): boolean {
  const range = key[key.length - 1] as EventRange;
  const { from, to } = monthDays(month);
  return (
    (range.date_from === undefined || range.date_from <= to) &&
    (range.date_to === undefined || range.date_to >= from)
  );
}

/**
 * Fetches `months` again (those fetched more than FOCUS_FRESH_MS ago), to
 * see what another device saved meanwhile. A month that came back changed
 * is summed again into every cached sum and row list that reads it, from
 * the index: no other month is fetched. Returns the months that changed; a
 * month that cannot be fetched now (offline) keeps what it had.
 */
export async function refreshMonths(
  client: QueryClient,
  months: readonly Month[],
): Promise<Month[]> {
  const changed = (
    await Promise.all(
      [...new Set(months)].map(async (month) => {
        const options = ledgerQueries.month(month);
        const before = client.getQueryData(options.queryKey);
        await client
          .fetchQuery({ ...options, staleTime: FOCUS_FRESH_MS })
          .catch(() => undefined);
        // Unchanged data keeps its identity in the cache (structural sharing).
        return client.getQueryData(options.queryKey) === before ? [] : [month];
      }),
    )
  ).flat();
  if (changed.length > 0) {
    for (const queryKey of [ledgerQueries.totals(), ledgerQueries.rows()]) {
      await client.invalidateQueries({
        queryKey,
        predicate: ({ queryKey: key }) =>
          changed.some((month) => readsMonth(key, month)),
      });
    }
  }
  return changed;
}

/**
 * When the owner comes back to the window (it regains focus, or the tab
 * is shown again), the months `months()` names — those on screen — are
 * fetched again; `onChanged` hears of those that changed, for caches
 * outside the index.
 */
export function useRefreshOnFocus(
  months: () => readonly Month[],
  onChanged?: (months: Month[]) => void,
): void {
  const client = useQueryClient();
  const refresh = useEffectEvent(async () => {
    const changed = await refreshMonths(client, months());
    if (changed.length > 0) onChanged?.(changed);
  });
  useEffect(() => {
    // Coming back fires both events; one refresh is enough.
    let running = false;
    const onReturn = () => {
      if (running || document.visibilityState !== 'visible') return;
      running = true;
      void refresh().finally(() => {
        running = false;
      });
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, []);
}

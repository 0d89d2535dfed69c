import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet } from 'react-router';

import { eventQueries } from '@/features/events/api/queries';
import { listenToOtherTabs } from '@/ledger/tabs';

/**
 * The data layer for every route below it. It is a lazy route of its own so
 * that the sign-in page, the first page most visitors see, loads without it.
 */
export function AppProvider({ queryClient }: { queryClient: QueryClient }) {
  // What other tabs save shows here at once; their lists load afresh.
  useEffect(
    () =>
      listenToOtherTabs(queryClient, () => {
        void queryClient.invalidateQueries({
          queryKey: eventQueries.lists(),
          refetchType: 'none',
        });
      }),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <Outlet />
    </QueryClientProvider>
  );
}

import {
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useState } from 'react';

import type { PropertyObject } from '@/api/generated';
import { forgetObjectEvents } from '@/features/events/api/ledger-cache';
import { totalsQuery, useEventTotals } from '@/ledger/totals';
import { objectQueries } from '@/features/objects/api/queries';
import { PropertiesPortfolio } from '@/features/objects/components/properties-portfolio';
import { todayIso } from '@/utils/calendar-date';

/** This calendar year in the user's time zone, as an events filter. */
function currentYear() {
  const year = Number(todayIso().slice(0, 4));
  return {
    year,
    filters: { date_from: `${year}-01-01`, date_to: `${year}-12-31` },
  };
}

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(objectQueries.list());
  return null;
};

export function Component() {
  const queryClient = useQueryClient();
  const { year, filters } = currentYear();
  // One walk over the year's events gives every card its net.
  const totals = useEventTotals(filters);
  const [deleting, setDeleting] = useState<PropertyObject | null>(null);
  // All-time count, summed only while a delete is being confirmed.
  const deleteTotals = useQuery({
    ...totalsQuery({ object_id: deleting?.id ?? 0 }),
    enabled: deleting !== null,
  });
  return (
    <PropertiesPortfolio
      year={year}
      yearTotals={{
        byObject: totals.data?.byObject,
        error: totals.error,
        onRetry: () => void totals.refetch(),
      }}
      deleting={deleting}
      onDeletingChange={setDeleting}
      deleteEventCount={deleting ? deleteTotals.data?.all.count : undefined}
      onDeleted={(deleted) => void forgetObjectEvents(queryClient, deleted.id)}
    />
  );
}

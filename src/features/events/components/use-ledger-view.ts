import { useCallback, useDeferredValue, useMemo } from 'react';

import { useEventTotals } from '@/ledger/totals';
import { useLedgerRows } from '@/ledger/rows';
import { adjustTotals, emptyPeriodTotals } from '@/ledger/sums';
import { todayIso } from '@/utils/calendar-date';

import { useEvents, type EventFilters } from '../api/queries';
import {
  isDefaultView,
  narrowsRows,
  viewRows,
  type RowView,
} from '../utils/row-view';

/**
 * What the ledger shows for a filter and a view, and where it comes from:
 * the first screen by cursor (one request); then every row of the filter
 * from the index — the months the totals read, so no row is fetched twice —
 * in the view's order, with the running balance. A view that needs every
 * row (a search, a kind, a sort) shows none until the index has them; a
 * new filter shows the last one's rows, marked busy, never a mix.
 */
export function useLedgerView(
  filters: EventFilters,
  view: RowView,
  objectName: (id: number) => string | undefined,
  locale: string,
) {
  const events = useEvents(filters);
  const index = useLedgerRows(filters);
  const totals = useEventTotals(filters);
  // The view as last typed or chosen; the rows follow when React has time.
  const shownView = useDeferredValue(view);
  // Every row of this filter; while they come, the last filter's.
  const indexed = index.isPlaceholderData ? undefined : index.data;
  const listReady = events.data !== undefined && !events.isPlaceholderData;
  const { fetchNextPage } = events;
  // Never restarts a page load already on its way.
  const loadMore = useCallback(
    () => void fetchNextPage({ cancelRefetch: false }),
    [fetchNextPage],
  );
  const paged = useMemo(
    () => events.data?.pages.flatMap((page) => page.data),
    [events.data],
  );
  const viewed = useMemo(
    () =>
      index.data &&
      viewRows(index.data, shownView, (id) => objectName(id) ?? '', locale),
    [index.data, shownView, objectName, locale],
  );
  const waiting = indexed === undefined && !isDefaultView(view);
  const fromIndex = indexed !== undefined || waiting;
  const rows = fromIndex
    ? viewed?.rows
    : listReady
      ? paged
      : (viewed?.rows ?? paged);
  // Where each month's rows begin, when the rows are in date order.
  const monthStarts = useMemo(() => {
    if (!viewed || indexed === undefined || shownView.sort.key !== 'date') {
      return undefined;
    }
    const starts = new Map<string, number>();
    viewed.rows.forEach((event, at) => {
      const month = event.notification_date.slice(0, 7);
      if (!starts.has(month)) starts.set(month, at);
    });
    return starts;
  }, [viewed, indexed, shownView.sort.key]);
  // The sums of the rows a search or a kind leaves.
  const matching = useMemo(
    () =>
      viewed && narrowsRows(shownView)
        ? adjustTotals(emptyPeriodTotals(todayIso()), viewed.rows, 1)
        : undefined,
    [viewed, shownView],
  );
  return {
    /** The first screen's query: its errors, and the next page by cursor. */
    events,
    totals,
    rows,
    /** The filter's rows known so far, whatever the view. */
    known: indexed ?? paged,
    /** Every row of the filter (or of the view), once known. */
    rowCount:
      indexed !== undefined && viewed
        ? viewed.rows.length
        : !totals.isFetching && totals.data
          ? totals.data.all.count
          : undefined,
    balance: viewed && rows === viewed.rows ? viewed.balance : undefined,
    monthStarts,
    matching,
    /** The view waits for every row of the filter. */
    waiting,
    /** The rows shown are another filter's (or view's, while waiting). */
    busy:
      indexed === undefined &&
      ((waiting && viewed !== undefined) || !listReady),
    /** The rows are this filter's, in the view before the last change. */
    catchingUp: viewed !== undefined && shownView !== view,
    hasMore:
      indexed === undefined && listReady && !waiting && events.hasNextPage,
    loadMore,
    shownView,
  };
}

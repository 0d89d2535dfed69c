import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import { useSameValue } from '@/hooks/use-same-value';
import { useSearchWriter } from '@/hooks/use-search-writer';
import { todayIso } from '@/utils/calendar-date';

import type { EventFilters } from '../api/queries';
import {
  parseLedgerSearch,
  toEventFilters,
  withLedgerSearch,
  type FilterProblem,
  type FilterScope,
  type LedgerFilter,
} from '../utils/filters';

/** A new filter, or how to change the last one asked for. */
export type FilterChange =
  LedgerFilter | ((current: LedgerFilter) => LedgerFilter);

export type EventFiltersState = {
  /** The list and totals query for what the address says. */
  filters: EventFilters;
  /** What the user chose (a preset or custom dates, and an object). */
  filter: LedgerFilter;
  /** Parts of the address that could not be used. */
  problems: readonly FilterProblem[];
  /**
   * Puts a new choice in the address, as a new history entry: a filter, or
   * a change of the last one asked for.
   */
  setFilter: (next: FilterChange) => void;
};

/**
 * The ledger's filters, kept in the search params of whatever page shows
 * the ledger, so they can be shared and Back and Forward step through
 * them.
 */
export function useEventFilters(scope: FilterScope = {}): EventFiltersState {
  const [searchParams] = useSearchParams();
  const search = searchParams.toString();
  const { fixedObjectId, objectFilter } = scope;
  const scopeOf = useMemo(
    () => ({ fixedObjectId, objectFilter }),
    [fixedObjectId, objectFilter],
  );
  const parsed = useMemo(
    () => parseLedgerSearch(new URLSearchParams(search), scopeOf),
    [search, scopeOf],
  );
  // One object while the dates and the property stay (a search or a sort
  // changes the address, not these).
  const filters = useSameValue(
    toEventFilters(parsed.filter, todayIso(), fixedObjectId),
  );
  const writeSearch = useSearchWriter();
  const setFilter = useCallback(
    (next: FilterChange) =>
      writeSearch(
        (last) =>
          withLedgerSearch(
            last,
            typeof next === 'function'
              ? next(parseLedgerSearch(last, scopeOf).filter)
              : next,
          ),
        // The owner stays where they are on the page.
        { preventScrollReset: true },
      ),
    [writeSearch, scopeOf],
  );
  return {
    filters,
    filter: parsed.filter,
    problems: parsed.problems,
    setFilter,
  };
}

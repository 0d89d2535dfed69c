import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import { todayIso } from '@/lib/format';

import type { EventFilters } from '../api/queries';
import {
  parseLedgerSearch,
  toEventFilters,
  withLedgerSearch,
  type FilterProblem,
  type LedgerFilter,
} from '../utils/filters';

export type EventFiltersState = {
  /** The list and totals query for what the address says. */
  filters: EventFilters;
  /** What the user chose (a preset or custom dates, and an object). */
  filter: LedgerFilter;
  /** Parts of the address that could not be used. */
  problems: readonly FilterProblem[];
  /** Puts a new choice in the address, as a new history entry. */
  setFilter: (next: LedgerFilter) => void;
};

/**
 * The ledger's filters, kept in the search params of whatever page shows
 * the ledger, so they can be shared and Back and Forward step through
 * them. With `fixedObjectId` (an object's own page) the object is that one
 * and the address's object_id is not read.
 */
export function useEventFilters(fixedObjectId?: number): EventFiltersState {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const parsed = useMemo(
    () => parseLedgerSearch(new URLSearchParams(search)),
    [search],
  );
  const today = todayIso();
  const fixed = fixedObjectId !== undefined;
  const filter = useMemo(
    () => (fixed ? { period: parsed.filter.period } : parsed.filter),
    [fixed, parsed],
  );
  const problems = useMemo(
    () =>
      fixed
        ? parsed.problems.filter((problem) => problem.kind !== 'object_id')
        : parsed.problems,
    [fixed, parsed],
  );
  const filtersKey = JSON.stringify(
    toEventFilters(filter, today, fixedObjectId),
  );
  const filters = useMemo(
    () => JSON.parse(filtersKey) as EventFilters,
    [filtersKey],
  );
  const setFilter = useCallback(
    (next: LedgerFilter) =>
      setSearchParams((current) => withLedgerSearch(current, next)),
    [setSearchParams],
  );
  return { filters, filter, problems, setFilter };
}

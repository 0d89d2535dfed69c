import {
  onlineManager,
  queryOptions,
  type FetchQueryOptions,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';

import { toApiError } from '@/api/errors';
import { listEvents, type Event, type ListEventsData } from '@/api/generated';
import { walkPages } from '@/api/pagination';
import { withOutbox } from '@/lib/outbox';
import { withoutPendingDeletes } from '@/lib/pending-deletes';
import { createLimiter } from '@/utils/limiter';

import { searchKey } from './search';
import { inRange, type EventRange } from './order';
import {
  monthDays,
  monthOf,
  monthsOfRange,
  yearDays,
  yearOf,
  type Month,
} from './months';

/**
 * The local index of events: the owner's whole ledger, cached one calendar
 * month at a time ("shards") and shared by every view — the ledger's
 * totals, the overview, the portfolio, a property's page, the export. A
 * shard is fetched once (cursor pages of 200 inside it), many in parallel
 * with a bounded number of requests in flight, and changed in place by
 * each write (./changes.ts), so a saved event never re-walks the history.
 */

/**
 * Whether the page came over HTTP/2 or 3, where one connection carries many
 * requests at once (the API is on the same origin).
 */
function multiplexed(): boolean {
  const [navigation] = performance.getEntriesByType('navigation') as
    PerformanceNavigationTiming[] | [];
  return ['h2', 'h3'].includes(navigation?.nextHopProtocol ?? '');
}

/**
 * Requests the index has in flight at most: six over HTTP/1.1, which is
 * what a browser opens to one host; many more over HTTP/2.
 */
export const IN_FLIGHT = multiplexed() ? 32 : 6;
const PAGE_SIZE = 200;
/** Past this age a shard is fetched again when a view next needs it. */
export const SHARD_STALE_MS = 5 * 60_000;
/** A shard no view has used for this long is dropped from memory. */
const SHARD_GC_MS = 30 * 60_000;
/** Years probed at once while finding where the history begins. */
const YEARS_PER_PROBE = 10;

type Limiter = ReturnType<typeof createLimiter>;
// One limiter per query client: the session's cache and its requests.
const limiters = new WeakMap<QueryClient, Limiter>();
function limiterOf(client: QueryClient): Limiter {
  let limiter = limiters.get(client);
  if (!limiter) {
    limiter = createLimiter(IN_FLIGHT);
    limiters.set(client, limiter);
  }
  return limiter;
}

type ListQuery = NonNullable<ListEventsData['query']>;

function listPage(limited: Limiter, query: ListQuery, signal: AbortSignal) {
  return limited(async () => {
    const { data } = await listEvents({ query, signal });
    return data;
  }, signal);
}

/** One month of events as the server lists them: newest first. */
async function fetchMonth(
  limited: Limiter,
  month: Month,
  signal: AbortSignal,
): Promise<Event[]> {
  const { from, to } = monthDays(month);
  const events: Event[] = [];
  await walkPages(
    (cursor) =>
      listPage(
        limited,
        { date_from: from, date_to: to, limit: PAGE_SIZE, cursor },
        signal,
      ),
    (rows) => {
      const kept = withoutPendingDeletes('event', rows);
      // The search column of the index, made a page at a time.
      for (const event of kept) searchKey(event);
      events.push(...kept);
    },
  );
  // What waits in the outbox, as it will leave the month.
  return withOutbox(
    events,
    (event) => monthOf(event.notification_date) === month,
  );
}

/**
 * The newest event of a date range, if it has one: one row, one request (a
 * page that is empty but says more follow is followed, so a server whose
 * cursors go round in a loop is caught, not read as an empty ledger).
 */
async function newestIn(
  limited: Limiter,
  range: { date_from?: string; date_to?: string },
  signal: AbortSignal,
): Promise<Event | undefined> {
  let newest: Event | undefined;
  await walkPages(
    (cursor) => listPage(limited, { ...range, limit: 1, cursor }, signal),
    (rows) => {
      newest = rows[0];
      return newest !== undefined;
    },
  );
  return newest;
}

/**
 * The years that hold events, newest first, without walking the history:
 * ten years are probed at once (one row each), with one probe for anything
 * older — whose newest row says where the next ten years start — and, the
 * first time, one for anything after this year. The first probe that fails
 * calls off the others.
 */
async function findYears(
  limited: Limiter,
  today: string,
  signal: AbortSignal,
): Promise<number[]> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop);
  const probe = (range: { date_from?: string; date_to?: string }) =>
    newestIn(limited, range, controller.signal);
  const found = new Set<number>();
  const probeYears = async (years: number[]) => {
    const rows = await Promise.all(
      years.map((year) => {
        const { from, to } = yearDays(year);
        return probe({ date_from: from, date_to: to });
      }),
    );
    years.forEach((year, index) => {
      if (rows[index]) found.add(year);
    });
  };
  const thisYear = yearOf(today);
  try {
    let later: Promise<Event | undefined> | undefined = probe({
      date_from: yearDays(thisYear + 1).from,
    });
    let newest: Event | undefined;
    let top = thisYear;
    for (;;) {
      const window = Array.from(
        { length: Math.min(YEARS_PER_PROBE, top) },
        (_, index) => top - index,
      );
      const bottom = top - window.length + 1;
      const [, older, latest] = await Promise.all([
        probeYears(window),
        bottom > 1 ? probe({ date_to: yearDays(bottom - 1).to }) : undefined,
        later,
      ]);
      if (later) newest = latest;
      later = undefined;
      if (!older) break;
      top = yearOf(older.notification_date);
    }
    if (newest) {
      const last = yearOf(newest.notification_date);
      found.add(last);
      await probeYears(
        Array.from(
          { length: last - thisYear - 1 },
          (_, index) => thisYear + 1 + index,
        ),
      );
    }
  } catch (error) {
    controller.abort();
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return [...found].sort((a, b) => b - a);
}

export const ledgerQueries = {
  all: () => ['ledger'] as const,
  /** Sums per filter, derived from the months (./totals.ts). */
  totals: () => [...ledgerQueries.all(), 'totals'] as const,
  /** Every row of a filter, read from the months (./rows.ts). */
  rows: () => [...ledgerQueries.all(), 'rows'] as const,
  monthsKey: () => [...ledgerQueries.all(), 'month'] as const,
  month: (month: Month) =>
    queryOptions({
      queryKey: [...ledgerQueries.monthsKey(), month] as const,
      queryFn: ({ client, signal }) =>
        fetchMonth(limiterOf(client), month, signal),
      staleTime: SHARD_STALE_MS,
      gcTime: SHARD_GC_MS,
    }),
  /** The years with events; `today` only decides where probing starts. */
  yearsKey: () => [...ledgerQueries.all(), 'years'] as const,
  years: (today: string) =>
    queryOptions({
      queryKey: [...ledgerQueries.yearsKey(), today] as const,
      queryFn: ({ client, signal }) =>
        findYears(limiterOf(client), today, signal),
      staleTime: SHARD_STALE_MS,
      gcTime: SHARD_GC_MS,
    }),
};

// How many reads are waiting for each month, per client: a month no read
// waits for any more is not worth its requests.
const waitingFor = new WeakMap<QueryClient, Map<Month, number>>();

function wait(client: QueryClient, months: readonly Month[]): () => void {
  let counts = waitingFor.get(client);
  if (!counts) {
    counts = new Map();
    waitingFor.set(client, counts);
  }
  const waiting = counts;
  for (const month of months) waiting.set(month, (waiting.get(month) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const month of months) {
      const left = (waiting.get(month) ?? 1) - 1;
      if (left > 0) {
        waiting.set(month, left);
        continue;
      }
      waiting.delete(month);
      // Looked at a moment later: a read that starts over (a sum summed
      // again after a change) asks for the same month at once.
      setTimeout(() => {
        const { queryKey } = ledgerQueries.month(month);
        const fetching =
          client.getQueryState(queryKey)?.fetchStatus === 'fetching';
        if (fetching && !waiting.has(month)) {
          void client.cancelQueries({ queryKey, exact: true });
        }
      }, 0);
    }
  };
}

/**
 * A part of the index as a view reads it: fetched again once stale, but
 * offline — or when the server cannot be reached — what the index holds is
 * read as it is, however old (the offline banner says as of when).
 */
async function fromIndex<T, Key extends QueryKey>(
  client: QueryClient,
  options: FetchQueryOptions<T, Error, T, Key>,
): Promise<T> {
  if (!onlineManager.isOnline()) {
    return client.fetchQuery({ ...options, staleTime: Infinity });
  }
  try {
    return await client.fetchQuery(options);
  } catch (error) {
    const held = client.getQueryData<T>(options.queryKey);
    if (held === undefined || toApiError(error).kind !== 'network') throw error;
    return held;
  }
}

/**
 * Every event of a range from the index, newest first: the months it needs
 * are fetched in parallel (those cached and fresh are not fetched at all),
 * each handed to `onMonth` as it arrives, in whatever order they come. When
 * `signal` aborts, the months no other read waits for are called off.
 */
export async function eventsOfRange(
  client: QueryClient,
  range: EventRange,
  today: string,
  signal: AbortSignal,
  onMonth?: (month: Month, events: readonly Event[]) => void,
): Promise<Event[]> {
  const years =
    spannedYears(range) ??
    (await fromIndex(client, ledgerQueries.years(today)));
  signal.throwIfAborted();
  const months = monthsOfRange(
    { from: range.date_from, to: range.date_to },
    years,
  );
  const release = wait(client, months);
  signal.addEventListener('abort', release, { once: true });
  try {
    const shards = await Promise.all(
      months.map(async (month) => {
        const events = await fromIndex(client, ledgerQueries.month(month));
        signal.throwIfAborted();
        onMonth?.(month, events);
        return events;
      }),
    );
    return shards.flat().filter((event) => inRange(event, range));
  } finally {
    signal.removeEventListener('abort', release);
    release();
  }
}

/**
 * The years of a closed range of at most two years, which need no probing;
 * any other range asks the index which years hold events.
 */
function spannedYears(range: EventRange): number[] | undefined {
  if (range.date_from === undefined || range.date_to === undefined) return;
  const first = yearOf(range.date_from);
  const last = yearOf(range.date_to);
  if (last - first > 1) return;
  return last === first ? [last] : [last, first];
}

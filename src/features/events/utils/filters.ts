import * as z from 'zod/mini';

import { zDate } from '@/api/generated/zod.gen';

import type { EventFilters } from '../api/queries';
import { PERIOD_PRESETS, presetRange, type PeriodPreset } from './periods';

/** The search params the ledger owns; any others of the page are kept. */
export const FILTER_PARAMS = [
  'period',
  'date_from',
  'date_to',
  'object_id',
] as const;

/** A preset, or custom dates (either end may be left open). */
export type PeriodChoice =
  { preset: PeriodPreset } | { preset: 'custom'; from?: string; to?: string };

export type LedgerFilter = { period: PeriodChoice; objectId?: number };

/** A part of the address that could not be used, and why. */
export type FilterProblem =
  | { kind: 'period' | 'date_from' | 'date_to' | 'object_id'; value: string }
  | { kind: 'range'; from: string; to: string };

const zPeriodParam = z.enum(PERIOD_PRESETS);
/** A positive id, as the address writes it. */
const zIdParam = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,9}$/)),
  z.transform(Number),
);

export const ALL_TIME: LedgerFilter = { period: { preset: 'all' } };

/** Which filters a page shows the events under. */
export type FilterScope = {
  /** A property's own page: only its events; the address's object_id is not read. */
  fixedObjectId?: number;
  /** False where the page has no property filter: every property. */
  objectFilter?: boolean;
};

/**
 * The period every page opens on when the address names none: the year so
 * far, the one owners reckon in (and file taxes for), and quick to sum even
 * over a long history. The period choice shows it.
 */
export const DEFAULT_PRESET: PeriodPreset = 'this-year';

/**
 * Reads the ledger's filters from the address. What cannot be used is left
 * out (the rest still applies) and reported, so a bad link explains itself
 * instead of failing.
 */
export function parseLedgerSearch(
  params: URLSearchParams,
  scope: FilterScope = {},
): {
  filter: LedgerFilter;
  problems: FilterProblem[];
} {
  const problems: FilterProblem[] = [];
  const read = <T>(
    kind: 'period' | 'date_from' | 'date_to' | 'object_id',
    schema: z.ZodMiniType<T, string>,
  ): T | undefined => {
    const value = params.get(kind);
    if (value === null || value === '') return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push({ kind, value });
    return undefined;
  };

  let period: PeriodChoice;
  if (params.get('date_from') || params.get('date_to')) {
    let from = read('date_from', zDate);
    let to = read('date_to', zDate);
    if (from !== undefined && to !== undefined && from > to) {
      problems.push({ kind: 'range', from, to });
      from = undefined;
      to = undefined;
    }
    period = { preset: 'custom', from, to };
  } else {
    period = {
      preset: read('period', zPeriodParam) ?? DEFAULT_PRESET,
    };
  }
  if (scope.fixedObjectId !== undefined || scope.objectFilter === false) {
    return { filter: { period }, problems };
  }
  const objectId = read('object_id', zIdParam);
  return {
    filter: objectId === undefined ? { period } : { period, objectId },
    problems,
  };
}

/**
 * The address's search params with the ledger's own replaced by `filter`;
 * the default period is left out of the address.
 */
export function withLedgerSearch(
  current: URLSearchParams,
  filter: LedgerFilter,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const name of FILTER_PARAMS) next.delete(name);
  const { period, objectId } = filter;
  if (period.preset === 'custom') {
    if (period.from) next.set('date_from', period.from);
    if (period.to) next.set('date_to', period.to);
  } else if (period.preset !== DEFAULT_PRESET) {
    next.set('period', period.preset);
  }
  if (objectId !== undefined) next.set('object_id', String(objectId));
  return next;
}

/** The param that opens one event's dialog over the ledger. */
export const EVENT_PARAM = 'event';

/**
 * The transactions page's address for a filter, and for one event to open
 * over it: what the overview's chart and its upcoming payments link to.
 */
export function ledgerAddress(filter: LedgerFilter, eventId?: number): string {
  const search = withLedgerSearch(new URLSearchParams(), filter);
  if (eventId !== undefined) search.set(EVENT_PARAM, String(eventId));
  return `/events?${search.toString()}`;
}

/** The event an address opens, if it names one that can be. */
export function openedEventId(search: URLSearchParams): number | undefined {
  const parsed = zIdParam.safeParse(search.get(EVENT_PARAM) ?? '');
  return parsed.success ? parsed.data : undefined;
}

/** The dates a choice covers on `today`. */
export function periodRange(
  period: PeriodChoice,
  today: string,
): { from?: string; to?: string } {
  return period.preset === 'custom'
    ? { from: period.from, to: period.to }
    : presetRange(period.preset, today);
}

/**
 * The list query for a filter: the same filter always gives an equal
 * object, keys in one order, so query keys and progress keys match.
 */
export function toEventFilters(
  filter: LedgerFilter,
  today: string,
  fixedObjectId?: number,
): EventFilters {
  const { from, to } = periodRange(filter.period, today);
  const objectId = fixedObjectId ?? filter.objectId;
  const filters: EventFilters = {};
  if (from !== undefined) filters.date_from = from;
  if (to !== undefined) filters.date_to = to;
  if (objectId !== undefined) filters.object_id = objectId;
  return filters;
}

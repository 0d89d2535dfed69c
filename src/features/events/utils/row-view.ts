import type { Event } from '@/api/generated';
import { foldQuery, searchKey } from '@/ledger/search';

import { VIEW_PARAMS } from './view-params';

/**
 * How the owner looks at the rows of a filter, answered locally over the
 * whole filter from the index: a search of the descriptions, income or
 * expense only, a sort, and the running balance. Kept in the address.
 */
export type RowKind = 'all' | 'income' | 'expense';
export type SortKey = 'date' | 'object' | 'income' | 'expense';
export type RowSort = { key: SortKey; descending: boolean };
export type RowView = { query: string; kind: RowKind; sort: RowSort };

const SORT_KEYS: readonly SortKey[] = ['date', 'object', 'income', 'expense'];
const NEWEST_FIRST: RowSort = { key: 'date', descending: true };
export const DEFAULT_VIEW: RowView = {
  query: '',
  kind: 'all',
  sort: NEWEST_FIRST,
};

/** `sort=-income` is the largest income first; none is the newest first. */
function parseSort(value: string | null): RowSort {
  const descending = value?.startsWith('-') ?? false;
  const key = (descending ? value?.slice(1) : value) as SortKey;
  return SORT_KEYS.includes(key) ? { key, descending } : NEWEST_FIRST;
}

export function parseRowView(params: URLSearchParams): RowView {
  const type = params.get('type');
  return {
    query: params.get('q') ?? '',
    kind: type === 'income' || type === 'expense' ? type : 'all',
    sort: parseSort(params.get('sort')),
  };
}

/** The address with the view's params replaced; the defaults are left out. */
export function withRowView(
  current: URLSearchParams,
  view: RowView,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const name of VIEW_PARAMS) next.delete(name);
  if (view.query.trim()) next.set('q', view.query);
  if (view.kind !== 'all') next.set('type', view.kind);
  const { key, descending } = view.sort;
  if (key !== 'date' || !descending) {
    next.set('sort', `${descending ? '-' : ''}${key}`);
  }
  return next;
}

/** Whether the view leaves rows out (a search, or one kind only). */
export function narrowsRows(view: RowView): boolean {
  return foldQuery(view.query) !== '' || view.kind !== 'all';
}

export function isDefaultView(view: RowView): boolean {
  return !narrowsRows(view) && view.sort.key === 'date' && view.sort.descending;
}

/** The rows of a view, in its order, with each one's running balance. */
export type ViewedRows = {
  rows: readonly Event[];
  /**
   * By position in `rows`: the net of every viewed row up to and including
   * that one, in date order.
   */
  balance: Float64Array;
};

/**
 * The rows of the view over `rows` (newest first, as the index keeps
 * them). Made for a hundred thousand rows at a keystroke: the search only
 * compares folded descriptions made as the months arrived, the balance is
 * one pass, and a sort orders positions by numeric keys (a property by
 * the rank of its name), equal rows staying newest first.
 */
export function viewRows(
  rows: readonly Event[],
  view: RowView,
  objectName: (id: number) => string,
  locale: string,
): ViewedRows {
  const query = foldQuery(view.query);
  const kept =
    view.kind === 'all' && query === ''
      ? rows
      : rows.filter(
          (event) =>
            (view.kind === 'all' ||
              (view.kind === 'income'
                ? event.income > 0
                : event.expense > 0)) &&
            (query === '' || searchKey(event).includes(query)),
        );
  const count = kept.length;
  // Newest first, so each row's balance is the sum of it and all below.
  const balance = new Float64Array(count);
  let running = 0;
  for (let index = count - 1; index >= 0; index -= 1) {
    const event = kept[index];
    if (event) running += event.income - event.expense;
    balance[index] = running;
  }
  const { key, descending } = view.sort;
  if (key === 'date') {
    return descending
      ? { rows: kept, balance }
      : { rows: [...kept].reverse(), balance: balance.reverse() };
  }
  const keys = new Float64Array(count);
  if (key === 'object') {
    const ids = [...new Set(kept.map((event) => event.object_id))];
    const collator = new Intl.Collator(locale);
    const names = new Map(ids.map((id) => [id, objectName(id)]));
    ids.sort((a, b) =>
      collator.compare(names.get(a) ?? '', names.get(b) ?? ''),
    );
    const rank = new Map(ids.map((id, index) => [id, index]));
    kept.forEach((event, index) => {
      keys[index] = rank.get(event.object_id) ?? 0;
    });
  } else {
    kept.forEach((event, index) => {
      keys[index] = event[key];
    });
  }
  const sign = descending ? -1 : 1;
  const order = new Uint32Array(count).map((_, index) => index);
  order.sort((a, b) => sign * ((keys[a] ?? 0) - (keys[b] ?? 0)) || a - b);
  const sorted = new Float64Array(count);
  order.forEach((from, to) => {
    sorted[to] = balance[from] ?? 0;
  });
  return {
    rows: Array.from(order, (index) => kept[index]).filter(
      (event) => event !== undefined,
    ),
    balance: sorted,
  };
}

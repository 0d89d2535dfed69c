import type { Event } from '@/api/generated';

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

/** One character as a search compares it: no case, no accents, ё as е. */
function foldChar(char: string): string {
  return char
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace('ё', 'е');
}

/**
 * A text folded for search, with where each folded character came from,
 * so a match found in the fold can be marked in the original.
 */
export function foldText(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = foldChar(char);
    folded += piece;
    origin.push(...Array<number>(piece.length).fill(at));
    at += char.length;
  }
  origin.push(at);
  return { folded, origin };
}

export function foldQuery(query: string): string {
  return foldText(query.trim()).folded;
}

const folds = new WeakMap<Event, string>();
function foldedDescription(event: Event): string {
  let folded = folds.get(event);
  if (folded === undefined) {
    folded = foldText(event.description).folded;
    folds.set(event, folded);
  }
  return folded;
}

/** Where the folded `query` is in `text`, as a range of the original. */
export function matchIn(
  text: string,
  query: string,
): { start: number; end: number } | null {
  if (!query) return null;
  const { folded, origin } = foldText(text);
  const at = folded.indexOf(query);
  if (at === -1) return null;
  return { start: origin[at] ?? 0, end: origin[at + query.length] ?? 0 };
}

/**
 * The rows of the view, in its order, and each row's running balance: the
 * net of every viewed row up to and including it, in date order.
 */
export function viewRows(
  rows: readonly Event[],
  view: RowView,
  objectName: (id: number) => string,
  locale: string,
): { rows: readonly Event[]; balance: ReadonlyMap<number, number> } {
  const query = foldQuery(view.query);
  // Newest first, as the index keeps them.
  const kept = rows.filter(
    (event) =>
      (view.kind === 'all' ||
        (view.kind === 'income' ? event.income > 0 : event.expense > 0)) &&
      (query === '' || foldedDescription(event).includes(query)),
  );
  const balance = new Map<number, number>();
  let running = 0;
  for (let index = kept.length - 1; index >= 0; index -= 1) {
    const event = kept[index];
    if (!event) continue;
    running += event.income - event.expense;
    balance.set(event.id, running);
  }
  const { key, descending } = view.sort;
  if (key === 'date') {
    return { rows: descending ? kept : [...kept].reverse(), balance };
  }
  const collator = new Intl.Collator(locale);
  const names = new Map<number, string>();
  const nameOf = (id: number) => {
    let name = names.get(id);
    if (name === undefined) {
      name = objectName(id);
      names.set(id, name);
    }
    return name;
  };
  const compare =
    key === 'object'
      ? (a: Event, b: Event) =>
          collator.compare(nameOf(a.object_id), nameOf(b.object_id))
      : (a: Event, b: Event) => a[key] - b[key];
  // A stable sort: equal rows stay newest first.
  const sorted = [...kept].sort((a, b) =>
    descending ? compare(b, a) : compare(a, b),
  );
  return { rows: sorted, balance };
}

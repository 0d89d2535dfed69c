import type { InfiniteData } from '@tanstack/react-query';

import type { Event, EventListResponse } from '@/api/generated';

import type { EventFilters } from '../api/queries';

/** The loaded pages of one filter, as the infinite query caches them. */
export type EventPages = InfiniteData<EventListResponse, string | null>;

/**
 * A row not yet saved has a negative id; the server will give it the next
 * id, the highest, so it lists first among the events of its day.
 */
function rank(id: number): number {
  return id < 0 ? Number.MAX_SAFE_INTEGER + id : id;
}

/** Whether `a` lists before `b`: newest date first, then highest id. */
export function listsBefore(a: Event, b: Event): boolean {
  return (
    a.notification_date > b.notification_date ||
    (a.notification_date === b.notification_date && rank(a.id) > rank(b.id))
  );
}

export function matchesFilters(event: Event, filters: EventFilters): boolean {
  return (
    (filters.object_id === undefined ||
      event.object_id === filters.object_id) &&
    (filters.date_from === undefined ||
      event.notification_date >= filters.date_from) &&
    (filters.date_to === undefined ||
      event.notification_date <= filters.date_to)
  );
}

function replacePage(
  data: EventPages,
  index: number,
  rows: Event[],
): EventPages {
  const pages = [...data.pages];
  const page = pages[index];
  if (page) pages[index] = { ...page, data: rows };
  return { ...data, pages };
}

export function withoutEvent(data: EventPages, id: number): EventPages {
  const index = data.pages.findIndex((page) =>
    page.data.some((row) => row.id === id),
  );
  const page = data.pages[index];
  if (!page) return data;
  return replacePage(
    data,
    index,
    page.data.filter((row) => row.id !== id),
  );
}

/**
 * Puts an event where the server would list it: into the loaded page whose
 * key range holds it (a page ends at its last row, the next page's cursor),
 * or at the very end when the list is complete. An event that belongs to a
 * page not loaded yet is left for that page to bring.
 */
export function withEvent(data: EventPages, event: Event): EventPages {
  const lastIndex = data.pages.length - 1;
  for (const [index, page] of data.pages.entries()) {
    const last = page.data.at(-1);
    const fits = last !== undefined && listsBefore(event, last);
    const isEnd = index === lastIndex && page.pagination.next_cursor === null;
    if (!fits && !isEnd) continue;
    const at = page.data.findIndex((row) => listsBefore(event, row));
    const rows = [...page.data];
    rows.splice(at === -1 ? rows.length : at, 0, event);
    return replacePage(data, index, rows);
  }
  return data;
}

import type { InfiniteData } from '@tanstack/react-query';

import type { Event, EventListResponse } from '@/api/generated';
import { inRange, listsBefore, type EventRange } from '@/ledger/order';
import { overlayOf, type OutboxEntry } from '@/lib/outbox';

/** The loaded pages of one filter, as the infinite query caches them. */
export type EventPages = InfiniteData<EventListResponse, unknown>;

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

/**
 * The loaded pages with what waits in the outbox, as it will leave them
 * (lib/outbox): the events it changes or deletes as they will be, what it
 * will make where the server will list it. Pages that show it already
 * stay as they are.
 */
export function withOutboxPages(
  data: EventPages,
  range: EventRange,
  among: readonly OutboxEntry[],
): EventPages {
  if (among.length === 0) return data;
  const { touched, shown } = overlayOf(among);
  let next = data;
  for (const id of touched) next = withoutEvent(next, id);
  for (const event of shown) {
    if (inRange(event, range)) next = withEvent(next, event);
  }
  return next;
}

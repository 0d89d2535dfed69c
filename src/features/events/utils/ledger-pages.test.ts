import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';
import { inRange, listsBefore } from '@/ledger/order';

import { withEvent, withoutEvent, type EventPages } from './ledger-pages';

const event = (
  id: number,
  notification_date: string,
  object_id = 1,
): Event => ({
  id,
  notification_date,
  object_id,
  income: 100,
  expense: 0,
  description: '',
});

/** Pages of ids, as the server would cut them; `more` when a page follows. */
function pages(rows: Event[][], more: boolean): EventPages {
  return {
    pages: rows.map((data, index) => ({
      pagination: {
        limit: 3,
        next_cursor: index < rows.length - 1 || more ? `c${index}` : null,
      },
      data,
    })),
    pageParams: rows.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
  };
}

const ids = (data: EventPages) =>
  data.pages.map((page) => page.data.map((row) => row.id));

describe('rows placed in loaded pages', () => {
  const loaded = pages(
    [
      [event(9, '2026-03-10'), event(8, '2026-03-05'), event(7, '2026-03-05')],
      [event(6, '2026-02-20'), event(5, '2026-02-01'), event(4, '2026-01-15')],
    ],
    true,
  );

  it('lists newest date first, then the highest id, drafts first of their day', () => {
    expect(listsBefore(event(8, '2026-03-05'), event(7, '2026-03-05'))).toBe(
      true,
    );
    expect(listsBefore(event(1, '2026-03-06'), event(9, '2026-03-05'))).toBe(
      true,
    );
    expect(listsBefore(event(-1, '2026-03-05'), event(8, '2026-03-05'))).toBe(
      true,
    );
  });

  it('goes into the page whose range holds it', () => {
    expect(ids(withEvent(loaded, event(10, '2026-03-06')))).toEqual([
      [9, 10, 8, 7],
      [6, 5, 4],
    ]);
    // After the first page's last row: the second page (its cursor) has it.
    expect(ids(withEvent(loaded, event(11, '2026-03-01')))).toEqual([
      [9, 8, 7],
      [11, 6, 5, 4],
    ]);
    expect(ids(withEvent(loaded, event(12, '2027-01-01')))).toEqual([
      [12, 9, 8, 7],
      [6, 5, 4],
    ]);
  });

  it('is left for a later page when it sorts after everything loaded', () => {
    const added = withEvent(loaded, event(13, '2025-12-31'));
    expect(added).toBe(loaded);
  });

  it('goes at the end of a complete list, or into an empty one', () => {
    const complete = pages([[event(3, '2026-01-02')]], false);
    expect(ids(withEvent(complete, event(14, '2020-01-01')))).toEqual([
      [3, 14],
    ]);
    const empty = pages([[]], false);
    expect(ids(withEvent(empty, event(15, '2020-01-01')))).toEqual([[15]]);
  });

  it('comes out of whichever page holds it, leaving the others as they were', () => {
    const removed = withoutEvent(loaded, 5);
    expect(ids(removed)).toEqual([
      [9, 8, 7],
      [6, 4],
    ]);
    expect(removed.pages[0]).toBe(loaded.pages[0]);
    expect(withoutEvent(loaded, 99)).toBe(loaded);
  });

  it('matches a filter by property and by inclusive dates', () => {
    const filters = {
      date_from: '2026-01-01',
      date_to: '2026-01-31',
      object_id: 2,
    };
    expect(inRange(event(1, '2026-01-01', 2), filters)).toBe(true);
    expect(inRange(event(1, '2026-01-31', 2), filters)).toBe(true);
    expect(inRange(event(1, '2026-02-01', 2), filters)).toBe(false);
    expect(inRange(event(1, '2026-01-15', 3), filters)).toBe(false);
    expect(inRange(event(1, '1999-01-01', 3), {})).toBe(true);
  });
});

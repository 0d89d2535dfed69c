import { describe, expect, it, vi } from 'vitest';

import { startSession } from '@/api/auth-session';
import { createQueryClient } from '@/lib/query-client';
import { mockDb, signInAs } from '@/mocks/node';
import { TEST_TODAY } from '@/testing/clock';
import { recordMockRequests } from '@/testing/mock-requests';

import { monthOf } from './months';
import { FOCUS_FRESH_MS, refreshMonths } from './refresh';
import { rowsQuery } from './rows';
import { totalsQuery } from './totals';

const THIS_MONTH = monthOf(TEST_TODAY);
const thisMonth = {
  date_from: `${THIS_MONTH}-01`,
  date_to: `${THIS_MONTH}-30`,
};

describe('what another device saved, on a return to the window', () => {
  it('fetches only the months asked for, and only once they are not fresh', async () => {
    startSession(signInAs('admin'), false);
    const client = createQueryClient();
    const before = await client.fetchQuery(totalsQuery({}));
    await client.fetchQuery(rowsQuery(thisMonth));
    const lastYear = { date_from: '2025-01-01', date_to: '2025-12-31' };
    await client.fetchQuery(totalsQuery(lastYear));
    // Saved elsewhere: this tab has heard nothing of it.
    const added = mockDb().createEvent(1, {
      object_id: 1,
      notification_date: TEST_TODAY,
      income: 7_000,
      expense: 0,
      description: 'Saved on the phone',
    });

    const early = recordMockRequests();
    expect(await refreshMonths(client, [THIS_MONTH])).toEqual([]);
    expect(early).toEqual([]);

    vi.setSystemTime(Date.now() + FOCUS_FRESH_MS + 1);
    const sent = recordMockRequests();
    expect(await refreshMonths(client, [THIS_MONTH, '2026-05'])).toEqual([
      THIS_MONTH,
    ]);
    // One request a month asked for (each holds less than a page).
    expect(
      sent.map((request) => new URL(request.url).searchParams.get('date_from')),
    ).toEqual([`${THIS_MONTH}-01`, '2026-05-01']);
    // The sums and rows that read it are summed again, from the index;
    // the others stand.
    const invalidated = (key: readonly unknown[]) =>
      client.getQueryState(key)?.isInvalidated;
    expect(invalidated(totalsQuery({}).queryKey)).toBe(true);
    expect(invalidated(rowsQuery(thisMonth).queryKey)).toBe(true);
    expect(invalidated(totalsQuery(lastYear).queryKey)).toBe(false);
    const resummed = recordMockRequests();
    const after = await client.fetchQuery(totalsQuery({}));
    expect(after.all.count).toBe(before.all.count + 1);
    expect(after.all.income).toBe(before.all.income + 7_000);
    const rows = await client.fetchQuery(rowsQuery(thisMonth));
    expect(rows.some((event) => event.id === added?.id)).toBe(true);
    expect(resummed).toEqual([]);
  });
});

import type { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import type { Event } from '@/api/generated';
import { startSession } from '@/api/auth-session';
import { createQueryClient } from '@/lib/query-client';
import { mockDb, server, setSwitches, signInAs } from '@/mocks/node';
import { TEST_TODAY } from '@/testing/clock';
import { newestFirst } from '@/testing/events';
import { recordMockRequests } from '@/testing/mock-requests';

import { applyToIndex } from './changes';
import { monthOf } from './months';
import { rowsQuery } from './rows';
import { eventsOfRange, IN_FLIGHT, ledgerQueries } from './shards';
import { totalsQuery } from './totals';

function adminEvents(): Event[] {
  const { objects, events } = mockDb().snapshot();
  const own = new Set(
    objects.filter((o) => o.ownerId === 1).map((object) => object.id),
  );
  return events.filter((event) => own.has(event.object_id)).sort(newestFirst);
}

function sums(events: readonly Event[]) {
  return events.reduce(
    (all, event) => ({
      income: all.income + event.income,
      expense: all.expense + event.expense,
      count: all.count + 1,
    }),
    { income: 0, expense: 0, count: 0 },
  );
}

/** How many requests the mock backend was answering at once, at most. */
function watchInFlight() {
  let now = 0;
  let most = 0;
  const start = () => {
    now += 1;
    most = Math.max(most, now);
  };
  const end = () => (now -= 1);
  server.events.on('request:start', start);
  server.events.on('response:mocked', end);
  return {
    most: () => most,
    stop: () => {
      server.events.removeListener('request:start', start);
      server.events.removeListener('response:mocked', end);
    },
  };
}

function signedIn(): QueryClient {
  startSession(signInAs('admin'), false);
  return createQueryClient();
}

const signal = () => new AbortController().signal;

describe('the ledger index', () => {
  it('finds the years with events by probing them at once, not by walking the history', async () => {
    const client = signedIn();
    const sent = recordMockRequests();
    const years = await client.fetchQuery(ledgerQueries.years(TEST_TODAY));
    const expected = [
      ...new Set(
        adminEvents().map((event) =>
          Number(event.notification_date.slice(0, 4)),
        ),
      ),
    ];
    expect(years).toEqual(expected);
    // Ten years, one probe for anything older and one for anything later.
    expect(sent).toHaveLength(12);
    expect(
      sent.every(
        (request) => new URL(request.url).searchParams.get('limit') === '1',
      ),
    ).toBe(true);
  });

  it('finds a year far in the past without planning the centuries between', async () => {
    const client = signedIn();
    mockDb().createEvent(1, {
      object_id: 1,
      notification_date: '0026-03-01',
      income: 1,
      expense: 0,
      description: 'Typed 0026 for 2026',
    });
    const years = await client.fetchQuery(ledgerQueries.years(TEST_TODAY));
    expect(years.at(-1)).toBe(26);
    expect(years.length).toBeLessThan(6);
    const sent = recordMockRequests();
    const events = await eventsOfRange(client, {}, TEST_TODAY, signal());
    expect(events).toHaveLength(adminEvents().length);
    // Twelve months a year that holds events, and a request for each page.
    expect(sent.length).toBeLessThan(
      years.length * 12 + events.length / 200 + 1,
    );
  });

  it('sums all time from months fetched in parallel, never more than six at once', async () => {
    const client = signedIn();
    setSwitches({ latencyMs: 5 });
    const inFlight = watchInFlight();
    const totals = await client.fetchQuery(totalsQuery({}));
    inFlight.stop();
    const expected = sums(adminEvents());
    expect(totals.all).toEqual({
      income: expected.income,
      expense: expected.expense,
      net: expected.income - expected.expense,
      count: expected.count,
    });
    expect(inFlight.most()).toBe(IN_FLIGHT);
  });

  it('serves every other view of months it holds without a request', async () => {
    const client = signedIn();
    await client.fetchQuery(totalsQuery({}));
    const sent = recordMockRequests();
    const year = TEST_TODAY.slice(0, 4);
    const range = { date_from: `${year}-01-01`, date_to: `${year}-12-31` };
    const totals = await client.fetchQuery(
      totalsQuery({ ...range, object_id: 2 }),
    );
    const expected = sums(
      adminEvents().filter(
        (event) =>
          event.object_id === 2 &&
          event.notification_date >= range.date_from &&
          event.notification_date <= range.date_to,
      ),
    );
    expect(totals.all.count).toBe(expected.count);
    expect(totals.all.income).toBe(expected.income);
    expect(sent).toEqual([]);
  });

  it('reads a month it holds, however old, when the server cannot be reached, and only then', async () => {
    const client = signedIn();
    client.setDefaultOptions({ queries: { retry: false } });
    const year = TEST_TODAY.slice(0, 4);
    const june = { date_from: `${year}-06-01`, date_to: `${year}-06-30` };
    const held = await eventsOfRange(client, june, TEST_TODAY, signal());
    expect(held.length).toBeGreaterThan(0);
    await client.invalidateQueries({ queryKey: ledgerQueries.all() });

    setSwitches({ faults: [{ path: '/events', kind: 'network' }] });
    expect(await eventsOfRange(client, june, TEST_TODAY, signal())).toEqual(
      held,
    );
    // A month never fetched has nothing to fall back on.
    const july = { date_from: `${year}-07-01`, date_to: `${year}-07-31` };
    await expect(
      eventsOfRange(client, july, TEST_TODAY, signal()),
    ).rejects.toMatchObject({ kind: 'network' });
    // The server's refusal is no reason to show old figures.
    setSwitches({ faults: [{ path: '/events', kind: 'status', status: 500 }] });
    await expect(
      eventsOfRange(client, june, TEST_TODAY, signal()),
    ).rejects.toMatchObject({ status: 500 });
  });

  it('moves a changed event between exactly two months and every sum with it, asking for nothing', async () => {
    const client = signedIn();
    const before = await client.fetchQuery(totalsQuery({}));
    const february2026 = { date_from: '2026-02-01', date_to: '2026-02-28' };
    await client.fetchQuery(rowsQuery(february2026));
    const event = adminEvents()[10];
    if (!event) throw new Error('admin has too few events');
    const moved = {
      ...event,
      notification_date: '2026-02-14',
      income: event.income + 500,
    };
    const monthData = () =>
      client
        .getQueriesData<Event[]>({
          queryKey: ledgerQueries.monthsKey(),
        })
        .map(([key, data]) => [key.at(-1), data] as const);
    const untouched = monthData().filter(
      ([month]) =>
        month !== monthOf(event.notification_date) && month !== '2026-02',
    );
    const sent = recordMockRequests();

    applyToIndex(client, event, moved);

    const after = client.getQueryData(totalsQuery({}).queryKey);
    expect(after?.all.income).toBe(before.all.income + 500);
    expect(after?.all.count).toBe(before.all.count);
    const february = client.getQueryData(
      ledgerQueries.month('2026-02').queryKey,
    );
    expect(february?.find((row) => row.id === event.id)).toEqual(moved);
    // Still in the server's order: newest date first.
    const dates = february?.map((row) => row.notification_date) ?? [];
    expect(dates).toEqual([...dates].sort().reverse());
    const old = client.getQueryData(
      ledgerQueries.month(monthOf(event.notification_date)).queryKey,
    );
    expect(old?.some((row) => row.id === event.id)).toBe(
      monthOf(event.notification_date) === '2026-02',
    );
    const rows = client.getQueryData(rowsQuery(february2026).queryKey);
    expect(rows?.map((row) => row.id)).toEqual(february?.map((row) => row.id));
    for (const [month, data] of monthData()) {
      const was = untouched.find(([other]) => other === month);
      if (was) expect(data).toBe(was[1]);
    }
    expect(sent).toEqual([]);
  });
});

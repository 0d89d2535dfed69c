import { QueryClientProvider } from '@tanstack/react-query';
import {
  act,
  renderHook,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';

import { testQueryClient } from '@/testing/query-client';
import { setSessionOwner, startSession } from '@/api/auth-session';
import { Toaster } from '@/components/ui/toaster';
import { loadTranslations } from '@/lib/i18n';
import {
  deleteTarget,
  undoDelete,
  UNDO_WINDOW_MS,
} from '@/lib/pending-deletes';
import { totalsQuery } from '@/ledger/totals';
import { adjustTotals, emptyPeriodTotals } from '@/ledger/sums';
import { mockApiBase } from '@/mocks/api-base';
import { addFault, mockDb, server, signInAs } from '@/mocks/node';
import { nextTask, recordMockRequests } from '@/testing/mock-requests';
import { todayIso } from '@/utils/calendar-date';

import type { BulkEdit } from '../utils/bulk-edit';
import {
  BULK_CONCURRENCY,
  type BulkOutcome,
  useDeleteEventsWithUndo,
  useEditEvents,
} from './use-bulk-events';

const YEAR = { date_from: '2026-01-01', date_to: '2026-12-31' };

function adminId(): number {
  const admin = mockDb().findUserByLogin('admin');
  if (!admin) throw new Error('no admin in the mock database');
  return admin.id;
}

/** admin's events of 2026 as the server has them now. */
const storedEvents = () =>
  mockDb().listEvents(adminId(), {
    limit: 100_000,
    dateFrom: YEAR.date_from,
    dateTo: YEAR.date_to,
  }).rows;

const storedById = () =>
  new Map(storedEvents().map((event) => [event.id, event]));

/**
 * The hooks, signed in as admin, over a query client whose index holds
 * 2026 and its totals, with the toaster on screen.
 */
async function renderBulk() {
  startSession(signInAs('admin'), false);
  setSessionOwner(adminId());
  onTestFinished(() => setSessionOwner(null));
  await loadTranslations(['events']);
  const queryClient = testQueryClient();
  await queryClient.fetchQuery(totalsQuery(YEAR));
  const { result } = renderHook(
    () => ({ edit: useEditEvents(), remove: useDeleteEventsWithUndo() }),
    {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>
          {children}
          <Toaster />
        </QueryClientProvider>
      ),
    },
  );
  /** The year's totals as the screens show them now. */
  const shownTotals = () =>
    queryClient.getQueryData(totalsQuery(YEAR).queryKey);
  return { result, queryClient, shownTotals };
}

/** The year's totals summed afresh from what the server holds. */
const storedTotals = () =>
  adjustTotals(emptyPeriodTotals(todayIso()), storedEvents(), 1);

/**
 * Event writes the mock is answering at once, at most; with `hold`, each
 * waits until `release`, so the hook's own limit is what is seen.
 */
function watchWrites(method: 'PATCH' | 'DELETE') {
  const isWrite = (request: Request) =>
    request.method === method &&
    new URL(request.url).pathname.includes('/events/');
  let now = 0;
  let most = 0;
  let holding = false;
  const held: (() => void)[] = [];
  const start = ({ request }: { request: Request }) => {
    if (!isWrite(request)) return;
    now += 1;
    most = Math.max(most, now);
  };
  const end = ({ request }: { request: Request }) => {
    if (isWrite(request)) now -= 1;
  };
  server.events.on('request:start', start);
  server.events.on('response:mocked', end);
  onTestFinished(() => {
    server.events.removeListener('request:start', start);
    server.events.removeListener('response:mocked', end);
  });
  const wait = async () => {
    if (holding) await new Promise<void>((resolve) => held.push(resolve));
    return undefined;
  };
  // Falls through to the mock's own handler once let go.
  server.use(
    method === 'PATCH'
      ? http.patch(`${mockApiBase}/events/:id`, wait)
      : http.delete(`${mockApiBase}/events/:id`, wait),
  );
  const release = () => {
    holding = false;
    for (const go of held.splice(0)) go();
  };
  // A test that fails while holding leaves no batch running after it.
  onTestFinished(release);
  return {
    most: () => most,
    held: () => held.length,
    hold: () => (holding = true),
    release,
  };
}

/** A test that fails inside an Undo window leaves nothing waiting. */
function undoWhenFinished(events: readonly { id: number }[]) {
  onTestFinished(() => {
    for (const { id } of events) undoDelete(deleteTarget('event', id));
  });
}

const sentTo = (sent: Request[], method: string) =>
  sent
    .filter((request) => request.method === method)
    .map((request) => Number(new URL(request.url).pathname.split('/').pop()));

function leavingIsAsked(): boolean {
  const leaving = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(leaving);
  return leaving.defaultPrevented;
}

describe('a bulk edit', { timeout: 30_000 }, () => {
  it('moves 30 events with at most BULK_CONCURRENCY PATCHes in flight, each at once on screen, and a double-click is one batch', async () => {
    const { result, shownTotals } = await renderBulk();
    const [target] = mockDb().listObjects(adminId());
    if (!target) throw new Error('admin has no objects');
    const elsewhere = storedEvents().filter(
      (event) => event.object_id !== target.id,
    );
    const already = storedEvents().filter(
      (event) => event.object_id === target.id,
    );
    const events = [...elsewhere.slice(0, 30), ...already.slice(0, 2)];
    expect(events).toHaveLength(32);
    const sent = recordMockRequests();
    const writes = watchWrites('PATCH');
    const edit: BulkEdit = { kind: 'move', objectId: target.id };
    const before = shownTotals()?.byObject.get(target.id);

    writes.hold();
    let running: Promise<BulkOutcome | null> = Promise.resolve(null);
    act(() => {
      running = result.current.edit.editAll(events, edit);
    });
    // Failing or not, the batch is over before the next test.
    onTestFinished(async () => {
      writes.release();
      await running;
    });
    await waitFor(() => expect(writes.held()).toBe(BULK_CONCURRENCY));
    await nextTask();
    expect(writes.held()).toBe(BULK_CONCURRENCY);
    expect(result.current.edit.progress).toEqual({ done: 0, total: 30 });
    // Every row is in its new place, and every sum with it, before any answer.
    const moved = events.slice(0, 30);
    expect(shownTotals()?.byObject.get(target.id)?.count).toBe(
      (before?.count ?? 0) + 30,
    );
    await expect(result.current.edit.editAll(events, edit)).resolves.toBe(null);
    expect(leavingIsAsked()).toBe(true);

    writes.release();
    const outcome = await running;
    expect(outcome).toMatchObject({
      unchanged: already.slice(0, 2),
      failed: [],
    });
    expect(outcome?.saved.map((event) => event.id)).toEqual(
      moved.map((event) => event.id),
    );
    expect(writes.most()).toBe(BULK_CONCURRENCY);
    expect(sentTo(sent, 'PATCH').sort()).toEqual(
      moved.map((event) => event.id).sort(),
    );
    const stored = storedById();
    for (const event of events) {
      expect(stored.get(event.id)?.object_id).toBe(target.id);
    }
    expect(shownTotals()).toEqual(storedTotals());
    await waitFor(() => expect(result.current.edit.progress).toBeNull());
    expect(leavingIsAsked()).toBe(false);
  });

  it('returns what failed with its reason, shows it as it was, and a retry sends exactly one PATCH for each', async () => {
    const { result, shownTotals } = await renderBulk();
    const events = storedEvents().slice(0, 30);
    const sent = recordMockRequests();
    addFault({
      method: 'PATCH',
      path: '/events/',
      kind: 'status',
      status: 500,
      times: 4,
    });
    const edit: BulkEdit = {
      kind: 'shift',
      by: 1,
      unit: 'months',
    };

    const first = await act(() => result.current.edit.editAll(events, edit));
    if (!first) throw new Error('the batch did not run');
    expect(first.saved).toHaveLength(26);
    expect(first.failed).toHaveLength(4);
    for (const { error } of first.failed) {
      expect(error).toMatchObject({ kind: 'http', status: 500 });
    }
    const failedIds = first.failed.map(({ event }) => event.id);
    const stored = storedById();
    for (const { event } of first.failed) {
      expect(stored.get(event.id)).toEqual(event);
    }
    // The refused ones went back: every sum is the server's.
    expect(shownTotals()).toEqual(storedTotals());
    expect(sentTo(sent, 'PATCH')).toHaveLength(30);

    const retry = await act(() =>
      result.current.edit.editAll(
        first.failed.map(({ event }) => event),
        edit,
      ),
    );
    expect(retry?.failed).toEqual([]);
    expect(retry?.saved.map((event) => event.id)).toEqual(failedIds);
    expect(sentTo(sent, 'PATCH').slice(30).sort()).toEqual(
      [...failedIds].sort(),
    );
    const after = storedById();
    for (const event of events) {
      // Shifted once, never twice: 31 January is 28 February.
      expect(after.get(event.id)?.notification_date).toBe(
        bulkShifted(event.notification_date),
      );
    }
    expect(shownTotals()).toEqual(storedTotals());
  });

  it('counts an event whose answer was lost as saved once the server is asked, with no second PATCH', async () => {
    const { result } = await renderBulk();
    const events = storedEvents().slice(0, 10);
    const sent = recordMockRequests();
    addFault({
      method: 'PATCH',
      path: '/events/',
      kind: 'answer-lost',
      times: 1,
    });
    const edit: BulkEdit = {
      kind: 'set-description',
      description: 'Rent, from May',
    };
    const outcome = await act(() => result.current.edit.editAll(events, edit));
    expect(outcome?.failed).toEqual([]);
    expect(outcome?.saved).toHaveLength(10);
    expect(sentTo(sent, 'PATCH')).toHaveLength(10);
    expect(sentTo(sent, 'GET').filter(Number.isFinite)).toHaveLength(1);
    const stored = storedById();
    for (const event of events) {
      expect(stored.get(event.id)?.description).toBe('Rent, from May');
    }
  });
});

/** A month later, on the month's last day when it is shorter. */
function bulkShifted(iso: string): string {
  const [year = 0, month = 0, day = 0] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const next = new Date(Date.UTC(year, month, Math.min(day, last)));
  return next.toISOString().slice(0, 10);
}

describe('a bulk delete', { timeout: 30_000 }, () => {
  it('hides the whole set at once behind one toast; Undo sends nothing and brings every one back', async () => {
    const { result, shownTotals } = await renderBulk();
    const user = userEvent.setup();
    const events = storedEvents().slice(0, 12);
    undoWhenFinished(events);
    const sent = recordMockRequests();
    const totalsBefore = shownTotals();

    // A double-click: the second finds the set already held.
    await act(async () => {
      await Promise.all([
        result.current.remove(events),
        result.current.remove(events),
      ]);
    });
    const toasts = await screen.findAllByText('12 transactions deleted');
    expect(toasts).toHaveLength(1);
    expect(shownTotals()?.all.count).toBe((totalsBefore?.all.count ?? 0) - 12);
    expect(leavingIsAsked()).toBe(true);

    const toast = toasts[0]?.closest('li');
    if (!toast) throw new Error('no toast');
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(shownTotals()).toEqual(totalsBefore);
    expect(leavingIsAsked()).toBe(false);
    await nextTask();
    expect(sentTo(sent, 'DELETE')).toEqual([]);
    const stored = storedById();
    for (const event of events) expect(stored.get(event.id)).toEqual(event);
  });

  it('deletes them all when the window closes, 6 at a time; one already gone counts, refused ones come back with the reason', async () => {
    const { result, shownTotals } = await renderBulk();
    const events = storedEvents().slice(0, 20);
    undoWhenFinished(events);
    const [gone, ...rest] = events;
    const refused = [rest[4], rest[11]].map((event) => event?.id);
    if (!gone) throw new Error('no events');
    const writes = watchWrites('DELETE');
    const sent = recordMockRequests();
    addFault({
      method: 'DELETE',
      path: new RegExp(`^/events/(${refused.join('|')})$`),
      kind: 'status',
      status: 500,
    });

    vi.useFakeTimers({
      now: new Date(),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      shouldAdvanceTime: true,
    });
    await act(() => result.current.remove(events));
    expect(await screen.findByText('20 transactions deleted')).toBeVisible();
    // Deleted elsewhere meanwhile: its DELETE is answered 404.
    mockDb().deleteEvent(adminId(), gone.id);
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS - 1_000));
    expect(sentTo(sent, 'DELETE')).toEqual([]);

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(
      await screen.findByText(
        '2 of 20 transactions could not be deleted, so they are back',
      ),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Something went wrong on the server. Try again in a moment.',
      ),
    ).toBeVisible();
    expect(sentTo(sent, 'DELETE').sort()).toEqual(
      events.map((event) => event.id).sort(),
    );
    expect(writes.most()).toBeLessThanOrEqual(BULK_CONCURRENCY);
    const stored = storedById();
    expect(
      rest.filter((event) => stored.has(event.id)).map((event) => event.id),
    ).toEqual(refused);
    expect(stored.has(gone.id)).toBe(false);
    // The two refused are back on screen, and the sums are the server's.
    expect(shownTotals()).toEqual(storedTotals());
    expect(leavingIsAsked()).toBe(false);
  });
});

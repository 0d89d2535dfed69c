import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Event } from '@/api/generated';
import { FOCUS_FRESH_MS } from '@/ledger/refresh';
import { addFault, mockDb } from '@/mocks/node';
import { holdIndexProbes, recordMockRequests } from '@/testing/mock-requests';
import { renderApp } from '@/testing/render-app';
import { todayIso } from '@/utils/calendar-date';

import { presetRange } from '../utils/periods';

const ENGLISH = 2;

function adminId(): number {
  const admin = mockDb().findUserByLogin('admin');
  if (!admin) throw new Error('no admin in the mock database');
  return admin.id;
}

/** admin's events of this month in the database, newest first. */
function thisMonth(): Event[] {
  const { from = '', to = '' } = presetRange('this-month', todayIso());
  const objects = new Set(
    mockDb()
      .listObjects(adminId())
      .map((o) => o.id),
  );
  return mockDb()
    .snapshot()
    .events.filter(
      (event) =>
        objects.has(event.object_id) &&
        event.notification_date >= from &&
        event.notification_date <= to,
    );
}

const storedEvent = (id: number) =>
  mockDb()
    .snapshot()
    .events.find((event) => event.id === id);

async function openSelecting() {
  const view = renderApp('/events?period=this-month', { user: 'admin' });
  await screen.findByText(/^Totals of [\d,]+ transactions?\.$/, undefined, {
    timeout: 10_000,
  });
  await view.user.click(screen.getByRole('button', { name: 'Select' }));
  return view;
}

const checks = () => screen.getAllByRole('checkbox', { name: /^\d/ });
/** The date the selected row shows (under a modal too). */
const selectedRowDate = () =>
  document
    .querySelector('[role="checkbox"][aria-checked="true"]')
    ?.closest('[role="row"]')
    ?.querySelector('time')
    ?.getAttribute('datetime');
const bar = () => screen.getByRole('region', { name: 'Selected transactions' });

beforeEach(() => {
  mockDb().updateUser(adminId(), { languageId: ENGLISH });
});

describe(
  'selecting transactions for a bulk action',
  { timeout: 30_000 },
  () => {
    it('selects rows one by one, a range with Shift, all of the filter, and clears with Escape', async () => {
      const { user } = await openSelecting();
      const total = thisMonth().length;
      expect(total).toBeGreaterThan(5);
      expect(within(bar()).getByRole('status')).toHaveTextContent(
        /^Click rows to select them/,
      );

      await user.click(checks()[0]!);
      expect(checks()[0]).toHaveAttribute('aria-checked', 'true');
      await user.keyboard('{Shift>}');
      await user.click(checks()[3]!);
      await user.keyboard('{/Shift}');
      expect(within(bar()).getByRole('status')).toHaveTextContent(
        /^4 transactions selected/,
      );
      expect(
        checks().filter(
          (check) => check.getAttribute('aria-checked') === 'true',
        ),
      ).toHaveLength(4);

      await user.click(
        within(bar()).getByRole('button', { name: `Select all ${total}` }),
      );
      expect(within(bar()).getByRole('status')).toHaveTextContent(
        new RegExp(`^${total} transactions selected`),
      );

      await user.keyboard('{Escape}');
      expect(within(bar()).getByRole('status')).toHaveTextContent(
        /^Click rows to select them/,
      );
      await user.keyboard('{Escape}');
      expect(
        screen.queryByRole('region', { name: 'Selected transactions' }),
      ).not.toBeInTheDocument();
      // Out of selecting, a row opens its transaction again.
      expect(
        screen.getAllByRole('button', { name: /^Edit transaction: / }).length,
      ).toBeGreaterThan(0);
    });

    it('says "select all" takes the rows loaded while the index is not in yet', async () => {
      holdIndexProbes();
      const { user } = renderApp('/events?period=all', { user: 'admin' });
      expect(
        await screen.findByText('200 transactions loaded'),
      ).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Select' }));
      await user.click(
        within(bar()).getByRole('button', { name: 'Select the 200 loaded' }),
      );
      expect(within(bar()).getByRole('status')).toHaveTextContent(
        /^200 transactions selected/,
      );
    });

    it('moves the selected transactions to another property, one PATCH each', async () => {
      const { user } = await openSelecting();
      const sent = recordMockRequests();
      for (const index of [0, 1, 2]) {
        await user.click(checks()[index]!);
      }
      // The rows' places in the table: newest first, so they stay put.
      const chosen = checks()
        .slice(0, 3)
        .map((check) =>
          check.closest('[role="row"]')?.getAttribute('aria-rowindex'),
        );
      expect(chosen).toHaveLength(3);
      const target = mockDb().listObjects(adminId()).at(-1);
      if (!target) throw new Error('admin has no objects');
      const ids = thisMonth()
        .filter((event) => event.object_id !== target.id)
        .map((event) => event.id);

      await user.click(within(bar()).getByRole('button', { name: 'Change…' }));
      const dialog = await screen.findByRole('dialog', {
        name: 'Change 3 transactions',
      });
      await user.selectOptions(
        within(dialog).getByLabelText('Property'),
        target.name,
      );
      await user.click(
        within(dialog).getByRole('button', { name: 'Change 3' }),
      );
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
      expect(await screen.findByText(/transactions? changed$/)).toBeVisible();

      const patches = sent.filter((request) => request.method === 'PATCH');
      expect(patches.length).toBeGreaterThan(0);
      expect(patches.length).toBeLessThanOrEqual(3);
      const moved = patches.map((request) =>
        Number(new URL(request.url).pathname.split('/').pop()),
      );
      for (const id of moved) {
        expect(ids).toContain(id);
        expect(storedEvent(id)?.object_id).toBe(target.id);
      }
      // The three rows say so (the table renders its rows as a deferred
      // update, a moment after the toast), and stay selected no longer.
      await waitFor(() => {
        for (const place of chosen) {
          const row = document.querySelector(`[aria-rowindex="${place}"]`);
          expect(row).toHaveTextContent(target.name);
        }
      });
      expect(within(bar()).getByRole('status')).toHaveTextContent(
        /^Click rows to select them/,
      );
    });

    it('retries a shift from the dates first given: an answer lost and unchecked, then the ledger showing it moved, and Retry moves it no further', async () => {
      const { user } = await openSelecting();
      await user.click(checks()[0]!);
      const given = selectedRowDate();
      if (!given) throw new Error('no row selected');
      const stored = new Map(thisMonth().map((event) => [event.id, event]));
      const sent = recordMockRequests();
      // The server saves the shift, its answer is lost, and the check fails
      // (on the server's side: a lost connection would queue it instead).
      addFault({
        method: 'PATCH',
        path: '/events/',
        kind: 'answer-lost',
        times: 1,
      });
      addFault({
        method: 'GET',
        path: /^\/events\/\d+$/,
        kind: 'status',
        status: 503,
        times: 1,
      });

      await user.click(within(bar()).getByRole('button', { name: 'Change…' }));
      const dialog = await screen.findByRole('dialog', {
        name: 'Change 1 transaction',
      });
      await user.selectOptions(
        within(dialog).getByLabelText('What to change'),
        'Move the dates by days',
      );
      await user.type(within(dialog).getByLabelText('By how many days'), '-3');
      await user.click(
        within(dialog).getByRole('button', { name: 'Change 1' }),
      );
      expect(
        await within(dialog).findByText(
          '1 transaction could not be changed (it stays selected):',
        ),
      ).toBeVisible();
      const moved = thisMonth().find(
        (event) =>
          event.notification_date !== stored.get(event.id)?.notification_date,
      );
      if (!moved) throw new Error('the server did not save the shift');
      const once = moved.notification_date;
      expect(stored.get(moved.id)?.notification_date).toBe(given);
      // Not known to be saved: the row shows the date it had.
      expect(selectedRowDate()).toBe(given);

      // The owner comes back to the window: the ledger shows it moved.
      vi.setSystemTime(Date.now() + FOCUS_FRESH_MS + 1);
      window.dispatchEvent(new FocusEvent('focus'));
      await waitFor(() => expect(selectedRowDate()).toBe(once));

      await user.click(
        within(dialog).getByRole('button', {
          name: 'Retry the 1 that failed',
        }),
      );
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
      expect(await screen.findByText('1 transaction changed')).toBeVisible();
      const patches = sent.filter((request) => request.method === 'PATCH');
      expect(patches).toHaveLength(2);
      for (const patch of patches) {
        await expect(patch.json()).resolves.toEqual({
          notification_date: once,
        });
      }
      expect(storedEvent(moved.id)?.notification_date).toBe(once);
      await waitFor(() =>
        expect(
          document.querySelector(`[aria-rowindex] time[datetime="${once}"]`),
        ).not.toBeNull(),
      );
    });

    it('deletes the selection after saying how many and how much, with one Undo for all', async () => {
      const { user } = await openSelecting();
      const before = thisMonth().length;
      await user.click(checks()[0]!);
      await user.click(checks()[1]!);
      await user.click(within(bar()).getByRole('button', { name: 'Delete' }));
      const confirm = await screen.findByRole('alertdialog', {
        name: 'Delete 2 transactions?',
      });
      expect(confirm).toHaveTextContent(/^.*Income [+−]?.*expenses/);
      await user.click(
        within(confirm).getByRole('button', { name: 'Delete 2' }),
      );
      await waitFor(() =>
        expect(
          screen.getByText(/^Totals of [\d,]+ transactions?\.$/),
        ).toHaveTextContent(`Totals of ${before - 2} transactions.`),
      );
      await user.click(
        within(
          screen.getByRole('region', { name: /^Notifications/ }),
        ).getByRole('button', { name: 'Undo' }),
      );
      await waitFor(() =>
        expect(
          screen.getByText(/^Totals of [\d,]+ transactions?\.$/),
        ).toHaveTextContent(`Totals of ${before} transactions.`),
      );
      expect(thisMonth()).toHaveLength(before);
    });
  },
);

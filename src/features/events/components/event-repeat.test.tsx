import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';

import { formatDate } from '@/lib/format';
import { formattingLocale } from '@/lib/locale-settings';
import { mockApiBase } from '@/mocks/api-base';
import { addFault, mockDb, server } from '@/mocks/node';
import { recordMockRequests, nextTask } from '@/testing/mock-requests';
import { renderApp } from '@/testing/render-app';

const ENGLISH = 2;
const DESCRIPTION = 'Rent, every month';

/** A monthly repeat of 12 from 31 January: every month end clamped. */
const MONTH_ENDS = [
  '2026-01-31',
  '2026-02-28',
  '2026-03-31',
  '2026-04-30',
  '2026-05-31',
  '2026-06-30',
  '2026-07-31',
  '2026-08-31',
  '2026-09-30',
  '2026-10-31',
  '2026-11-30',
  '2026-12-31',
];

function adminId(): number {
  const admin = mockDb().findUserByLogin('admin');
  if (!admin) throw new Error('no admin in the mock database');
  return admin.id;
}

/** The events of the repeat in the mock database, by date. */
const storedDates = () =>
  mockDb()
    .snapshot()
    .events.filter((event) => event.description === DESCRIPTION)
    .map((event) => event.notification_date)
    .sort();

/** admin reads English here, in Russia: dates as the app writes them. */
const shown = (iso: string) => formatDate(iso, formattingLocale('en', 'RU'));

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

function total(label: 'Income' | 'Expenses' | 'Profit') {
  const term = screen.getByText(label, { selector: 'dt' });
  return squash(term.nextElementSibling?.textContent ?? null);
}

const writes = (sent: Request[], method: string) =>
  sent.filter(
    (request) =>
      request.method === method &&
      new URL(request.url).pathname.includes('/events'),
  );

/**
 * How many writes (POST or DELETE of events) the mock is answering at
 * once, at most; with `hold`, each waits until `release` lets it through,
 * so the batch's own limit is what is seen, not the speed of the mock.
 */
function watchWrites() {
  const isWrite = (request: Request) =>
    request.method !== 'GET' &&
    new URL(request.url).pathname.includes('/events');
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
  server.events.on('request:end', end);
  onTestFinished(() => {
    server.events.removeListener('request:start', start);
    server.events.removeListener('request:end', end);
  });
  // Falls through to the mock's own handler once let go.
  server.use(
    http.post(`${mockApiBase}/events`, async () => {
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return undefined;
    }),
  );
  return {
    most: () => most,
    held: () => held.length,
    hold: () => (holding = true),
    /** Lets every held request go on, and the next ones too. */
    release: () => {
      holding = false;
      for (const go of held.splice(0)) go();
    },
  };
}

async function openLedger() {
  const view = renderApp('/events', { user: 'admin' });
  await screen.findByText(/^Totals of [\d,]+ transactions?\.$/, undefined, {
    timeout: 10_000,
  });
  return view;
}

type User = ReturnType<typeof renderApp>['user'];

/** The new-event dialog, filled in and set to repeat monthly from the 31st. */
async function fillMonthlyRent(user: User) {
  await user.click(screen.getByRole('button', { name: 'Add transaction' }));
  const dialog = await screen.findByRole('dialog', {
    name: 'New transaction',
  });
  const [object] = mockDb().listObjects(adminId());
  if (!object) throw new Error('admin has no objects');
  const date = within(dialog).getByLabelText('Date');
  await user.clear(date);
  await user.type(date, '2026-01-31');
  await user.selectOptions(
    within(dialog).getByLabelText('Property'),
    object.name,
  );
  await user.type(within(dialog).getByLabelText('Income'), '1000');
  await user.type(within(dialog).getByLabelText('Description'), DESCRIPTION);
  const repeat = within(dialog).getByRole('group', { name: 'Repeat' });
  await user.selectOptions(
    within(repeat).getByLabelText('How often'),
    'Every month',
  );
  return { dialog, repeat };
}

beforeEach(() => {
  mockDb().updateUser(adminId(), { languageId: ENGLISH });
});

describe('repeating a new transaction', { timeout: 30_000 }, () => {
  it('makes 12 monthly on the clamped dates, 4 at a time, and one Undo takes all 12 back', async () => {
    const { user } = await openLedger();
    const sent = recordMockRequests();
    const writesInFlight = watchWrites();
    const incomeBefore = total('Income');
    const { dialog, repeat } = await fillMonthlyRent(user);
    expect(within(repeat).getByLabelText('How many transactions')).toHaveValue(
      '12',
    );

    writesInFlight.hold();
    // A double-click is one batch.
    await user.dblClick(
      within(dialog).getByRole('button', { name: 'Add 12 transactions' }),
    );
    await waitFor(() => expect(writesInFlight.held()).toBe(4));
    await nextTask();
    expect(writesInFlight.held()).toBe(4);
    const progress = within(dialog).getByRole('progressbar', {
      name: 'Saving 0 of 12…',
    });
    expect(progress).toHaveAttribute('max', '12');
    // Nothing closes it or sends it again meanwhile, and leaving asks.
    await user.keyboard('{Escape}');
    expect(dialog).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    ).toBeDisabled();
    expect(
      within(dialog).getByRole('button', { name: 'Saving…' }),
    ).toBeDisabled();
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    writesInFlight.release();
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    const toast = (await screen.findByText('12 transactions added')).closest(
      'li',
    );
    if (!toast) throw new Error('no toast');
    expect(storedDates()).toEqual(MONTH_ENDS);
    expect(writes(sent, 'POST')).toHaveLength(12);
    expect(writesInFlight.most()).toBe(4);
    await waitFor(() => expect(total('Income')).not.toBe(incomeBefore));

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('12 transactions removed'),
    ).toBeInTheDocument();
    expect(storedDates()).toEqual([]);
    expect(writes(sent, 'DELETE')).toHaveLength(12);
    expect(writesInFlight.most()).toBeLessThanOrEqual(4);
    expect(total('Income')).toBe(incomeBefore);
  });

  it('lists the dates that failed and retries only those: one event per date', async () => {
    const { user } = await openLedger();
    const sent = recordMockRequests();
    addFault({
      method: 'POST',
      path: '/events',
      kind: 'status',
      status: 500,
      times: 3,
    });
    const { dialog } = await fillMonthlyRent(user);
    await user.click(
      within(dialog).getByRole('button', { name: 'Add 12 transactions' }),
    );

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('3 of 12 transactions could not be added:');
    const made = storedDates();
    expect(made).toHaveLength(9);
    const failed = MONTH_ENDS.filter((date) => !made.includes(date));
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(
      failed.map(
        (date) =>
          `${shown(date)}: Something went wrong on the server. Try again in a moment.`,
      ),
    );
    // The batch is fixed now: only its failed entries can be sent.
    expect(within(dialog).getByLabelText('Description')).toBeDisabled();

    const posted = writes(sent, 'POST').length;
    await user.click(
      within(dialog).getByRole('button', { name: 'Retry the 3 failed' }),
    );
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(
      await screen.findByText('12 transactions added'),
    ).toBeInTheDocument();
    const retried = await Promise.all(
      writes(sent, 'POST')
        .slice(posted)
        .map(async (request) => {
          const body = (await request.json()) as { notification_date: string };
          return body.notification_date;
        }),
    );
    expect(retried.sort()).toEqual(failed);
    expect(storedDates()).toEqual(MONTH_ENDS);
  });

  it('adopts an entry whose answer was lost instead of sending it again', async () => {
    const { user } = await openLedger();
    const sent = recordMockRequests();
    addFault({
      method: 'POST',
      path: '/events',
      kind: 'answer-lost',
      times: 1,
    });
    const { dialog } = await fillMonthlyRent(user);
    await user.click(
      within(dialog).getByRole('button', { name: 'Add 12 transactions' }),
    );
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(
      await screen.findByText(/^The answer for 1 of them was lost/),
    ).toBeInTheDocument();
    expect(storedDates()).toEqual(MONTH_ENDS);
    expect(writes(sent, 'POST')).toHaveLength(12);
  });

  it('shows the dates before saving, month ends clamped, and checks the end before sending anything', async () => {
    const { user } = await openLedger();
    const sent = recordMockRequests();
    const { dialog, repeat } = await fillMonthlyRent(user);

    const dates = within(repeat).getByRole('list', {
      name: `12 transactions: ${shown('2026-01-31')} to ${shown('2026-12-31')}`,
    });
    const items = within(dates)
      .getAllByRole('listitem')
      .map((item) => squash(item.textContent));
    expect(items).toHaveLength(12);
    expect(items.slice(0, 4)).toEqual([
      shown('2026-01-31'),
      `${shown('2026-02-28')} (last day of the month)`,
      shown('2026-03-31'),
      `${shown('2026-04-30')} (last day of the month)`,
    ]);
    expect(
      within(repeat).getByText(
        'A month without day 31 gets it on its last day.',
      ),
    ).toBeInTheDocument();

    const submit = () =>
      user.click(within(dialog).getByRole('button', { name: /^Add / }));
    const count = within(repeat).getByLabelText('How many transactions');
    for (const bad of ['1', '121', 'ten']) {
      await user.clear(count);
      await user.type(count, bad);
      expect(
        within(repeat).queryByRole('list', { name: /transactions:/ }),
      ).not.toBeInTheDocument();
      await submit();
      expect(
        await within(repeat).findByText('Enter a whole number from 2 to 120.'),
      ).toBeInTheDocument();
      expect(count).toHaveAttribute('aria-invalid', 'true');
    }

    await user.selectOptions(
      within(repeat).getByLabelText('Ends'),
      'On a date',
    );
    const until = within(repeat).getByLabelText('Last date');
    await submit();
    expect(await within(repeat).findByText('Required')).toBeInTheDocument();
    const ends: [string, string][] = [
      [
        '2026-01-31',
        `Choose a date after the first one, ${shown('2026-01-31')}.`,
      ],
      [
        '2026-02-20',
        `The next one would be on ${shown('2026-02-28')}: choose that date or a later one.`,
      ],
      [
        '2040-01-01',
        `At most 120 transactions at once: choose ${shown('2035-12-31')} or an earlier date.`,
      ],
    ];
    for (const [typed, message] of ends) {
      await user.clear(until);
      await user.type(until, typed);
      await submit();
      expect(await within(repeat).findByText(message)).toBeInTheDocument();
    }

    await user.selectOptions(
      within(repeat).getByLabelText('How often'),
      'Every few months',
    );
    const months = within(repeat).getByLabelText('Every how many months');
    await user.clear(months);
    await user.type(months, '13');
    await submit();
    expect(
      await within(repeat).findByText('Enter a whole number from 1 to 12.'),
    ).toBeInTheDocument();
    expect(writes(sent, 'POST')).toHaveLength(0);

    // Right again: quarterly until the end of June is 2 dates.
    await user.clear(months);
    await user.type(months, '3');
    await user.clear(until);
    await user.type(until, '2026-06-30');
    expect(
      within(repeat).getByRole('list', {
        name: `2 transactions: ${shown('2026-01-31')} to ${shown('2026-04-30')}`,
      }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Add 2 transactions' }),
    ).toBeEnabled();
    expect(writes(sent, 'POST')).toHaveLength(0);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';

import type { Event } from '@/api/generated';
import { FOCUS_FRESH_MS } from '@/ledger/refresh';
import { endSession, startSession } from '@/api/auth-session';
import { formatMoney } from '@/lib/format';
import { addFault, mockDb, server, setSwitches, signInAs } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { newestFirst } from '@/testing/events';
import { holdIndexProbes } from '@/testing/mock-requests';
import { todayIso } from '@/utils/calendar-date';

import { presetRange } from '../utils/periods';

const ENGLISH = 2;

/**
 * The index never learns which years hold events (its `limit=1` probes go
 * unanswered), so an all-time ledger keeps paging by cursor: for the tests
 * of the first screen's paging.
 */
function adminId(): number {
  const admin = mockDb().findUserByLogin('admin');
  if (!admin) throw new Error('no admin in the mock database');
  return admin.id;
}

/** admin's own events straight from the store, in list order. */
function adminEvents(filter: (event: Event) => boolean = () => true) {
  const { objects, events } = mockDb().snapshot();
  const own = new Set(
    objects.filter((o) => o.ownerId === adminId()).map((o) => o.id),
  );
  return events
    .filter((event) => own.has(event.object_id) && filter(event))
    .sort(newestFirst);
}

const money = (amount: number) =>
  formatMoney(amount, { code: 'RUB', symbol: '₽' }, 'en');
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

type Sent = { method: string; url: URL; body: Promise<unknown> };

/** Every request the mock backend receives from now on. */
function recordRequests(): Sent[] {
  const sent: Sent[] = [];
  const listener = ({ request }: { request: Request }) => {
    const copy = request.clone();
    sent.push({
      method: request.method,
      url: new URL(request.url),
      body: copy
        .text()
        .then((text): unknown => (text ? JSON.parse(text) : null)),
    });
  };
  server.events.on('request:start', listener);
  onTestFinished(() => {
    server.events.removeListener('request:start', listener);
  });
  return sent;
}

const eventWrites = (sent: Sent[], method: string) =>
  sent.filter(
    (request) =>
      request.method === method && request.url.pathname.includes('/events'),
  );

/** The figure shown under a totals label. */
function total(label: 'Income' | 'Expenses' | 'Profit') {
  // By text, so it is found behind an open dialog too.
  const term = screen.getByText(label, { selector: 'dt' });
  return squash(term.nextElementSibling?.textContent ?? null);
}

const firstEditButton = () => {
  const [button] = screen.getAllByRole('button', {
    name: /^Edit transaction: /,
  });
  if (!button) throw new Error('no row to edit');
  return button;
};

/** The ledger of all time, unless `path` asks for another period. */
async function openLedger(path = '/events?period=all') {
  const view = renderApp(path, { user: 'admin' });
  // Totals of every page: the ledger is fully loaded.
  await screen.findByText(/^Totals of [\d,]+ transactions?\.$/, undefined, {
    timeout: 10_000,
  });
  return view;
}

/** The ledger with the index held back (`holdIndexProbes`): its first page. */
async function openPaged(path = '/events?period=all') {
  holdIndexProbes();
  const view = renderApp(path, { user: 'admin' });
  expect(
    await screen.findByText('200 transactions loaded'),
  ).toBeInTheDocument();
  return view;
}

async function openNewEventDialog(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('button', { name: 'Add transaction' }));
  return screen.findByRole('dialog', { name: 'New transaction' });
}

beforeEach(() => {
  // admin reads Russian; in English the assertions read plainly.
  mockDb().updateUser(adminId(), { languageId: ENGLISH });
});

describe('the events ledger', { timeout: 30_000 }, () => {
  it('opens on this year, its newest events first, with totals equal to the database’s', async () => {
    const { router } = await openLedger('/events');
    expect(screen.getByLabelText('Period')).toHaveValue('this-year');
    expect(router.state.location.search).toBe('');
    const { from = '', to = '' } = presetRange('this-year', todayIso());
    const events = adminEvents(
      (event) =>
        event.notification_date >= from && event.notification_date <= to,
    );
    const newest = events[0];
    if (!newest) throw new Error('admin has no events');
    const firstRow = screen.getAllByRole('row')[1];
    expect(firstRow).toHaveAttribute('aria-rowindex', '2');
    expect(squash(firstRow?.textContent ?? null)).toContain(newest.description);
    const income = events.reduce((sum, event) => sum + event.income, 0);
    const expense = events.reduce((sum, event) => sum + event.expense, 0);
    expect(total('Income')).toBe(squash(`+${money(income)}`));
    expect(total('Expenses')).toBe(squash(`−${money(expense)}`));
    expect(total('Profit')).toBe(squash(`+${money(income - expense)}`));
    expect(screen.getByRole('table', { name: 'Transactions' })).toHaveAttribute(
      'aria-rowcount',
      String(events.length + 1),
    );
  });

  it('sends the chosen period and property and keeps them in the address', async () => {
    const { user, router } = await openLedger();
    const sent = recordRequests();

    await user.selectOptions(screen.getByLabelText('Period'), 'last-year');
    const { from, to } = presetRange('last-year', todayIso());
    await waitFor(() =>
      expect(router.state.location.search).toBe('?period=last-year'),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Period')).toHaveValue('last-year'),
    );
    const object = mockDb().listObjects(adminId())[1];
    if (!object) throw new Error('admin has too few objects');
    await user.selectOptions(screen.getByLabelText('Property'), object.name);
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?period=last-year&object_id=${object.id}`,
      ),
    );
    const lists = sent
      .filter((request) => request.url.pathname.endsWith('/events'))
      .map((request) => Object.fromEntries(request.url.searchParams));
    expect(lists).toContainEqual({
      date_from: from,
      date_to: to,
      limit: '200',
    });
    expect(lists).toContainEqual({
      date_from: from,
      date_to: to,
      object_id: String(object.id),
      limit: '200',
    });
    const expected = adminEvents(
      (event) =>
        event.object_id === object.id &&
        event.notification_date >= (from ?? '') &&
        event.notification_date <= (to ?? ''),
    );
    const income = expected.reduce((sum, event) => sum + event.income, 0);
    await waitFor(() =>
      expect(total('Income')).toBe(squash(`+${money(income)}`)),
    );

    // Back returns to the period alone.
    await router.navigate(-1);
    await waitFor(() =>
      expect(screen.getByLabelText('Property')).toHaveValue(''),
    );
    expect(screen.getByLabelText('Period')).toHaveValue('last-year');
  });

  it('takes typed custom dates in the locale’s format or as YYYY-MM-DD', async () => {
    // The owner reads English and lives in Russia: the day comes first.
    const { user, router } = await openLedger();
    await user.type(screen.getByLabelText('From'), '01/03/2025{Enter}');
    await waitFor(() =>
      expect(router.state.location.search).toBe('?date_from=2025-03-01'),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Period')).toHaveValue('custom'),
    );
    await user.type(screen.getByLabelText('To'), '2025-03-31{Enter}');
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?date_from=2025-03-01&date_to=2025-03-31',
      ),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('To')).toHaveValue('31/03/2025'),
    );

    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '30/02/2025{Enter}');
    expect(await screen.findByText(/^Enter a real date/)).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2025-02-01{Enter}');
    expect(
      await screen.findByText('“To” must not be before “From”.'),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe(
      '?date_from=2025-03-01&date_to=2025-03-31',
    );
  });

  it('explains a link whose filters cannot be used instead of failing', async () => {
    const { user, router } = await openLedger(
      '/events?period=fortnight&object_id=abc',
    );
    const alert = screen
      .getByText(/could not be used/)
      .closest('[role="status"]');
    if (!(alert instanceof HTMLElement)) throw new Error('no alert');
    expect(alert).toHaveTextContent('“fortnight” is not a period.');
    expect(alert).toHaveTextContent('“abc” is not a property.');
    // The rest applies: the default period, every property.
    expect(screen.getByLabelText('Period')).toHaveValue('this-year');
    await user.click(
      within(alert).getByRole('button', { name: 'Show all transactions' }),
    );
    await waitFor(() =>
      expect(router.state.location.search).toBe('?period=all'),
    );
  });

  it('shows every row of the filter from the index once its months are in, with no Load more', async () => {
    await openLedger('/events?period=this-year');
    const count = adminEvents((event) =>
      event.notification_date.startsWith(todayIso().slice(0, 5)),
    ).length;
    expect(count).toBeGreaterThan(200);
    expect(
      await screen.findByText(`That is all: ${count} transactions.`),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Transactions' })).toHaveAttribute(
      'aria-rowcount',
      String(count + 1),
    );
  });

  it('shows what another device saved once the owner is back in the window, fetching only the months on screen', async () => {
    // The week around today (the 15th): every row on screen, all of this
    // month.
    const month = todayIso().slice(0, 7);
    const [from, to] = [`${month}-12`, `${month}-18`];
    await openLedger(`/events?date_from=${from}&date_to=${to}`);
    const object = mockDb().listObjects(adminId())[0];
    if (!object) throw new Error('admin has no objects');
    // Saved on the phone: this tab has heard nothing of it.
    mockDb().createEvent(adminId(), {
      notification_date: todayIso(),
      object_id: object.id,
      income: 4_321,
      expense: 0,
      description: 'Saved on the phone',
    });
    const sent = recordRequests();
    vi.setSystemTime(Date.now() + FOCUS_FRESH_MS + 1);
    window.dispatchEvent(new FocusEvent('focus'));

    expect(await screen.findByText('Saved on the phone')).toBeInTheDocument();
    const week = adminEvents(
      (event) =>
        event.notification_date >= from && event.notification_date <= to,
    );
    await waitFor(() =>
      expect(total('Income')).toBe(
        squash(`+${money(week.reduce((sum, event) => sum + event.income, 0))}`),
      ),
    );
    // This month, the one on screen, and nothing else.
    expect(
      sent.map((request) => request.url.searchParams.get('date_from')),
    ).toEqual([`${month}-01`]);
  });

  it('pages the first screen by cursor while the index is not in yet', async () => {
    const { user } = await openPaged();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(
      await screen.findByText('400 transactions loaded'),
    ).toBeInTheDocument();
  });

  it('says a list whose cursors go round in a loop could not be read, with Retry, never that it is empty or complete', async () => {
    holdIndexProbes();
    addFault({ method: 'GET', path: '/events', kind: 'cursor-loop' });
    const { user } = renderApp('/events', { user: 'admin' });
    // Empty pages, each pointing on to another: loop-a, loop-b, loop-a …
    for (const loaded of ['0 transactions loaded', '0 transactions loaded']) {
      await user.click(
        await screen.findByRole('button', { name: 'Load more' }),
      );
      expect(await screen.findByText(loaded)).toBeInTheDocument();
    }
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    const alerts = await screen.findAllByRole('alert');
    const list = alerts.find((alert) =>
      within(alert).queryByRole('button', { name: 'Try again' }),
    );
    expect(list).toHaveTextContent(/a response the app does not understand/);
    expect(screen.queryByText(/^That is all/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'No transactions yet' }),
    ).not.toBeInTheDocument();
  });

  it('tells an owner without properties to add one first', async () => {
    for (const object of mockDb().listObjects(adminId())) {
      mockDb().deleteObject(adminId(), object.id);
    }
    renderApp('/events', { user: 'admin' });
    expect(
      await screen.findByRole('heading', { name: 'No transactions yet' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Every transaction belongs to a property/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Add a property' }),
    ).toHaveAttribute('href', '/objects');
    expect(
      screen.getByRole('button', { name: 'Add transaction' }),
    ).toBeDisabled();
  });

  it('keeps the loaded rows when the next page fails, and loads it on Retry', async () => {
    const { user } = await openPaged();
    addFault({ method: 'GET', path: '/events', kind: 'status', times: 1 });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Something went wrong on the server/);
    expect(screen.getByText('200 transactions loaded')).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: /^Edit transaction: / }).length,
    ).toBeGreaterThan(5);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText('400 transactions loaded'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the old rows while a new filter loads, and cancels a filter left behind', async () => {
    const { user } = await openPaged();
    setSwitches({ latencyMs: 400 });
    const aborted: string[] = [];
    const listener = ({ request }: { request: Request }) => {
      request.signal.addEventListener('abort', () =>
        aborted.push(new URL(request.url).search),
      );
    };
    server.events.on('request:start', listener);
    onTestFinished(() => {
      server.events.removeListener('request:start', listener);
    });
    const firstRow = screen.getAllByRole('row')[1]?.textContent;

    await user.selectOptions(screen.getByLabelText('Period'), 'this-month');
    await waitFor(() =>
      expect(
        screen.getByRole('table', { name: 'Transactions' }),
      ).toHaveAttribute('aria-busy', 'true'),
    );
    // Still the previous filter's rows, whole.
    expect(screen.getAllByRole('row')[1]?.textContent).toBe(firstRow);
    await user.selectOptions(screen.getByLabelText('Period'), 'last-year');
    const { from } = presetRange('this-month', todayIso());
    await waitFor(() =>
      expect(
        aborted.some((search) => search.includes(`date_from=${from}`)),
      ).toBe(true),
    );
    const lastYear = presetRange('last-year', todayIso());
    await waitFor(
      () =>
        expect(
          screen.getByRole('table', { name: 'Transactions' }),
        ).toHaveAttribute('aria-busy', 'false'),
      { timeout: 5_000 },
    );
    const newest = adminEvents(
      (event) =>
        event.notification_date >= (lastYear.from ?? '') &&
        event.notification_date <= (lastYear.to ?? ''),
    )[0];
    await waitFor(() =>
      expect(screen.getAllByRole('row')[1]).toHaveTextContent(
        newest?.description ?? '',
      ),
    );
  });

  describe('when the session ends under a half-typed event', () => {
    async function typeAndLoseSession() {
      const view = await openLedger();
      const dialog = await openNewEventDialog(view.user);
      await view.user.type(within(dialog).getByLabelText('Income'), '4500');
      await view.user.type(
        within(dialog).getByLabelText('Description'),
        'Plumber, half-typed',
      );
      // Signed out in another tab: this one hears of it and follows.
      new BroadcastChannel('smartcomm.auth').postMessage('signed-out');
      expect(
        await screen.findByRole('heading', { name: 'Sign in' }),
      ).toBeInTheDocument();
      // The private page is gone at once; nothing asked to stay on it.
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      expect(screen.queryByText('Plumber, half-typed')).not.toBeInTheDocument();
      return view;
    }

    it('leaves the page at once and fills the form again after the same user signs in', async () => {
      const { router } = await typeAndLoseSession();
      startSession(signInAs('admin'), false);
      await router.navigate('/events');
      const dialog = await screen.findByRole('dialog', {
        name: 'New transaction',
      });
      expect(within(dialog).getByLabelText('Description')).toHaveValue(
        'Plumber, half-typed',
      );
      expect(within(dialog).getByLabelText('Income')).toHaveValue('4,500');
    });

    it('gives nothing of it to someone else who signs in', async () => {
      const { router } = await typeAndLoseSession();
      startSession(signInAs('olga'), false);
      await router.navigate('/events');
      expect(
        await screen.findByRole('heading', { level: 1 }),
      ).toBeInTheDocument();
      await screen.findByRole('button', { name: /sign out|выйти/i });
      // Olga's profile is known (her name is in the header) and no form opened.
      await waitFor(() =>
        expect(screen.queryByRole('banner')).toHaveTextContent(/Ольга|Olga/),
      );
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

      endSession('signed-out');
      // In Olga's language, English.
      await screen.findByRole('heading', { name: /^(Sign in|Вход)$/ });
      startSession(signInAs('admin'), false);
      await router.navigate('/events');
      await screen.findByRole('button', { name: /sign out|выйти/i });
      await waitFor(() =>
        expect(screen.queryByRole('banner')).toHaveTextContent(/Алексей/),
      );
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  describe('when the server saves an event but its answer is lost', () => {
    const DESCRIPTION = 'Deposit, answer lost';
    const stored = () =>
      mockDb()
        .snapshot()
        .events.filter((event) => event.description === DESCRIPTION);

    const loseTheNextAnswer = () =>
      addFault({
        method: 'POST',
        path: '/events',
        kind: 'answer-lost',
        times: 1,
      });

    /** Saved once, found rather than sent again, and said so. */
    async function expectAddedOnce(dialog: HTMLElement, sent: Sent[]) {
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
      expect(
        await screen.findByText('Transaction added, once'),
      ).toBeInTheDocument();
      expect(stored()).toHaveLength(1);
      expect(eventWrites(sent, 'POST')).toHaveLength(1);
    }

    async function addDeposit(user: ReturnType<typeof renderApp>['user']) {
      const [object] = mockDb().listObjects(adminId());
      const dialog = await openNewEventDialog(user);
      await user.selectOptions(
        within(dialog).getByLabelText('Property'),
        String(object?.id),
      );
      await user.type(within(dialog).getByLabelText('Income'), '30000');
      await user.type(
        within(dialog).getByLabelText('Description'),
        DESCRIPTION,
      );
      await user.click(
        within(dialog).getByRole('button', { name: 'Add transaction' }),
      );
      return dialog;
    }

    it('finds the saved event instead of sending it again, and says so', async () => {
      const { user } = await openLedger();
      const sent = recordRequests();
      loseTheNextAnswer();
      await expectAddedOnce(await addDeposit(user), sent);
    });

    it('keeps it in the outbox when it could not look at once, which finds it rather than sending it again', async () => {
      const { user } = await openLedger();
      const sent = recordRequests();
      loseTheNextAnswer();
      addFault({ method: 'GET', path: '/events', kind: 'network', times: 1 });
      const dialog = await addDeposit(user);
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
      expect(
        await screen.findByText('Kept on this device'),
      ).toBeInTheDocument();

      // Sent at once, since the browser is online: looked for, found, adopted.
      await waitFor(() =>
        expect(
          screen.queryByRole('region', { name: 'Changes not sent yet' }),
        ).not.toBeInTheDocument(),
      );
      expect(stored()).toHaveLength(1);
      expect(eventWrites(sent, 'POST')).toHaveLength(1);
    });
  });

  it('shows a new event at once and takes it back when saving fails', async () => {
    const { user } = await openLedger();
    const sent = recordRequests();
    setSwitches({ latencyMs: 150 });
    addFault({
      method: 'POST',
      path: '/events',
      kind: 'status',
      status: 500,
      times: 1,
    });
    const object = mockDb().listObjects(adminId())[0];
    if (!object) throw new Error('admin has no objects');
    const incomeBefore = total('Income');

    const dialog = await openNewEventDialog(user);
    const date = within(dialog).getByLabelText('Date');
    expect(date).toHaveFocus();
    await user.clear(date);
    await user.type(date, '2030-01-15');
    await user.selectOptions(
      within(dialog).getByLabelText('Property'),
      object.name,
    );
    await user.type(within(dialog).getByLabelText('Income'), '12 000');
    await user.type(
      within(dialog).getByLabelText('Description'),
      'Boiler repair <b>refund</b>',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Add transaction' }),
    );

    // Listed first (its date is the newest), before the server answers.
    const draft = await screen.findByText('Boiler repair <b>refund</b>', {
      selector: '[role="cell"] span',
    });
    expect(draft.closest('[role="row"]')).toHaveAttribute('aria-rowindex', '2');
    expect(total('Income')).not.toBe(incomeBefore);

    expect(
      await within(dialog).findByText(/Something went wrong on the server/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByText('Boiler repair <b>refund</b>', {
          selector: '[role="cell"] span',
        }),
      ).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(total('Income')).toBe(incomeBefore));
    expect(within(dialog).getByLabelText('Income')).toHaveValue('12,000');
    expect(within(dialog).getByLabelText('Description')).toHaveValue(
      'Boiler repair <b>refund</b>',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Add transaction' }),
    ).toBeEnabled();
    const posts = eventWrites(sent, 'POST');
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.body).toEqual({
      notification_date: '2030-01-15',
      object_id: object.id,
      income: 12000,
      expense: 0,
      description: 'Boiler repair <b>refund</b>',
    });

    // Saved on the next try: the server's row replaces the draft.
    await user.click(
      within(dialog).getByRole('button', { name: 'Add transaction' }),
    );
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    const saved = await screen.findByRole('button', {
      name: /^Edit transaction: .*, Boiler repair <b>refund<\/b>$/,
    });
    expect(saved.closest('[role="row"]')).toHaveAttribute('aria-rowindex', '2');
    expect(eventWrites(sent, 'POST')).toHaveLength(2);
  });

  it('says a 422 that names no field in the form, keeping it as typed', async () => {
    const { user } = await openLedger();
    addFault({ method: 'POST', path: '/events', kind: 'status', status: 422 });
    await user.click(screen.getByRole('button', { name: 'Add transaction' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'New transaction',
    });
    const [object] = mockDb().listObjects(adminId());
    await user.selectOptions(
      within(dialog).getByLabelText('Property'),
      String(object?.id),
    );
    await user.type(within(dialog).getByLabelText('Income'), '500');
    await user.type(within(dialog).getByLabelText('Description'), 'Deposit');
    await user.click(
      within(dialog).getByRole('button', { name: 'Add transaction' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Some fields need attention.',
    );
    expect(within(dialog).getByLabelText('Description')).toHaveValue('Deposit');
  });

  it('puts the server’s 422 under the field and keeps the form as typed', async () => {
    const { user } = await openLedger();
    const [object, other] = mockDb().listObjects(adminId());
    if (!object || !other) throw new Error('admin has too few objects');
    const dialog = await openNewEventDialog(user);
    await user.selectOptions(
      within(dialog).getByLabelText('Property'),
      object.name,
    );
    await user.type(within(dialog).getByLabelText('Expense'), '3000');
    // Deleted elsewhere while the form was open.
    mockDb().deleteObject(adminId(), object.id);
    await user.click(
      within(dialog).getByRole('button', { name: 'Add transaction' }),
    );

    const property = within(dialog).getByLabelText('Property');
    expect(
      await within(dialog).findByText(
        'This property no longer exists. Choose another one.',
      ),
    ).toBeInTheDocument();
    expect(property).toHaveAttribute('aria-invalid', 'true');
    expect(property).toHaveFocus();
    expect(within(dialog).getByLabelText('Expense')).toHaveValue('3,000');
  });

  it('checks the form before sending anything', async () => {
    const { user } = await openLedger();
    const sent = recordRequests();
    const dialog = await openNewEventDialog(user);
    const date = within(dialog).getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '02/30/2025');
    await user.type(within(dialog).getByLabelText('Income'), '12,5');
    await user.type(within(dialog).getByLabelText('Expense'), '-40');
    await user.click(within(dialog).getByLabelText('Description'));
    await user.paste('x'.repeat(1001));
    expect(
      within(dialog).getByText('1001 / 1000 characters'),
    ).toBeInTheDocument();
    await user.click(
      within(dialog).getByRole('button', { name: 'Add transaction' }),
    );

    expect(
      await within(dialog).findByText(/^Enter a real date, like/),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Required')).toBeInTheDocument();
    expect(
      within(dialog).getByText('Whole amounts only, without cents.'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/^Enter the amount without a minus/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('At most 1000 characters'),
    ).toBeInTheDocument();
    expect(eventWrites(sent, 'POST')).toHaveLength(0);
  });

  it('duplicates a transaction as a new one dated today, from its row (D or its button) or its dialog', async () => {
    const { user } = await openLedger();
    const sent = recordRequests();
    const newest = adminEvents()[0];
    if (!newest) throw new Error('admin has no events');
    const today = todayIso();
    const [year, month, day] = today.split('-');

    // D on the row opens a new transaction like it, dated today.
    firstEditButton().focus();
    await user.keyboard('d');
    const copy = await screen.findByRole('dialog', {
      name: 'New transaction',
    });
    expect(within(copy).getByLabelText('Date')).toHaveValue(
      `${day}/${month}/${year}`,
    );
    expect(within(copy).getByLabelText('Description')).toHaveValue(
      newest.description,
    );
    await user.click(
      within(copy).getByRole('button', { name: 'Add transaction' }),
    );
    await waitFor(() => expect(copy).not.toBeInTheDocument());
    const posts = eventWrites(sent, 'POST');
    expect(posts).toHaveLength(1);
    expect(await posts[0]?.body).toEqual({
      notification_date: today,
      object_id: newest.object_id,
      income: newest.income,
      expense: newest.expense,
      description: newest.description,
    });
    const copies = adminEvents(
      (event) =>
        event.description === newest.description &&
        event.notification_date === today &&
        event.income === newest.income &&
        event.expense === newest.expense,
    );
    expect(copies.length).toBeGreaterThanOrEqual(1);

    // The row's own Duplicate button (a tap on a phone) does the same.
    const name = firstEditButton()
      .getAttribute('aria-label')
      ?.replace(/^Edit transaction: /, '');
    await user.click(
      screen.getByRole('button', { name: `Duplicate transaction: ${name}` }),
    );
    const tapped = await screen.findByRole('dialog', {
      name: 'New transaction',
    });
    expect(within(tapped).getByLabelText('Date')).toHaveValue(
      `${day}/${month}/${year}`,
    );
    await user.click(
      within(tapped).getByRole('button', { name: 'Add transaction' }),
    );
    await waitFor(() => expect(tapped).not.toBeInTheDocument());
    expect(eventWrites(sent, 'POST')).toHaveLength(2);
    expect(await eventWrites(sent, 'POST')[1]?.body).toEqual(
      await posts[0]?.body,
    );

    // From the edit dialog, while nothing is changed there.
    await user.click(firstEditButton());
    const edit = await screen.findByRole('dialog', {
      name: 'Edit transaction',
    });
    await user.type(within(edit).getByLabelText('Description'), '!');
    expect(
      within(edit).getByRole('button', { name: 'Duplicate' }),
    ).toBeDisabled();
    await user.clear(within(edit).getByLabelText('Description'));
    await user.click(within(edit).getByRole('button', { name: 'Cancel' }));
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    await user.click(firstEditButton());
    const again = await screen.findByRole('dialog', {
      name: 'Edit transaction',
    });
    await user.click(within(again).getByRole('button', { name: 'Duplicate' }));
    expect(
      await screen.findByRole('dialog', { name: 'New transaction' }),
    ).toBeInTheDocument();
    expect(eventWrites(sent, 'PATCH')).toHaveLength(0);
  });

  it('opens the event an address names, read from the server, and drops it from the address on close', async () => {
    const event = adminEvents()[5];
    if (!event) throw new Error('admin has too few events');
    const sent = recordRequests();
    const { user, router } = await openLedger(
      `/events?period=all&event=${event.id}`,
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit transaction',
    });
    expect(within(dialog).getByLabelText('Description')).toHaveValue(
      event.description,
    );
    expect(
      sent.filter((request) =>
        request.url.pathname.endsWith(`/events/${event.id}`),
      ),
    ).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('?period=all');
  });

  it('says an event an address names is no longer there, and shows the ledger', async () => {
    const event = adminEvents()[0];
    if (!event) throw new Error('admin has no events');
    mockDb().deleteEvent(adminId(), event.id);
    const { router } = await openLedger(`/events?period=all&event=${event.id}`);
    expect(
      await screen.findByText(
        'That transaction is no longer there: it was deleted.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(router.state.location.search).toBe('?period=all'),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('sends only what changed on edit and moves totals with it', async () => {
    const { user } = await openLedger();
    const sent = recordRequests();
    const newest = adminEvents()[0];
    if (!newest) throw new Error('admin has no events');
    const before = total('Profit');

    await user.click(firstEditButton());
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit transaction',
    });
    const expense = within(dialog).getByLabelText('Expense');
    const income = within(dialog).getByLabelText('Income');
    await user.clear(newest.income > 0 ? income : expense);
    await user.type(newest.income > 0 ? income : expense, '1234567');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    const patches = eventWrites(sent, 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]?.url.pathname).toMatch(
      new RegExp(`/events/${newest.id}$`),
    );
    expect(await patches[0]?.body).toEqual(
      newest.income > 0 ? { income: 1234567 } : { expense: 1234567 },
    );
    expect(await screen.findByText('Changes saved')).toBeInTheDocument();
    // The table's rows are deferred: they follow a moment after the toast.
    await waitFor(() =>
      expect(
        squash(screen.getAllByRole('row')[1]?.textContent ?? null),
      ).toContain(squash(money(1234567))),
    );
    await waitFor(() => expect(total('Profit')).not.toBe(before));
    const events = adminEvents();
    const net = events.reduce((sum, e) => sum + e.income - e.expense, 0);
    await waitFor(() =>
      expect(total('Profit')).toBe(
        squash(`${net < 0 ? '−' : '+'}${money(Math.abs(net))}`),
      ),
    );
  });

  it.each([
    { choice: 'Save mine', saved: 'mine' },
    { choice: 'Keep the saved ones', saved: 'theirs' },
  ] as const)(
    'shows an amount changed elsewhere beside the one typed, and keeps the owner’s choice: $saved',
    async ({ choice, saved }) => {
      const { user } = await openLedger();
      const newest = adminEvents()[0];
      if (!newest) throw new Error('admin has no events');
      const field = newest.income > 0 ? 'income' : 'expense';
      const label = newest.income > 0 ? 'Income' : 'Expense';

      await user.click(firstEditButton());
      const dialog = await screen.findByRole('dialog', {
        name: 'Edit transaction',
      });
      // Another tab saves the same field, and the description, meanwhile.
      mockDb().updateEvent(adminId(), newest.id, {
        [field]: 777_000,
        description: 'Changed in another tab',
      });
      const sent = recordRequests();
      await user.clear(within(dialog).getByLabelText(label));
      await user.type(within(dialog).getByLabelText(label), '1234567');
      await user.click(within(dialog).getByRole('button', { name: 'Save' }));

      const notice = await within(dialog).findByRole('alert');
      expect(squash(notice.textContent)).toContain(
        squash(
          `${label}Saved now: ${money(777_000)}Yours: ${money(1_234_567)}`,
        ),
      );
      expect(notice).not.toHaveTextContent('Description');
      expect(eventWrites(sent, 'PATCH')).toHaveLength(0);

      await user.click(within(notice).getByRole('button', { name: choice }));
      await waitFor(() => expect(dialog).not.toBeInTheDocument());
      const amount = saved === 'mine' ? 1_234_567 : 777_000;
      expect(mockDb().getEvent(adminId(), newest.id)).toMatchObject({
        [field]: amount,
        description: 'Changed in another tab',
      });
      expect(eventWrites(sent, 'PATCH')).toHaveLength(saved === 'mine' ? 1 : 0);
      // The table's rows are deferred: they follow a moment after the dialog.
      await waitFor(() =>
        expect(
          squash(screen.getAllByRole('row')[1]?.textContent ?? null),
        ).toContain(squash(money(amount))),
      );
      expect(
        await screen.findByText(
          saved === 'mine' ? 'Changes saved' : 'The saved values are kept',
        ),
      ).toBeInTheDocument();
    },
  );

  it('deletes after asking when the Undo window closes; Undo keeps the very same event', async () => {
    const { user } = await openLedger();
    const sent = recordRequests();
    const newest = adminEvents()[0];
    if (!newest) throw new Error('admin has no events');
    const row = () =>
      screen.queryByRole('button', {
        name: new RegExp(`^Edit transaction: .*, ${newest.description}$`),
      });
    const askToDelete = async () => {
      await user.click(firstEditButton());
      const dialog = await screen.findByRole('dialog', {
        name: 'Edit transaction',
      });
      await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
      const confirm = await screen.findByRole('alertdialog', {
        name: 'Delete this transaction?',
      });
      await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
      await waitFor(() => expect(row()).not.toBeInTheDocument());
    };

    await askToDelete();
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(row()).toBeInTheDocument();
    expect(eventWrites(sent, 'DELETE')).toHaveLength(0);
    expect(eventWrites(sent, 'POST')).toHaveLength(0);
    expect(adminEvents()[0]).toEqual(newest);

    await askToDelete();
    expect(eventWrites(sent, 'DELETE')).toHaveLength(0);
    // Closing the toast ends the Undo window early.
    const toast = (await screen.findByText('Transaction deleted')).closest(
      'li',
    );
    if (!toast) throw new Error('No toast');
    await user.click(within(toast).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(mockDb().getEvent(adminId(), newest.id)).toBeUndefined(),
    );
    expect(eventWrites(sent, 'DELETE')).toHaveLength(1);
    expect(row()).not.toBeInTheDocument();
  });

  it('gives focus back to what opened a dialog, or to the page when that is gone', async () => {
    const { user } = await openLedger('/events?period=this-month');
    const add = screen.getByRole('button', { name: 'Add transaction' });
    await user.click(add);
    await screen.findByRole('dialog', { name: 'New transaction' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(add).toHaveFocus());

    const row = firstEditButton();
    await user.click(row);
    const edit = await screen.findByRole('dialog', {
      name: 'Edit transaction',
    });
    await user.click(within(edit).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(row).toHaveFocus());

    // Deleted from its dialog: the row is gone, the page keeps focus.
    await user.click(row);
    await user.click(
      within(
        await screen.findByRole('dialog', { name: 'Edit transaction' }),
      ).getByRole('button', { name: 'Delete' }),
    );
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() => expect(row).not.toBeInTheDocument());
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('asks before closing a dialog with changes, and opens on N but not while typing', async () => {
    const { user } = await openLedger();
    await user.keyboard('n');
    const dialog = await screen.findByRole('dialog', {
      name: 'New transaction',
    });
    await user.type(within(dialog).getByLabelText('Description'), 'n');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);

    await user.keyboard('{Escape}');
    const confirm = await screen.findByRole('alertdialog', {
      name: 'Discard your changes?',
    });
    await user.click(
      within(confirm).getByRole('button', { name: 'Keep editing' }),
    );
    expect(within(dialog).getByLabelText('Description')).toHaveValue('n');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(
      within(
        await screen.findByRole('alertdialog', {
          name: 'Discard your changes?',
        }),
      ).getByRole('button', { name: 'Discard' }),
    );
    await waitFor(() => expect(dialog).not.toBeInTheDocument());

    await user.click(screen.getByLabelText('From'));
    await user.keyboard('n');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

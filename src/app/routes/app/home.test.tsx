import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { DEMO_PASSWORD, mockDb, resetMockBackend } from '@/mocks/node';
import { startClockOn, TEST_TODAY } from '@/testing/clock';
import { renderApp } from '@/testing/render-app';
import { todayIso } from '@/utils/calendar-date';

const ADMIN_ID = 1;

const rub = new Intl.NumberFormat('ru', {
  style: 'currency',
  currency: 'RUB',
  maximumFractionDigits: 0,
});
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The app's signed amount, e.g. "+1 200 ₽" or "−300 ₽". */
const signed = (amount: number) =>
  squash(
    `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${rub.format(Math.abs(amount))}`,
  );
const monthName = (month: string) =>
  new Intl.DateTimeFormat('ru', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

/** Admin's events between two dates, from the database itself. */
function adminEvents(from: string, to: string) {
  const { objects, events } = mockDb().snapshot();
  const own = new Set(
    objects.filter((o) => o.ownerId === ADMIN_ID).map((o) => o.id),
  );
  return events.filter(
    (event) =>
      own.has(event.object_id) &&
      event.notification_date >= from &&
      event.notification_date <= to,
  );
}

function sum(events: ReturnType<typeof adminEvents>) {
  const income = events.reduce((total, event) => total + event.income, 0);
  const expense = events.reduce((total, event) => total + event.expense, 0);
  return { income, expense, net: income - expense };
}

/** Every month from `from` to `to` as rows the table must show. */
function expectedMonthRows(months: string[]) {
  return months.map((month) => {
    const { income, expense, net } = sum(
      adminEvents(`${month}-01`, `${month}-31`),
    );
    return [monthName(month), signed(income), signed(-expense), signed(net)];
  });
}

/** The overview once the period's sums are in (admin's UI is Russian). */
async function openOverview(path: string) {
  const view = renderApp(path, { user: 'admin' });
  await screen.findByText(/^Итоги по [\d\s]+ операци/, undefined, {
    timeout: 10_000,
  });
  return view;
}

/** A figure of the period's totals: "Доход", "Расход" or "Прибыль". */
function shownTotal(label: string) {
  const totals = screen.getByRole('region', { name: 'Итоги за период' });
  return squash(
    within(totals).getByText(label).nextElementSibling?.textContent ?? '',
  );
}

function tableRows(name: RegExp) {
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) =>
        squash(cell.textContent ?? ''),
      ),
    );
}

describe('the overview', { timeout: 30_000 }, () => {
  it('shows each month of a period across a year boundary, an empty month as zeros', async () => {
    // January 2026 is emptied in the database, so it must show as zeros.
    for (const event of adminEvents('2026-01-01', '2026-01-31')) {
      mockDb().deleteEvent(ADMIN_ID, event.id);
    }
    const { user } = await openOverview(
      '/?date_from=2025-11-15&date_to=2026-02-28',
    );
    await user.click(screen.getByRole('button', { name: 'Таблица' }));
    const rows = tableRows(/Денежный поток по месяцам/);
    // The first month counts from the 15th only, as the period says.
    const november = sum(adminEvents('2025-11-15', '2025-11-30'));
    expect(rows).toEqual([
      [
        monthName('2025-11'),
        signed(november.income),
        signed(-november.expense),
        signed(november.net),
      ],
      ...expectedMonthRows(['2025-12', '2026-01', '2026-02']),
    ]);
    expect(rows[2]?.slice(1)).toEqual([signed(0), signed(-0), signed(0)]);
    // Not all zero, or the test would prove little.
    expect(sum(adminEvents('2025-12-01', '2025-12-31')).income).toBeGreaterThan(
      0,
    );

    const total = sum(adminEvents('2025-11-15', '2026-02-28'));
    await waitFor(() => expect(shownTotal('Прибыль')).toBe(signed(total.net)));
  });

  it.for([TEST_TODAY, '2026-01-01', '2026-12-31'])(
    'opens on this year on %s and keeps a chosen preset in the address',
    async (today) => {
      startClockOn(today);
      resetMockBackend();
      const { user, router } = await openOverview('/');
      const year = todayIso().slice(0, 4);
      const total = sum(adminEvents(`${year}-01-01`, `${year}-12-31`));
      expect(shownTotal('Доход')).toBe(signed(total.income));
      // The period's dates are written the Russian way.
      expect(screen.getByLabelText('С')).toHaveValue(`01.01.${year}`);
      expect(screen.getByLabelText('По')).toHaveValue(`31.12.${year}`);
      await user.click(screen.getByRole('button', { name: 'Таблица' }));
      expect(tableRows(/Денежный поток/)).toHaveLength(12);
      // What is due next is on the same page.
      expect(
        await screen.findByRole('heading', { name: 'Ближайшие платежи' }),
      ).toBeInTheDocument();

      await user.selectOptions(screen.getByLabelText('Период'), 'last-year');
      expect(router.state.location.search).toBe('?period=last-year');
      const last = String(Number(year) - 1);
      const lastTotal = sum(adminEvents(`${last}-01-01`, `${last}-12-31`));
      await waitFor(() =>
        expect(shownTotal('Доход')).toBe(signed(lastTotal.income)),
      );
    },
  );

  it('compares the properties by net and by net per m², best first', async () => {
    const from = '2025-04-01';
    const to = '2025-06-30';
    await openOverview(`/?date_from=${from}&date_to=${to}`);
    const { objects } = mockDb().snapshot();
    const expected = objects
      .filter((object) => object.ownerId === ADMIN_ID)
      .map((object) => {
        const { net } = sum(
          adminEvents(from, to).filter((e) => e.object_id === object.id),
        );
        return { object, net };
      })
      .sort((a, b) => b.net - a.net);
    expect(expected).toHaveLength(6);
    await waitFor(() =>
      expect(tableRows(/^Объекты по показателю «Прибыль»/)).toEqual(
        expected.map(({ object, net }) => [
          object.name,
          '',
          signed(net),
          `${signed(Math.round(net / object.area))}/м²`,
        ]),
      ),
    );
    for (const { object } of expected) {
      const comparison = screen.getByRole('region', {
        name: /^Сравнение объектов/,
      });
      expect(
        within(comparison).getByRole('link', { name: object.name }),
      ).toHaveAttribute('href', `/objects/${object.id}`);
    }
  });

  it('guides an owner with nothing entered to a first property, then a first event', async () => {
    const owner = mockDb().createUser({
      login: 'newbie',
      password: DEMO_PASSWORD,
      name: 'Nina',
      surname: 'New',
      birthDate: '1991-05-05',
      phone: '+79990001122',
      email: 'nina@example.com',
      countryId: 1,
      languageId: 2,
      currencyId: 1,
    });
    const { user, unmount } = renderApp('/', { user: 'newbie' });
    await user.click(
      await screen.findByRole('link', { name: 'Add a property' }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: /add a property|new property/i,
      }),
    ).toBeInTheDocument();
    unmount();

    mockDb().createObject(owner.id, {
      name: 'Loft',
      area: 40,
      address: 'Somewhere 1',
    });
    const next = renderApp('/', { user: 'newbie' });
    expect(
      await screen.findByText('Record an income or an expense'),
    ).toBeInTheDocument();
    await next.user.click(
      screen.getByRole('link', { name: 'Add a transaction' }),
    );
    expect(
      await screen.findByRole('dialog', { name: /transaction/i }),
    ).toBeInTheDocument();
    expect(next.router.state.location.pathname).toBe('/events');
  });
});

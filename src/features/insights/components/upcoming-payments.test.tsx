import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { testQueryClient } from '@/testing/query-client';
import type { Event } from '@/api/generated';
import { startSession } from '@/api/auth-session';
import { formatDate, formatMoney } from '@/lib/format';
import { loadTranslations, setUiLanguage } from '@/lib/i18n';
import { LocaleSettingsProvider } from '@/lib/locale-settings';
import { addFault, mockDb, signInAs } from '@/mocks/node';
import { addDays, todayIso } from '@/utils/calendar-date';

import { UpcomingPayments } from './upcoming-payments';

const ADMIN_ID = 1;
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');
const rub = (value: number) =>
  formatMoney(value, { code: 'RUB', symbol: '₽' }, 'ru');

/** The component as the signed-in admin sees it: Russian, roubles. */
async function renderUpcoming() {
  startSession(signInAs('admin'), false);
  await setUiLanguage('ru');
  await loadTranslations(['insights']);
  const queryClient = testQueryClient();
  const objects = mockDb().listObjects(ADMIN_ID);
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <LocaleSettingsProvider
            value={{ locale: 'ru', currency: { code: 'RUB', symbol: '₽' } }}
          >
            <UpcomingPayments
              objects={objects}
              eventHref={(event) => `/events?event=${event.id}`}
            />
          </LocaleSettingsProvider>
        ),
      },
      { path: '/events', element: <p>Transactions</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), router, objects };
}

/** Admin's events from `from` to `to`, from the database itself. */
function adminEvents(from: string, to: string): Event[] {
  return mockDb().listEvents(ADMIN_ID, {
    limit: 100_000,
    dateFrom: from,
    dateTo: to,
  }).rows;
}

function expectedDue() {
  const today = todayIso();
  const byDateAsc = (a: Event, b: Event) =>
    a.notification_date.localeCompare(b.notification_date) || a.id - b.id;
  const upcoming = adminEvents(today, addDays(today, 30)).sort(byDateAsc);
  const overdue = adminEvents(addDays(today, -30), addDays(today, -1)).sort(
    (a, b) => byDateAsc(b, a),
  );
  return { today, upcoming, overdue };
}

/** A row as the page must show it: property, description, signed amounts. */
function rowText(event: Event): string {
  const name = mockDb().getObject(ADMIN_ID, event.object_id)?.name ?? '';
  const amounts = [
    event.income > 0 ? `Доход +${rub(event.income)}` : '',
    event.expense > 0 ? `Расход −${rub(event.expense)}` : '',
  ].join('');
  return squash(
    `${name} ${event.description || 'Без описания'}${amounts || 'Без суммы'}`,
  );
}

/** The event rows of a list (not the day groups around them). */
function rows(region: HTMLElement): string[] {
  return within(region)
    .getAllByRole('listitem')
    .filter((item) => !within(item).queryByRole('list'))
    .map((item) => squash(item.textContent));
}

describe('upcoming payments', { timeout: 20_000 }, () => {
  let blobs: Blob[];
  let downloads: string[];

  beforeEach(() => {
    blobs = [];
    downloads = [];
    // jsdom has no object URLs; the download's Blob is read here instead.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return `blob:test/${blobs.length}`;
      },
      revokeObjectURL: () => undefined,
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('lists the next 30 days soonest first and the past 30 days newest first, as in the database', async () => {
    const { user } = await renderUpcoming();
    const { upcoming, overdue } = expectedDue();
    // The seed reaches three months ahead, so both lists are long.
    expect(upcoming.length).toBeGreaterThan(8);
    expect(overdue.length).toBeGreaterThan(8);

    const next = await screen.findByRole('region', {
      name: 'Следующие 30 дней',
    });
    await waitFor(() =>
      expect(rows(next)).toEqual(upcoming.slice(0, 8).map(rowText)),
    );
    expect(next).toHaveTextContent(
      new RegExp(`${upcoming.length} платеж(а|ей)?`),
    );
    const [firstDay] = within(next).getAllByRole('heading', { level: 4 });
    expect(firstDay).toHaveTextContent(
      formatDate(upcoming[0]?.notification_date ?? '', 'ru', 'withWeekday'),
    );

    await user.click(
      within(next).getByRole('button', {
        name: new RegExp(`Показать все: ${upcoming.length}`),
      }),
    );
    expect(rows(next)).toEqual(upcoming.map(rowText));
    await user.click(within(next).getByRole('button', { name: 'Свернуть' }));
    expect(rows(next)).toHaveLength(8);

    const recent = screen.getByRole('region', { name: 'Недавние сроки' });
    expect(recent).toHaveTextContent('Отметок об оплате в приложении нет');
    expect(rows(recent)).toEqual(overdue.slice(0, 8).map(rowText));
    await user.click(
      within(recent).getByRole('button', {
        name: new RegExp(`Показать все: ${overdue.length}`),
      }),
    );
    expect(rows(recent)).toEqual(overdue.map(rowText));
  });

  it('marks today as upcoming, and each item opens its event', async () => {
    const today = todayIso();
    const created = mockDb().createEvent(ADMIN_ID, {
      object_id: 2,
      notification_date: today,
      income: 1000,
      expense: 250,
      description: 'Аренда; «пополам», <b>сегодня</b>',
    });
    const { user, router } = await renderUpcoming();
    const next = await screen.findByRole('region', {
      name: 'Следующие 30 дней',
    });
    const [first] = await within(next).findAllByRole('heading', { level: 4 });
    expect(first).toHaveTextContent(/^Сегодня/);
    const name = mockDb().getObject(ADMIN_ID, 2)?.name ?? '';
    // One link per item, named by its property and description, opens the
    // event.
    const link = within(next).getByRole('link', {
      name: `${name} Аренда; «пополам», <b>сегодня</b>`,
    });
    const description = within(link).getByText(
      'Аренда; «пополам», <b>сегодня</b>',
    );
    expect(description).toHaveAttribute('dir', 'auto');
    const item = link.closest('li');
    expect(squash(item?.textContent ?? '')).toContain(
      squash(`Доход +${rub(1000)}Расход −${rub(250)}`),
    );
    await user.click(link);
    expect(router.state.location.pathname).toBe('/events');
    expect(router.state.location.search).toBe(`?event=${created?.id}`);
  });

  it('downloads the upcoming events as an iCalendar file', async () => {
    const { user } = await renderUpcoming();
    const { today, upcoming } = expectedDue();
    const next = await screen.findByRole('region', {
      name: 'Следующие 30 дней',
    });
    await waitFor(() => expect(rows(next)).toHaveLength(8));
    await user.click(
      screen.getByRole('button', { name: 'Добавить в календарь (.ics)' }),
    );

    expect(downloads).toEqual([`smartcomm-upcoming-${today}.ics`]);
    expect(blobs).toHaveLength(1);
    const blob = blobs[0]!;
    expect(blob.type).toBe('text/calendar;charset=utf-8');
    const ics = await blob.text();
    const unfolded = ics.replace(/\r\n /g, '');
    const uids = [...unfolded.matchAll(/^UID:(.*)$/gm)].map((m) =>
      m[1]?.trim(),
    );
    expect(uids).toEqual(
      upcoming.map((event) => `event-${event.id}@smartcomm`),
    );
    const starts = [...unfolded.matchAll(/^DTSTART;VALUE=DATE:(\d+)/gm)].map(
      (m) => m[1],
    );
    expect(starts).toEqual(
      upcoming.map((event) => event.notification_date.replace(/-/g, '')),
    );
    const first = upcoming[0]!;
    const name = mockDb().getObject(ADMIN_ID, first.object_id)?.name ?? '';
    const amount =
      first.income > 0 ? `+${rub(first.income)}` : `−${rub(first.expense)}`;
    // RFC 5545 escapes the commas of the text itself.
    const summary = `${name}${first.description ? ` — ${first.description}` : ''}`;
    expect(unfolded).toContain(
      `SUMMARY:${summary.replace(/([,;])/g, '\\$1')}\\, ${amount}`,
    );
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  it('shows the events on a month grid that the keyboard moves through', async () => {
    const { user } = await renderUpcoming();
    const { today, upcoming } = expectedDue();
    await screen.findByRole('region', { name: 'Следующие 30 дней' });
    await user.click(screen.getByRole('button', { name: 'Календарь' }));
    expect(screen.getByRole('button', { name: 'Календарь' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    const grid = screen.getByRole('grid');
    const month = formatDate(today.slice(0, 7), 'ru', 'month');
    expect(grid).toHaveAccessibleName(month);
    const todayCell = within(grid).getByRole('button', { current: 'date' });
    expect(todayCell).toHaveAccessibleName(
      new RegExp(`^${formatDate(today, 'ru', 'full')}, сегодня: `),
    );
    // One stop for Tab: the chosen day.
    expect(todayCell).toHaveAttribute('tabindex', '0');
    expect(
      within(grid)
        .getAllByRole('button')
        .filter((day) => day.tabIndex === 0),
    ).toHaveLength(1);

    // The first day after today with events, reached with the arrow keys.
    const target = upcoming.find(
      (event) => event.notification_date > today,
    )!.notification_date;
    const onTarget = upcoming.filter(
      (event) => event.notification_date === target,
    );
    todayCell.focus();
    for (let day = today; day < target; day = addDays(day, 1)) {
      await user.keyboard('{ArrowRight}');
    }
    const targetCell = within(screen.getByRole('grid')).getByRole('button', {
      name: new RegExp(
        `^${formatDate(target, 'ru', 'full')}.*: ${onTarget.length} плат[её]ж`,
      ),
    });
    expect(targetCell).toHaveFocus();
    expect(targetCell.closest('td')).toHaveAttribute('aria-selected', 'true');
    const heading = screen.getByRole('heading', {
      level: 4,
      name: new RegExp(formatDate(target, 'ru', 'withWeekday')),
    });
    expect(heading).toBeInTheDocument();
    const listed = within(heading.parentElement!)
      .getAllByRole('listitem')
      .map((item) => squash(item.textContent));
    expect(listed).toEqual(
      [...onTarget].sort((a, b) => a.id - b.id).map(rowText),
    );

    // A week down and back up again returns to the same day.
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(
      within(screen.getByRole('grid')).getByRole('button', {
        name: new RegExp(`^${formatDate(target, 'ru', 'full')}`),
      }),
    ).toHaveFocus();
  });

  it('says when nothing is due and offers no empty calendar', async () => {
    const { today } = expectedDue();
    for (const event of adminEvents(today, addDays(today, 30))) {
      mockDb().deleteEvent(ADMIN_ID, event.id);
    }
    await renderUpcoming();
    expect(
      await screen.findByText('В ближайшие 30 дней платежей нет'),
    ).toBeVisible();
    const button = screen.getByRole('button', {
      name: 'Добавить в календарь (.ics)',
    });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Нечего добавлять');
    // The past 30 days are still shown.
    const recent = screen.getByRole('region', { name: 'Недавние сроки' });
    expect(rows(recent)).toHaveLength(8);
  });

  it('shows a failed load with Retry, and the lists once it succeeds', async () => {
    addFault({ method: 'GET', path: '/events', kind: 'status', times: 1 });
    const { user } = await renderUpcoming();
    const alert = await screen.findByRole('alert');
    expect(
      screen.queryByRole('region', { name: 'Следующие 30 дней' }),
    ).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Повторить' }));
    const next = await screen.findByRole('region', {
      name: 'Следующие 30 дней',
    });
    await waitFor(() => expect(rows(next)).toHaveLength(8));
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockDb } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { todayIso } from '@/utils/calendar-date';

const ADMIN_ID = 1;
const squash = (text: string) => text.replace(/\s+/g, ' ');

/** Per m² figures as the page must show them, from the database's events. */
function expectedPerArea(id: number, from = '0000-00-00', to = '9999-99-99') {
  const object = mockDb().getObject(ADMIN_ID, id);
  if (!object) throw new Error(`No object ${id}`);
  const events = mockDb()
    .snapshot()
    .events.filter(
      (event) =>
        event.object_id === id &&
        event.notification_date >= from &&
        event.notification_date <= to,
    );
  const income = events.reduce((sum, event) => sum + event.income, 0);
  const expense = events.reduce((sum, event) => sum + event.expense, 0);
  const rub = new Intl.NumberFormat('ru', {
    style: 'currency',
    currency: 'RUB',
    maximumFractionDigits: 0,
  });
  const signed = (value: number) => {
    const rounded = Math.round(value / object.area);
    const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
    return squash(`${sign}${rub.format(Math.abs(rounded))}/м²`);
  };
  return {
    object,
    count: events.length,
    income: signed(income),
    expense: signed(-expense),
    net: signed(income - expense),
  };
}

async function perAreaFigures() {
  const section = await screen.findByRole('region', { name: 'На м²' });
  const figure = (label: string) =>
    squash(
      within(section).getByText(label).nextElementSibling?.textContent ?? '',
    );
  return { section, figure };
}

describe("a property's page", { timeout: 20_000 }, () => {
  it('shows the property, its events and per m² figures of this year', async () => {
    renderApp('/objects/1', { user: 'admin' });
    const year = todayIso().slice(0, 4);
    const expected = expectedPerArea(1, `${year}-01-01`, `${year}-12-31`);
    expect(expected.count).toBeGreaterThan(0);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: expected.object.name,
      }),
    ).toBeInTheDocument();
    expect(await screen.findByText(expected.object.address)).toBeVisible();
    expect(await screen.findByText('54,3 м²')).toBeVisible();
    const { section, figure } = await perAreaFigures();
    expect(section).toHaveTextContent(
      new RegExp(`1 янв\\. ${year} г\\. – 31 дек\\. ${year} г\\.`),
    );
    await waitFor(() => expect(figure('Прибыль')).toBe(expected.net));
    expect(figure('Доход')).toBe(expected.income);
    expect(figure('Расход')).toBe(expected.expense);
    const events = await screen.findByRole('region', { name: 'Операции' });
    expect(
      await within(events).findByRole('table', { name: 'Операции' }),
    ).toBeInTheDocument();
    // The ledger's own totals agree: every event of the property this year.
    await waitFor(() =>
      expect(events).toHaveTextContent(`${expected.count} операци`),
    );
  });

  it('follows the period of the ledger in the address', async () => {
    const year = todayIso().slice(0, 4);
    const from = `${year}-01-01`;
    const to = `${year}-03-31`;
    renderApp(`/objects/2?date_from=${from}&date_to=${to}`, { user: 'admin' });
    const expected = expectedPerArea(2, from, to);
    expect(expected.count).toBeGreaterThan(0);
    const { section, figure } = await perAreaFigures();
    await waitFor(() => expect(figure('Прибыль')).toBe(expected.net));
    expect(figure('Доход')).toBe(expected.income);
    expect(section).toHaveTextContent(/1 янв\. \d{4} г\. – 31 мар\. \d{4} г\./);
  });

  it.each([
    ['someone else’s', '/objects/7'],
    ['a missing', '/objects/999'],
    ['a malformed', '/objects/abc'],
  ])('shows not-found with a way back for %s id', async (_, path) => {
    const { user, router } = renderApp(path, { user: 'admin' });
    expect(
      await screen.findByRole('heading', {
        name: /page not found|страница не найдена/i,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Flat on Nemiga')).not.toBeInTheDocument();
    await user.click(
      screen.getByRole('link', {
        name: /go to the overview|перейти к обзору/i,
      }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('edits the property from its page', async () => {
    const { user } = renderApp('/objects/3', { user: 'admin' });
    await screen.findByRole('heading', { level: 1, name: 'Квартира в Казани' });
    await user.click(await screen.findByRole('button', { name: 'Изменить' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Изменение объекта',
    });
    const name = within(dialog).getByLabelText('Название');
    await user.clear(name);
    await user.type(name, 'Квартира на Баумана <b>');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Квартира на Баумана <b>',
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(mockDb().getObject(ADMIN_ID, 3)?.name).toBe(
        'Квартира на Баумана <b>',
      ),
    );
  });

  it('deletes the property: back to the list, where Undo brings it back', async () => {
    const { user, router } = renderApp('/objects/4', { user: 'admin' });
    const heading = await screen.findByRole('heading', { level: 1 });
    const name = heading.textContent ?? '';
    const count = expectedPerArea(4).count;
    await user.click(await screen.findByRole('button', { name: 'Удалить' }));
    const confirm = await screen.findByRole('alertdialog', {
      name: `Удалить «${name}»?`,
    });
    await waitFor(() =>
      expect(confirm).toHaveTextContent(`удалятся ${count} операци`),
    );
    await user.click(
      within(confirm).getByRole('button', { name: 'Удалить объект' }),
    );
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/objects'),
    );
    await screen.findByText('5 объектов');
    expect(screen.queryByRole('link', { name })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Отменить' }));
    expect(await screen.findByRole('link', { name })).toBeInTheDocument();
    expect(mockDb().getObject(ADMIN_ID, 4)).toBeDefined();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';

import { apiBaseUrl } from '@/api/base-url';
import { validationProblem } from '@/mocks/http';
import { addFault, mockDb, server, setSwitches } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';
import { todayIso } from '@/utils/calendar-date';

const ADMIN_ID = 1;

/** What the card must say: the year's net from the database, in roubles. */
function expectedNets() {
  const year = todayIso().slice(0, 4);
  const { objects, events } = mockDb().snapshot();
  const rub = new Intl.NumberFormat('ru', {
    style: 'currency',
    currency: 'RUB',
    maximumFractionDigits: 0,
  });
  return objects
    .filter((object) => object.ownerId === ADMIN_ID)
    .map((object) => {
      const net = events
        .filter(
          (event) =>
            event.object_id === object.id &&
            event.notification_date.startsWith(`${year}-`),
        )
        .reduce((sum, event) => sum + event.income - event.expense, 0);
      const sign = net > 0 ? '+' : net < 0 ? '−' : '';
      return { object, net, text: `${sign}${rub.format(Math.abs(net))}` };
    });
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/** The card (list item) of the object named `name`. */
async function card(name: string) {
  const link = await screen.findByRole('link', { name });
  const item = link.closest('li');
  if (!item) throw new Error(`No card around ${name}`);
  return item;
}

/** The page once the list is loaded and admin's Russian has taken over. */
async function openObjects(path = '/objects') {
  const view = renderApp(path, { user: 'admin' });
  await screen.findByText(/^\d+ объект/, undefined, { timeout: 5000 });
  return view;
}

function cardNames() {
  const list = screen.getByRole('list', { name: /^(properties|объекты)$/i });
  return within(list)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

/** Counts the requests of one method and path the mock backend receives. */
function countRequests(method: string, path: RegExp) {
  const seen: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (request.method === method && path.test(url.pathname)) {
      seen.push(request.clone());
    }
  });
  return seen;
}

// Whole-app renders that type and sum years of events: slow on a busy machine.
describe('the properties page', { timeout: 20_000 }, () => {
  it("shows every property with its area and this year's net, summed from the database", async () => {
    await openObjects();
    const nets = expectedNets();
    expect(nets).toHaveLength(6);
    // Not all zero, or the test would prove little.
    expect(nets.filter(({ net }) => net !== 0).length).toBeGreaterThan(3);
    for (const { object, text } of nets) {
      const item = await card(object.name);
      await waitFor(() =>
        expect(squash(item.textContent ?? '')).toContain(squash(text)),
      );
      const area = new Intl.NumberFormat('ru', {
        maximumFractionDigits: 2,
      }).format(object.area);
      expect(squash(item.textContent ?? '')).toContain(squash(`${area} м²`));
    }
    expect(screen.getByText('6 объектов')).toBeInTheDocument();
    // Olga's properties are never listed.
    expect(screen.queryByText('Flat on Nemiga')).not.toBeInTheDocument();
  });

  it('searches by name or address and sorts, both kept in the URL', async () => {
    const { user, router } = await openObjects();

    // Every word must match, in the name or the address.
    await user.type(screen.getByRole('searchbox'), 'москва кв.');
    const urlSearch = () => new URLSearchParams(router.state.location.search);
    expect(urlSearch().get('q')).toBe('москва кв.');
    await waitFor(() =>
      expect(cardNames()).toEqual([
        'Квартира на Профсоюзной',
        'Студия на Арбате (посуточно)',
      ]),
    );
    expect(screen.getByText('2 из 6 объектов')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Сортировка'), '-area');
    expect(urlSearch().get('sort')).toBe('-area');
    await waitFor(() =>
      expect(cardNames()).toEqual([
        'Квартира на Профсоюзной',
        'Студия на Арбате (посуточно)',
      ]),
    );
    await user.selectOptions(screen.getByLabelText('Сортировка'), 'area');
    await waitFor(() =>
      expect(cardNames()).toEqual([
        'Студия на Арбате (посуточно)',
        'Квартира на Профсоюзной',
      ]),
    );

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'нет');
    expect(
      screen.getByRole('heading', { name: /ничего не найдено/i }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Сбросить поиск' }));
    await waitFor(() => expect(cardNames()).toHaveLength(6));

    // Sorting by net follows the database's sums, highest first.
    await user.selectOptions(screen.getByLabelText('Сортировка'), '-net');
    const byNet = expectedNets()
      .sort((a, b) => b.net - a.net)
      .map(({ object }) => object.name);
    await waitFor(() => expect(cardNames()).toEqual(byNet));
    expect(router.state.location.search).toBe('?sort=-net');
  });

  it('opens with the search and sort of the URL', async () => {
    renderApp('/objects?q=%D0%BA%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C&sort=-name', {
      user: 'admin',
    });
    await card('Квартира в Казани');
    expect(screen.getByRole('searchbox')).toHaveValue('казань');
    await waitFor(() => expect(cardNames()).toEqual(['Квартира в Казани']));
  });

  it('adds a property at once, takes it back on a server error and keeps the form', async () => {
    const { user } = await openObjects();
    const posts = countRequests('POST', /\/objects$/);

    await user.click(screen.getByRole('button', { name: 'Добавить объект' }));
    const dialog = await screen.findByRole('dialog', { name: 'Новый объект' });
    await user.type(within(dialog).getByLabelText('Название'), 'Дача 🌲');
    await user.type(within(dialog).getByLabelText('Площадь, м²'), '28,5');
    await user.type(within(dialog).getByLabelText('Адрес'), 'Тверь');

    setSwitches({ latencyMs: 150 });
    addFault({ method: 'POST', path: '/objects', kind: 'status', times: 1 });
    await user.click(
      within(dialog).getByRole('button', { name: 'Добавить объект' }),
    );
    // The card is there before the server answers (behind the modal).
    expect(await screen.findByText('Сохраняем…')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Сохраняем…' }),
    ).toBeDisabled();
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'На сервере что-то пошло не так',
    );
    expect(screen.queryByText('Сохраняем…')).not.toBeInTheDocument();
    expect(within(dialog).getByLabelText('Название')).toHaveValue('Дача 🌲');
    expect(within(dialog).getByLabelText('Площадь, м²')).toHaveValue('28,5');
    expect(within(dialog).getByLabelText('Адрес')).toHaveValue('Тверь');
    expect(posts).toHaveLength(1);

    // Enter pressed twice while the answer is on its way: one request.
    await user.click(within(dialog).getByLabelText('Название'));
    await user.keyboard('{Enter}{Enter}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(await card('Дача 🌲')).toHaveTextContent('28,5 м²');
    expect(posts).toHaveLength(2);
    expect(await posts[1]?.json()).toEqual({
      name: 'Дача 🌲',
      area: 28.5,
      address: 'Тверь',
    });
    expect(
      mockDb()
        .listObjects(ADMIN_ID)
        .some((object) => object.name === 'Дача 🌲' && object.area === 28.5),
    ).toBe(true);
  });

  it('says a 422 that names no field in the form, keeping it filled', async () => {
    const { user } = await openObjects();
    addFault({ method: 'POST', path: '/objects', kind: 'status', status: 422 });
    await user.click(screen.getByRole('button', { name: 'Добавить объект' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Название'), 'Гараж');
    await user.type(within(dialog).getByLabelText('Площадь, м²'), '18');
    await user.type(within(dialog).getByLabelText('Адрес'), 'Тверь');
    await user.click(
      within(dialog).getByRole('button', { name: 'Добавить объект' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Проверьте отмеченные поля.',
    );
    expect(within(dialog).getByLabelText('Название')).toHaveValue('Гараж');
  });

  it("validates before sending, and puts the server's 422 under its field", async () => {
    const { user } = await openObjects();
    const posts = countRequests('POST', /\/objects$/);
    await user.click(screen.getByRole('button', { name: 'Добавить объект' }));
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText('Название');
    const area = within(dialog).getByLabelText('Площадь, м²');

    await user.type(area, '0');
    await user.click(
      within(dialog).getByRole('button', { name: 'Добавить объект' }),
    );
    expect(name).toHaveAccessibleDescription(/Обязательное поле/);
    expect(area).toHaveAccessibleDescription(/Больше 0/);
    await user.clear(area);
    await user.type(area, '12 м');
    await user.type(name, 'x'.repeat(121));
    await user.click(
      within(dialog).getByRole('button', { name: 'Добавить объект' }),
    );
    expect(area).toHaveAccessibleDescription(/числом/);
    expect(name).toHaveAccessibleDescription(/121 \/ 120/);
    expect(posts).toHaveLength(0);

    server.use(
      http.post(`${apiBaseUrl}/objects`, () =>
        validationProblem([{ field: 'address', message: 'Адрес не найден' }]),
      ),
    );
    await user.clear(name);
    await user.type(name, 'Гараж');
    await user.clear(area);
    await user.type(area, '18');
    await user.type(within(dialog).getByLabelText('Адрес'), 'Нигде');
    await user.click(
      within(dialog).getByRole('button', { name: 'Добавить объект' }),
    );
    const address = within(dialog).getByLabelText('Адрес');
    await waitFor(() =>
      expect(address).toHaveAccessibleDescription(/Адрес не найден/),
    );
    expect(address).toHaveFocus();
    expect(address).toHaveValue('Нигде');
    expect(posts).toHaveLength(1);
  });

  it('edits a property at once, rolls back on failure, and sends only what changed', async () => {
    const { user } = await openObjects();
    const patches = countRequests('PATCH', /\/objects\/1$/);
    // Taken before the modal hides the page from the accessibility tree.
    const item = await card('Квартира на Профсоюзной');
    await user.click(
      screen.getByRole('button', {
        name: 'Изменить «Квартира на Профсоюзной»',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Изменение объекта',
    });
    const area = within(dialog).getByLabelText('Площадь, м²');
    expect(area).toHaveValue('54,3');
    await user.clear(area);
    await user.type(area, '55.1');

    // The card changes at once, and changes back when the server fails.
    setSwitches({ latencyMs: 150 });
    addFault({ method: 'PATCH', path: '/objects/1', kind: 'status', times: 1 });
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(item).toHaveTextContent('55,1 м²'));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
    expect(item).toHaveTextContent('54,3 м²');
    expect(area).toHaveValue('55.1');
    expect(mockDb().getObject(ADMIN_ID, 1)?.area).toBe(54.3);

    await user.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(await card('Квартира на Профсоюзной')).toHaveTextContent('55,1 м²');
    expect(patches).toHaveLength(2);
    expect(await patches[1]?.json()).toEqual({ area: 55.1 });
    expect(mockDb().getObject(ADMIN_ID, 1)?.area).toBe(55.1);
  });

  it('asks before closing a form with changes', async () => {
    const { user } = await openObjects();
    await user.click(screen.getByRole('button', { name: 'Добавить объект' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Название')).toHaveFocus(),
    );
    await user.type(within(dialog).getByLabelText('Название'), 'Склад');
    await user.keyboard('{Escape}');
    const confirm = await screen.findByRole(
      'alertdialog',
      { name: 'Отменить изменения?' },
      { timeout: 3000 },
    );
    await user.click(
      within(confirm).getByRole('button', { name: 'Продолжить' }),
    );
    expect(within(dialog).getByLabelText('Название')).toHaveValue('Склад');
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    await user.click(
      await screen.findByRole('button', { name: 'Отменить изменения' }),
    );
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('deletes only when the Undo window closes, and not at all after Undo', async () => {
    const { user } = await openObjects();
    const deletes = countRequests('DELETE', /\/objects\/\d+$/);
    const garage = mockDb()
      .listObjects(ADMIN_ID)
      .find((object) => object.name.startsWith('Гараж'));
    const garageEvents = mockDb()
      .snapshot()
      .events.filter((event) => event.object_id === garage?.id).length;
    expect(garageEvents).toBeGreaterThan(0);

    const askToDelete = async () => {
      await user.click(
        screen.getByRole('button', {
          name: 'Удалить «Гараж в ГСК «Автомобилист»»',
        }),
      );
      const confirm = await screen.findByRole('alertdialog');
      // The count of all its events, summed when asked.
      await waitFor(() =>
        expect(confirm).toHaveTextContent(`удалятся ${garageEvents} операци`),
      );
      await user.click(
        within(confirm).getByRole('button', { name: 'Удалить объект' }),
      );
    };

    await askToDelete();
    expect(
      screen.queryByRole('link', { name: /^Гараж/ }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Объекты' })).toHaveFocus();
    await user.click(await screen.findByRole('button', { name: 'Отменить' }));
    expect(await card('Гараж в ГСК «Автомобилист»')).toBeInTheDocument();
    expect(deletes).toHaveLength(0);

    await askToDelete();
    expect(deletes).toHaveLength(0);
    // Closing the toast ends the Undo window early.
    const toast = (await screen.findByText(/удалён$/)).closest('li');
    if (!toast) throw new Error('No toast');
    await user.click(within(toast).getByRole('button', { name: 'Закрыть' }));
    await waitFor(() => expect(deletes).toHaveLength(1));
    await waitFor(() =>
      expect(mockDb().getObject(ADMIN_ID, garage?.id ?? 0)).toBeUndefined(),
    );
    expect(
      mockDb()
        .snapshot()
        .events.filter((event) => event.object_id === garage?.id),
    ).toHaveLength(0);
    expect(screen.getByText('5 объектов')).toBeInTheDocument();
  });

  it('invites a first-time owner to add a property', async () => {
    for (const object of mockDb().listObjects(ADMIN_ID)) {
      mockDb().deleteObject(ADMIN_ID, object.id);
    }
    const { user } = renderApp('/objects', { user: 'admin' });
    await user.click(
      await screen.findByRole('button', { name: 'Добавить первый объект' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Новый объект' }),
    ).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { apiBaseUrl } from '@/api/base-url';
import { getToken } from '@/api/auth-session';
import { mockDb, server } from '@/mocks/node';
import { recordMockRequests } from '@/testing/mock-requests';
import { renderApp } from '@/testing/render-app';

describe('the session', () => {
  it('shows the signed-in shell with the user name', async () => {
    renderApp('/', { user: 'admin' });
    expect(
      await screen.findByRole('navigation', { name: /^(main|основное)$/i }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: /sign out|выйти/i }),
    ).toBeInTheDocument();
  });

  it('sends a signed-out visitor to sign in and back', async () => {
    const { router } = renderApp('/objects');
    await waitFor(() =>
      expect(router.state.location.search).toBe('?returnTo=%2Fobjects'),
    );
    expect(
      await screen.findByRole('heading', { name: 'Sign in' }),
    ).toBeInTheDocument();
  });

  it.each(['/', '/objects', '/objects/1', '/events', '/profile', '/nowhere'])(
    'asks the API for nothing when a signed-out visitor opens %s',
    async (path) => {
      const sent = recordMockRequests();
      renderApp(path);
      expect(
        await screen.findByRole('heading', { name: 'Sign in' }),
      ).toBeInTheDocument();
      expect(sent.map((request) => new URL(request.url).pathname)).toEqual([]);
    },
  );

  it('asks to sign in once when every request of a page gets 401, then returns', async () => {
    const { router, user, queryClient } = renderApp('/events?object_id=1', {
      user: 'admin',
    });
    await screen.findByRole('heading', { name: /transactions|операции/i });
    const navigations: string[] = [];
    router.subscribe((state) => navigations.push(state.location.pathname));
    server.use(
      http.all(`${apiBaseUrl}/*`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Unauthorized', status: 401 },
          { status: 401 },
        ),
      ),
    );
    await router.navigate('/objects?sort=name');
    await screen.findByRole('heading', { name: /properties|объекты/i });
    let unauthorized = 0;
    server.events.on('response:mocked', ({ response }) => {
      if (response.status === 401) unauthorized += 1;
    });
    void queryClient.invalidateQueries();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe(
      '?returnTo=%2Fobjects%3Fsort%3Dname',
    );
    expect(unauthorized).toBeGreaterThan(1);
    expect(navigations.filter((path) => path === '/login')).toHaveLength(1);
    // The profile's language (Russian for admin) stays after the session.
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Сеанс завершён. Войдите снова',
    );
    expect(getToken()).toBeNull();

    server.resetHandlers();
    await user.type(screen.getByLabelText('Логин'), 'admin');
    await user.type(screen.getByLabelText('Пароль'), 'Qwerty123');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    await waitFor(() =>
      expect(
        router.state.location.pathname + router.state.location.search,
      ).toBe('/objects?sort=name'),
    );
  });

  it('signs out: the server session closes and nothing private stays', async () => {
    const { user, router, queryClient } = renderApp('/profile', {
      user: 'admin',
    });
    const token = getToken();
    await user.click(
      await screen.findByRole('button', { name: /sign out|выйти/i }),
    );
    expect(
      await screen.findByRole('heading', { name: /sign in|вход/i }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(getToken()).toBeNull();
    expect(sessionStorage.getItem('smartcomm.token')).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    const response = await fetch(`${apiBaseUrl}/profile`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
    // Back to a private page, signed out: turned away before anything is asked.
    const sent = recordMockRequests();
    await router.navigate('/profile');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(sent).toEqual([]);
  });

  it('sends a delete confirmed inside its Undo window before signing out', async () => {
    const { user } = renderApp('/objects/4', { user: 'admin' });
    await user.click(await screen.findByRole('button', { name: 'Удалить' }));
    const confirm = await screen.findByRole('alertdialog');
    await user.click(
      within(confirm).getByRole('button', { name: 'Удалить объект' }),
    );
    expect(
      await screen.findByRole('button', { name: 'Отменить' }),
    ).toBeInTheDocument();
    const sent = recordMockRequests();
    await user.click(screen.getByRole('button', { name: 'Выйти' }));
    expect(
      await screen.findByRole('heading', { name: 'Вход' }),
    ).toBeInTheDocument();
    const writes = sent
      .filter((request) => request.method !== 'GET')
      .map((request) => `${request.method} ${new URL(request.url).pathname}`);
    expect(writes).toEqual(['DELETE /api/objects/4', 'POST /api/auth/logout']);
    expect(mockDb().getObject(1, 4)).toBeUndefined();
  });
});

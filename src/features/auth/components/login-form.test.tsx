import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { apiBaseUrl } from '@/api/base-url';
import { getToken } from '@/lib/auth-session';
import { server } from '@/mocks/node';
import { renderApp } from '@/testing/render-app';

async function signIn(
  user: ReturnType<typeof renderApp>['user'],
  login: string,
  password: string,
) {
  await user.type(await screen.findByLabelText('Login'), login);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('signing in', () => {
  it('signs in and returns to the page that asked for it', async () => {
    const { user, router } = renderApp('/events?object_id=1');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    await signIn(user, 'admin', 'Qwerty123');
    await waitFor(() =>
      expect(
        router.state.location.pathname + router.state.location.search,
      ).toBe('/events?object_id=1'),
    );
    expect(getToken()).toEqual(expect.any(String));
    expect(sessionStorage.getItem('smartcomm.token')).toBe(getToken());
    expect(localStorage.getItem('smartcomm.token')).toBeNull();
  });

  it('keeps the token across restarts only with Remember me', async () => {
    const { user } = renderApp('/login');
    await user.click(
      await screen.findByLabelText('Remember me on this device'),
    );
    await signIn(user, 'admin', 'Qwerty123');
    await waitFor(() =>
      expect(localStorage.getItem('smartcomm.token')).toBe(getToken()),
    );
  });

  it('says the login or password is wrong and keeps what was typed', async () => {
    const { user } = renderApp('/login');
    await signIn(user, 'admin', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Wrong login or password.',
    );
    expect(screen.getByLabelText('Login')).toHaveValue('admin');
    expect(screen.getByLabelText('Password')).toHaveValue('wrong-password');
    expect(getToken()).toBeNull();
  });

  it('checks the fields before sending anything', async () => {
    let requests = 0;
    server.events.on('request:start', () => {
      requests += 1;
    });
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findAllByText('Required')).toHaveLength(2);
    expect(requests).toBe(0);
  });

  it('counts down from Retry-After when attempts are throttled, without retrying', async () => {
    let attempts = 0;
    server.use(
      http.post(`${apiBaseUrl}/auth/login`, () => {
        attempts += 1;
        return HttpResponse.json(
          { type: 'about:blank', title: 'Too Many Requests', status: 429 },
          {
            status: 429,
            headers: {
              'Retry-After': '42',
              'Content-Type': 'application/problem+json',
            },
          },
        );
      }),
    );
    const { user } = renderApp('/login');
    await signIn(user, 'admin', 'Qwerty123');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 42 s.',
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    expect(attempts).toBe(1);
  });

  it('explains a server failure and lets the user try again', async () => {
    server.use(
      http.post(`${apiBaseUrl}/auth/login`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Internal Server Error', status: 500 },
          { status: 500 },
        ),
      ),
    );
    const { user } = renderApp('/login');
    await signIn(user, 'admin', 'Qwerty123');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong on the server',
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.getByLabelText('Password')).toHaveValue('Qwerty123');
  });
});

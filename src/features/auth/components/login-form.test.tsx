import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { apiBaseUrl } from '@/api/base-url';
import { getToken } from '@/api/auth-session';
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

  it('checks on submit, focuses the first invalid field, then re-checks each field as it changes', async () => {
    const { user } = renderApp('/login');
    const login = await screen.findByLabelText('Login');
    const password = screen.getByLabelText('Password');
    await user.type(login, 'a');
    await user.clear(login);
    expect(screen.queryByText('Required')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findAllByText('Required')).toHaveLength(2);
    expect(login).toHaveFocus();
    expect(login).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('Required');

    await user.type(login, 'admin');
    await waitFor(() => expect(login).toHaveAttribute('aria-invalid', 'false'));
    expect(login).not.toHaveAccessibleDescription();
    expect(password).toHaveAccessibleDescription('Required');

    await user.clear(login);
    await waitFor(() => expect(login).toHaveAccessibleDescription('Required'));
    await user.type(login, 'admin');
    await user.type(password, 'x');
    await waitFor(() => expect(screen.queryByText('Required')).toBeNull());
  });

  it("puts the server's 422 under its field, focuses it, and the rest in a banner", async () => {
    let sent: unknown;
    server.use(
      http.post(`${apiBaseUrl}/auth/login`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            errors: [
              { field: 'password', message: 'The password has expired.' },
              { field: 'captcha', message: 'Solve the captcha.' },
            ],
          },
          {
            status: 422,
            headers: { 'Content-Type': 'application/problem+json' },
          },
        );
      }),
    );
    const { user } = renderApp('/login');
    await signIn(user, 'admin', 'Qwerty123');
    const password = screen.getByLabelText('Password');
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription('The password has expired.'),
    );
    expect(sent).toEqual({ login: 'admin', password: 'Qwerty123' });
    expect(password).toHaveFocus();
    expect(password).toHaveValue('Qwerty123');
    expect(screen.getByLabelText('Login')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Solve the captcha.');

    await user.type(password, '4');
    await waitFor(() => expect(password).not.toHaveAccessibleDescription());
  });

  it('says a 422 that names no field in a banner, keeping what was typed', async () => {
    server.use(
      http.post(`${apiBaseUrl}/auth/login`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Rejected', status: 422 },
          {
            status: 422,
            headers: { 'Content-Type': 'application/problem+json' },
          },
        ),
      ),
    );
    const { user } = renderApp('/login');
    await signIn(user, 'admin', 'Qwerty123');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Some fields need attention.',
    );
    expect(screen.getByLabelText('Password')).toHaveValue('Qwerty123');
  });

  it('sends one request per click and shows that it is signing in', async () => {
    let requests = 0;
    let answer: () => void = () => undefined;
    server.use(
      http.post(`${apiBaseUrl}/auth/login`, async () => {
        requests += 1;
        await new Promise<void>((resolve) => {
          answer = resolve;
        });
        return HttpResponse.json(
          { type: 'about:blank', title: 'Unauthorized', status: 401 },
          { status: 401 },
        );
      }),
    );
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Login'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'Qwerty123');
    await user.dblClick(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('button', { name: 'Signing in…' }),
    ).toBeDisabled();
    await waitFor(() => expect(requests).toBe(1));
    answer();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Wrong login or password.',
    );
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(requests).toBe(1);
  });

  it('lets password managers fill the fields and shows the password on request', async () => {
    const { user } = renderApp('/login');
    const login = await screen.findByLabelText('Login');
    const password = screen.getByLabelText('Password');
    expect(login).toHaveAttribute('autocomplete', 'username');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(password).toHaveAttribute('type', 'password');

    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(password).toHaveAttribute('type', 'password');

    await user.click(login);
    await user.paste('admin');
    await user.click(password);
    await user.paste('Qwerty123');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(getToken()).toEqual(expect.any(String)));
  });
});

import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { apiBaseUrl } from '@/api/base-url';
import { server, setSwitches } from '@/mocks/node';
import { recordMockRequests } from '@/testing/mock-requests';
import { renderApp } from '@/testing/render-app';

async function fillTheForm(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Login'), 'jane.doe');
  await user.type(screen.getByLabelText('First name'), 'Jane');
  await user.type(screen.getByLabelText('Last name'), 'Doe');
  await user.type(screen.getByLabelText('Date of birth'), '1987-05-19');
  await waitFor(() =>
    expect(screen.getAllByRole('option').length).toBeGreaterThan(10),
  );
  await user.selectOptions(screen.getByLabelText('Country'), 'United States');
  await user.type(screen.getByLabelText('Phone'), '2025550143');
  await user.type(screen.getByLabelText('E-mail'), 'jane@example.com');
  await user.type(screen.getByLabelText('Password'), 'Secret-pass1');
}

const problem = (
  status: number,
  errors?: { field: string; message: string }[],
) =>
  HttpResponse.json(
    {
      type: 'about:blank',
      title: 'Rejected',
      status,
      ...(errors ? { errors } : {}),
    },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

describe('registration', () => {
  it('puts a taken login under its field and keeps what was typed', async () => {
    server.use(
      http.post(`${apiBaseUrl}/auth/register`, () =>
        problem(409, [{ field: 'login', message: 'taken' }]),
      ),
    );
    const { user } = renderApp('/register');
    await fillTheForm(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(
      await screen.findByText('This login is already taken.'),
    ).toBeVisible();
    expect(screen.getByLabelText('Login')).toHaveFocus();
    expect(screen.getByLabelText('Phone')).toHaveValue('(202) 555-0143');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('takes a number as people write it and stores it in E.164 of its country', async () => {
    const sent = recordMockRequests();
    const { user, router } = renderApp('/register');
    await fillTheForm(user);
    const country = screen.getByLabelText('Country');
    const phone = screen.getByLabelText('Phone');

    // The digits stay when the country changes, read for the new one.
    await user.selectOptions(country, 'Germany');
    expect(phone).toHaveValue('0202 5550143');
    // A number pasted with its +code chooses its country.
    await user.clear(phone);
    await user.paste('+7 916 123-45-67');
    expect(country).toHaveDisplayValue('Russia');
    // With the trunk prefix, as a Russian number is often written.
    await user.clear(phone);
    await user.type(phone, '8 916 123-45-67');
    expect(phone).toHaveValue('8 (916) 123-45-67');
    expect(phone).toHaveAccessibleDescription('Format: +7 (###) ###-##-##');

    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    const registration = sent.find((request) =>
      request.url.endsWith('/auth/register'),
    );
    expect(await registration?.json()).toMatchObject({
      phone: '+79161234567',
    });
  });

  it('says when a number is of another country than the one chosen', async () => {
    const { user } = renderApp('/register');
    await fillTheForm(user);
    const phone = screen.getByLabelText('Phone');
    await user.clear(phone);
    // +1 684 is American Samoa's, not the United States'.
    await user.type(phone, '6842344567');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(phone).toHaveAccessibleDescription(
      /^This is a number of another country: choose that country above\./,
    );
  });

  it('sends one registration for an Enter pressed twice', async () => {
    const sent = recordMockRequests();
    const { user, router } = renderApp('/register');
    await fillTheForm(user);
    // The second Enter comes while the first is on its way.
    setSwitches({ latencyMs: 100 });
    await user.keyboard('{Enter}{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(
      sent.filter((request) => request.url.endsWith('/auth/register')),
    ).toHaveLength(1);
  });

  it('says what went wrong when the server names no field', async () => {
    server.use(http.post(`${apiBaseUrl}/auth/register`, () => problem(422)));
    const { user } = renderApp('/register');
    await fillTheForm(user);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Some fields need attention.',
    );
    expect(screen.getByLabelText('E-mail')).toHaveValue('jane@example.com');
  });
});

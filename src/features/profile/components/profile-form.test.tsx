import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';

import { mockApiBase } from '@/mocks/api-base';
import { endSession, startSession } from '@/api/auth-session';
import { addFault, mockDb, server, signInAs } from '@/mocks/node';
import { nextTask } from '@/testing/mock-requests';
import { renderApp } from '@/testing/render-app';

import { profileQueries } from '../api/queries';

const ENGLISH = 2;

afterEach(() => server.events.removeAllListeners());

/** The profile page for admin, with the UI in English unless asked. */
async function renderProfile({ russian = false } = {}) {
  const db = mockDb();
  const admin = db.findUserByLogin('admin');
  if (!admin) throw new Error('no admin in the seed');
  if (!russian) db.updateUser(admin.id, { languageId: ENGLISH });
  const sent: unknown[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'PATCH') {
      void request
        .clone()
        .json()
        .then((body) => sent.push(body));
    }
  });
  const view = renderApp('/profile', { user: 'admin' });
  await screen.findByRole('button', {
    name: russian ? 'Сохранить' : 'Save',
  });
  return { ...view, sent, adminId: admin.id };
}

describe('the profile page', () => {
  it('shows every field of the profile', async () => {
    await renderProfile();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Profile',
    );
    expect(screen.getByLabelText('Login')).toHaveValue('admin');
    expect(screen.getByLabelText('First name')).toHaveValue('Алексей');
    expect(screen.getByLabelText('Last name')).toHaveValue('Воронцов');
    expect(screen.getByLabelText('Date of birth')).toHaveValue('17/03/1984');
    expect(screen.getByLabelText('Country')).toHaveDisplayValue('Russia');
    expect(screen.getByLabelText('Phone')).toHaveValue('(916) 345-78-12');
    expect(screen.getByLabelText('E-mail')).toHaveValue(
      'alexey.vorontsov@example.com',
    );
    expect(screen.getByLabelText('Language')).toHaveDisplayValue('English');
    expect(screen.getByLabelText('Currency')).toHaveDisplayValue(
      'Russian Ruble (₽)',
    );
    expect(
      screen.getByText(/Amounts are only re-labelled, never converted/),
    ).toHaveTextContent('For example, ₽125,000.');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('sends only the changed fields and shows them as saved', async () => {
    const { user, sent, adminId } = await renderProfile();
    const name = screen.getByLabelText('First name');
    await user.clear(name);
    await user.type(name, 'Алёша');
    await user.selectOptions(
      screen.getByLabelText('Currency'),
      'US Dollar ($)',
    );
    expect(screen.getByText('You have unsaved changes')).toBeInTheDocument();
    expect(screen.getByText(/never converted/)).toHaveTextContent('$125,000');

    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(sent).toEqual([{ name: 'Алёша', currencyId: 2 }]);
    expect(mockDb().getUser(adminId)).toMatchObject({
      name: 'Алёша',
      currencyId: 2,
    });
    // The shell reads the same cache: the new name is there at once.
    expect(await screen.findByText('Алёша Воронцов')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('shows a currency changed elsewhere beside the one chosen here, and saves the owner’s choice', async () => {
    const { user, sent, adminId } = await renderProfile();
    // Another tab saves a currency and a new surname meanwhile.
    mockDb().updateUser(adminId, { currencyId: 3, surname: 'Иванов' });
    await user.selectOptions(
      screen.getByLabelText('Currency'),
      'US Dollar ($)',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent(/CurrencySaved now: .+Yours: US Dollar/);
    expect(notice).not.toHaveTextContent('Last name');
    expect(sent).toEqual([]);
    await user.click(within(notice).getByRole('button', { name: 'Save mine' }));

    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(sent).toEqual([{ currencyId: 2 }]);
    expect(mockDb().getUser(adminId)).toMatchObject({
      currencyId: 2,
      surname: 'Иванов',
    });
    expect(screen.getByLabelText('Last name')).toHaveValue('Иванов');
  });

  it('keeps what was typed when the session ends, for the same user’s next sign-in', async () => {
    const { user, router } = await renderProfile();
    const name = screen.getByLabelText('First name');
    await user.clear(name);
    await user.type(name, 'Алёша');
    endSession('expired');
    expect(
      await screen.findByRole('heading', { name: 'Sign in' }),
    ).toBeInTheDocument();
    startSession(signInAs('admin'), false);
    await router.navigate('/profile');
    await waitFor(() =>
      expect(screen.getByLabelText('First name')).toHaveValue('Алёша'),
    );
    expect(screen.getByText('You have unsaved changes')).toBeInTheDocument();
  });

  it('saves once for an Enter pressed twice', async () => {
    const { user, sent } = await renderProfile();
    const name = screen.getByLabelText('First name');
    await user.clear(name);
    await user.type(name, 'Алёша');
    // Two Enters in one go, before anything renders in between.
    const form = name.closest('form');
    if (!form) throw new Error('the field is in no form');
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(sent).toEqual([{ name: 'Алёша' }]);
  });

  it('checks like registration does, and re-checks the phone for a new country', async () => {
    const { user, sent } = await renderProfile();
    await user.clear(screen.getByLabelText('First name'));
    await user.clear(screen.getByLabelText('E-mail'));
    await user.type(screen.getByLabelText('E-mail'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription(
      'Required',
    );
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription(
      'Enter an e-mail address like name@example.com',
    );
    expect(screen.getByLabelText('First name')).toHaveFocus();

    await user.selectOptions(screen.getByLabelText('Country'), 'Belarus');
    const phone = screen.getByLabelText('Phone');
    // admin's Russian digits kept, which make no Belarusian number.
    expect(phone).toHaveValue('9163457812');
    expect(phone).toHaveAccessibleDescription(
      'Enter the whole number, as it is written in this country. Format: +375 (##) ###-##-##',
    );
    await user.clear(phone);
    await user.type(phone, '291234567');
    expect(phone).toHaveValue('(29) 123-45-67');
    expect(phone).toHaveAccessibleDescription('Format: +375 (##) ###-##-##');
    expect(sent).toEqual([]);
  });

  it('puts a taken login and a 422 under their fields and keeps the input', async () => {
    const { user } = await renderProfile();
    const login = screen.getByLabelText('Login');
    await user.clear(login);
    await user.type(login, 'olga');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(login).toHaveAccessibleDescription(
        expect.stringContaining('This login is already taken.'),
      ),
    );
    expect(login).toHaveFocus();
    expect(login).toHaveValue('olga');

    await user.clear(login);
    await user.type(login, 'alexey');
    addFault({
      method: 'PATCH',
      path: '/profile',
      kind: 'status',
      status: 422,
      times: 1,
      errors: [{ field: 'email', message: 'This mailbox does not exist' }],
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const email = screen.getByLabelText('E-mail');
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription('This mailbox does not exist'),
    );
    expect(email).toHaveFocus();
    expect(login).toHaveValue('alexey');
    expect(screen.getByText('You have unsaved changes')).toBeInTheDocument();
  });

  it('says what failed when the server fails, keeping the form', async () => {
    const { user } = await renderProfile();
    await user.type(screen.getByLabelText('Last name'), '-Петров');
    addFault({ method: 'PATCH', path: '/profile', kind: 'status', times: 1 });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong on the server',
    );
    expect(screen.getByLabelText('Last name')).toHaveValue('Воронцов-Петров');
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('switches the whole UI to the language just saved', async () => {
    const { user } = await renderProfile();
    await user.selectOptions(screen.getByLabelText('Language'), 'Русский');
    expect(screen.getByLabelText('Language')).toHaveAccessibleDescription(
      'The whole app switches to this language once you save.',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Профиль' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Основное' });
    expect(within(nav).getByRole('link', { name: 'Объекты' })).toBeVisible();
    expect(screen.getByLabelText('Имя')).toHaveValue('Алексей');
    expect(document.documentElement.lang).toBe('ru');
    expect(await screen.findByText('Профиль сохранён')).toBeInTheDocument();
    expect(screen.getByText('Все изменения сохранены')).toBeInTheDocument();
  });

  it('falls back to English for a language without translation, and says so', async () => {
    const { user } = await renderProfile({ russian: true });
    await user.selectOptions(screen.getByLabelText('Язык'), 'Қазақ тілі');
    expect(screen.getByLabelText('Язык')).toHaveAccessibleDescription(
      /Перевода на язык «Қазақ тілі» пока нет/,
    );
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Profile' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Қазақ тілі is not translated yet, so the app is shown in English.',
      ),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('asks before leaving with unsaved changes', async () => {
    const { user, router } = await renderProfile();
    await user.type(screen.getByLabelText('First name'), 'й');
    await user.click(screen.getByRole('link', { name: 'Properties' }));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Leave without saving?',
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Stay on the page' }),
    );
    expect(router.state.location.pathname).toBe('/profile');
    expect(screen.getByLabelText('First name')).toHaveValue('Алексейй');

    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByLabelText('First name')).toHaveValue('Алексей');
    await user.click(screen.getByRole('link', { name: 'Properties' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/objects'),
    );
  });

  it('switches the theme at once and remembers it on this device only', async () => {
    const { user, sent } = await renderProfile();
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement).toHaveClass('dark');
    expect(localStorage.getItem('smartcomm.theme')).toBe('dark');
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(document.documentElement).not.toHaveClass('dark');
    expect(localStorage.getItem('smartcomm.theme')).toBe('light');
    await user.click(screen.getByRole('radio', { name: 'As the system' }));
    expect(screen.getByRole('radio', { name: 'As the system' })).toBeChecked();
    expect(localStorage.getItem('smartcomm.theme')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('keeps what was just saved when an older answer lands after it', async () => {
    const { user, queryClient, adminId } = await renderProfile();
    // A refresh of the profile is on its way, slowly, with the old values.
    let release: () => void = () => undefined;
    const landed = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    server.use(
      http.get(
        `${mockApiBase}/profile`,
        async () => {
          asked = true;
          const before = mockDb().getUser(adminId);
          await landed;
          return HttpResponse.json({ data: before });
        },
        { once: true },
      ),
    );
    const refresh = queryClient.refetchQueries({
      queryKey: profileQueries.me().queryKey,
    });
    await waitFor(() => expect(asked).toBe(true));

    const name = screen.getByLabelText('First name');
    await user.clear(name);
    await user.type(name, 'Алёша');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();

    release();
    await refresh;
    await act(nextTask);
    expect(screen.getByLabelText('First name')).toHaveValue('Алёша');
    expect(screen.getByText('Алёша Воронцов')).toBeInTheDocument();
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
  });
});

import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';

import { getToken } from '@/api/auth-session';
import { uiLanguages } from '@/lib/i18n';

import { renderPage } from './prerender';
import { PRERENDERED } from './router';
import { showPage, type Shown } from './show-page';

let shown: Shown | undefined;
afterEach(() => {
  act(() => shown?.unmount());
  document.body.replaceChildren();
});

const submitButton = () => {
  const button = document.querySelector('button[type="submit"]');
  if (!button) throw new Error('the page has no submit button');
  return button;
};

/** A page as the build prerendered it, at its address, before its code runs. */
async function prerendered(
  page: string,
  language: (typeof uiLanguages)[number],
) {
  const container = document.createElement('div');
  container.dataset.prerendered = page;
  container.innerHTML = await renderPage(page, language);
  document.body.append(container);
  document.documentElement.lang = language;
  window.history.replaceState(null, '', page);
  return container;
}

const pages = PRERENDERED.flatMap((page) =>
  uiLanguages.map((language) => [page, language] as const),
);

it.each(pages)(
  'takes over %s prerendered in %s as it is: the same nodes, no mismatch, the form usable only then',
  async (page, language) => {
    const container = await prerendered(page, language);
    const heading = screen.getByRole('heading', { level: 1 });
    const submit = submitButton();
    expect(submit).toBeDisabled();
    expect(container.querySelector('form')).toHaveAttribute('method', 'post');
    const consoleError = vi.spyOn(console, 'error');
    await act(async () => {
      shown = await showPage(container, language);
    });
    expect(consoleError).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);
    expect(submitButton()).toBe(submit);
    expect(submit).toBeEnabled();
  },
);

it('hands the sign-in page over to the app, which opens the page asked for once signed in', async () => {
  const container = await prerendered('/login', 'en');
  window.history.replaceState(null, '', '/login?returnTo=%2Fprofile');
  await act(async () => {
    shown = await showPage(container, 'en');
  });
  const user = userEvent.setup();
  // olga's app is in English, as the page is.
  await user.type(screen.getByLabelText('Login'), 'olga');
  await user.type(screen.getByLabelText('Password'), 'Qwerty123');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Profile' }),
  ).toBeVisible();
  expect(location.pathname).toBe('/profile');
  expect(getToken()).toEqual(expect.any(String));
});

it('goes to registration in the app, and Back returns to signing in', async () => {
  const container = await prerendered('/login', 'en');
  await act(async () => {
    shown = await showPage(container, 'en');
  });
  const user = userEvent.setup();
  await user.click(screen.getByRole('link', { name: 'Create one' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Create an account' }),
  ).toBeVisible();
  expect(location.pathname).toBe('/register');
  act(() => history.back());
  await waitFor(() =>
    expect(
      screen.getByRole('heading', { level: 1, name: 'Sign in' }),
    ).toBeVisible(),
  );
});

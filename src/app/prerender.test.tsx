import { act, screen } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';

import { uiLanguages } from '@/lib/i18n';

import { App } from './app';
import { renderPage } from './prerender';
import { createAppRouter, PRERENDERED } from './router';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.replaceChildren();
});

it.each(uiLanguages)(
  'takes over the sign-in page prerendered in %s as it is: the same nodes, no mismatch, the button usable only then',
  async (language) => {
    const markup = await renderPage('/login', language);
    const container = document.createElement('div');
    container.innerHTML = markup;
    document.body.append(container);
    window.history.replaceState(null, '', '/login');
    const heading = screen.getByRole('heading', { level: 1 });
    const submit = screen.getByRole('button', {
      name: language === 'ru' ? 'Войти' : 'Sign in',
    });
    expect(submit).toBeDisabled();
    const onRecoverableError = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    act(() => {
      root = hydrateRoot(
        container,
        <App router={createAppRouter(PRERENDERED['/login'])} />,
        { onRecoverableError },
      );
    });
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);
    expect(screen.getByRole('button', { name: submit.textContent })).toBe(
      submit,
    );
    expect(submit).toBeEnabled();
  },
);

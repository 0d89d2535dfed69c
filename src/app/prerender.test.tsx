import { act, screen } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';

import { uiLanguages } from '@/lib/i18n';

import { App } from './app';
import { renderPage } from './prerender';
import { createAppRouter, PRERENDERED, routerReady } from './router';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.replaceChildren();
});

const submitButton = () => {
  const button = document.querySelector('button[type="submit"]');
  if (!button) throw new Error('the page has no submit button');
  return button;
};

const pages = PRERENDERED.flatMap((page) =>
  uiLanguages.map((language) => [page, language] as const),
);

it.each(pages)(
  'takes over %s prerendered in %s as it is: the same nodes, no mismatch, the form usable only then',
  async (page, language) => {
    const markup = await renderPage(page, language);
    const container = document.createElement('div');
    container.innerHTML = markup;
    document.body.append(container);
    window.history.replaceState(null, '', page);
    const heading = screen.getByRole('heading', { level: 1 });
    const submit = submitButton();
    expect(submit).toBeDisabled();
    expect(container.querySelector('form')).toHaveAttribute('method', 'post');
    const onRecoverableError = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    const router = createAppRouter();
    await routerReady(router);
    act(() => {
      root = hydrateRoot(container, <App router={router} />, {
        onRecoverableError,
      });
    });
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);
    expect(submitButton()).toBe(submit);
    expect(submit).toBeEnabled();
  },
);

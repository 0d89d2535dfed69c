import { StrictMode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';

import { getToken } from '@/api/auth-session';
import { SignInPage, type Go } from '@/features/auth/components/sign-in-page';
import { registerServiceWorker } from '@/lib/app-update';
import type { UiLanguage } from '@/lib/i18n';

import { rootOptions } from './root-options';

export const SIGN_IN_PATH = '/login';

/** The app: its router, its pages and the data layer, in chunks of their own. */
const loadApp = () => import('./start');

/** The sign-in page as the first page, in the browser and prerendered. */
export function SignInApp(props: { returnTo: string | null; go: Go }) {
  return (
    <StrictMode>
      <SignInPage {...props} />
    </StrictMode>
  );
}

const whenIdle = (run: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(run) : setTimeout(run);

/** What is on screen, to be taken down (by tests). */
export type Shown = { unmount: () => void };

/**
 * Shows the page at the address in `container`. The HTML the build
 * prerendered there is taken over as it is when it is what would be shown
 * now: the same page, in the same language, for a visitor not signed in.
 *
 * The sign-in page, the first page most visitors see, comes without the
 * app: its code loads once the page is idle and takes over when the
 * visitor signs in or moves on. Every other page is the app's. Once the
 * page is idle, the service worker is registered.
 */
export async function showPage(
  container: HTMLElement,
  language: UiLanguage,
): Promise<Shown> {
  const hydrate =
    container.dataset.prerendered === location.pathname &&
    document.documentElement.lang === language &&
    !getToken();
  let root: Root;
  const shown = { unmount: () => root.unmount() };
  whenIdle(() => void registerServiceWorker());
  if (location.pathname !== SIGN_IN_PATH || getToken()) {
    root = await (await loadApp()).startApp(container, { hydrate });
    return shown;
  }
  let handingOver: Promise<void> | undefined;
  const handOver = () =>
    (handingOver ??= loadApp()
      .then(({ startApp }) => startApp(container, { replacing: root }))
      .then((app) => {
        root = app;
      }));
  const go: Go = (to, { replace }) => {
    if (handingOver) return; // a second click while the app comes
    history[replace ? 'replaceState' : 'pushState'](null, '', to);
    // The app's code could not be fetched: the browser loads the page.
    handOver().catch(() => location.reload());
  };
  const page = (
    <SignInApp
      returnTo={new URLSearchParams(location.search).get('returnTo')}
      go={go}
    />
  );
  // The app, with its error views, shows what went wrong.
  const options = { ...rootOptions, onUncaughtError: () => void handOver() };
  if (hydrate) {
    root = hydrateRoot(container, page, options);
  } else {
    container.replaceChildren();
    root = createRoot(container, options);
    root.render(page);
  }
  whenIdle(() => void loadApp().catch(() => undefined));
  return shown;
}

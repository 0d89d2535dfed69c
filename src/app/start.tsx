import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';

import { App } from './app';
import { rootOptions } from './root-options';
import { createAppRouter, routerReady } from './router';

type StartOptions = {
  /** The build prerendered this page in `container`: take it over. */
  hydrate?: boolean;
  /** The sign-in page shown before the app, to be replaced. */
  replacing?: Root;
};

/**
 * The app on its router in `container`, at the address of the moment. A
 * prerendered page is hydrated, and the sign-in page replaced, once the
 * router has fetched the page's code and data, so that it renders that
 * page (not a fallback) in the same task: no blank frame between.
 */
export async function startApp(
  container: HTMLElement,
  { hydrate = false, replacing }: StartOptions = {},
): Promise<Root> {
  const router = createAppRouter();
  const app = <App router={router} />;
  if (hydrate || replacing) await routerReady(router);
  if (hydrate) return hydrateRoot(container, app, rootOptions);
  replacing?.unmount();
  container.replaceChildren();
  const root = createRoot(container, rootOptions);
  flushSync(() => root.render(app));
  return root;
}

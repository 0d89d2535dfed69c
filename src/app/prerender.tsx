import { renderToString } from 'react-dom/server';

import '@/api/client';
import { initI18n, type UiLanguage } from '@/lib/i18n';

import { App } from './app';
import { createPrerenderRouter, routerReady } from './router';
import { SIGN_IN_PATH, SignInApp } from './show-page';

/**
 * A prerendered page's markup, as it is shown in the browser for a
 * visitor who is not signed in (src/app/show-page.tsx takes it over). Run
 * by the build (scripts/prerender.ts), in Node.
 */
export async function renderPage(
  path: string,
  language: UiLanguage,
): Promise<string> {
  await initI18n(language);
  if (path === SIGN_IN_PATH) {
    return renderToString(<SignInApp returnTo={null} go={() => undefined} />);
  }
  const router = createPrerenderRouter(path);
  await routerReady(router);
  return renderToString(<App router={router} />);
}

/** Whether a page needs the app's code (the sign-in page does not). */
export const withApp = (path: string) => path !== SIGN_IN_PATH;

export { PRERENDERED } from './router';
export { uiLanguages } from '@/lib/i18n';

import { renderToString } from 'react-dom/server';

import '@/api/client';
import { initI18n, type UiLanguage } from '@/lib/i18n';

import { App } from './app';
import { createPrerenderRouter, routerReady } from './router';

/**
 * A prerendered page's markup, as React renders it in the browser for a
 * visitor who is not signed in (main.tsx hydrates it). Run by the build
 * (scripts/prerender.ts), in Node.
 */
export async function renderPage(
  path: string,
  language: UiLanguage,
): Promise<string> {
  await initI18n(language);
  const router = createPrerenderRouter(path);
  await routerReady(router);
  return renderToString(<App router={router} />);
}

export { PRERENDERED } from './router';
export { uiLanguages } from '@/lib/i18n';

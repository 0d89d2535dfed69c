import { createRoot, hydrateRoot } from 'react-dom/client';

import '@/api/client';
import { getToken } from '@/api/auth-session';
import { App, rootOptions } from '@/app/app';
import { createAppRouter, routerReady } from '@/app/router';
import { initI18n, initialLanguage } from '@/lib/i18n';

import './index.css';

async function start() {
  // Statically false in the production build, so the mock never ships there.
  if (import.meta.env.VITE_API_MOCK === 'true') {
    const { startMockBackend } = await import('./mocks/browser');
    await startMockBackend();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  const language = initialLanguage();
  await initI18n(language);
  // A page prerendered at build time (scripts/prerender.ts) is taken over
  // as it is when it is what React would render here now: the same page,
  // in the same language, for a visitor who is not signed in, rendered
  // once its code is in.
  const router = createAppRouter();
  const page = root.dataset.prerendered;
  if (
    page === location.pathname &&
    document.documentElement.lang === language &&
    !getToken()
  ) {
    await routerReady(router);
    hydrateRoot(root, <App router={router} />, rootOptions);
    return;
  }
  root.replaceChildren();
  createRoot(root, rootOptions).render(<App router={router} />);
}

void start();

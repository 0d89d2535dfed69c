import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';

import '@/api/client';
import { createAppRouter } from '@/app/router';
import { initI18n } from '@/lib/i18n';

import './index.css';

async function start() {
  // Statically false in the production build, so the mock never ships there.
  if (import.meta.env.VITE_API_MOCK === 'true') {
    const { startMockBackend } = await import('./mocks/browser');
    await startMockBackend();
  }
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  // A render error is shown by the route's error view. React and React
  // Router would also log it with its stack trace: only in development.
  const quiet = import.meta.env.DEV ? undefined : () => undefined;
  createRoot(root, { onCaughtError: quiet }).render(
    <StrictMode>
      <RouterProvider router={createAppRouter()} onError={quiet} />
    </StrictMode>,
  );
}

void start();

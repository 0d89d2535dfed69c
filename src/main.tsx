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
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={createAppRouter()} />
    </StrictMode>,
  );
}

void start();

import '@/api/client';
import { showPage } from '@/app/show-page';
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
  await showPage(root, language);
}

void start();

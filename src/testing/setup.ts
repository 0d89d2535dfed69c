import '@testing-library/jest-dom/vitest';
import '@/api/client';

import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

import { endSession } from '@/lib/auth-session';
import { initI18n, setUiLanguage } from '@/lib/i18n';
import { resetMockBackend, server } from '@/mocks/node';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await initI18n();
});
beforeEach(async () => {
  resetMockBackend();
  await setUiLanguage('en');
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  endSession('signed-out');
  sessionStorage.clear();
  localStorage.clear();
});
afterAll(() => server.close());

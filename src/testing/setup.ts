import '@testing-library/jest-dom/vitest';
import '@/api/client';

import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

import { endSession } from '@/api/auth-session';
import { initI18n, setUiLanguage } from '@/lib/i18n';
import { clearOutbox } from '@/lib/outbox';
import { resetMockBackend, server } from '@/mocks/node';

import { startClockOn } from './clock';

// What the user waits for may take a while on a busy machine; a test still
// fails when it never comes.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lacks pointer capture, which Radix's toast asks about on click.
// jsdom lays nothing out, so it cannot scroll either.
window.scrollTo = () => undefined;

if (!('hasPointerCapture' in Element.prototype)) {
  Object.assign(Element.prototype, {
    hasPointerCapture: () => false,
    releasePointerCapture: () => undefined,
  });
}

// Nor does it resize anything, so there is nothing to observe.
globalThis.ResizeObserver ??= class {
  observe = () => undefined;
  unobserve = () => undefined;
  disconnect = () => undefined;
};

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  await initI18n();
});
beforeEach(async () => {
  startClockOn();
  resetMockBackend();
  await setUiLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  server.resetHandlers();
  endSession('signed-out');
  clearOutbox();
  sessionStorage.clear();
  localStorage.clear();
});
afterAll(() => server.close());

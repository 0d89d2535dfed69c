import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { onTestFinished } from 'vitest';

import { createRoutes } from '@/app/router';
import { startSession } from '@/api/auth-session';
import { keepOutbox } from '@/features/events/api/outbox-sender';
import { signInAs } from '@/mocks/node';

import { testQueryClient } from './query-client';

type RenderAppOptions = {
  /** Start signed in as this mock user. */
  user?: string;
};

/**
 * Renders the whole app (real providers, router and routes) at a path,
 * against the mock backend, with a fresh query client that does not retry.
 */
export function renderApp(path: string, { user }: RenderAppOptions = {}) {
  if (user) startSession(signInAs(user), false);
  const queryClient = testQueryClient();
  // As the app's own client: what waits in the outbox is sent.
  const stopOutbox = keepOutbox(queryClient);
  const router = createMemoryRouter(
    createRoutes(() => Promise.resolve(queryClient)),
    { initialEntries: [path] },
  );
  const view = render(<RouterProvider router={router} />);
  // What this test's app still fetches stops with it, rather than being
  // counted by the next test.
  onTestFinished(async () => {
    stopOutbox();
    router.dispose();
    await queryClient.cancelQueries();
    queryClient.clear();
  });
  return { ...view, router, queryClient, user: userEvent.setup() };
}

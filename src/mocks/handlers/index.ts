import { http } from 'msw';

import { mockApiBase } from '../api-base';
import { notFound } from '../http';
import { withSwitches } from '../switches';
import { authHandlers } from './auth';
import { dictionaryHandlers } from './dictionaries';
import { eventHandlers } from './events';
import { objectHandlers } from './objects';
import { profileHandlers } from './profile';

export const handlers = [
  ...authHandlers,
  ...profileHandlers,
  ...objectHandlers,
  ...eventHandlers,
  ...dictionaryHandlers,
  // A real server answers unknown API routes too, rather than letting the
  // dev server serve index.html for them.
  http.all(`${mockApiBase}/*`, async ({ request }) => {
    return withSwitches(request, () => notFound('route'));
  }),
];

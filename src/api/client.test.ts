import { describe, expect, it } from 'vitest';

import { startSession } from '@/api/auth-session';
import { signInAs } from '@/mocks/node';
import { recordMockRequests } from '@/testing/mock-requests';

import { getProfile, listObjects } from './generated';

describe('the API client', () => {
  it('asks the browser never to store an answer, which holds private data', async () => {
    startSession(signInAs('admin'), false);
    const sent = recordMockRequests();
    await getProfile();
    await listObjects();
    expect(sent).toHaveLength(2);
    for (const request of sent) expect(request.cache).toBe('no-store');
  });
});

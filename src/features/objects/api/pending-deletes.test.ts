import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { getObject } from '@/api/generated';
import { endSession, startSession } from '@/lib/auth-session';
import { mockDb, signInAs } from '@/mocks/node';
import { recordMockRequests } from '@/testing/mock-requests';

import { hideObject, isHidden, unhideObject } from './pending-deletes';

const ADMIN_ID = 1;

describe('deletes waiting out their Undo window', () => {
  it('asks before the page is left, and are sent as it goes', async () => {
    startSession(signInAs('admin'), false);
    hideObject(2);
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);

    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() =>
      expect(mockDb().getObject(ADMIN_ID, 2)).toBeUndefined(),
    );
    expect(mockDb().getObject(ADMIN_ID, 1)).toBeDefined();
    unhideObject(2);
  });

  it('leave nothing to ask about once undone', () => {
    hideObject(3);
    unhideObject(3);
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(false);
  });

  it('are dropped, not sent, when the session ends', async () => {
    startSession(signInAs('admin'), false);
    hideObject(4);
    endSession('signed-out');
    expect(isHidden(4)).toBe(false);
    startSession(signInAs('admin'), false);
    const sent = recordMockRequests();
    window.dispatchEvent(new Event('pagehide'));
    // A read sent after the page went away comes after any delete it sent.
    const { data } = await getObject({ path: { id: 4 } });
    expect(data?.data.id).toBe(4);
    expect(sent.map((request) => request.method)).toEqual(['GET']);
  });
});

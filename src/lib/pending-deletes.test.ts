import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { deleteObject } from '@/api/generated';
import { mockDb, signInAs } from '@/mocks/node';
import { recordMockRequests } from '@/testing/mock-requests';
import { endSession, setSessionOwner, startSession } from '@/api/auth-session';

import {
  deleteTarget,
  holdDelete,
  sendAllDeletes,
  sendDelete,
  undoDelete,
  withoutPendingDeletes,
} from './pending-deletes';

const ADMIN_ID = 1;
const OBJECTS = [{ id: 2 }, { id: 3 }, { id: 4 }];

function signIn(login = 'admin', owner = ADMIN_ID) {
  startSession(signInAs(login), false);
  setSessionOwner(owner);
}

/** A delete of the admin's object `id`, sent through the real client. */
function holdObjectDelete(id: number, restore = vi.fn()) {
  const target = deleteTarget('object', id);
  holdDelete(target, {
    send: (keepalive) => deleteObject({ path: { id }, keepalive }),
    restore,
  });
  return target;
}

function leavePage(): boolean {
  const leaving = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(leaving);
  return leaving.defaultPrevented;
}

afterEach(() => {
  setSessionOwner(null);
  for (const { id } of OBJECTS) undoDelete(deleteTarget('object', id));
});

describe('a delete waiting out its Undo window', () => {
  it('is left out of every answer until Undo puts the same record back', () => {
    signIn();
    const restore = vi.fn();
    const sent = recordMockRequests();
    const target = holdObjectDelete(3, restore);
    expect(withoutPendingDeletes('object', OBJECTS)).toEqual([
      { id: 2 },
      { id: 4 },
    ]);
    expect(leavePage()).toBe(true);

    undoDelete(target);
    expect(restore).toHaveBeenCalledOnce();
    expect(withoutPendingDeletes('object', OBJECTS)).toEqual(OBJECTS);
    expect(leavePage()).toBe(false);
    expect(sent).toEqual([]);
    expect(mockDb().getObject(ADMIN_ID, 3)).toBeDefined();
  });

  it('is sent when the window closes, once, and a record already gone counts', async () => {
    signIn();
    const sent = recordMockRequests();
    const target = holdObjectDelete(2);
    await expect(sendDelete(target)).resolves.toBe(true);
    expect(mockDb().getObject(ADMIN_ID, 2)).toBeUndefined();
    await expect(sendDelete(target)).resolves.toBe(false);
    expect(sent.map((request) => request.method)).toEqual(['DELETE']);

    const deleted = vi.fn();
    holdDelete(deleteTarget('object', 2), {
      send: (keepalive) => deleteObject({ path: { id: 2 }, keepalive }),
      deleted,
    });
    await expect(sendDelete(deleteTarget('object', 2))).resolves.toBe(true);
    expect(deleted).toHaveBeenCalledOnce();
  });

  it('comes back when the server refuses it', async () => {
    signIn();
    const restore = vi.fn();
    const target = deleteTarget('object', 4);
    holdDelete(target, {
      send: () => Promise.reject(new Error('refused')),
      restore,
    });
    await expect(sendDelete(target)).rejects.toThrow('refused');
    expect(restore).toHaveBeenCalledOnce();
    expect(withoutPendingDeletes('object', OBJECTS)).toEqual(OBJECTS);
  });

  it('asks before the page is left, and is sent with keepalive as it goes', async () => {
    signIn();
    const sent = recordMockRequests();
    holdObjectDelete(2);
    expect(leavePage()).toBe(true);
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() =>
      expect(mockDb().getObject(ADMIN_ID, 2)).toBeUndefined(),
    );
    expect(sent.map((request) => [request.method, request.keepalive])).toEqual([
      ['DELETE', true],
    ]);
    expect(mockDb().getObject(ADMIN_ID, 3)).toBeDefined();
  });

  it('is sent before an own sign-out, not dropped', async () => {
    signIn();
    holdObjectDelete(2);
    holdObjectDelete(3);
    await sendAllDeletes();
    expect(mockDb().getObject(ADMIN_ID, 2)).toBeUndefined();
    expect(mockDb().getObject(ADMIN_ID, 3)).toBeUndefined();
    expect(mockDb().getObject(ADMIN_ID, 4)).toBeDefined();
    expect(leavePage()).toBe(false);
  });

  it('whose session ended waits, and is sent once the same owner is back', async () => {
    signIn();
    const target = holdObjectDelete(4);
    endSession('signed-out-elsewhere');
    setSessionOwner(null);
    // The toast's window closes with nobody signed in: nothing can be sent.
    await expect(sendDelete(target)).resolves.toBe(false);
    expect(mockDb().getObject(ADMIN_ID, 4)).toBeDefined();
    expect(withoutPendingDeletes('object', OBJECTS)).toEqual([
      { id: 2 },
      { id: 3 },
    ]);

    signIn();
    await waitFor(() =>
      expect(mockDb().getObject(ADMIN_ID, 4)).toBeUndefined(),
    );
  });

  it('whose session ended is dropped when someone else signs in', () => {
    signIn();
    holdObjectDelete(3);
    endSession('expired');
    setSessionOwner(null);
    const userId = mockDb().findUserByLogin('olga')?.id ?? -1;
    const sent = recordMockRequests();
    signIn('olga', userId);
    expect(withoutPendingDeletes('object', OBJECTS)).toEqual(OBJECTS);
    expect(leavePage()).toBe(false);
    expect(sent).toEqual([]);
    expect(mockDb().getObject(ADMIN_ID, 3)).toBeDefined();
  });
});

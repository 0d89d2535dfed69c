import { useSyncExternalStore } from 'react';

import { tabChannel } from '@/utils/tab-channel';

/**
 * The signed-in session: the bearer token, kept in memory and in
 * sessionStorage, and in localStorage only when the user asked to be
 * remembered. Other tabs are told when it ends, so they sign out too.
 */
const TOKEN_KEY = 'smartcomm.token';
// Whose remembered token it is, so that what this device keeps for offline
// use opens for that owner only, even before the profile can be read.
const OWNER_KEY = 'smartcomm.owner';
const CHANNEL = 'smartcomm.auth';

/**
 * Signed out here, signed out in another tab, or ended by the server (a
 * 401): only the first is the user's own doing on this page.
 */
export type SessionEnd = 'signed-out' | 'signed-out-elsewhere' | 'expired';
type Listener = () => void;

let token: string | null = readStoredToken();
let lastEnd: SessionEnd | null = null;
let owner: number | null = null;
const listeners = new Set<Listener>();
const channel = tabChannel(CHANNEL);

channel?.addEventListener('message', () => {
  // Another tab signed out: forget the token here without echoing it back.
  endLocally('signed-out-elsewhere');
});

function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeStoredToken(value: string | null, remember: boolean): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(OWNER_KEY);
    if (value === null) return;
    sessionStorage.setItem(TOKEN_KEY, value);
    if (remember) localStorage.setItem(TOKEN_KEY, value);
  } catch {
    // Storage can be unavailable (private mode); the in-memory token still works.
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

function endLocally(reason: SessionEnd): boolean {
  if (token === null) return false;
  token = null;
  lastEnd = reason;
  writeStoredToken(null, false);
  emit();
  return true;
}

export function getToken(): string | null {
  return token;
}

/** Why the last session ended, for the sign-in page's message. */
export function getLastSessionEnd(): SessionEnd | null {
  return lastEnd;
}

/**
 * Whose session this is: the profile's id, said by the signed-in layout as
 * soon as it knows and null once it is gone. What a session left unfinished
 * when it ended under the user (a draft, a confirmed delete) goes back only
 * to the same owner.
 */
export function getSessionOwner(): number | null {
  return owner;
}

export function setSessionOwner(id: number | null): void {
  if (id === owner) return;
  owner = id;
  try {
    if (id !== null && token !== null && rememberedToken() === token) {
      localStorage.setItem(OWNER_KEY, String(id));
    }
  } catch {
    // Without storage nothing is remembered.
  }
  emit();
}

function rememberedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/**
 * The owner of this session when the user asked this device to remember
 * them, and null otherwise: known from the start, offline too, once the
 * profile has been read in a remembered session.
 */
export function getRememberedOwner(): number | null {
  if (token === null || rememberedToken() !== token) return null;
  try {
    const id = Number(localStorage.getItem(OWNER_KEY));
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

export function startSession(newToken: string, remember: boolean): void {
  token = newToken;
  lastEnd = null;
  writeStoredToken(newToken, remember);
  emit();
}

/**
 * Ends the session in this tab and in every other one. Returns false when
 * there was no session, so callers reacting to many failed requests at once
 * act only once.
 */
export function endSession(reason: SessionEnd): boolean {
  const ended = endLocally(reason);
  if (ended) channel?.postMessage(reason);
  return ended;
}

export function subscribeToSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribeToSession, getToken, getToken);
}

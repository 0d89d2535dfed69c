import { setupServer } from 'msw/node';

import { createDb, getDb, type MockDb, setDb } from './db';
import { handlers } from './handlers';
import type { SeedOptions } from './seed';
import { type MockSwitches, resetSwitches, setSwitches } from './switches';

export { DEMO_PASSWORD } from './seed';
export { addFault, getSwitches, resetSwitches, setSwitches } from './switches';
export type { FaultKind, FaultRule, Latency, MockSwitches } from './switches';

/** The mock backend for Vitest; the setup file starts and stops it. */
export const server = setupServer(...handlers);

export type ResetOptions = SeedOptions & {
  switches?: Partial<MockSwitches>;
};

/**
 * A fresh deterministic store (the same `seed` and `today` give the same
 * data) and default switches: no latency, no faults.
 */
export function resetMockBackend(options: ResetOptions = {}): MockDb {
  const { switches, ...seed } = options;
  const db = createDb(seed);
  setDb(db);
  resetSwitches();
  if (switches) setSwitches(switches);
  return db;
}

/** The store the handlers are serving, to arrange or inspect data. */
export function mockDb(): MockDb {
  return getDb();
}

/** A live token for `login`, so a test can start signed in. */
export function signInAs(login: string): string {
  const db = getDb();
  const user = db.findUserByLogin(login);
  if (!user) throw new Error(`The mock backend has no user "${login}"`);
  return db.createSession(user.id);
}

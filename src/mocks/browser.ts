import { setupWorker } from 'msw/browser';

import {
  createDb,
  getDb,
  type MockDb,
  restoreDb,
  serializeDb,
  setDb,
} from './db';
import { handlers } from './handlers';
import type { DbSnapshot } from './records';
import type { SeedOptions } from './seed';
import {
  bindSwitchesToStorage,
  browserDefaultSwitches,
  getSwitches,
  type MockSwitches,
  resetSwitches,
  setSwitches,
} from './switches';

export const DB_STORAGE_KEY = 'smartcomm.mock.db';

/** What Playwright (or a curious developer) can reach from the page. */
export type SmartcommMock = {
  setSwitches: (patch: Partial<MockSwitches>) => void;
  getSwitches: () => MockSwitches;
  /** Back to the browser defaults: realistic latency, no faults. */
  resetSwitches: () => void;
  /** A fresh seed; every session ends with it. */
  resetDb: (options?: SeedOptions) => void;
  /** A live token for `login`. */
  signInAs: (login: string) => string;
  /** A copy of the whole store. */
  readonly db: DbSnapshot;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- only an interface merges into Window
  interface Window {
    __smartcommMock?: SmartcommMock;
  }
}

function save(db: MockDb): void {
  try {
    localStorage.setItem(DB_STORAGE_KEY, serializeDb(db));
  } catch {
    // Quota or privacy mode: the demo still works until the next reload.
  }
}

function load(): MockDb | null {
  try {
    const stored = localStorage.getItem(DB_STORAGE_KEY);
    return stored === null ? null : restoreDb(stored);
  } catch {
    return null;
  }
}

/** Serves `db` and writes it back after each change, once per task. */
function serve(db: MockDb): void {
  setDb(db);
  let pending = false;
  db.subscribe(() => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      save(db);
    });
  });
}

function reseed(options?: SeedOptions): void {
  const db = createDb(options);
  serve(db);
  save(db);
}

/**
 * Starts the mock backend in the page: the store survives reloads (a
 * missing, old or corrupt copy is reseeded), switches come from
 * localStorage, and requests the handlers do not know pass through.
 */
let started: Promise<void> | undefined;

export async function startMockBackend(): Promise<void> {
  // A second start would add a second worker, and every request would be
  // handled twice.
  started ??= start();
  await started;
}

async function start(): Promise<void> {
  const restored = load();
  if (restored) serve(restored);
  else reseed();
  bindSwitchesToStorage(localStorage);

  // MSW calls registration.update() without awaiting it; on a full reload
  // that update can race the old worker going away and reject with
  // "Failed to update a ServiceWorker … Not found" although the new worker
  // runs. Only that rejection is silenced, and only in the mock.
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (
      reason instanceof Error &&
      reason.message.startsWith('Failed to update a ServiceWorker')
    ) {
      event.preventDefault();
    }
  });

  const worker = setupWorker(...handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });

  // Set last: its presence tells Playwright the worker is ready.
  window.__smartcommMock = {
    setSwitches,
    getSwitches,
    resetSwitches: () => resetSwitches(browserDefaultSwitches),
    resetDb: reseed,
    signInAs: (login) => {
      const db = getDb();
      const user = db.findUserByLogin(login);
      if (!user) throw new Error(`The mock backend has no user "${login}"`);
      return db.createSession(user.id);
    },
    get db() {
      return getDb().snapshot();
    },
  };
}

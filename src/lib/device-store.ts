/**
 * The app's IndexedDB database on a remembered device: what the owner last
 * saw (lib/offline-copy) and what they entered offline that the server has
 * not got yet (lib/outbox). Both are kept under the owner's id and wiped
 * together at every end of the session.
 */

const DATABASE = 'smartcomm-offline';
export const READS = 'reads';
export const OUTBOX = 'outbox';

/** The shape of each store's records: `[owner, key]` keys. */
const STORES = { [READS]: ['owner', 'hash'], [OUTBOX]: ['owner', 'key'] };

export function request<T>(asked: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    asked.onsuccess = () => resolve(asked.result);
    asked.onerror = () => reject(asked.error ?? new Error('IndexedDB'));
  });
}

export function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () =>
      reject(transaction.error ?? new Error('IndexedDB'));
  });
}

let opened: Promise<IDBDatabase> | undefined;
export function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 2);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      for (const [name, keyPath] of Object.entries(STORES)) {
        if (!db.objectStoreNames.contains(name)) {
          db.createObjectStore(name, { keyPath });
        }
      }
    };
    opening.onsuccess = () => {
      const db = opening.result;
      // Another tab's newer version, or the database deleted: open again.
      db.onversionchange = () => {
        db.close();
        opened = undefined;
      };
      resolve(db);
    };
    opening.onerror = () => {
      opened = undefined;
      reject(opening.error ?? new Error('IndexedDB'));
    };
  });
  return opened;
}

/** Every record of one owner in a store. */
export async function ownersRecords<T>(
  store: string,
  owner: number,
): Promise<T[]> {
  const db = await database();
  return request(
    db
      .transaction(store)
      .objectStore(store)
      .getAll(IDBKeyRange.bound([owner], [owner, []])) as IDBRequest<T[]>,
  );
}

/** Everything kept, of every owner, in both stores. */
export async function wipeDevice(): Promise<void> {
  const db = await database();
  const transaction = db.transaction([READS, OUTBOX], 'readwrite');
  transaction.objectStore(READS).clear();
  transaction.objectStore(OUTBOX).clear();
  await done(transaction);
}

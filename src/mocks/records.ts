import type {
  Country,
  Currency,
  Event,
  Language,
  PropertyObject,
  User,
} from '@/api/generated';

/**
 * What the mock backend stores, shared by the store (./db.ts) and the seed
 * (./seed.ts) without either importing the other's types.
 */

/** Bump when the snapshot's shape or the seed changes, so stale demos reseed. */
export const DB_VERSION = 1;

export type UserRecord = User & { password: string };
export type ObjectRecord = PropertyObject & { ownerId: number };
export type SessionRecord = {
  token: string;
  userId: number;
  createdAt: string;
};
export type LoginThrottleRecord = {
  login: string;
  failures: number;
  lockedUntil: number | null;
};

export type Dictionaries = {
  countries: readonly Country[];
  currencies: readonly Currency[];
  languages: readonly Language[];
};

export type DbSnapshot = {
  version: typeof DB_VERSION;
  seed: { seed: number; today: string };
  users: UserRecord[];
  sessions: SessionRecord[];
  objects: ObjectRecord[];
  events: Event[];
  loginThrottle: LoginThrottleRecord[];
  nextId: { user: number; object: number; event: number };
};

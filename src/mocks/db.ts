import * as z from 'zod/mini';

import type {
  Event,
  EventCreate,
  EventUpdate,
  ProfileUpdate,
  PropertyObject,
  PropertyObjectCreate,
  PropertyObjectUpdate,
  RegisterRequest,
  User,
} from '@/api/generated';
import { zEvent, zPropertyObject, zUser } from '@/api/generated/zod.gen';

import {
  DB_VERSION,
  type DbSnapshot,
  type Dictionaries,
  type LoginThrottleRecord,
  type ObjectRecord,
  type SessionRecord,
  type UserRecord,
} from './records';
import {
  createSeedSnapshot,
  dictionaries,
  localToday,
  type SeedOptions,
} from './seed';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MS = 30_000;

/** The position of a row in the events list: newest date first, then id. */
export type EventKey = Pick<Event, 'notification_date' | 'id'>;

export type EventQuery = {
  limit: number;
  after?: EventKey;
  objectId?: number;
  dateFrom?: string;
  dateTo?: string;
};

export type NewUser = Omit<RegisterRequest, 'password'> &
  Pick<User, 'languageId' | 'currencyId'> & { password: string };

/** Whether `a` is listed before `b`. */
function precedes(a: EventKey, b: EventKey): boolean {
  return (
    a.notification_date > b.notification_date ||
    (a.notification_date === b.notification_date && a.id > b.id)
  );
}

/** Index of the first row listed after `key`. */
function lowerBound(rows: readonly Event[], key: EventKey): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const row = rows[mid];
    if (row !== undefined && !precedes(key, row)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted(rows: Event[], event: Event): void {
  rows.splice(lowerBound(rows, event), 0, event);
}

function removeSorted(rows: Event[] | undefined, event: Event): void {
  if (!rows) return;
  const at = lowerBound(rows, { ...event, id: event.id + 1 });
  if (rows[at]?.id === event.id) rows.splice(at, 1);
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function toUser({ password: _password, ...user }: UserRecord): User {
  return user;
}

function toObject({
  ownerId: _ownerId,
  ...object
}: ObjectRecord): PropertyObject {
  return object;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `sct_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The mock backend's state. Every read returns copies; events are kept in
 * per-owner and per-object arrays in list order, so a page is a binary search
 * and a short walk rather than a sort of everything.
 */
export class MockDb {
  readonly dictionaries: Dictionaries = dictionaries;
  readonly seed: DbSnapshot['seed'];
  private readonly users = new Map<number, UserRecord>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly objects = new Map<number, ObjectRecord>();
  private readonly events = new Map<number, Event>();
  private readonly eventsByOwner = new Map<number, Event[]>();
  private readonly eventsByObject = new Map<number, Event[]>();
  private readonly throttle = new Map<string, LoginThrottleRecord>();
  private readonly nextId: DbSnapshot['nextId'];
  private readonly listeners = new Set<() => void>();

  constructor(snapshot: DbSnapshot) {
    this.seed = { ...snapshot.seed };
    this.nextId = { ...snapshot.nextId };
    for (const user of snapshot.users) this.users.set(user.id, { ...user });
    for (const session of snapshot.sessions) {
      this.sessions.set(session.token, { ...session });
    }
    for (const object of snapshot.objects) {
      this.objects.set(object.id, { ...object });
      this.eventsByObject.set(object.id, []);
      if (!this.eventsByOwner.has(object.ownerId)) {
        this.eventsByOwner.set(object.ownerId, []);
      }
    }
    const sorted = snapshot.events
      .map((event) => ({ ...event }))
      .sort((a, b) => (precedes(a, b) ? -1 : 1));
    for (const event of sorted) {
      const object = this.objects.get(event.object_id);
      if (!object) continue;
      this.events.set(event.id, event);
      this.eventsByObject.get(object.id)?.push(event);
      this.eventsByOwner.get(object.ownerId)?.push(event);
    }
    for (const entry of snapshot.loginThrottle) {
      this.throttle.set(entry.login, { ...entry });
    }
  }

  /** Called after every change; the browser persists the store from here. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  snapshot(): DbSnapshot {
    return {
      version: DB_VERSION,
      seed: { ...this.seed },
      users: [...this.users.values()].map((user) => ({ ...user })),
      sessions: [...this.sessions.values()].map((s) => ({ ...s })),
      objects: [...this.objects.values()].map((object) => ({ ...object })),
      events: [...this.events.values()]
        .sort((a, b) => a.id - b.id)
        .map((event) => ({ ...event })),
      loginThrottle: [...this.throttle.values()].map((t) => ({ ...t })),
      nextId: { ...this.nextId },
    };
  }

  // Users

  listUsers(): User[] {
    return [...this.users.values()].map(toUser);
  }

  getUser(id: number): User | undefined {
    const user = this.users.get(id);
    return user && toUser(user);
  }

  findUserByLogin(login: string): User | undefined {
    const user = this.findUserRecord(login);
    return user && toUser(user);
  }

  private findUserRecord(login: string): UserRecord | undefined {
    for (const user of this.users.values()) {
      if (sameText(user.login, login)) return user;
    }
    return undefined;
  }

  isLoginTaken(login: string, exceptUserId?: number): boolean {
    const user = this.findUserRecord(login);
    return user !== undefined && user.id !== exceptUserId;
  }

  isEmailTaken(email: string, exceptUserId?: number): boolean {
    for (const user of this.users.values()) {
      if (user.id !== exceptUserId && sameText(user.email, email)) return true;
    }
    return false;
  }

  /** The user whose login (or e-mail) and password match, if any. */
  authenticate(login: string, password: string): User | undefined {
    const user =
      this.findUserRecord(login) ??
      [...this.users.values()].find((u) => sameText(u.email, login));
    return user?.password === password ? toUser(user) : undefined;
  }

  createUser(input: NewUser): User {
    const user: UserRecord = { ...input, id: this.nextId.user++ };
    this.users.set(user.id, user);
    this.changed();
    return toUser(user);
  }

  updateUser(id: number, patch: ProfileUpdate): User | undefined {
    const user = this.users.get(id);
    if (!user) return undefined;
    Object.assign(user, patch);
    this.changed();
    return toUser(user);
  }

  // Sessions

  createSession(userId: number): string {
    const token = randomToken();
    this.sessions.set(token, {
      token,
      userId,
      createdAt: new Date(Date.now()).toISOString(),
    });
    this.changed();
    return token;
  }

  userIdForToken(token: string): number | undefined {
    const session = this.sessions.get(token);
    return session && this.users.has(session.userId)
      ? session.userId
      : undefined;
  }

  deleteSession(token: string): boolean {
    const deleted = this.sessions.delete(token);
    if (deleted) this.changed();
    return deleted;
  }

  // Log-in throttling, keyed by the login as typed so unknown logins are
  // throttled too and give nothing away.

  /** Milliseconds left of a lockout, or 0; forgets a lockout that ran out. */
  loginLockRemainingMs(login: string, now: number): number {
    const key = login.toLowerCase();
    const entry = this.throttle.get(key);
    if (entry?.lockedUntil == null) return 0;
    if (entry.lockedUntil > now) return entry.lockedUntil - now;
    this.throttle.delete(key);
    this.changed();
    return 0;
  }

  recordLoginFailure(login: string, now: number): void {
    const key = login.toLowerCase();
    const entry = this.throttle.get(key) ?? {
      login: key,
      failures: 0,
      lockedUntil: null,
    };
    entry.failures += 1;
    if (entry.failures >= LOGIN_MAX_FAILURES) {
      entry.lockedUntil = now + LOGIN_LOCK_MS;
    }
    this.throttle.set(key, entry);
    this.changed();
  }

  clearLoginFailures(login: string): void {
    if (this.throttle.delete(login.toLowerCase())) this.changed();
  }

  // Objects

  listObjects(ownerId: number): PropertyObject[] {
    const result: PropertyObject[] = [];
    for (const object of this.objects.values()) {
      if (object.ownerId === ownerId) result.push(toObject(object));
    }
    return result.sort((a, b) => a.id - b.id);
  }

  private ownObject(ownerId: number, id: number): ObjectRecord | undefined {
    const object = this.objects.get(id);
    return object?.ownerId === ownerId ? object : undefined;
  }

  getObject(ownerId: number, id: number): PropertyObject | undefined {
    const object = this.ownObject(ownerId, id);
    return object && toObject(object);
  }

  createObject(ownerId: number, input: PropertyObjectCreate): PropertyObject {
    const object: ObjectRecord = {
      id: this.nextId.object++,
      name: input.name,
      area: input.area,
      address: input.address,
      ownerId,
    };
    this.objects.set(object.id, object);
    this.eventsByObject.set(object.id, []);
    if (!this.eventsByOwner.has(ownerId)) this.eventsByOwner.set(ownerId, []);
    this.changed();
    return toObject(object);
  }

  updateObject(
    ownerId: number,
    id: number,
    patch: PropertyObjectUpdate,
  ): PropertyObject | undefined {
    const object = this.ownObject(ownerId, id);
    if (!object) return undefined;
    Object.assign(object, patch);
    this.changed();
    return toObject(object);
  }

  /** Deletes the object and its events. */
  deleteObject(ownerId: number, id: number): boolean {
    const object = this.ownObject(ownerId, id);
    if (!object) return false;
    const own = this.eventsByOwner.get(ownerId);
    for (const event of this.eventsByObject.get(id) ?? []) {
      this.events.delete(event.id);
    }
    if (own) {
      this.eventsByOwner.set(
        ownerId,
        own.filter((event) => event.object_id !== id),
      );
    }
    this.eventsByObject.delete(id);
    this.objects.delete(id);
    this.changed();
    return true;
  }

  // Events

  /** One page in list order, and whether more rows follow it. */
  listEvents(
    ownerId: number,
    query: EventQuery,
  ): { rows: Event[]; hasMore: boolean } {
    const rows =
      query.objectId === undefined
        ? this.eventsByOwner.get(ownerId)
        : this.ownObject(ownerId, query.objectId) &&
          this.eventsByObject.get(query.objectId);
    if (!rows) return { rows: [], hasMore: false };
    let start = 0;
    if (query.after) start = lowerBound(rows, query.after);
    if (query.dateTo !== undefined) {
      const key = { notification_date: query.dateTo, id: Infinity };
      start = Math.max(start, lowerBound(rows, key));
    }
    const end =
      query.dateFrom === undefined
        ? rows.length
        : lowerBound(rows, { notification_date: query.dateFrom, id: 0 });
    const stop = Math.min(end, start + query.limit);
    return {
      rows: rows.slice(start, stop).map((event) => ({ ...event })),
      hasMore: stop < end,
    };
  }

  countEvents(ownerId: number): number {
    return this.eventsByOwner.get(ownerId)?.length ?? 0;
  }

  private ownEvent(ownerId: number, id: number): Event | undefined {
    const event = this.events.get(id);
    if (!event) return undefined;
    return this.ownObject(ownerId, event.object_id) ? event : undefined;
  }

  getEvent(ownerId: number, id: number): Event | undefined {
    const event = this.ownEvent(ownerId, id);
    return event && { ...event };
  }

  /** Undefined when the event's object is not the owner's. */
  createEvent(ownerId: number, input: EventCreate): Event | undefined {
    if (!this.ownObject(ownerId, input.object_id)) return undefined;
    const event: Event = {
      id: this.nextId.event++,
      notification_date: input.notification_date,
      income: input.income,
      expense: input.expense,
      description: input.description,
      object_id: input.object_id,
    };
    this.events.set(event.id, event);
    this.index(ownerId, event);
    this.changed();
    return { ...event };
  }

  /**
   * Undefined when the event is not the owner's; 'foreign-object' when the
   * patch moves it to an object that is not theirs.
   */
  updateEvent(
    ownerId: number,
    id: number,
    patch: EventUpdate,
  ): Event | 'foreign-object' | undefined {
    const event = this.ownEvent(ownerId, id);
    if (!event) return undefined;
    if (
      patch.object_id !== undefined &&
      !this.ownObject(ownerId, patch.object_id)
    ) {
      return 'foreign-object';
    }
    this.unindex(ownerId, event);
    Object.assign(event, patch);
    this.index(ownerId, event);
    this.changed();
    return { ...event };
  }

  deleteEvent(ownerId: number, id: number): boolean {
    const event = this.ownEvent(ownerId, id);
    if (!event) return false;
    this.unindex(ownerId, event);
    this.events.delete(id);
    this.changed();
    return true;
  }

  private index(ownerId: number, event: Event): void {
    const own = this.eventsByOwner.get(ownerId) ?? [];
    this.eventsByOwner.set(ownerId, own);
    insertSorted(own, event);
    const byObject = this.eventsByObject.get(event.object_id) ?? [];
    this.eventsByObject.set(event.object_id, byObject);
    insertSorted(byObject, event);
  }

  private unindex(ownerId: number, event: Event): void {
    removeSorted(this.eventsByOwner.get(ownerId), event);
    removeSorted(this.eventsByObject.get(event.object_id), event);
  }
}

let lastSeed: { key: string; snapshot: DbSnapshot } | undefined;

/**
 * A fresh store from the seed. The seed is cached: MockDb copies every row,
 * so one generated snapshot can start any number of stores.
 */
export function createDb(options: SeedOptions = {}): MockDb {
  const key = `${options.seed ?? ''}|${options.today ?? localToday()}`;
  if (lastSeed?.key !== key) {
    lastSeed = { key, snapshot: createSeedSnapshot(options) };
  }
  return new MockDb(lastSeed.snapshot);
}

export function serializeDb(db: MockDb): string {
  return JSON.stringify(db.snapshot());
}

const zId = z.int().check(z.gte(1));

const zDbSnapshot = z.object({
  version: z.literal(DB_VERSION),
  seed: z.object({ seed: z.number(), today: z.iso.date() }),
  users: z.array(z.object({ ...zUser.shape, password: z.string() })),
  sessions: z.array(
    z.object({ token: z.string(), userId: zId, createdAt: z.string() }),
  ),
  objects: z.array(z.object({ ...zPropertyObject.shape, ownerId: zId })),
  events: z.array(zEvent),
  loginThrottle: z.array(
    z.object({
      login: z.string(),
      failures: z.int().check(z.gte(0)),
      lockedUntil: z.nullable(z.number()),
    }),
  ),
  nextId: z.object({ user: zId, object: zId, event: zId }),
}) satisfies z.ZodMiniType<DbSnapshot>;

/**
 * A store from `serializeDb` output, or null when the text is not a valid
 * snapshot of this version (the caller reseeds then).
 */
export function restoreDb(json: string): MockDb | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const result = zDbSnapshot.safeParse(parsed);
  return result.success ? new MockDb(result.data) : null;
}

let current: MockDb | undefined;

/** The store the handlers serve; seeded on first use. */
export function getDb(): MockDb {
  current ??= createDb();
  return current;
}

export function setDb(db: MockDb): void {
  current = db;
}

import * as z from 'zod/mini';

import type {
  EventListResponse,
  EventResponse,
  FieldError,
} from '@/api/generated';
import {
  zCreateEventBody,
  zDate,
  zId,
  zListEventsQuery,
  zUpdateEventBody,
} from '@/api/generated/zod.gen';

import type { EventKey } from '../db';
import {
  coerceNumber,
  json,
  noContent,
  notFound,
  readBody,
  validate,
  validationProblem,
} from '../http';
import { bodySchema, patchSchema, pathId, securedRoute } from './route';

const createBody = bodySchema(zCreateEventBody);
const updateBody = patchSchema(zUpdateEventBody);
const cursorKey = z.strictObject({ notification_date: zDate, id: zId });

const numericParams = new Set(['limit', 'object_id']);

/** base64url of the JSON sort key of the last row on a page. */
export function encodeCursor(key: EventKey): string {
  const text = JSON.stringify({
    notification_date: key.notification_date,
    id: key.id,
  });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): EventKey | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const base64 = cursor.replace(/-/g, '+').replace(/_/g, '/');
    const text = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    const key = cursorKey.safeParse(JSON.parse(text));
    return key.success ? key.data : undefined;
  } catch {
    return undefined;
  }
}

const objectNotOwned: FieldError = {
  field: 'object_id',
  message: 'No such object',
};

export const eventHandlers = [
  securedRoute('get', '/events', ({ request, db, userId }) => {
    const raw: Record<string, string | number> = {};
    const { searchParams } = new URL(request.url);
    for (const name of Object.keys(zListEventsQuery.shape)) {
      const value = searchParams.get(name);
      if (value === null) continue;
      raw[name] = numericParams.has(name) ? coerceNumber(value) : value;
    }
    const parsed = validate(zListEventsQuery, raw, 'query');
    if (!parsed.ok) return parsed.response;
    const query = parsed.value;
    const errors: FieldError[] = [];
    const after =
      query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) {
      errors.push({ field: 'cursor', message: 'Not a cursor of this list' });
    }
    if (
      query.date_from !== undefined &&
      query.date_to !== undefined &&
      query.date_from > query.date_to
    ) {
      errors.push({ field: 'date_to', message: 'Must not precede date_from' });
    }
    if (errors.length > 0) return validationProblem(errors);
    const { rows, hasMore } = db.listEvents(userId, {
      limit: query.limit,
      after,
      objectId: query.object_id,
      dateFrom: query.date_from,
      dateTo: query.date_to,
    });
    const last = rows.at(-1);
    return json<EventListResponse>({
      pagination: {
        limit: query.limit,
        next_cursor: hasMore && last ? encodeCursor(last) : null,
      },
      data: rows,
    });
  }),

  securedRoute('post', '/events', async ({ request, db, userId }) => {
    const body = await readBody(request, createBody);
    if (!body.ok) return body.response;
    const event = db.createEvent(userId, body.value);
    return event
      ? json<EventResponse>({ data: event }, 201)
      : validationProblem([objectNotOwned]);
  }),

  securedRoute('get', '/events/:id', ({ params, db, userId }) => {
    const id = pathId(params);
    if (!id.ok) return id.response;
    const event = db.getEvent(userId, id.value);
    return event ? json<EventResponse>({ data: event }) : notFound('event');
  }),

  securedRoute('patch', '/events/:id', async (context) => {
    const { request, params, db, userId } = context;
    const id = pathId(params);
    if (!id.ok) return id.response;
    if (!db.getEvent(userId, id.value)) return notFound('event');
    const body = await readBody(request, updateBody);
    if (!body.ok) return body.response;
    const event = db.updateEvent(userId, id.value, body.value);
    if (event === 'foreign-object') return validationProblem([objectNotOwned]);
    return event ? json<EventResponse>({ data: event }) : notFound('event');
  }),

  securedRoute('delete', '/events/:id', ({ params, db, userId }) => {
    const id = pathId(params);
    if (!id.ok) return id.response;
    return db.deleteEvent(userId, id.value) ? noContent() : notFound('event');
  }),
];

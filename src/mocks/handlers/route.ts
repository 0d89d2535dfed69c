import { http, type HttpHandler, type PathParams } from 'msw';
import * as z from 'zod/mini';

import { zId } from '@/api/generated/zod.gen';

import { mockApiBase } from '../api-base';
import { getDb, type MockDb } from '../db';
import {
  bearerToken,
  coerceNumber,
  type Result,
  unauthorized,
  validate,
} from '../http';
import { withSwitches } from '../switches';

type Method = 'get' | 'post' | 'patch' | 'delete';

export type RouteContext = {
  request: Request;
  params: PathParams;
  db: MockDb;
};

export type SecuredContext = RouteContext & { userId: number; token: string };

type Resolve<C> = (context: C) => Response | Promise<Response>;

/**
 * A handler for `path` below the API base. The test switches (latency,
 * forced faults) run first, for every operation alike.
 */
export function route(
  method: Method,
  path: string,
  resolve: Resolve<RouteContext>,
): HttpHandler {
  return http[method](`${mockApiBase}${path}`, async ({ request, params }) => {
    return withSwitches(request, () =>
      resolve({ request, params, db: getDb() }),
    );
  });
}

/** As `route`, for operations that need a live bearer token (401 if not). */
export function securedRoute(
  method: Method,
  path: string,
  resolve: Resolve<SecuredContext>,
): HttpHandler {
  return route(method, path, (context) => {
    const token = bearerToken(context.request);
    const userId =
      token === undefined ? undefined : context.db.userIdForToken(token);
    if (token === undefined || userId === undefined) return unauthorized();
    return resolve({ ...context, userId, token });
  });
}

/**
 * A request body: the generated object schema, strict, since the contract
 * says additionalProperties: false and the generated schemas strip.
 */
export function bodySchema<Shape extends z.core.$ZodLooseShape>(
  schema: z.ZodMiniObject<Shape>,
) {
  return z.strictObject(schema.shape);
}

/** As `bodySchema`, for a PATCH: an empty patch is refused on `body`. */
export function patchSchema<Shape extends z.core.$ZodLooseShape>(
  schema: z.ZodMiniObject<Shape>,
) {
  return bodySchema(schema).check(
    z.refine((patch: object) => Object.keys(patch).length > 0, {
      error: 'At least one field is required',
    }),
  );
}

const idParam = z.object({ id: zId });

/** The `{id}` path parameter, an integer of at least 1 (422 otherwise). */
export function pathId(params: PathParams): Result<number> {
  const raw = params.id;
  const result = validate(idParam, {
    id: typeof raw === 'string' ? coerceNumber(raw) : raw,
  });
  return result.ok ? { ok: true, value: result.value.id } : result;
}

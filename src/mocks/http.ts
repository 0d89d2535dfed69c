import { HttpResponse, type JsonBodyType } from 'msw';
import * as z from 'zod/mini';

import type { FieldError, Problem, ValidationProblem } from '@/api/generated';

// zod/mini loads no messages (full zod sets English on first use): set the
// same English default for the mock's answers, unless a locale is set already.
if (!z.config().localeError) z.config(z.locales.en());

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export type Result<T> =
  { ok: true; value: T } | { ok: false; response: Response };

export function json<T extends JsonBodyType>(body: T, status = 200): Response {
  return HttpResponse.json(body, { status });
}

export function noContent(): Response {
  return new HttpResponse(null, { status: 204 });
}

function problemResponse(
  body: Problem | ValidationProblem,
  headers?: HeadersInit,
): Response {
  const init = new Headers(headers);
  init.set('Content-Type', PROBLEM_CONTENT_TYPE);
  return HttpResponse.json(body, { status: body.status, headers: init });
}

/** An RFC 9457 problem; `about:blank` with the status's standard title. */
export function problem(
  status: number,
  detail: string,
  init: { headers?: HeadersInit } = {},
): Response {
  return problemResponse(
    { type: 'about:blank', title: titles[status] ?? 'Error', status, detail },
    init.headers,
  );
}

/** A problem naming each offending field: 422, or 409 for taken values. */
export function validationProblem(
  errors: FieldError[],
  status: 409 | 422 = 422,
  detail = status === 409
    ? 'A value that must be unique is already taken.'
    : 'The request does not match the contract.',
): Response {
  return problemResponse({
    type: 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    detail,
    errors,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One entry per top-level field, the first message wins. Problems with the
 * input as a whole are reported on `rootField`.
 */
export function fieldErrors(
  error: z.core.$ZodError,
  input: unknown,
  rootField = 'body',
): FieldError[] {
  const byField = new Map<string, string>();
  const add = (field: string, message: string) => {
    if (!byField.has(field)) byField.set(field, message);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const key of issue.keys) add(key, 'Unknown field');
      continue;
    }
    const head = issue.path[0];
    if (head === undefined) {
      add(rootField, issue.message);
      continue;
    }
    const field = String(head);
    const missing = isRecord(input) && input[field] === undefined;
    add(field, missing ? 'Required' : issue.message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

/** Validates `input`; a failure is the 422 to answer with. */
export function validate<T>(
  schema: z.core.$ZodType<T>,
  input: unknown,
  rootField = 'body',
): Result<T> {
  const result = z.safeParse(schema, input);
  return result.success
    ? { ok: true, value: result.data }
    : {
        ok: false,
        response: validationProblem(
          fieldErrors(result.error, input, rootField),
        ),
      };
}

/**
 * The JSON body checked against `schema`. An empty or malformed body is a
 * 422 on `body`, since the contract declares no 400.
 */
export async function readBody<T>(
  request: Request,
  schema: z.core.$ZodType<T>,
): Promise<Result<T>> {
  const text = await request.text();
  if (text.trim() === '') {
    return {
      ok: false,
      response: validationProblem([
        { field: 'body', message: 'A JSON body is required' },
      ]),
    };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return {
      ok: false,
      response: validationProblem([
        { field: 'body', message: 'The body is not valid JSON' },
      ]),
    };
  }
  return validate(schema, input);
}

/** Numbers in a path or query string become numbers, so zod can judge them. */
export function coerceNumber(value: string): string | number {
  return /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('Authorization') ?? '';
  return /^Bearer +(\S+) *$/i.exec(header)?.[1];
}

export function unauthorized(): Response {
  return problem(401, 'Sign in: the session is missing, wrong or closed.', {
    headers: { 'WWW-Authenticate': 'Bearer' },
  });
}

export function notFound(what: string): Response {
  return problem(404, `No such ${what}.`);
}

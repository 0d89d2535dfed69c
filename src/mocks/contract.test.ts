import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod/mini';

import openapiText from '../../openapi.yaml?raw';
import { mockDb, signInAs } from './node';
import { callApi } from './test-client';

/*
 * Every operation of openapi.yaml is called by its contract path, and every
 * answer must be a status the contract declares for it, with the declared
 * content type and a body valid against the declared schema. The last test
 * fails while any declared status of any operation was never produced.
 */

const BASE = 'https://smartcomm.test/openapi.json';

const zSchema = z.record(z.string(), z.unknown());
const zResponseObject = z.object({
  content: z.optional(z.record(z.string(), z.object({ schema: zSchema }))),
  headers: z.optional(z.record(z.string(), z.object({ schema: zSchema }))),
});
const zRef = z.object({ $ref: z.string() });
const zOperation = z.object({
  operationId: z.string(),
  security: z.optional(z.array(z.unknown())),
  requestBody: z.optional(
    z.object({
      content: z.object({ 'application/json': z.object({ schema: zSchema }) }),
    }),
  ),
  responses: z.record(z.string(), z.union([zRef, zResponseObject])),
});
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
const zDocument = z.object({
  paths: z.record(
    z.string(),
    z.object(
      Object.fromEntries(methods.map((m) => [m, z.optional(zOperation)])),
    ),
  ),
  components: z.object({
    schemas: z.record(z.string(), zSchema),
    responses: z.record(z.string(), zResponseObject),
  }),
});

const document = zDocument.parse(parse(openapiText));

/** JSON-schema refs into the OpenAPI components become absolute $defs refs. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string'
        ? inner.replace('#/components/schemas/', `${BASE}#/$defs/`)
        : rewriteRefs(inner),
    ]),
  );
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addFormat('float', { type: 'number', validate: Number.isFinite });
ajv.addSchema({
  $id: BASE,
  $defs: rewriteRefs(document.components.schemas),
});

function compile(schema: Record<string, unknown>): ValidateFunction {
  const rewritten = rewriteRefs(schema);
  return ajv.compile(zSchema.parse(rewritten));
}

type DeclaredResponse = {
  content: Map<string, ValidateFunction>;
  headers: Map<string, ValidateFunction>;
};

type Operation = {
  id: string;
  method: string;
  path: string;
  secured: boolean;
  requestBody?: ValidateFunction;
  responses: Map<number, DeclaredResponse>;
};

function declaredResponse(
  response: z.infer<typeof zOperation>['responses'][string],
): DeclaredResponse {
  const resolved =
    '$ref' in response
      ? document.components.responses[
          response.$ref.replace('#/components/responses/', '')
        ]
      : response;
  if (!resolved) throw new Error('Unresolved response reference');
  return {
    content: new Map(
      Object.entries(resolved.content ?? {}).map(([type, media]) => [
        type,
        compile(media.schema),
      ]),
    ),
    headers: new Map(
      Object.entries(resolved.headers ?? {}).map(([name, header]) => [
        name,
        compile(header.schema),
      ]),
    ),
  };
}

const operations = new Map<string, Operation>();
for (const [path, item] of Object.entries(document.paths)) {
  for (const method of methods) {
    const operation = item[method];
    if (!operation) continue;
    const body = operation.requestBody?.content['application/json'].schema;
    operations.set(operation.operationId, {
      id: operation.operationId,
      method: method.toUpperCase(),
      path,
      secured: operation.security?.length !== 0,
      requestBody: body && compile(body),
      responses: new Map(
        Object.entries(operation.responses).map(([status, response]) => [
          Number(status),
          declaredResponse(response),
        ]),
      ),
    });
  }
}

const produced = new Set<string>();

type Call = {
  token?: string;
  id?: number | string;
  body?: unknown;
  rawBody?: string;
  query?: Record<string, string | number>;
};

/**
 * Calls the operation at its contract path and checks the answer against
 * the contract. `expected` is the status this scenario means to produce.
 */
async function call(
  operationId: string,
  expected: number,
  { id, ...request }: Call = {},
): Promise<unknown> {
  const operation = operations.get(operationId);
  if (!operation) throw new Error(`No operation ${operationId}`);
  if (expected < 300 && operation.requestBody && request.body !== undefined) {
    // A scenario meant to succeed must itself obey the contract.
    const valid = operation.requestBody(request.body);
    expect(operation.requestBody.errors ?? [], operationId).toEqual([]);
    expect(valid).toBe(true);
  }
  const path = operation.path.replace('{id}', String(id ?? ''));
  const answer = await callApi(operation.method, path, request);
  const label = `${operation.method} ${path} → ${answer.status} ${answer.text}`;
  expect(answer.status, label).toBe(expected);
  const declared = operation.responses.get(answer.status);
  expect(declared, `${label} is not declared`).toBeDefined();
  if (!declared) return undefined;
  produced.add(`${operationId} ${answer.status}`);

  const contentType = answer.headers.get('Content-Type')?.split(';')[0];
  if (declared.content.size === 0) {
    expect(answer.text, label).toBe('');
  } else {
    expect([...declared.content.keys()], label).toContain(contentType);
    const validate = declared.content.get(contentType ?? '');
    if (validate && !validate(answer.body)) {
      expect(validate.errors, label).toEqual([]);
    }
  }
  for (const [name, validate] of declared.headers) {
    const value = answer.headers.get(name);
    expect(value, `${label}: header ${name}`).not.toBeNull();
    const typed = /^\d+$/.test(value ?? '') ? Number(value) : value;
    expect(validate(typed), `${label}: header ${name}=${value}`).toBe(true);
  }
  return answer.body;
}

const zData = <T extends z.ZodMiniType>(data: T) => z.object({ data });
const zToken = zData(z.object({ token: z.string() }));
const zWithId = zData(z.object({ id: z.number() }));

function adminToken(): string {
  return signInAs('admin');
}

function olgaObjectId(): number {
  const olga = mockDb().findUserByLogin('olga');
  const object = olga && mockDb().listObjects(olga.id)[0];
  if (!object) throw new Error('The seed has no object of olga');
  return object.id;
}

function olgaEventId(): number {
  const olga = mockDb().findUserByLogin('olga');
  const event = olga && mockDb().listEvents(olga.id, { limit: 1 }).rows[0];
  if (!event) throw new Error('The seed has no event of olga');
  return event.id;
}

const validRegistration = {
  login: 'new.owner',
  name: 'Ivan',
  surname: 'Petrov',
  birthDate: '1991-05-20',
  phone: '+77011234567',
  email: 'ivan.petrov@example.com',
  countryId: 2,
  password: 'Secret-pass-1',
};

describe('the mock backend against openapi.yaml', () => {
  it('answers every secured operation without a token with 401', async () => {
    for (const operation of operations.values()) {
      if (!operation.secured) continue;
      const body = operation.method === 'GET' ? undefined : {};
      await call(operation.id, 401, { id: 1, body });
      await call(operation.id, 401, { id: 1, body, token: 'sct_dead' });
    }
  });

  it('serves the dictionaries without a token', async () => {
    await call('listCountries', 200);
    await call('listCurrencies', 200);
    await call('listLanguages', 200);
  });

  it('logs in, throttles, and logs out', async () => {
    const signedIn = zToken.parse(
      await call('login', 200, {
        body: { login: 'admin', password: 'Qwerty123' },
      }),
    );
    await call('login', 401, { body: { login: 'admin', password: 'nope' } });
    await call('login', 401, { body: { login: 'nobody', password: 'x' } });
    await call('login', 422, { body: { login: 'admin' } });
    await call('login', 422, {
      body: { login: 'admin', password: 'Qwerty123', remember: true },
    });
    await call('login', 422, { rawBody: '{"login": "admin",' });
    for (let i = 0; i < 5; i += 1) {
      await call('login', 401, { body: { login: 'olga', password: 'no' } });
    }
    await call('login', 429, {
      body: { login: 'olga', password: 'Qwerty123' },
    });

    const token = signedIn.data.token;
    await call('getProfile', 200, { token });
    await call('logout', 204, { token });
    await call('logout', 401, { token });
    await call('getProfile', 401, { token });
  });

  it('registers and edits profiles', async () => {
    await call('register', 201, { body: validRegistration });
    await call('register', 409, { body: validRegistration });
    await call('register', 409, {
      body: { ...validRegistration, login: 'ADMIN', email: 'x@example.com' },
    });
    await call('register', 422, {
      body: { ...validRegistration, login: 'x', phone: '8 916' },
    });
    await call('register', 422, {
      body: { ...validRegistration, login: 'other', countryId: 999 },
    });
    await call('register', 422, { body: { ...validRegistration, id: 5 } });

    const token = adminToken();
    await call('getProfile', 200, { token });
    await call('updateProfile', 200, {
      token,
      body: { name: 'Алёша', languageId: 2, currencyId: 2, countryId: 8 },
    });
    await call('updateProfile', 409, {
      token,
      body: { email: 'OLGA.SMIRNOVA@example.com' },
    });
    await call('updateProfile', 409, { token, body: { login: 'Olga' } });
    await call('updateProfile', 422, { token, body: {} });
    await call('updateProfile', 422, { token, body: { languageId: 99 } });
    await call('updateProfile', 422, { token, body: { password: 'x' } });
  });

  it('manages objects', async () => {
    const token = adminToken();
    await call('listObjects', 200, { token });
    const created = zWithId.parse(
      await call('createObject', 201, {
        token,
        body: { name: 'Loft', area: 61.5, address: 'Москва, ул. Ленина, 1' },
      }),
    );
    const id = created.data.id;
    await call('createObject', 422, { token, body: { name: '', area: 0 } });
    await call('getObject', 200, { token, id });
    await call('getObject', 404, { token, id: olgaObjectId() });
    await call('getObject', 404, { token, id: 99_999 });
    await call('getObject', 422, { token, id: 'abc' });
    await call('getObject', 422, { token, id: 0 });
    await call('updateObject', 200, { token, id, body: { area: 62 } });
    await call('updateObject', 404, {
      token,
      id: olgaObjectId(),
      body: { area: 62 },
    });
    await call('updateObject', 422, { token, id, body: {} });
    await call('updateObject', 422, { token, id, body: { area: -1 } });
    await call('updateObject', 422, { token, id: 'x', body: { area: 1 } });
    await call('deleteObject', 204, { token, id });
    await call('deleteObject', 404, { token, id });
    await call('deleteObject', 404, { token, id: olgaObjectId() });
    await call('deleteObject', 422, { token, id: -3 });
  });

  it('manages events', async () => {
    const token = adminToken();
    const admin = mockDb().findUserByLogin('admin');
    const [object] = admin ? mockDb().listObjects(admin.id) : [];
    if (!object) throw new Error('admin has no objects');
    await call('listEvents', 200, { token });
    await call('listEvents', 200, {
      token,
      query: {
        limit: 200,
        object_id: object.id,
        date_from: '2000-01-01',
        date_to: '2100-12-31',
      },
    });
    await call('listEvents', 200, {
      token,
      query: { object_id: olgaObjectId() },
    });
    const first = z
      .object({ pagination: z.object({ next_cursor: z.string() }) })
      .parse(await call('listEvents', 200, { token, query: { limit: 5 } }));
    await call('listEvents', 200, {
      token,
      query: { limit: 5, cursor: first.pagination.next_cursor },
    });
    await call('listEvents', 422, { token, query: { limit: 0 } });
    await call('listEvents', 422, { token, query: { limit: 201 } });
    await call('listEvents', 422, { token, query: { limit: 'ten' } });
    await call('listEvents', 422, { token, query: { cursor: 'bm9wZQ' } });
    await call('listEvents', 422, {
      token,
      query: { date_from: '2024-02-30' },
    });
    await call('listEvents', 422, {
      token,
      query: { date_from: '2024-02-02', date_to: '2024-02-01' },
    });

    const event = {
      notification_date: '2025-03-01',
      income: 50_000,
      expense: 0,
      description: 'Аренда за март',
      object_id: object.id,
    };
    const created = zWithId.parse(
      await call('createEvent', 201, { token, body: event }),
    );
    const id = created.data.id;
    await call('createEvent', 422, {
      token,
      body: { ...event, object_id: olgaObjectId() },
    });
    await call('createEvent', 422, { token, body: { ...event, income: -1 } });
    await call('createEvent', 422, { token, body: { ...event, income: 1.5 } });
    await call('getEvent', 200, { token, id });
    await call('getEvent', 404, { token, id: olgaEventId() });
    await call('getEvent', 422, { token, id: '1.5' });
    await call('updateEvent', 200, { token, id, body: { expense: 10 } });
    await call('updateEvent', 404, {
      token,
      id: olgaEventId(),
      body: { expense: 10 },
    });
    await call('updateEvent', 422, {
      token,
      id,
      body: { object_id: olgaObjectId() },
    });
    await call('updateEvent', 422, { token, id, body: {} });
    await call('updateEvent', 422, { token, id: 'x', body: { income: 1 } });
    await call('deleteEvent', 204, { token, id });
    await call('deleteEvent', 404, { token, id });
    await call('deleteEvent', 404, { token, id: olgaEventId() });
    await call('deleteEvent', 422, { token, id: 'abc' });
  });

  it('has produced every status the contract declares', () => {
    const declared = [...operations.values()].flatMap((operation) =>
      [...operation.responses.keys()].map(
        (status) => `${operation.id} ${status}`,
      ),
    );
    expect(declared.filter((entry) => !produced.has(entry))).toEqual([]);
    expect(operations.size).toBe(18);
  });
});

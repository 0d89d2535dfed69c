import type { FieldError, LoginResponse, UserResponse } from '@/api/generated';
import { zLoginBody, zRegisterBody } from '@/api/generated/zod.gen';

import { json, noContent, problem, readBody, validationProblem } from '../http';
import { defaultsForCountry } from '../seed';
import { bodySchema, route, securedRoute } from './route';

const loginBody = bodySchema(zLoginBody);
const registerBody = bodySchema(zRegisterBody);

export const authHandlers = [
  route('post', '/auth/login', async ({ request, db }) => {
    const body = await readBody(request, loginBody);
    if (!body.ok) return body.response;
    const { login, password } = body.value;
    const now = Date.now();
    const lockedMs = db.loginLockRemainingMs(login, now);
    if (lockedMs > 0) {
      const seconds = Math.max(1, Math.ceil(lockedMs / 1000));
      return problem(
        429,
        `Too many failed attempts. Try again in ${seconds} s.`,
        { headers: { 'Retry-After': String(seconds) } },
      );
    }
    const user = db.authenticate(login, password);
    if (!user) {
      db.recordLoginFailure(login, now);
      return problem(401, 'Wrong login or password.');
    }
    db.clearLoginFailures(login);
    return json<LoginResponse>({ data: { token: db.createSession(user.id) } });
  }),

  securedRoute('post', '/auth/logout', ({ db, token }) => {
    db.deleteSession(token);
    return noContent();
  }),

  route('post', '/auth/register', async ({ request, db }) => {
    const body = await readBody(request, registerBody);
    if (!body.ok) return body.response;
    const { password, ...input } = body.value;
    const defaults = defaultsForCountry(input.countryId);
    if (!defaults) {
      return validationProblem([
        { field: 'countryId', message: 'No such country' },
      ]);
    }
    const conflicts: FieldError[] = [];
    if (db.isLoginTaken(input.login)) {
      conflicts.push({ field: 'login', message: 'This login is taken' });
    }
    if (db.isEmailTaken(input.email)) {
      conflicts.push({ field: 'email', message: 'This e-mail is taken' });
    }
    if (conflicts.length > 0) return validationProblem(conflicts, 409);
    const user = db.createUser({ ...input, ...defaults, password });
    return json<UserResponse>({ data: user }, 201);
  }),
];

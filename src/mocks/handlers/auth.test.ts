import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';

import { apiBaseUrl } from '@/api/base-url';
import {
  zLoginResponse,
  zUserResponse,
  zValidationProblem,
} from '@/api/generated/zod.gen';

import { LOGIN_LOCK_MS, LOGIN_MAX_FAILURES } from '../db';
import { DEMO_PASSWORD, mockDb, signInAs } from '../node';
import { callApi } from '../test-client';

function logIn(login: string, password: string) {
  return callApi('POST', '/auth/login', { body: { login, password } });
}

async function tokenOf(login: string): Promise<string> {
  const answer = await logIn(login, DEMO_PASSWORD);
  expect(answer.status).toBe(200);
  return zLoginResponse.parse(answer.body).data.token;
}

const registration = {
  login: 'timur',
  name: 'Тимур',
  surname: 'Ахметов',
  birthDate: '1988-11-03',
  phone: '+77012345678',
  email: 'timur.akhmetov@example.com',
  countryId: 2,
  password: 'Long-enough-1',
};

function register(body: Record<string, unknown>) {
  return callApi('POST', '/auth/register', { body });
}

function fields(body: unknown): string[] {
  return zValidationProblem.parse(body).errors.map((error) => error.field);
}

describe('log-in and log-out', () => {
  it('gives each log-in a fresh token that opens the profile', async () => {
    const first = await tokenOf('admin');
    const second = await tokenOf('admin');
    expect(first).toMatch(/^sct_[0-9a-f]{48}$/);
    expect(second).not.toBe(first);
    const profile = await callApi('GET', '/profile', { token: first });
    expect(zUserResponse.parse(profile.body).data.login).toBe('admin');
  });

  it('accepts the e-mail in place of the login, in any case', async () => {
    const answer = await logIn('ALEXEY.VORONTSOV@example.com', DEMO_PASSWORD);
    expect(answer.status).toBe(200);
  });

  it('refuses a wrong password or an unknown login with 401', async () => {
    expect((await logIn('admin', 'qwerty123')).status).toBe(401);
    expect((await logIn('ghost', DEMO_PASSWORD)).status).toBe(401);
  });

  it('answers 401 for the token after log-out, and only for it', async () => {
    const token = await tokenOf('admin');
    const other = await tokenOf('admin');
    const logout = await callApi('POST', '/auth/logout', { token });
    expect(logout.status).toBe(204);
    expect(logout.text).toBe('');
    for (const path of ['/profile', '/objects', '/events']) {
      const answer = await callApi('GET', path, { token });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('Content-Type')).toBe(
        'application/problem+json',
      );
    }
    expect((await callApi('POST', '/auth/logout', { token })).status).toBe(401);
    expect((await callApi('GET', '/profile', { token: other })).status).toBe(
      200,
    );
  });

  it('rejects a missing or malformed Authorization header', async () => {
    const token = signInAs('admin');
    const headers = [`Basic ${token}`, token, `Bearer`, `Bearer ${token}x`];
    for (const authorization of headers) {
      const answer = await fetch(`${apiBaseUrl}/profile`, {
        headers: { Authorization: authorization },
      });
      expect(answer.status).toBe(401);
    }
    expect((await callApi('GET', '/profile')).status).toBe(401);
  });
});

describe('log-in throttling', () => {
  function useClock(): { advance: (ms: number) => void } {
    let now = Date.parse('2025-06-15T10:00:00Z');
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    return { advance: (ms) => (now += ms) };
  }

  it(`locks a login for 30 s after ${LOGIN_MAX_FAILURES} failures`, async () => {
    const clock = useClock();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i += 1) {
      expect((await logIn('admin', 'wrong')).status).toBe(401);
    }
    // Even the right password is refused while the lock holds.
    const locked = await logIn('admin', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Content-Type')).toBe('application/problem+json');
    expect(locked.headers.get('Retry-After')).toBe('30');
    expect(z.object({ status: z.literal(429) }).parse(locked.body)).toEqual({
      status: 429,
    });

    clock.advance(12_500);
    const later = await logIn('Admin', DEMO_PASSWORD);
    expect(later.status).toBe(429);
    expect(later.headers.get('Retry-After')).toBe('18');

    // Other logins are not affected.
    expect((await logIn('olga', DEMO_PASSWORD)).status).toBe(200);

    clock.advance(LOGIN_LOCK_MS - 12_500);
    expect((await logIn('admin', DEMO_PASSWORD)).status).toBe(200);
  });

  it('counts consecutive failures only: a success resets them', async () => {
    useClock();
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i += 1) {
      await logIn('admin', 'wrong');
    }
    expect((await logIn('admin', DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i += 1) {
      expect((await logIn('admin', 'wrong')).status).toBe(401);
    }
    expect((await logIn('admin', DEMO_PASSWORD)).status).toBe(200);
  });

  it('throttles unknown logins too, so they give nothing away', async () => {
    useClock();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i += 1) {
      await logIn('ghost', 'wrong');
    }
    expect((await logIn('ghost', 'wrong')).status).toBe(429);
  });
});

describe('registration', () => {
  it('creates a user with the language and currency of the country', async () => {
    const answer = await register(registration);
    expect(answer.status).toBe(201);
    const user = zUserResponse.parse(answer.body).data;
    const { languages, currencies } = mockDb().dictionaries;
    expect(languages.find((l) => l.id === user.languageId)?.code).toBe('ru');
    expect(currencies.find((c) => c.id === user.currencyId)?.code).toBe('KZT');
    expect(user).not.toHaveProperty('password');
    expect((await logIn('timur', registration.password)).status).toBe(200);
  });

  it('defaults to English outside the Russian-speaking countries', async () => {
    const us = mockDb().dictionaries.countries.find((c) => c.code === 'US');
    const answer = await register({ ...registration, countryId: us?.id });
    const user = zUserResponse.parse(answer.body).data;
    const { languages, currencies } = mockDb().dictionaries;
    expect(languages.find((l) => l.id === user.languageId)?.code).toBe('en');
    expect(currencies.find((c) => c.id === user.currencyId)?.code).toBe('USD');
  });

  it('answers 409 naming the login or e-mail already taken', async () => {
    const login = await register({
      ...registration,
      login: 'ADMIN',
      email: 'someone@example.com',
    });
    expect(login.status).toBe(409);
    expect(login.headers.get('Content-Type')).toBe('application/problem+json');
    expect(fields(login.body)).toEqual(['login']);

    const email = await register({
      ...registration,
      email: 'Olga.Smirnova@EXAMPLE.com',
    });
    expect(email.status).toBe(409);
    expect(fields(email.body)).toEqual(['email']);

    const both = await register({
      ...registration,
      login: 'olga',
      email: 'olga.smirnova@example.com',
    });
    expect(fields(both.body)).toEqual(['login', 'email']);
    expect(mockDb().listUsers()).toHaveLength(2);
  });

  it('answers 422 with one entry per invalid or unknown field', async () => {
    const answer = await register({
      ...registration,
      login: 'a b',
      phone: '89161234567',
      password: 'short',
      role: 'admin',
    });
    expect(answer.status).toBe(422);
    expect(fields(answer.body).sort()).toEqual(
      ['login', 'password', 'phone', 'role'].sort(),
    );
    const missing = await register({ login: 'someone' });
    expect(fields(missing.body)).toEqual(
      expect.arrayContaining(['name', 'password', 'countryId']),
    );
    const malformed = await callApi('POST', '/auth/register', {
      rawBody: '{"login":',
    });
    expect(malformed.status).toBe(422);
    expect(fields(malformed.body)).toEqual(['body']);
    const unknownCountry = await register({ ...registration, countryId: 999 });
    expect(fields(unknownCountry.body)).toEqual(['countryId']);
  });
});

describe('profile', () => {
  it('saves a patch and keeps the rest', async () => {
    const token = signInAs('admin');
    const answer = await callApi('PATCH', '/profile', {
      token,
      body: { surname: 'Воронцов-Вельяминов', languageId: 3 },
    });
    expect(answer.status).toBe(200);
    const user = zUserResponse.parse(answer.body).data;
    expect(user).toMatchObject({
      login: 'admin',
      surname: 'Воронцов-Вельяминов',
      languageId: 3,
    });
    const again = await callApi('GET', '/profile', { token });
    expect(zUserResponse.parse(again.body).data).toEqual(user);
  });

  it('lets a user keep their own login and e-mail in another case', async () => {
    const token = signInAs('admin');
    const answer = await callApi('PATCH', '/profile', {
      token,
      body: { login: 'Admin', email: 'Alexey.Vorontsov@example.com' },
    });
    expect(answer.status).toBe(200);
  });

  it('answers 409 for a login or e-mail of someone else', async () => {
    const token = signInAs('admin');
    const answer = await callApi('PATCH', '/profile', {
      token,
      body: { login: 'OLGA', email: 'olga.smirnova@example.com' },
    });
    expect(answer.status).toBe(409);
    expect(fields(answer.body)).toEqual(['login', 'email']);
  });

  it('answers 422 for ids missing from the dictionaries', async () => {
    const token = signInAs('admin');
    const answer = await callApi('PATCH', '/profile', {
      token,
      body: { countryId: 77, languageId: 77, currencyId: 77 },
    });
    expect(answer.status).toBe(422);
    expect(fields(answer.body)).toEqual([
      'countryId',
      'languageId',
      'currencyId',
    ]);
  });
});

import { describe, expect, it, vi } from 'vitest';

import { zEventListResponse } from '@/api/generated/zod.gen';

import {
  addFault,
  getSwitches,
  resetMockBackend,
  setSwitches,
  signInAs,
} from './node';
import {
  bindSwitchesToStorage,
  defaultSwitches,
  parseSwitches,
  serializeSwitches,
  SWITCHES_STORAGE_KEY,
} from './switches';
import { callApi } from './test-client';

describe('forced faults', () => {
  it('answers a status fault the given number of times, then normally', async () => {
    addFault({
      path: '/objects',
      kind: 'status',
      status: 503,
      times: 2,
      retryAfter: 7,
    });
    const token = signInAs('admin');
    for (let i = 0; i < 2; i += 1) {
      const answer = await callApi('GET', '/objects', { token });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('Retry-After')).toBe('7');
      expect(answer.headers.get('Content-Type')).toBe(
        'application/problem+json',
      );
      expect(answer.body).toMatchObject({ status: 503 });
    }
    expect((await callApi('GET', '/objects', { token })).status).toBe(200);
    expect(getSwitches().faults).toEqual([]);
  });

  it('matches the method and a RegExp path when given', async () => {
    setSwitches({
      faults: [{ method: 'delete', path: /^\/events\/\d+$/, kind: 'status' }],
    });
    const token = signInAs('admin');
    expect((await callApi('GET', '/events/1', { token })).status).toBe(200);
    expect((await callApi('GET', '/events', { token })).status).toBe(200);
    expect((await callApi('DELETE', '/events/1', { token })).status).toBe(500);
  });

  it('applies before authentication, to public operations too', async () => {
    addFault({ path: '/', kind: 'status', status: 502 });
    expect((await callApi('GET', '/profile')).status).toBe(502);
    expect((await callApi('GET', '/dictionaries/countries')).status).toBe(502);
  });

  it('can answer a 422 or 409 that names fields', async () => {
    addFault({
      method: 'PATCH',
      path: '/profile',
      kind: 'status',
      status: 422,
      times: 1,
      errors: [{ field: 'email', message: 'This mailbox does not exist' }],
    });
    const token = signInAs('admin');
    const answer = await callApi('PATCH', '/profile', {
      token,
      body: { name: 'Иван' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      status: 422,
      errors: [{ field: 'email', message: 'This mailbox does not exist' }],
    });
    expect(parseSwitches(serializeSwitches(getSwitches())).faults).toEqual([]);
    const rule = {
      path: '/profile',
      kind: 'status' as const,
      status: 409,
      errors: [{ field: 'login', message: 'Taken' }],
    };
    expect(
      parseSwitches(serializeSwitches({ latencyMs: 0, faults: [rule] })).faults,
    ).toEqual([rule]);
  });

  it('can fail the network', async () => {
    addFault({ path: '/dictionaries', kind: 'network' });
    await expect(callApi('GET', '/dictionaries/languages')).rejects.toThrow(
      TypeError,
    );
  });

  it('can do the work and then lose the answer', async () => {
    const token = signInAs('admin');
    addFault({ method: 'POST', path: '/objects', kind: 'answer-lost' });
    await expect(
      callApi('POST', '/objects', {
        token,
        body: { name: 'Гараж', area: 18, address: 'Тверь' },
      }),
    ).rejects.toThrow(TypeError);
    setSwitches({ faults: [] });
    const list = await callApi('GET', '/objects', { token });
    expect(JSON.stringify(list.body)).toContain('Гараж');
  });

  it('can send malformed JSON', async () => {
    addFault({ path: '/events', kind: 'malformed-json' });
    const answer = await callApi('GET', '/events', {
      token: signInAs('admin'),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Type')).toBe('application/json');
    expect(() => JSON.parse(answer.text) as unknown).toThrow();
  });

  it('can break the contract', async () => {
    addFault({ path: '/events', kind: 'contract-break' });
    const answer = await callApi('GET', '/events', {
      token: signInAs('admin'),
    });
    expect(answer.status).toBe(200);
    expect(zEventListResponse.safeParse(answer.body).success).toBe(false);
  });

  it('can send a list page whose cursor goes round in a loop', async () => {
    addFault({ path: '/events', kind: 'cursor-loop' });
    const token = signInAs('admin');
    const page = async (cursor?: string) => {
      const answer = await callApi('GET', '/events', {
        token,
        query: { limit: 200, ...(cursor ? { cursor } : {}) },
      });
      expect(zEventListResponse.parse(answer.body).data).toEqual([]);
      return zEventListResponse.parse(answer.body).pagination;
    };
    const first = await page();
    const second = await page(first.next_cursor ?? '');
    const third = await page(second.next_cursor ?? '');
    expect(first).toEqual({ limit: 200, next_cursor: 'loop-a' });
    expect(second.next_cursor).toBe('loop-b');
    expect(third.next_cursor).toBe('loop-a');
  });

  it('cannot be reached while the browser is offline, like a real API', async () => {
    const offline = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      await expect(callApi('GET', '/dictionaries/languages')).rejects.toThrow(
        TypeError,
      );
    } finally {
      offline.mockRestore();
    }
    expect((await callApi('GET', '/dictionaries/languages')).status).toBe(200);
  });

  it('can hang until the client gives up', async () => {
    addFault({ path: '/profile', kind: 'hang' });
    const request = fetch(`${location.origin}/api/profile`, {
      signal: AbortSignal.timeout(50),
    });
    await expect(request).rejects.toThrow();
  });

  it('adds the latency asked for', async () => {
    setSwitches({ latencyMs: 60 });
    const started = performance.now();
    await callApi('GET', '/dictionaries/languages');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('are cleared by resetMockBackend', () => {
    setSwitches({ latencyMs: 100, faults: [{ path: '/', kind: 'hang' }] });
    resetMockBackend();
    expect(getSwitches()).toEqual(defaultSwitches);
  });
});

describe('switches in storage', () => {
  it('round-trip through JSON, RegExp paths included', () => {
    const switches = {
      latencyMs: { min: 10, max: 20 },
      faults: [
        { path: /^\/events\/\d+$/i, kind: 'network' as const, times: 1 },
        {
          method: 'POST',
          path: '/auth/login',
          kind: 'status' as const,
          status: 429,
          retryAfter: 5,
        },
      ],
    };
    expect(parseSwitches(serializeSwitches(switches))).toEqual(switches);
  });

  it('fall back to the defaults for what cannot be read', () => {
    expect(parseSwitches(null)).toEqual(defaultSwitches);
    expect(parseSwitches('{oops')).toEqual(defaultSwitches);
    expect(
      parseSwitches(
        JSON.stringify({
          latencyMs: -5,
          faults: [
            { path: '/x', kind: 'explode' },
            { kind: 'hang' },
            { path: '/y', kind: 'hang' },
          ],
        }),
      ),
    ).toEqual({ latencyMs: 0, faults: [{ path: '/y', kind: 'hang' }] });
  });

  it('are read from and written to localStorage when bound to it', async () => {
    localStorage.setItem(
      SWITCHES_STORAGE_KEY,
      JSON.stringify({
        faults: [{ path: '/objects', kind: 'status', status: 500, times: 1 }],
      }),
    );
    const unbind = bindSwitchesToStorage(localStorage, defaultSwitches);
    try {
      expect(getSwitches().faults).toHaveLength(1);
      const answer = await callApi('GET', '/objects', {
        token: signInAs('admin'),
      });
      expect(answer.status).toBe(500);
      // The used-up rule is gone from storage too.
      expect(
        JSON.parse(localStorage.getItem(SWITCHES_STORAGE_KEY) ?? ''),
      ).toEqual({
        latencyMs: 0,
        faults: [],
      });
    } finally {
      unbind();
    }
  });
});

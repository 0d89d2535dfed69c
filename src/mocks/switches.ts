import { bypass, delay, HttpResponse } from 'msw';

import { apiBaseUrl } from '@/api/base-url';
import type { FieldError } from '@/api/generated';

import { problem, validationProblem } from './http';

/**
 * The one place for test-only behaviour of the mock backend: latency and
 * forced faults. Node tests set them with `setSwitches`; in the browser they
 * live in localStorage under SWITCHES_STORAGE_KEY (and
 * `window.__smartcommMock.setSwitches`), so Playwright can inject faults.
 */

export const SWITCHES_STORAGE_KEY = 'smartcomm.mock.switches';

export type FaultKind =
  /** A problem+json answer with `status` (default 500). */
  | 'status'
  /** The request fails as if the network were down. */
  | 'network'
  /** No answer ever; the client must time out or abort. */
  | 'hang'
  /** `status` (default 200) with a body that is not JSON. */
  | 'malformed-json'
  /** `status` (default 200) with JSON that breaks the contract. */
  | 'contract-break'
  /**
   * A valid but empty list page whose `next_cursor` takes turns between two
   * values, so a client that follows cursors blindly never stops.
   */
  | 'cursor-loop'
  /**
   * The server does the work, then its answer is lost on the way back (a
   * reset connection): the client cannot tell whether it was saved.
   */
  | 'answer-lost';

export type FaultRule = {
  /** HTTP method, any case; every method when absent. */
  method?: string;
  /**
   * Matched against the path below the API base, e.g. `/events/12`: a string
   * is a prefix, a RegExp is tested.
   */
  path: string | RegExp;
  kind: FaultKind;
  status?: number;
  /** How many matching requests it hits before it is gone; always if absent. */
  times?: number;
  /** Seconds for a `Retry-After` header. */
  retryAfter?: number;
  /** With a `status` fault of 422 or 409: the fields the problem names. */
  errors?: FieldError[];
};

/** Milliseconds, or a range to pick from at random for each request. */
export type Latency = number | { min: number; max: number };

export type MockSwitches = {
  latencyMs: Latency;
  faults: FaultRule[];
};

export const defaultSwitches: MockSwitches = { latencyMs: 0, faults: [] };

/** What the dev server and the demo use: answers arrive like a real API's. */
export const browserDefaultSwitches: MockSwitches = {
  latencyMs: { min: 120, max: 300 },
  faults: [],
};

let switches: MockSwitches = cloneSwitches(defaultSwitches);
const listeners = new Set<(value: MockSwitches) => void>();

function cloneSwitches(value: MockSwitches): MockSwitches {
  return {
    latencyMs:
      typeof value.latencyMs === 'number'
        ? value.latencyMs
        : { ...value.latencyMs },
    faults: value.faults.map((rule) => ({ ...rule })),
  };
}

function changed(): void {
  for (const listener of listeners) listener(getSwitches());
}

export function getSwitches(): MockSwitches {
  return cloneSwitches(switches);
}

/** Replaces the given switches, keeps the others. */
export function setSwitches(patch: Partial<MockSwitches>): void {
  switches = cloneSwitches({ ...switches, ...patch });
  changed();
}

export function resetSwitches(base: MockSwitches = defaultSwitches): void {
  switches = cloneSwitches(base);
  changed();
}

/** Adds one fault rule after the existing ones. */
export function addFault(rule: FaultRule): void {
  setSwitches({ faults: [...switches.faults, rule] });
}

export function onSwitchesChange(
  listener: (value: MockSwitches) => void,
): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// localStorage holds JSON, so a RegExp path is stored as {regexp, flags}.
export function serializeSwitches(value: MockSwitches): string {
  return JSON.stringify({
    latencyMs: value.latencyMs,
    faults: value.faults.map((rule) => ({
      ...rule,
      path:
        rule.path instanceof RegExp
          ? { regexp: rule.path.source, flags: rule.path.flags }
          : rule.path,
    })),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const faultKinds: readonly string[] = [
  'status',
  'network',
  'hang',
  'malformed-json',
  'contract-break',
  'cursor-loop',
  'answer-lost',
] satisfies FaultKind[];

function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && faultKinds.includes(value);
}

function parsePath(value: unknown): string | RegExp | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value) || typeof value.regexp !== 'string') return undefined;
  try {
    return new RegExp(
      value.regexp,
      typeof value.flags === 'string' ? value.flags : undefined,
    );
  } catch {
    return undefined;
  }
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return (value as unknown[]).filter(
    (item): item is FieldError =>
      isRecord(item) &&
      typeof item.field === 'string' &&
      typeof item.message === 'string',
  );
}

function parseLatency(value: unknown): Latency | undefined {
  if (typeof value === 'number' && value >= 0) return value;
  if (isRecord(value)) {
    const min = optionalNumber(value.min);
    const max = optionalNumber(value.max);
    if (min !== undefined && max !== undefined) return { min, max };
  }
  return undefined;
}

/**
 * Switches written by hand (a Playwright init script) or by
 * serializeSwitches; what cannot be read falls back to `base`.
 */
export function parseSwitches(
  text: string | null,
  base: MockSwitches = defaultSwitches,
): MockSwitches {
  let parsed: unknown;
  try {
    parsed = text === null ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!isRecord(parsed)) return cloneSwitches(base);
  const faults: FaultRule[] = [];
  if (Array.isArray(parsed.faults)) {
    for (const item of parsed.faults as unknown[]) {
      if (!isRecord(item) || !isFaultKind(item.kind)) continue;
      const path = parsePath(item.path);
      if (path === undefined) continue;
      const rule: FaultRule = { path, kind: item.kind };
      if (typeof item.method === 'string') rule.method = item.method;
      const status = optionalNumber(item.status);
      if (status !== undefined) rule.status = status;
      const times = optionalNumber(item.times);
      if (times !== undefined) rule.times = times;
      const retryAfter = optionalNumber(item.retryAfter);
      if (retryAfter !== undefined) rule.retryAfter = retryAfter;
      const errors = parseFieldErrors(item.errors);
      if (errors) rule.errors = errors;
      faults.push(rule);
    }
  }
  return {
    latencyMs: parseLatency(parsed.latencyMs) ?? base.latencyMs,
    faults,
  };
}

/** Keeps the switches in `storage`, reading what is there first. */
export function bindSwitchesToStorage(
  storage: Storage,
  base: MockSwitches = browserDefaultSwitches,
): () => void {
  resetSwitches(parseSwitches(storage.getItem(SWITCHES_STORAGE_KEY), base));
  return onSwitchesChange((value) => {
    try {
      storage.setItem(SWITCHES_STORAGE_KEY, serializeSwitches(value));
    } catch {
      // Storage full or blocked: the switches still hold for this page.
    }
  });
}

function apiPath(request: Request): string {
  const url = new URL(request.url);
  const base = new URL(apiBaseUrl);
  return url.pathname.slice(base.pathname.replace(/\/$/, '').length) || '/';
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path instanceof RegExp) {
    rule.path.lastIndex = 0;
    return rule.path.test(path);
  }
  return path.startsWith(rule.path);
}

/** Finds the first rule for the request and uses up one of its `times`. */
function takeFault(request: Request): FaultRule | undefined {
  const path = apiPath(request);
  const index = switches.faults.findIndex((rule) =>
    matches(rule, request.method.toUpperCase(), path),
  );
  const rule = switches.faults[index];
  if (!rule) return undefined;
  if (rule.times !== undefined) {
    const faults = [...switches.faults];
    if (rule.times <= 1) faults.splice(index, 1);
    else faults[index] = { ...rule, times: rule.times - 1 };
    setSwitches({ faults });
  }
  return rule;
}

function latencyFor(value: Latency): number {
  if (typeof value === 'number') return value;
  return value.min + Math.random() * Math.max(0, value.max - value.min);
}

const LOOP_CURSORS = ['loop-a', 'loop-b'] as const;

/** The answer of a fault that replaces the handler's work. */
async function faultResponse(
  rule: FaultRule & { kind: Exclude<FaultKind, 'answer-lost'> },
  request: Request,
): Promise<Response> {
  const headers = new Headers();
  if (rule.retryAfter !== undefined) {
    headers.set('Retry-After', String(rule.retryAfter));
  }
  switch (rule.kind) {
    case 'network':
      return HttpResponse.error();
    case 'hang':
      await delay('infinite');
      return HttpResponse.error();
    case 'malformed-json':
      headers.set('Content-Type', 'application/json');
      return new HttpResponse('{"data": [{"id": 1, ', {
        status: rule.status ?? 200,
        headers,
      });
    case 'contract-break':
      return HttpResponse.json(
        { data: 'contract-break', pagination: 'none' },
        { status: rule.status ?? 200, headers },
      );
    case 'cursor-loop': {
      const url = new URL(request.url);
      const next =
        url.searchParams.get('cursor') === LOOP_CURSORS[0]
          ? LOOP_CURSORS[1]
          : LOOP_CURSORS[0];
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return HttpResponse.json(
        { pagination: { limit, next_cursor: next }, data: [] },
        { status: rule.status ?? 200, headers },
      );
    }
    case 'status':
      if (rule.errors && (rule.status === 422 || rule.status === 409)) {
        return validationProblem(rule.errors, rule.status);
      }
      return problem(rule.status ?? 500, 'Forced by a mock backend switch.', {
        headers,
      });
  }
}

/**
 * The worker answers even when the browser is offline; a real API could not
 * be reached then, so neither can the mock. `navigator.onLine` alone cannot
 * tell: it is false on a machine whose only network is loopback, where the
 * page's own origin answers. So when it says offline, the origin is asked,
 * past the mock.
 */
async function cannotReachOrigin(request: Request): Promise<boolean> {
  if (typeof navigator === 'undefined' || navigator.onLine) return false;
  try {
    await fetch(
      bypass(new URL('/favicon.svg', request.url), {
        method: 'HEAD',
        cache: 'no-store',
      }),
    );
    return false;
  } catch {
    return true;
  }
}

/**
 * Waits out the latency, then answers with a forced fault if one matches,
 * or does the handler's `work` (and, for 'answer-lost', drops its answer).
 */
export async function withSwitches(
  request: Request,
  work: () => Response | Promise<Response>,
): Promise<Response> {
  if (await cannotReachOrigin(request)) return HttpResponse.error();
  const ms = latencyFor(switches.latencyMs);
  if (ms > 0) await delay(ms);
  const rule = takeFault(request);
  if (!rule) return work();
  const { kind } = rule;
  if (kind === 'answer-lost') {
    await work();
    return HttpResponse.error();
  }
  return faultResponse({ ...rule, kind }, request);
}

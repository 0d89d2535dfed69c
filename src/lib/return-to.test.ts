import { describe, expect, it } from 'vitest';

import { loginPathFor, safeReturnTo } from './return-to';

const ORIGIN = window.location.origin;

describe('safeReturnTo', () => {
  it.each([
    ['/events?date_from=2026-01-01', '/events?date_from=2026-01-01'],
    ['/objects/3#totals', '/objects/3#totals'],
    // Dot segments that stay inside the app are resolved, not refused.
    ['/objects/../events', '/events'],
    ['/./profile', '/profile'],
    ['/@evil.example', '/@evil.example'],
  ])('keeps the in-app path %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  const hostile = [
    null,
    undefined,
    '',
    'events',
    'evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/path',
    '///evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/a/..//evil.example',
    '/a/b/../..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/.%2e//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' //evil.example',
    '/login?returnTo=/events',
    '/register',
  ];

  it.each(hostile)('falls back to the overview for %j', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('never gives a path that leaves this origin', () => {
    for (const value of hostile) {
      const path = safeReturnTo(value);
      expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      expect(path.startsWith('//')).toBe(false);
    }
  });
});

describe('loginPathFor', () => {
  it('carries the page to come back to', () => {
    expect(loginPathFor('/events?object_id=2')).toBe(
      '/login?returnTo=%2Fevents%3Fobject_id%3D2',
    );
  });

  it('adds nothing for the overview', () => {
    expect(loginPathFor('/')).toBe('/login');
  });
});

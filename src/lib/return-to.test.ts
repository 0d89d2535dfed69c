import { describe, expect, it } from 'vitest';

import { loginPathFor, safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/events?date_from=2026-01-01', '/events?date_from=2026-01-01'],
    ['/objects/3#totals', '/objects/3#totals'],
  ])('keeps the in-app path %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    'javascript:alert(1)',
    'events',
    '/login?returnTo=/events',
  ])('falls back to the overview for %s', (value) => {
    expect(safeReturnTo(value)).toBe('/');
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

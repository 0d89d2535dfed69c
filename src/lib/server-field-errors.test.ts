import { describe, expect, it } from 'vitest';

import { ApiError } from '@/api/errors';

import { serverVerdict } from './server-field-errors';

const FIELDS = ['name', 'area'] as const;
const describeError = (error: unknown) =>
  `failed (${error instanceof ApiError ? error.status : '?'})`;
const verdict = (
  status: number,
  errors: { field: string; message: string }[],
) =>
  serverVerdict(
    new ApiError({
      kind: 'http',
      status,
      problem: { type: 'about:blank', title: 'No', status, errors },
    }),
    FIELDS,
    describeError,
  );

describe('serverVerdict', () => {
  it('puts every message under its field, and nothing in the banner', () => {
    expect(
      verdict(422, [
        { field: 'area', message: 'Too small' },
        { field: 'name', message: 'Taken' },
      ]),
    ).toEqual({
      matched: [
        { field: 'area', message: 'Too small' },
        { field: 'name', message: 'Taken' },
      ],
      banner: null,
    });
  });

  it('says in the banner what names no field of the form', () => {
    expect(
      verdict(422, [
        { field: 'name', message: 'Taken' },
        { field: 'owner', message: 'Not yours' },
      ]),
    ).toEqual({
      matched: [{ field: 'name', message: 'Taken' }],
      banner: 'failed (422) Not yours',
    });
  });

  it.each([422, 409])(
    'never leaves a %i that names no field unsaid',
    (status) => {
      expect(verdict(status, [])).toEqual({
        matched: [],
        banner: `failed (${status})`,
      });
    },
  );

  it('says any other failure in the banner', () => {
    expect(verdict(500, [])).toEqual({ matched: [], banner: 'failed (500)' });
  });
});

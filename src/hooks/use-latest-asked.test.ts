import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useLatestAsked } from './use-latest-asked';

type View = { query: string; kind: string };

describe('useLatestAsked', () => {
  it('lays a second quick change on the first, then on the address once it has caught up', () => {
    const written: View[] = [];
    const { result, rerender } = renderHook(
      ({ current, address }: { current: View; address: string }) =>
        useLatestAsked(current, address, (next) => written.push(next)),
      {
        initialProps: {
          current: { query: 'rent', kind: 'all' },
          address: 'q=rent',
        },
      },
    );
    // Both before the address follows: the second keeps the first.
    act(() => {
      result.current((view) => ({ ...view, query: '' }));
      result.current((view) => ({ ...view, kind: 'expense' }));
    });
    expect(written.at(-1)).toEqual({ query: '', kind: 'expense' });

    // The address changed by itself (Back): changes start from it.
    rerender({ current: { query: 'tax', kind: 'all' }, address: 'q=tax' });
    act(() => result.current((view) => ({ ...view, kind: 'income' })));
    expect(written.at(-1)).toEqual({ query: 'tax', kind: 'income' });
  });
});

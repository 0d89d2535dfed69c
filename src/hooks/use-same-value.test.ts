import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useSameValue } from './use-same-value';

type Filters = { date_from?: string; object_id?: number };

describe('useSameValue', () => {
  it('keeps the object while its fields are the same, and takes a changed one', () => {
    const { result, rerender } = renderHook<Filters, { value: Filters }>(
      ({ value }) => useSameValue(value),
      { initialProps: { value: { date_from: '2026-01-01', object_id: 3 } } },
    );
    const first = result.current;
    rerender({ value: { date_from: '2026-01-01', object_id: 3 } });
    expect(result.current).toBe(first);

    const changed = { date_from: '2026-01-01', object_id: 4 };
    rerender({ value: changed });
    expect(result.current).toBe(changed);
    // A field gone is a change too.
    rerender({ value: { date_from: '2026-01-01' } });
    expect(result.current).toEqual({ date_from: '2026-01-01' });
    expect(result.current).not.toBe(changed);
  });
});

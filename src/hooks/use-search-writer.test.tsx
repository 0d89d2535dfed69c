import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';

import { useSearchWriter } from './use-search-writer';

function renderWriter(initial: string) {
  type Writer = ReturnType<typeof useSearchWriter>;
  let hook: { write: Writer; other: Writer; search: string } | null = null;
  // Two parts of one page, each writing its own params.
  function Probe() {
    hook = {
      write: useSearchWriter(),
      other: useSearchWriter(),
      search: useLocation().search,
    };
    return null;
  }
  const router = createMemoryRouter([{ path: '/events', element: <Probe /> }], {
    initialEntries: [initial],
  });
  renderHook(() => null, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <>
        <RouterProvider router={router} />
        {children}
      </>
    ),
  });
  return {
    router,
    current: () => {
      if (!hook) throw new Error('not rendered');
      return hook;
    },
  };
}

const set =
  (name: string, value: string | null) => (params: URLSearchParams) => {
    if (value === null) params.delete(name);
    else params.set(name, value);
    return params;
  };

describe('useSearchWriter', () => {
  it('keeps both of two changes asked for in the same instant by two parts of the page', async () => {
    const { current } = renderWriter('/events?q=rent');
    act(() => {
      const { write, other } = current();
      write(set('q', null));
      other(set('type', 'expense'));
    });
    await waitFor(() => expect(current().search).not.toBe('?q=rent'));
    expect(current().search).toBe('?type=expense');
  });

  it('starts from the address once it has moved on, Back included', async () => {
    const { current, router } = renderWriter('/events?q=rent');
    act(() => current().write(set('q', 'tax')));
    await waitFor(() => expect(current().search).toBe('?q=tax'));
    await act(async () => router.navigate(-1));
    expect(current().search).toBe('?q=rent');
    act(() => current().write(set('type', 'income')));
    await waitFor(() => expect(current().search).toBe('?q=rent&type=income'));
  });
});

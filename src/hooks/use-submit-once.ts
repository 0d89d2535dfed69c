import { useRef } from 'react';

/**
 * One submit at a time: while `submit` is on its way, another Enter or click
 * sends nothing. A ref, not state: a second Enter can come before the
 * render that would show the form as busy.
 */
export function useSubmitOnce<A extends unknown[]>(
  submit: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  const busy = useRef(false);
  return async (...args: A) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await submit(...args);
    } finally {
      busy.current = false;
    }
  };
}

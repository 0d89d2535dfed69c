import { useCallback, useEffect, useRef } from 'react';

/**
 * Changes to a value kept in the address, which follows a moment later: a
 * change applies to the last value asked for, not to the one last
 * rendered, so two changes in quick succession (clear the search, then
 * choose a kind) both hold. Once the address has caught up (`address`
 * changed), changes apply to `current` again.
 */
export function useLatestAsked<T>(
  current: T,
  address: string,
  write: (next: T) => void,
): (update: (value: T) => T) => void {
  const asked = useRef<{ value: T } | null>(null);
  useEffect(() => {
    asked.current = null;
  }, [address]);
  return useCallback(
    (update: (value: T) => T) => {
      const next = update(asked.current ? asked.current.value : current);
      asked.current = { value: next };
      write(next);
    },
    [current, write],
  );
}

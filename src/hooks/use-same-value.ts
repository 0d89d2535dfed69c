import { useState } from 'react';

function shallowEqual(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every(
      (key) =>
        Object.hasOwn(b, key) &&
        Object.is(a[key as keyof typeof a], b[key as keyof typeof b]),
    )
  );
}

/**
 * `value`, but the same object as last time while its own fields are the
 * same: what depends on it (memos, effects, memoised children) does not run
 * again for an object rebuilt with equal contents.
 */
export function useSameValue<T extends object>(value: T): T {
  const [kept, setKept] = useState(value);
  if (shallowEqual(kept, value)) return kept;
  setKept(value);
  return value;
}

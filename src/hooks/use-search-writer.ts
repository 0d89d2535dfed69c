import { useCallback } from 'react';
import {
  useLocation,
  useSearchParams,
  type Location,
  type NavigateOptions,
} from 'react-router';

/**
 * The search params last asked for, and the location they were asked from
 * (React Router's object, a new one on every move, Back included). One for
 * the whole page: every part of it that keeps its state in the address
 * (the ledger's filters, its search and sort) writes through here.
 */
let asked: { from: Location; to: string } | null = null;

/**
 * Changes the address's search params. The address follows a moment
 * later, so a change is laid on the params last asked for, not on those
 * last rendered: two changes in the same instant, from two parts of the
 * page (a new period, and clearing the search), both hold. Once the
 * address has moved on (a new entry, whether the one asked for or Back),
 * changes start from it again.
 */
export function useSearchWriter(): (
  update: (current: URLSearchParams) => URLSearchParams,
  options?: NavigateOptions,
) => void {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const search = searchParams.toString();
  return useCallback(
    (update, options) => {
      const base = asked?.from === location ? asked.to : search;
      const next = update(new URLSearchParams(base)).toString();
      asked = { from: location, to: next };
      setSearchParams(next, options);
    },
    [location, search, setSearchParams],
  );
}

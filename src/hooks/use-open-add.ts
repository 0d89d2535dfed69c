import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * Navigation state that asks the page to open its "add" form at once, as
 * the overview's first steps do.
 */
export const OPEN_ADD = { openAdd: true } as const;

function asksToAdd(state: unknown): boolean {
  return (
    typeof state === 'object' &&
    state !== null &&
    'openAdd' in state &&
    state.openAdd === true
  );
}

/**
 * Whether the page was opened to add something. The request is taken off
 * the history entry, so a reload or coming Back does not open the form again.
 */
export function useOpenAddRequest(): boolean {
  const location = useLocation();
  const navigate = useNavigate();
  const [asked] = useState(() => asksToAdd(location.state));
  useEffect(() => {
    if (!asksToAdd(location.state)) return;
    const { pathname, search, hash } = location;
    void navigate(
      { pathname, search, hash },
      { replace: true, state: null, preventScrollReset: true },
    );
  }, [location, navigate]);
  return asked;
}

import { useMutation } from '@tanstack/react-query';

import { logout } from '@/api/generated';
import { endSession } from '@/api/auth-session';

/**
 * Closes the server session, then ends it here and in other tabs even when
 * the server could not be reached; the signed-in layout forgets the cache.
 * What the owner confirmed or entered is sent before it is called
 * (useSignOutAfterOutbox).
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => logout(),
    onSettled: () => endSession('signed-out'),
  });
}

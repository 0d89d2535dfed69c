import { useMutation } from '@tanstack/react-query';

import { logout } from '@/api/generated';
import { endSession } from '@/api/auth-session';
import { sendAllDeletes } from '@/lib/pending-deletes';

/**
 * Sends the deletes still inside their Undo window (the user confirmed
 * them), closes the server session, then ends it here and in other tabs
 * even when the server could not be reached; the signed-in layout forgets
 * the cache.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      await sendAllDeletes();
      await logout();
    },
    onSettled: () => endSession('signed-out'),
  });
}

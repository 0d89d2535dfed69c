import { useMutation, useQueryClient } from '@tanstack/react-query';

import { toApiError } from '@/api/errors';
import { deleteObject } from '@/api/generated';

import { hideObject, isHidden, unhideObject } from './pending-deletes';
import { objectQueries } from './queries';

/** How long the Undo toast gives the user before the delete is sent. */
export const UNDO_WINDOW_MS = 6_000;

/**
 * Deletion with Undo: `hide` takes the object off every screen at once, `undo`
 * brings it back, and `commit` (when the Undo window closes) sends DELETE.
 * The server deletes the object's events with it.
 */
export function useDeleteObject() {
  const queryClient = useQueryClient();
  const commit = useMutation({
    mutationFn: async (id: number) => {
      try {
        await deleteObject({ path: { id } });
      } catch (error) {
        // Already gone (another tab, say) is what the user wanted.
        if (toApiError(error).status !== 404) throw error;
      }
    },
    onSuccess: (_data, id) => {
      const list = objectQueries.list();
      queryClient.setQueryData(
        list.queryKey,
        (old) =>
          old && {
            ...old,
            data: old.data.filter((object) => object.id !== id),
          },
      );
      queryClient.removeQueries({
        queryKey: objectQueries.detail(id).queryKey,
      });
      void queryClient.invalidateQueries({ queryKey: list.queryKey });
    },
    // Deleted, or on failure shown again: either way no longer pending.
    onSettled: (_data, _error, id) => unhideObject(id),
  });
  return {
    hide: hideObject,
    undo: unhideObject,
    /** Sends the delete unless it was undone meanwhile; true if sent. */
    commit: async (id: number): Promise<boolean> => {
      if (!isHidden(id)) return false;
      await commit.mutateAsync(id);
      return true;
    },
  };
}

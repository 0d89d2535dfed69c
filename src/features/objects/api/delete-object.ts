import { useQueryClient } from '@tanstack/react-query';

import { deleteObject, type PropertyObject } from '@/api/generated';
import { useDeleteWithUndo } from '@/hooks/use-delete-with-undo';
import { deleteTarget } from '@/lib/pending-deletes';

import { objectQueries } from './queries';

export type DeleteObjectTexts = { done: string; failed: string };

/**
 * Deletes an object with Undo: it leaves every screen at once (the lists
 * leave out pending deletes) and the DELETE is sent when the Undo window
 * closes. The server deletes the object's events with it.
 */
export function useDeleteObject() {
  const queryClient = useQueryClient();
  const deleteWithUndo = useDeleteWithUndo();
  return (
    object: PropertyObject,
    texts: DeleteObjectTexts,
    onDeleted?: (object: PropertyObject) => void,
  ) =>
    deleteWithUndo({
      ...texts,
      target: deleteTarget('object', object.id),
      send: (keepalive) => deleteObject({ path: { id: object.id }, keepalive }),
      deleted: () => {
        const list = objectQueries.list();
        queryClient.setQueryData(
          list.queryKey,
          (old) =>
            old && {
              ...old,
              data: old.data.filter((item) => item.id !== object.id),
            },
        );
        queryClient.removeQueries({
          queryKey: objectQueries.detail(object.id).queryKey,
        });
        void queryClient.invalidateQueries({ queryKey: list.queryKey });
        onDeleted?.(object);
      },
    });
}
